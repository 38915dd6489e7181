// Consumer smoke test: packs wasm-linalg the way it is published and uses it from a fresh project.
//
//   node test/smoke/run.mjs        (the last step of `npm test`; also `npm run test:smoke`)
//
// 1. package   `npm pack` (its prepack runs the build) into test/smoke/.work/pack/ and check what the
//              tarball holds: dist/ with .d.ts, both build/*.wasm, README.md, package.json, nothing else
//              but the TS sources the source maps point at.
// 2. node-esm  a fresh consumer in test/smoke/.work/consumer/ installs the tarball (plus vite,
//              playwright-core and typescript at the versions of our own lockfile, so `npm ci` has
//              already cached them; install scripts off), then `import { init, Matrix } from
//              'wasm-linalg'` runs a GEMM on the SIMD build and on the JS backend against a naive product.
// 3. node-cjs  the same through `require('wasm-linalg')` (require(esm), unflagged since Node 20.19),
//              on the scalar build.
// 3b. examples the five scripts of examples/ (and their data helper) copied into the consumer and run
//              with node, importing 'wasm-linalg' from the installed tarball.
// 4. types     `tsc --noEmit` on a consumer .ts file with moduleResolution NodeNext and Bundler,
//              skipLibCheck off, so the shipped .d.ts must type-check on their own.
//    types-node the same for Node-only consumers, whose lib has no DOM (no `WebAssembly`, `BufferSource`,
//              `URL` but @types/node's): `lib: ["es2022"]` + `types: ["node"]`, with and without
//              ESNext.Disposable, and a bare `lib: ["es2022"]` + `types: []` one (no Node either);
//              strict, skipLibCheck off. The file uses `using`, a Buffer and a URL as WasmSource, and
//              `@ts-expect-error`s that internal members (`_ld`, `Matrix._alloc`) are not visible.
//    dts       every shipped dist/**/*.d.ts: no `_`-prefixed member or export and no `@internal` left
//              (the build's stripInternal removed them), and all of them compile together (lib with
//              DOM: some internal modules unreachable from the entry name WebAssembly types), so no
//              declaration points at one that stripInternal removed.
// 5. browser  a Vite app (index.html + main.js, plain JS as a user writes it: init(), 64×64 GEMM
//              checked against naive; det, solve, tidy, an svd result's dispose() and an LU
//              factorisation's [Symbol.dispose] on matrices in linear memory, nothing left allocated;
//              result on window.__result) built once with `vite build`, served from 127.0.0.1 on a free
//              port with the application/wasm MIME type, and opened in each browser:
//                chromium  /usr/bin/chromium through playwright-core (from the consumer, as an app's
//                          own test setup would have it);
//                firefox   /usr/bin/firefox-esr over WebDriver BiDi (puppeteer-core);
//                webkit    WebKitGTK's MiniBrowser over WebKitWebDriver (webdriverio), with NO JSC flag:
//                          Safari's engine as shipped, without Symbol.dispose — the packed library must
//                          work there (test/browser/launch.mjs has the launch recipes).
//              Chromium opens it a second time: served with COOP/COEP (cross-origin isolated) the page
//              must run threaded (the bundled worker script, a 256×256 GEMM split over the pool),
//              served without them it must fall back to one thread and say why (threads, issue 12).
//              A browser that is not installed fails under CI=… and is skipped, loudly, otherwise.
//
// Exit code 0 only when nothing failed. The last line is `smoke: P passed, F failed[, S skipped]`.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { CHROMIUM, browserMissing, launchFirefox, launchWebKit } from '../browser/launch.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const work = join(here, '.work');
const packDir = join(work, 'pack');
const consumer = join(work, 'consumer');
const t0 = Date.now();

const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
/** The version our own lockfile pins (so it is in the npm cache after `npm ci`), else a fallback. */
const pinned = (name, fallback) => lock.packages?.[`node_modules/${name}`]?.version ?? fallback;
const DEPS = {
  vite: pinned('vite', '8.3.8'),
  'playwright-core': pinned('playwright-core', '1.65.1'),
  typescript: pinned('typescript', '6.0.3'),
  '@types/node': pinned('@types/node', '20.19.43'),
};

