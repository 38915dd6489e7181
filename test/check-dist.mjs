// Last step of `npm run build`: checks that what `npm pack` will ship can load.
//
// - dist/index.js and dist/index.d.ts exist, and every dist/**/*.js has its .d.ts beside it;
// - walking the import graph from dist/index.js, every import is relative and resolves to a file in
//   dist/ (the package has no runtime dependencies), so no `node:` or other built-in module is
//   reachable from the entry — a reachable one breaks webpack even in a branch never taken;
// - every literal `new URL('…', import.meta.url)` in that graph points at a file that exists and that
//   package.json "files" ships (the loader's ../build/wasm-linalg.{relaxed,simd,scalar}.wasm);
// - each .wasm validates here, except the relaxed-SIMD build on an engine without relaxed SIMD (Node 20
//   without --experimental-wasm-relaxed-simd), where it is reported as not validated.
//
// The wasm files are not copied: the loader finds them at <package>/build/, where asbuild puts them.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const errors = [];
// f64x2.relaxed_madd of three splats (the loader's probe, bindings/loader.ts).
const RELAXED_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 19, 1, 17, 0, 65, 0, 253, 15, 65, 0, 253, 15,
  65, 0, 253, 15, 253, 135, 2, 11,
]);
const rel = (p) => relative(root, p).split(sep).join('/');

const entry = join(dist, 'index.js');
if (!existsSync(entry)) {
  console.error('check-dist: dist/index.js is missing (did tsc -p bindings/tsconfig.json run?)');
  process.exit(1);
}

// Import specifiers: static imports/exports (with or without bindings) and dynamic import('…').
const IMPORT_RE = /(?:^|[\s;])(?:import|export)\s*(?:[^'"`;]*?\sfrom\s*)?['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/gm;
const URL_RE = /new\s+URL\s*\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g;

const seen = new Set();
const assets = new Set();
const queue = [entry];
while (queue.length > 0) {
  const file = queue.pop();
  if (seen.has(file)) continue;
  seen.add(file);
  // Comments may mention `node:fs` in prose; strip them before looking for imports.
  const code = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"])\/\/.*$/gm, '$1');
  for (const m of code.matchAll(IMPORT_RE)) {
    const spec = m[1] ?? m[2];
    if (!spec.startsWith('./') && !spec.startsWith('../')) {
      errors.push(`${rel(file)} imports '${spec}': only relative imports may be reachable from dist/index.js`);
      continue;
    }
    const target = resolve(dirname(file), spec);
    if (!target.startsWith(dist + sep)) errors.push(`${rel(file)} imports '${spec}', outside dist/`);
    else if (!existsSync(target)) errors.push(`${rel(file)} imports '${spec}', which does not exist`);
    else queue.push(target);
  }
  for (const m of code.matchAll(URL_RE)) assets.add(resolve(dirname(file), m[1]));
  const dts = file.replace(/\.js$/, '.d.ts');
  if (!existsSync(dts)) errors.push(`${rel(dts)} is missing (declarations not emitted?)`);
}

// "files" entries that ship the assets: plain paths/directories, or dir/*.ext globs.
function shipped(path) {
  const r = rel(path);
  return (pkg.files ?? []).some((f) => {
    const g = f.replace(/\/$/, '');
    if (g.includes('*')) {
      const re = new RegExp('^' + g.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*') + '$');
      return re.test(r);
    }
    return r === g || r.startsWith(g + '/');
  });
}

if (assets.size === 0) errors.push('no new URL(…, import.meta.url) asset found in the import graph (loader changed?)');
for (const a of assets) {
  if (!existsSync(a)) {
    errors.push(`${rel(a)} is referenced by the loader but missing (run npm run asbuild)`);
    continue;
  }
  if (!shipped(a)) errors.push(`${rel(a)} is referenced by the loader but not listed in package.json "files"`);
  if (a.endsWith('.wasm')) {
    const bytes = readFileSync(a);
    if (/\.relaxed(-threads)?\.wasm$/.test(a) && !WebAssembly.validate(RELAXED_PROBE)) {
      console.log(`check-dist: ${rel(a)} not validated: this engine has no relaxed SIMD (Node ${process.versions.node})`);
    } else if (!WebAssembly.validate(bytes)) errors.push(`${rel(a)} does not validate as WebAssembly here`);
  }
}

if (errors.length > 0) {
  for (const e of errors) console.error(`check-dist: ${e}`);
  process.exit(1);
}
console.log(
  `check-dist: ${seen.size} modules reachable from dist/index.js, all relative, all with .d.ts; ` +
    `assets: ${[...assets].map(rel).join(', ')}`,
);
