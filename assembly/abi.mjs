// The kernel ABI, generated: reads every kernel exported by assembly/index.ts (its AssemblyScript
// signature) and by bindings/js/index.ts (its JS mirror's signature), checks that they follow the
// one calling convention, and writes the three files that bind them to the TypeScript layer:
//
//   bindings/wasm/exports.ts   the raw exports of the module (numbers and byte addresses)
//   bindings/core/kernels.ts   `Kernels`: every kernel once, its buffer arguments as `F64Ref`/`I32Ref`
//   bindings/wasm/kernels.ts   `wasmKernels(exports)`: Kernels over the module (an operand → its `ptr`)
//   bindings/js/kernels.ts     `jsKernels`: Kernels over the JS mirrors (an operand → `array(), offset`)
//
// The convention (assembly/index.ts's header): a `usize` parameter of the AssemblyScript kernel is a
// byte address; the JS mirror takes, in its place, a typed array and an element offset
// (`x: Float64Array, offX: number` — or Int32Array for integer buffers). Every other parameter is a
// number at the same position in both. Anything else is an error here, so the mirrors cannot drift.
//
//   node assembly/abi.mjs          regenerate the files (run by `npm run asbuild`)
//   node assembly/abi.mjs --check  exit 1 when a generated file is stale (run by `npm test`)
import ts from 'typescript';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
/** Exports of the module that are not kernels (the JS side has no mirror of them). */
const MODULE_ONLY = new Set(['dataEnd', 'poolSetup', 'poolBytes', 'workerLoop', 'workerFault', 'poolQuit']);

function parse(file) {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
}

/** name → source file of every `export { … } from '…'` in an index file. */
function reExports(indexFile, ext) {
  const out = new Map();
  const sf = parse(indexFile);
  for (const st of sf.statements) {
    if (ts.isExportDeclaration(st) && st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) {
      let spec = st.moduleSpecifier.text;
      if (ext === '.ts' && spec.endsWith('.js')) spec = spec.slice(0, -3);
      const file = resolve(dirname(indexFile), spec.endsWith('.ts') ? spec : spec + '.ts');
      for (const el of st.exportClause.elements) {
        if (el.propertyName) throw new Error(`${indexFile}: renamed export ${el.name.text} is not supported`);
        out.set(el.name.text, file);
      }
    } else if (ts.isFunctionDeclaration(st) && st.name && hasExport(st)) {
      out.set(st.name.text, indexFile);
    }
  }
  return out;
}

function hasExport(node) {
  return (ts.getModifiers?.(node) ?? node.modifiers ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** { params: [{ name, type }], ret } of `export function name` in file. */
function signature(file, name) {
  const sf = parse(file);
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name?.text === name && hasExport(st)) {
      return {
        params: st.parameters.map((p) => ({ name: p.name.getText(sf), type: p.type ? p.type.getText(sf) : '?' })),
        ret: st.type ? st.type.getText(sf) : 'void',
      };
    }
  }
  throw new Error(`${file}: no 'export function ${name}'`);
}

const asIndex = join(root, 'assembly', 'index.ts');
const jsIndex = join(root, 'bindings', 'js', 'index.ts');
const asExports = reExports(asIndex, '.ts');
const jsExports = reExports(jsIndex, '.ts');

const errors = [];
for (const n of asExports.keys()) if (!MODULE_ONLY.has(n) && !jsExports.has(n)) errors.push(`${n}: exported by assembly/index.ts, not by bindings/js/index.ts`);
for (const n of jsExports.keys()) if (!asExports.has(n)) errors.push(`${n}: exported by bindings/js/index.ts, not by assembly/index.ts`);

const NUM = new Set(['i32', 'u32', 'f64', 'f32', 'bool', 'u8', 'i8', 'u16', 'i16', 'isize']);

