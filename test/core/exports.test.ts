/**
 * The two backends are one-to-one mirrors: the wasm modules (SIMD and scalar builds) and the JS
 * kernels (bindings/js/index.ts) export the same kernel names (`dataEnd` and `memory` are the
 * module's own), and each JS kernel takes exactly one more argument per pointer of its wasm twin —
 * the (Float64Array, offset) pair that replaces a byte address. Pointer parameters are read from
 * the AssemblyScript sources (`usize` parameters), so the convention is checked, not restated.
 */
/// <reference types="vite/client" />
import { describe, it, expect } from 'vitest';
import * as jsk from '../../bindings/js/index.js';
import { readBytes, SIMD_WASM_URL, SCALAR_WASM_URL } from '../util/engines.js';

// threads (issue 12): the pool's exports (assembly/thread/pool.ts) are the module's own too.
const MODULE_ONLY = new Set(['dataEnd', 'memory', 'poolSetup', 'poolBytes', 'workerLoop', 'workerFault', 'poolQuit']);

const sources = import.meta.glob('../../assembly/**/*.ts', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** name → parameter list of every `export function` in assembly/**. */
function asSignatures(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const src of Object.values(sources)) {
    const re = /export function (\w+)\s*\(([^)]*)\)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(src)) !== null) {
      const params = m[2]!
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p.length > 0);
      out.set(m[1]!, params);
    }
  }
  return out;
}

async function wasmExportNames(url: URL): Promise<{ names: string[]; arity: Map<string, number> }> {
  const module = await WebAssembly.compile((await readBytes(url)) as BufferSource);
  const instance = await WebAssembly.instantiate(module, { env: { memory: new WebAssembly.Memory({ initial: 2 }), abort: () => {} } });
  const arity = new Map<string, number>();
  for (const [name, v] of Object.entries(instance.exports)) if (typeof v === 'function') arity.set(name, v.length);
  return { names: WebAssembly.Module.exports(module).map((e) => e.name), arity };
}

describe('backend parity', () => {
  it('the SIMD build, the scalar build and the JS kernels export the same kernels', async () => {
    const simd = await wasmExportNames(SIMD_WASM_URL);
    const scalar = await wasmExportNames(SCALAR_WASM_URL);
    const kernels = (names: string[]): string[] => names.filter((n) => !MODULE_ONLY.has(n)).sort();
    const js = Object.keys(jsk).sort();
    expect(kernels(simd.names)).toEqual(js);
    expect(kernels(scalar.names)).toEqual(js);
    expect(simd.names).toContain('dataEnd');
    expect(js.length).toBeGreaterThanOrEqual(15);
  });

  it('assembly/index.ts exports exactly the kernels the JS index exports', () => {
    const index = sources['../../assembly/index.ts'];
    expect(index, 'assembly/index.ts found by import.meta.glob').toBeTypeOf('string');
    const names = new Set<string>();
    for (const m of index!.matchAll(/export \{([^}]*)\} from/g)) for (const n of m[1]!.split(',')) names.add(n.trim());
    for (const m of index!.matchAll(/export function (\w+)/g)) names.add(m[1]!);
    expect([...names].filter((n) => !MODULE_ONLY.has(n)).sort()).toEqual(Object.keys(jsk).sort());
  });

  it('each JS kernel takes one extra argument per usize pointer of the wasm kernel', async () => {
    const sigs = asSignatures();
    const { arity } = await wasmExportNames(SIMD_WASM_URL);
    for (const [name, fn] of Object.entries(jsk)) {
      const params = sigs.get(name);
      expect(params, `assembly/** defines ${name}`).toBeDefined();
      const pointers = params!.filter((p) => /:\s*usize\b/.test(p)).length;
      expect(arity.get(name), `wasm ${name} arity`).toBe(params!.length);
      expect((fn as (...a: unknown[]) => unknown).length, `js ${name} arity (${params!.length} + ${pointers} pointers)`).toBe(
        params!.length + pointers,
      );
    }
  });
});