// ---- helpers ------------------------------------------------------------------------------------

const results = []; // { name, status: 'pass' | 'fail' | 'skip', detail }
const log = (msg) => console.log(`smoke: ${msg}`);

function record(name, status, detail = '') {
  results.push({ name, status, detail });
  const tag = status === 'pass' ? 'ok  ' : status === 'fail' ? 'FAIL' : 'SKIP';
  log(`${tag} ${name}${detail ? ` — ${detail}` : ''}`);
}

/** Runs a check; a thrown error (or a rejected promise) fails it with the error's message. */
async function check(name, fn) {
  const t = Date.now();
  try {
    const detail = await fn();
    const time = `${((Date.now() - t) / 1000).toFixed(1)} s`;
    record(name, 'pass', detail ? `${detail} (${time})` : time);
    return true;
  } catch (e) {
    record(name, 'fail', e instanceof Error ? e.message : String(e));
    return false;
  }
}

/** Runs a command; resolves with { code, stdout, stderr }, rejects only on spawn errors or timeout. */
function run(cmd, args, { cwd = root, timeout = 300_000, env = process.env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${cmd} ${args.join(' ')} timed out after ${timeout / 1000} s\n${stdout}${stderr}`));
    }, timeout);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Like run(), but throws with the tail of the output on a non-zero exit. */
async function runOk(cmd, args, opts) {
  const r = await run(cmd, args, opts);
  if (r.code !== 0) {
    const out = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`\`${cmd} ${args.join(' ')}\` exited with ${r.code}:\n${out}`);
  }
  return r;
}

/** npm as a child: without the npm_* variables of an enclosing `npm test`, which would leak config. */
function npm(args, cwd) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return runOk(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd, env });
}

/** File names in a .tgz (ustar, as npm writes it), without a tar binary. */
function tarList(file) {
  const buf = gunzipSync(readFileSync(file));
  const names = [];
  let longName = null;
  for (let off = 0; off + 512 <= buf.length; ) {
    const header = buf.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const field = (a, n) => header.subarray(a, a + n).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const body = buf.subarray(off + 512, off + 512 + size);
    if (type === 'L') longName = body.toString('utf8').replace(/\0.*$/s, '');
    else if (type === 'x' || type === 'g') {
      const m = /\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
      if (m) longName = m[1];
    } else {
      const prefix = field(345, 155);
      const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
      if (type === '0' || type === '' || type === '\0') names.push(name);
      longName = null;
    }
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}

const write = (path, text) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text.replace(/^\n/, ''));
};

// ---- 1. package -----------------------------------------------------------------------------------

