// Builds every target of asconfig.json (the SIMD build, the scalar fallback and the relaxed-SIMD build
// with fused multiply-adds) into build/.
// Skips the compile when every output is newer than every source under assembly/ and asconfig.json,
// so `npm test` and `npm run bench` can call it unconditionally.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, existsSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const config = JSON.parse(readFileSync(join(root, 'asconfig.json'), 'utf8'));
const force = process.argv.includes('--force');

function newestSource(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return t;
}

const srcTime = Math.max(newestSource(join(root, 'assembly')), statSync(join(root, 'asconfig.json')).mtimeMs);
mkdirSync(join(root, 'build'), { recursive: true });
const asc = join(root, 'node_modules', 'assemblyscript', 'bin', 'asc.js');
for (const [name, target] of Object.entries(config.targets)) {
  const out = join(root, target.outFile);
  if (!force && existsSync(out) && statSync(out).mtimeMs > srcTime) continue;
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [asc, ...config.entries, '--config', 'asconfig.json', '--target', name], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.error(`asbuild: target '${name}' failed`);
    process.exit(r.status ?? 1);
  }
  console.log(`asbuild: ${target.outFile} (${statSync(out).size} bytes, ${Date.now() - t0} ms)`);
}