/** One kernel: params as { name, kind: 'num' | 'f64' | 'i32' }, ret 'number' | 'void'. */
const kernels = [];
for (const [name, asFile] of asExports) {
  if (MODULE_ONLY.has(name) || !jsExports.has(name)) continue;
  const a = signature(asFile, name);
  const j = signature(jsExports.get(name), name);
  const params = [];
  let k = 0;
  const where = `${name} (${asFile.slice(root.length + 1)} ↔ ${jsExports.get(name).slice(root.length + 1)})`;
  for (const p of a.params) {
    const jp = j.params[k];
    if (p.type === 'usize') {
      const jo = j.params[k + 1];
      if (!jp || !jo || !/^(Float64Array|Int32Array)$/.test(jp.type) || jo.type !== 'number') {
        errors.push(`${where}: pointer ${p.name} must become (Float64Array | Int32Array, number) in the mirror, got (${jp?.name}: ${jp?.type}, ${jo?.name}: ${jo?.type})`);
        break;
      }
      params.push({ name: p.name, kind: jp.type === 'Float64Array' ? 'f64' : 'i32' });
      k += 2;
    } else if (NUM.has(p.type)) {
      if (!jp || jp.type !== 'number') {
        errors.push(`${where}: ${p.name}: ${p.type} must be a number in the mirror, got ${jp?.name}: ${jp?.type}`);
        break;
      }
      params.push({ name: p.name, kind: 'num' });
      k += 1;
    } else {
      errors.push(`${where}: parameter ${p.name} has type ${p.type}; kernels take numbers and usize addresses only`);
      break;
    }
  }
  if (k !== j.params.length && errors.length === 0) errors.push(`${where}: the mirror has ${j.params.length} parameters, expected ${k}`);
  const ret = a.ret === 'void' ? 'void' : 'number';
  const jret = j.ret === 'void' ? 'void' : j.ret === 'number' ? 'number' : j.ret;
  if (ret !== jret) errors.push(`${where}: returns ${a.ret} in AssemblyScript but ${j.ret} in the mirror`);
  kernels.push({ name, params, ret, source: asFile.slice(root.length + 1) });
}
if (errors.length > 0) {
  console.error('abi: the kernels do not follow the calling convention:\n  ' + errors.join('\n  '));
  process.exit(1);
}

const HEAD = '// Generated by assembly/abi.mjs from assembly/index.ts and bindings/js/index.ts — do not edit.\n';
const refType = { f64: 'F64Ref', i32: 'I32Ref', num: 'number' };

const exportsTs =
  HEAD +
  `/**
 * The raw exports of the module (assembly/index.ts): numbers and byte addresses. Addresses ≥ 2^31 are
 * passed as the non-negative JS numbers they are (wasm reads the i32 bits as u32).
 */
export interface WasmExports {
  memory: WebAssembly.Memory;
  dataEnd(): number;
` +
  kernels.map((k) => `  ${k.name}(${k.params.map((p) => `${p.name}: number`).join(', ')}): ${k.ret};\n`).join('') +
  '}\n';

const kernelsTs =
  HEAD +
  `/**
 * Every kernel, once, as the TypeScript layer calls it on either backend. A buffer argument is an
 * operand reference (a Store: \`ptr\` for the wasm backend, \`array()\`/\`offset\` for the JS one); every
 * other argument is a number, as in the AssemblyScript signature (assembly/index.ts's convention).
 */
import type { F64Ref, I32Ref } from './store.js';

export interface Kernels {
` +
  kernels
    .map((k) => `  /** ${k.source} */\n  ${k.name}(${k.params.map((p) => `${p.name}: ${refType[p.kind]}`).join(', ')}): ${k.ret};\n`)
    .join('') +
  '}\n';

const call = (k, arg) => k.params.map(arg).join(', ');
const wasmTs =
  HEAD +
  `/** The kernels over the wasm module: an operand is passed as its byte address. */
import type { Kernels } from '../core/kernels.js';
import type { F64Ref, I32Ref } from '../core/store.js';
import type { WasmExports } from './exports.js';

export function wasmKernels($e: WasmExports): Kernels {
  return {
` +
  kernels
    .map((k) => {
      const sig = k.params.map((p) => `${p.name}: ${refType[p.kind]}`).join(', ');
      return `    ${k.name}: (${sig}) => $e.${k.name}(${call(k, (p) => (p.kind === 'num' ? p.name : `${p.name}.ptr`))}),\n`;
    })
    .join('') +
  '  };\n}\n';

const jsTs =
  HEAD +
  `/** The kernels over the JS mirrors: an operand is passed as (array, element offset). */
import type { Kernels } from '../core/kernels.js';
import type { F64Ref, I32Ref } from '../core/store.js';
import * as $k from './index.js';

export const jsKernels: Kernels = {
` +
  kernels
    .map((kk) => {
      const sig = kk.params.map((p) => `${p.name}: ${refType[p.kind]}`).join(', ');
      return `  ${kk.name}: (${sig}) => $k.${kk.name}(${call(kk, (p) => (p.kind === 'num' ? p.name : `${p.name}.array(), ${p.name}.offset`))}),\n`;
    })
    .join('') +
  '};\n';

const outputs = [
  ['bindings/wasm/exports.ts', exportsTs],
  ['bindings/core/kernels.ts', kernelsTs],
  ['bindings/wasm/kernels.ts', wasmTs],
  ['bindings/js/kernels.ts', jsTs],
];
let stale = 0;
for (const [rel, text] of outputs) {
  const file = join(root, rel);
  const old = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (old === text) continue;
  if (check) {
    console.error(`abi: ${rel} is stale — run \`node assembly/abi.mjs\` (or \`npm run asbuild\`) and commit it`);
    stale++;
  } else {
    writeFileSync(file, text);
    console.log(`abi: wrote ${rel}`);
  }
}
if (stale > 0) process.exit(1);