let tarball = null;
await check('package (npm pack: dist + build/*.wasm + README.md + package.json)', async () => {
  rmSync(packDir, { recursive: true, force: true });
  mkdirSync(packDir, { recursive: true });
  await npm(['pack', '--pack-destination', packDir], root);
  const tgz = readdirSync(packDir).filter((f) => f.endsWith('.tgz'));
  if (tgz.length !== 1) throw new Error(`expected one .tgz in ${packDir}, found ${tgz.join(', ') || 'none'}`);
  tarball = join(packDir, tgz[0]);
  const files = tarList(tarball).map((f) => f.replace(/^package\//, ''));
  const required = [
    'package.json',
    'README.md',
    'dist/index.js',
    'dist/index.d.ts',
    'dist/loader.js',
    'build/wasm-linalg.simd.wasm',
    'build/wasm-linalg.scalar.wasm',
    'build/wasm-linalg.relaxed.wasm',
    'build/wasm-linalg.threads.wasm',
    'build/wasm-linalg.relaxed-threads.wasm',
    'dist/worker.js',
  ];
  const missing = required.filter((f) => !files.includes(f));
  if (missing.length > 0) throw new Error(`tarball lacks ${missing.join(', ')}`);
  const allowed = /^(package\.json|README\.md|LICENSE(\.md)?|dist\/.+\.(js|d\.ts|js\.map)|build\/[^/]+\.wasm|bindings\/.+\.ts)$/;
  const extra = files.filter((f) => !allowed.test(f));
  if (extra.length > 0) throw new Error(`unexpected files in the tarball: ${extra.slice(0, 10).join(', ')}`);
  for (const f of files.filter((f) => f.startsWith('dist/') && f.endsWith('.js'))) {
    if (!files.includes(f.replace(/\.js$/, '.d.ts'))) throw new Error(`${f} has no .d.ts`);
  }
  const kb = (readFileSync(tarball).length / 1024).toFixed(1);
  return `${tgz[0]}, ${files.length} files, ${kb} KiB`;
});

// ---- consumer project ----------------------------------------------------------------------------

let installed = false;
if (tarball !== null) {
  installed = await check(`install (fresh consumer: tarball, ${Object.entries(DEPS).map(([n, v]) => `${n}@${v}`).join(', ')})`, async () => {
    rmSync(consumer, { recursive: true, force: true });
    mkdirSync(consumer, { recursive: true });
    write(join(consumer, 'package.json'), JSON.stringify({ name: 'smoke-consumer', private: true, type: 'module' }, null, 2));
    await npm(
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--prefer-offline',
        '--loglevel=error',
        tarball,
        ...Object.entries(DEPS).map(([n, v]) => `${n}@${v}`),
      ],
      consumer,
    );
    const pkg = join(consumer, 'node_modules', rootPkg.name, 'package.json');
    if (!existsSync(pkg)) throw new Error(`${pkg} missing after npm install`);
    const sha = createHash('sha256').update(readFileSync(tarball)).digest('hex').slice(0, 12);
    return `tarball sha256 ${sha}`;
  });
}

/** Runs a consumer script with node; parses the JSON its last stdout line holds. */
async function runConsumer(file) {
  const r = await runOk(process.execPath, [file], { cwd: consumer, timeout: 120_000 });
  const lines = r.stdout.trim().split('\n');
  const res = JSON.parse(lines[lines.length - 1]);
  if (r.stderr.trim() !== '') res.stderr = r.stderr.trim();
  return res;
}

// A GEMM against the naive triple loop, shared by the Node and browser consumers (plain JS).
const gemmCheck = `
function naive(a, b) {
  const m = a.length, k = b.length, n = b[0].length;
  const c = [];
  for (let i = 0; i < m; i++) {
    const row = new Array(n).fill(0);
    for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) row[j] += a[i][p] * b[p][j];
    c.push(row);
  }
  return c;
}
/** max |C − A·B| / max |A·B| for C = A.matmul(B), A m×k and B k×n from seeded generators. */
function gemmError(Matrix, m, k, n) {
  const A = Matrix.random(m, k, { seed: 1 });
  const B = Matrix.randn(k, n, { seed: 2 });
  const C = A.matmul(B);
  const want = naive(A.toArray(), B.toArray());
  const got = C.toArray();
  let err = 0, scale = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      err = Math.max(err, Math.abs(got[i][j] - want[i][j]));
      scale = Math.max(scale, Math.abs(want[i][j]));
    }
  }
  const shapeOk = C.rows === m && C.cols === n;
  A.dispose(); B.dispose(); C.dispose();
  return shapeOk ? err / scale : Infinity;
}
`;

if (installed) {
  const resolvedIn = join(consumer, 'node_modules', rootPkg.name) + sep;

  // ---- 2. node-esm ------------------------------------------------------------------------------
  write(
    join(consumer, 'esm.mjs'),
    `
import { init, Matrix, setBackend, getBackend, memoryStats, relaxedSimdSupported } from 'wasm-linalg';
${gemmCheck}
const resolved = import.meta.resolve('wasm-linalg');
const relaxed = relaxedSimdSupported();
const r = await init();
const wasmErr = gemmError(Matrix, 67, 45, 71);
const leaked = memoryStats().blocksInUse;
setBackend('js');
const jsErr = gemmError(Matrix, 67, 45, 71);
const js = getBackend();
console.log(JSON.stringify({ resolved, init: r, relaxed, wasmErr, jsErr, js, leaked }));
`,
  );
  await check('node-esm (import { init, Matrix } from "wasm-linalg"; GEMM on the SIMD (or relaxed-SIMD) wasm and JS backends)', async () => {
    const res = await runConsumer('esm.mjs');
    if (!fileURLToPath(res.resolved).startsWith(resolvedIn)) throw new Error(`resolved to ${res.resolved}, not the installed tarball`);
    const want = res.relaxed ? 'relaxed' : 'simd';
    if (res.init.backend !== 'wasm' || res.init.wasm !== want) throw new Error(`init() gave ${JSON.stringify(res.init)}, expected wasm/${want}`);
    if (!(res.wasmErr < 1e-12)) throw new Error(`wasm GEMM relative error ${res.wasmErr}`);
    if (res.js !== 'js' || !(res.jsErr < 1e-12)) throw new Error(`JS backend ${res.js}: GEMM relative error ${res.jsErr}`);
    if (res.leaked !== 0) throw new Error(`${res.leaked} blocks still allocated after dispose()`);
    if (res.stderr) throw new Error(`unexpected stderr: ${res.stderr}`);
    return `rel. error wasm ${res.wasmErr.toExponential(1)}, js ${res.jsErr.toExponential(1)}`;
  });

  // ---- 3. node-cjs ------------------------------------------------------------------------------
  write(
    join(consumer, 'cjs.cjs'),
    `
const { init, Matrix } = require('wasm-linalg');
${gemmCheck}
const resolved = require.resolve('wasm-linalg');
init({ simd: false }).then((r) => {
  const wasmErr = gemmError(Matrix, 67, 45, 71);
  console.log(JSON.stringify({ resolved, init: r, wasmErr }));
});
`,
  );
  await check(`node-cjs (require('wasm-linalg') on Node ${process.versions.node}; GEMM on the scalar wasm build)`, async () => {
    const res = await runConsumer('cjs.cjs');
    if (!res.resolved.startsWith(resolvedIn)) throw new Error(`resolved to ${res.resolved}, not the installed tarball`);
    if (res.init.wasm !== 'scalar') throw new Error(`init({ simd: false }) gave ${JSON.stringify(res.init)}`);
    if (!(res.wasmErr < 1e-12)) throw new Error(`GEMM relative error ${res.wasmErr}`);
    if (res.stderr) throw new Error(`unexpected stderr: ${res.stderr}`);
    return `rel. error ${res.wasmErr.toExponential(1)}`;
  });

  // ---- 3b. examples -----------------------------------------------------------------------------
  // The scripts of examples/ as a user runs them, importing 'wasm-linalg': here the installed tarball
  // (their numbers are checked against numpy in test/examples/).
  const examples = ['pca', 'ridge', 'polyfit', 'many_rhs', 'markov'];
  await check(`examples (examples/{${examples.join(',')}}.mjs run with node against the installed package)`, async () => {
    const dir = join(consumer, 'examples');
    mkdirSync(dir, { recursive: true });
    for (const f of ['data', ...examples]) writeFileSync(join(dir, `${f}.mjs`), readFileSync(join(root, 'examples', `${f}.mjs`)));
    for (const f of examples) {
      const r = await runOk(process.execPath, [join(dir, `${f}.mjs`)], { cwd: consumer, timeout: 120_000 });
      if (r.stdout.trim() === '' || r.stderr.trim() !== '') throw new Error(`${f}.mjs: stdout ${JSON.stringify(r.stdout)}, stderr ${JSON.stringify(r.stderr)}`);
    }
    return `${examples.length} scripts`;
  });

  // ---- 4. types ---------------------------------------------------------------------------------
  write(
    join(consumer, 'types', 'main.ts'),
    `
import { init, Matrix, matmul, norm, memoryStats, LinAlgError, type InitResult, type MemoryStats } from 'wasm-linalg';

const r: InitResult = await init({ backend: 'wasm' });
const A: Matrix = Matrix.from([[1, 2], [3, 4]]);
{
  using C = matmul(A, A.transpose());
  const n: number = norm(C, 'fro') + C.trace();
  const s: MemoryStats = memoryStats();
  const e: LinAlgError | null = null;
  console.log(r.wasm, n, s.bytesInUse, e, C.shape[0]);
}
// @ts-expect-error — Matrix.from takes rows of numbers.
Matrix.from([['a']]);
`,
  );
  const tsconfig = (moduleResolution, module) =>
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module,
          moduleResolution,
          lib: ['ES2022', 'DOM', 'ESNext.Disposable'],
          types: [],
          strict: true,
          skipLibCheck: false,
          noEmit: true,
        },
        files: ['main.ts'],
      },
      null,
      2,
    );
  write(join(consumer, 'types', 'tsconfig.nodenext.json'), tsconfig('NodeNext', 'NodeNext'));
  write(join(consumer, 'types', 'tsconfig.bundler.json'), tsconfig('Bundler', 'ESNext'));
  write(join(consumer, 'types', 'package.json'), JSON.stringify({ type: 'module' }));
  await check(`types (tsc ${DEPS.typescript} --noEmit, skipLibCheck off, moduleResolution NodeNext and Bundler)`, async () => {
    const tsc = join(consumer, 'node_modules', 'typescript', 'bin', 'tsc');
    for (const cfg of ['tsconfig.nodenext.json', 'tsconfig.bundler.json']) {
      await runOk(process.execPath, [tsc, '-p', cfg], { cwd: join(consumer, 'types'), timeout: 120_000 });
    }
    return '';
  });

  // ---- 4b. types for Node-only consumers ------------------------------------------------------------
  const nodeMain = `
import { readFileSync } from 'node:fs';
import { init, Matrix, svd, tidy, lstsq, LinAlgError, type GlobalURL, type WasmSource, type DisposableResult } from 'wasm-linalg';

const url: GlobalURL = new URL('file:///opt/wasm-linalg.simd.wasm');
const sources: WasmSource[] = [url, url.href, readFileSync(url), new Uint8Array(8), new ArrayBuffer(8)];
await init({ wasm: sources[0] });
const A = Matrix.from([[1, 2], [3, 4], [5, 6]]);
{
  using r = svd(A);
  const d: DisposableResult = r;
  console.log(r.s[0], d.dispose.length);
}
const x: Float64Array = tidy(() => lstsq(A, [1, 2, 3]).x);
console.log(x, A.shape, new LinAlgError('singular', 'boom').code);
A.dispose();
// @ts-expect-error — internal members are not in the public types.
console.log(A._ld);
// @ts-expect-error — nor are internal statics.
Matrix._alloc(2, 2);
// @ts-expect-error — a number is not a WasmSource.
export const bad: WasmSource = 42;
`;
  // No Node, no DOM: only what ES2022 has (no console, no URL).
  const bareMain = `
import { init, Matrix, matmul, tidy, type InitResult, type WasmSource } from 'wasm-linalg';

export const r: InitResult = await init({ wasm: new Uint8Array(8) satisfies WasmSource });
export const n: number = tidy(() => {
  using A = Matrix.eye(3);
  return matmul(A, [[1], [2], [3]]).get(2, 0);
});
// @ts-expect-error — internal members are not in the public types.
export const ld: number = Matrix.zeros(1, 1)._ld;
`;
  const nodeConfigs = {
    'tsconfig.node.json': { lib: ['ES2022'], types: ['node'], files: ['main.ts'] },
    'tsconfig.node-disposable.json': { lib: ['ES2022', 'ESNext.Disposable'], types: ['node'], files: ['main.ts'] },
    'tsconfig.bare.json': { lib: ['ES2022'], types: [], files: ['bare.ts'] },
  };
  write(join(consumer, 'types-node', 'main.ts'), nodeMain);
  write(join(consumer, 'types-node', 'bare.ts'), bareMain);
  write(join(consumer, 'types-node', 'package.json'), JSON.stringify({ type: 'module' }));
  for (const [name, { lib, types, files }] of Object.entries(nodeConfigs)) {
    const compilerOptions = { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib, types, strict: true, skipLibCheck: false, noEmit: true };
    write(join(consumer, 'types-node', name), JSON.stringify({ compilerOptions, files }, null, 2));
  }
  await check(`types-node (tsc --noEmit, lib ES2022 without DOM: types node, node + ESNext.Disposable, bare)`, async () => {
    const tsc = join(consumer, 'node_modules', 'typescript', 'bin', 'tsc');
    for (const cfg of Object.keys(nodeConfigs)) {
      await runOk(process.execPath, [tsc, '-p', cfg], { cwd: join(consumer, 'types-node'), timeout: 120_000 });
    }
    return '';
  });

  // ---- 4c. the shipped declarations ----------------------------------------------------------------
  await check('dts (every shipped .d.ts: no _-prefixed member, no @internal left, all compile together)', async () => {
    const dist = join(consumer, 'node_modules', rootPkg.name, 'dist');
    const files = [];
    const walk = (dir) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (e.name.endsWith('.d.ts')) files.push(join(dir, e.name));
      }
    };
    walk(dist);
    // A declaration whose name starts with `_`: a class or interface member (modifiers first), or a
    // top-level export. Comments are removed first (prose may mention such a name).
    const MEMBER = /^\s*(?:(?:export|declare|public|private|protected|static|readonly|abstract|get|set|async|function|const|let|var|class|interface|type|enum|namespace)\s+)*_[\w$]*\s*[?!]?\s*[:(<;=,]/;
    const problems = [];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const name = f.slice(dist.length + 1);
      if (text.includes('@internal')) problems.push(`${name}: an @internal comment survived stripInternal`);
      const code = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, '')).replace(/\/\/.*$/gm, '');
      code.split('\n').forEach((line, i) => {
        if (MEMBER.test(line)) problems.push(`${name}:${i + 1}: ${line.trim()}`);
      });
      // Export lists: `export { a, b as _c }` exports the name after `as`.
      for (const m of code.matchAll(/\bexport\s+(?:type\s+)?\{([^}]*)\}/g)) {
        const names = m[1].split(',').map((n) => n.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop());
        for (const n of names) if (n?.startsWith('_')) problems.push(`${name}: exports ${n}`);
      }
    }
    if (problems.length > 0) throw new Error(`internal names in the shipped .d.ts:\n${problems.slice(0, 20).join('\n')}`);
    const compilerOptions = {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2022', 'DOM', 'ESNext.Disposable'],
      types: [],
      strict: true,
      skipLibCheck: false,
      noEmit: true,
    };
    write(join(consumer, 'types-dts', 'tsconfig.json'), JSON.stringify({ compilerOptions, files }, null, 2));
    const tsc = join(consumer, 'node_modules', 'typescript', 'bin', 'tsc');
    await runOk(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: join(consumer, 'types-dts'), timeout: 120_000 });
    return `${files.length} files`;
  });

  // ---- 5. browser -------------------------------------------------------------------------------
  write(
    join(consumer, 'web', 'index.html'),
    `
<!doctype html>
<html>
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>wasm-linalg smoke</title></head>
  <body>
    <script type="module" src="./main.js"></script>
  </body>
</html>
`,
  );
  write(
    join(consumer, 'web', 'main.js'),
    `
import { init, Matrix, simdSupported, relaxedSimdSupported, det, solve, tidy, svd, luFactor, memoryStats } from 'wasm-linalg';
${gemmCheck}
/** det, solve, tidy and disposal on 12×12 matrices (linear memory): what broke in Safari before. */
function lifetimeChecks() {
  const n = 12;
  const rows = [];
  for (let i = 0; i < n; i++) {
    const row = [];
    for (let j = 0; j < n; j++) row.push(i === j ? n + 1 : Math.sin(i * n + j));
    rows.push(row);
  }
  const M = Matrix.from(rows);
  const d = det(M);
  const b = rows.map((_, i) => i + 1);
  const x = solve(M, b);
  let res = 0;
  for (let i = 0; i < n; i++) {
    let s = -b[i];
    for (let j = 0; j < n; j++) s += rows[i][j] * x[j];
    res = Math.max(res, Math.abs(s));
  }
  const before = memoryStats().blocksInUse;
  const tr = tidy(() => M.matmul(M.transpose()).add(M).trace()); // the temporaries are freed by tidy
  const tidyLeak = memoryStats().blocksInUse - before;
  const s = svd(M);
  s.dispose();
  const svdDisposed = s.U.disposed && s.Vt.disposed;
  const F = luFactor(M);
  const key = typeof Symbol.dispose === 'symbol' ? Symbol.dispose : Symbol.for('Symbol.dispose');
  F[key]();
  M.dispose();
  return { det: d, residual: res, trace: tr, tidyLeak, svdDisposed, left: memoryStats().blocksInUse, symbolDispose: typeof Symbol.dispose };
}
(async () => {
  try {
    const r = await init();
    const err = gemmError(Matrix, 64, 64, 64);
    // 256³ multiply-adds: split over the workers when the page runs threaded.
    const err256 = gemmError(Matrix, 256, 256, 256);
    window.__result = {
      init: r, simd: simdSupported(), relaxed: relaxedSimdSupported(), err, err256, life: lifetimeChecks(),
      isolated: globalThis.crossOriginIsolated === true, cores: navigator.hardwareConcurrency,
    };
  } catch (e) {
    window.__result = { error: String(e && e.stack || e) };
  }
})();
`,
  );

  const web = join(consumer, 'web');
  const out = join(web, 'dist');
  const built = await check(`browser build (vite@${DEPS.vite} build of a consumer app)`, async () => {
    const vite = join(consumer, 'node_modules', 'vite', 'bin', 'vite.js');
    await runOk(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', out, '--emptyOutDir'], {
      cwd: web,
      timeout: 120_000,
    });
    const assets = readdirSync(join(out, 'assets'));
    const wasmAssets = assets.filter((f) => f.endsWith('.wasm'));
    if (!assets.some((f) => /worker.*\.js$/.test(f))) throw new Error(`vite build emitted no worker script: ${assets.join(', ')}`);
    if (wasmAssets.length < 3) throw new Error(`vite build emitted ${wasmAssets.length} .wasm assets: ${assets.join(', ')}`);
    return `${wasmAssets.length} .wasm assets`;
  });

  const MIME = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.wasm': 'application/wasm',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
  };
  let wasmFetches = []; // what the server answered to .wasm requests, per page load
  // threads (issue 12): with the two headers the page is cross-origin isolated and runs threaded.
  let isolate = false;
  const ISOLATION = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(out, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(out + sep) || !existsSync(file)) {
      if (path.endsWith('.wasm')) wasmFetches.push('404');
      res.writeHead(404).end('not found');
      return;
    }
    const type = MIME[extname(file)] ?? 'application/octet-stream';
    if (file.endsWith('.wasm')) wasmFetches.push(`200 ${type}`);
    res.writeHead(200, { 'content-type': type, ...(isolate ? ISOLATION : {}) });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;

  /** Checks what the page put on window.__result; returns the detail line. */
  function verdict(res, version) {
    if (res.error) throw new Error(`page threw: ${res.error}`);
    if (res.init.backend !== 'wasm' || res.init.wasm !== (res.relaxed ? 'relaxed' : res.simd ? 'simd' : 'scalar')) {
      throw new Error(`init() gave ${JSON.stringify(res.init)} (simdSupported: ${res.simd}, relaxedSimdSupported: ${res.relaxed})`);
    }
    if (wasmFetches.length !== 1 || wasmFetches[0] !== '200 application/wasm') {
      throw new Error(`expected one .wasm fetch answered 200 application/wasm, saw [${wasmFetches.join('; ')}]`);
    }
    if (!(res.err < 1e-12) || !(res.err256 < 1e-12)) throw new Error(`GEMM relative error ${res.err}, ${res.err256} (256)`);
    // Threads: an isolated page runs min(cores, 8) threads; one that is not runs one and says why.
    const wantThreads = res.isolated ? Math.max(1, Math.min(res.cores, 8)) : 1;
    if (res.isolated !== isolate || res.init.threads !== wantThreads) {
      throw new Error(`served ${isolate ? 'with' : 'without'} COOP/COEP: crossOriginIsolated ${res.isolated}, init() gave ${JSON.stringify(res.init)}`);
    }
    if (!res.isolated && !/cross-origin isolated/.test(res.init.threadsNote ?? '')) {
      throw new Error(`one thread without saying why: ${JSON.stringify(res.init)}`);
    }
    const l = res.life;
    if (!(Number.isFinite(l.det) && l.det > 0)) throw new Error(`det gave ${l.det}`);
    if (!(l.residual < 1e-12)) throw new Error(`solve: residual ${l.residual}`);
    if (!Number.isFinite(l.trace) || l.tidyLeak !== 0) throw new Error(`tidy: trace ${l.trace}, ${l.tidyLeak} blocks left by tidy`);
    if (!l.svdDisposed) throw new Error('svd(...).dispose() left U or Vt alive');
    if (l.left !== 0) throw new Error(`${l.left} blocks still allocated after every dispose`);
    const threads = res.isolated ? `${res.init.threads} threads (isolated)` : '1 thread (not isolated: falls back, says why)';
    return `${version}: ${res.init.wasm} build, ${threads}, GEMM rel. error ${res.err.toExponential(1)}, det/solve/tidy/dispose ok, typeof Symbol.dispose = ${l.symbolDispose}`;
  }

  /** Opens the app in a session (launch.mjs), waits for window.__result. */
  async function inSession(launch) {
    const session = await launch();
    try {
      await session.goto(url);
      const until = Date.now() + 30_000;
      for (;;) {
        const res = await session.evaluate(() => window.__result ?? null);
        if (res !== null) return verdict(res, session.version);
        if (Date.now() > until) throw new Error('window.__result not set within 30 s');
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await session.close();
    }
  }

  async function inChromium() {
    // playwright-core from the consumer, as an app's own test setup would have it.
    const pwUrl = pathToFileURL(join(consumer, 'node_modules', 'playwright-core', 'index.mjs')).href;
    const { chromium } = await import(pwUrl);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-gpu', '--disable-quic'] });
    const problems = [];
    try {
      const page = await browser.newPage();
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && problems.push(`console.error: ${m.text()}`));
      page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
      await page.goto(url);
      await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 30_000 });
      const detail = verdict(await page.evaluate(() => window.__result), `Chromium ${browser.version()}`);
      if (problems.length > 0) throw new Error(problems.join('\n'));
      return detail;
    } finally {
      await browser.close();
    }
  }

  const browsers = [
    ['chromium', 'headless Chromium via playwright-core', inChromium],
    ['chromium', 'headless Chromium via playwright-core, served with COOP/COEP: threaded', inChromium, true],
    ['firefox', 'headless Firefox ESR via puppeteer-core (WebDriver BiDi)', () => inSession(launchFirefox)],
    ['webkit', 'WebKitGTK MiniBrowser via webdriverio (WebKitWebDriver), no JSC flag', () => inSession(launchWebKit)],
  ];
  for (const [name, how, open, isolated = false] of browsers) {
    const label = `browser-${name} (the built app in ${how})`;
    const missing = browserMissing(name);
    if (!built) record(label, 'fail', 'not run: the vite build failed');
    else if (missing !== null && !process.env.CI) {
      record(label, 'skip', missing);
      console.log('');
      console.log(`smoke: !!!!!!!! SKIPPED the ${name} check: ${missing}; with CI set this is a failure.`);
      console.log('');
    } else {
      wasmFetches = [];
      isolate = isolated;
      await check(label, async () => {
        if (missing !== null) throw new Error(missing);
        return open();
      });
    }
  }
  server.close();
}

// ---- summary -------------------------------------------------------------------------------------

const passed = results.filter((r) => r.status === 'pass').length;
const failed = results.filter((r) => r.status === 'fail').length;
const skipped = results.filter((r) => r.status === 'skip').length;
const notRun = tarball === null || !installed;
log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s${notRun ? ' (later checks not run: setup failed)' : ''}`);
console.log(`smoke: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
