// Runs the vitest suite once per engine and prints one summary line per engine.
//
//   node test/engines.mjs node chromium firefox webkit     (what `npm test` runs)
//   node test/engines.mjs firefox                          (one engine: also `npm run test:firefox`)
//   node test/engines.mjs node@22=/path/to/bin/node        (the node suite on another Node binary)
//
// Engines: `node` (the suite's `node` project on the Node running this script), `node@LABEL=BINARY`
// (the same project with vitest and its workers on BINARY; .ci/run passes the Node 22 and 24 it
// installs), `chromium`, `firefox`, `webkit` (the browser projects of test/vitest.config.ts), and
// `node-relaxed` (also `node-relaxed@LABEL=BINARY`) and `chromium-relaxed`: the API suites on the
// relaxed-SIMD build; `webkit-threads`: the thread-pool suites in WebKit with JavaScriptCore's
// SharedArrayBuffer switched on (WebKitGTK keeps it off; Safari has it on cross-origin isolated pages).
//
// A browser that is not installed is skipped with a loud line saying what to install — unless CI is
// set (as .ci/run does), where that is a failure. Tests an engine cannot run skip themselves by
// capability (gc(), Node's fs, module reloading), so "skipped" counts differ between engines.
// With ENGINES_SUMMARY=<file>, the summary lines are also appended to that file.
// Exit code 0 only when every engine that ran passed (and, under CI, none was missing).
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSERS, CHROMIUM, FIREFOX, browserMissing } from './browser/launch.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const ci = Boolean(process.env.CI);
const specs = process.argv.slice(2);
if (specs.length === 0) {
  console.error('usage: node test/engines.mjs ENGINE… (node, node@LABEL=/path/to/node, node-relaxed[@LABEL=/path], chromium, chromium-relaxed, firefox, webkit, webkit-threads)');
  process.exit(2);
}

const version = (cmd, args = ['--version']) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return r.status === 0 ? r.stdout.trim().split('\n').pop().trim() : '?';
};

function parse(spec) {
  const m = /^(node(?:-relaxed)?)(?:@([^=]+)=(.+))?$/.exec(spec);
  if (m) {
    const bin = m[3] ?? process.execPath;
    const relaxed = m[1] === 'node-relaxed' ? ' (relaxed build)' : '';
    return { label: `node ${version(bin).replace(/^v/, '')}${relaxed}`, project: m[1], bin };
  }
  if (spec === 'chromium-relaxed') {
    const label = `${version(CHROMIUM).replace(/ built on.*/, '')} (relaxed build)`;
    return { label: browserMissing('chromium') === null ? label : spec, project: spec, bin: process.execPath, browser: 'chromium' };
  }
  if (spec === 'webkit-threads') {
    const label = 'webkit (WebKitGTK MiniBrowser, SharedArrayBuffer on: thread suites)';
    return { label: browserMissing('webkit') === null ? label : spec, project: spec, bin: process.execPath, browser: 'webkit' };
  }
  if (spec in BROWSERS) {
    const label =
      spec === 'chromium' ? version(CHROMIUM).replace(/ built on.*/, '') : spec === 'firefox' ? version(FIREFOX) : 'webkit (WebKitGTK MiniBrowser)';
    return { label: browserMissing(spec) === null ? label : spec, project: spec, bin: process.execPath, browser: spec };
  }
  console.error(`engines: unknown engine '${spec}'`);
  process.exit(2);
}

function runVitest(bin, project, jsonFile) {
  const args = [vitest, 'run', '--config', 'test/vitest.config.ts', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`];
  return new Promise((resolve) => {
    const child = spawn(bin, args, { cwd: root, stdio: 'inherit' });
    child.on('close', (code) => resolve(code ?? 1));
    child.on('error', (e) => {
      console.error(`engines: cannot start ${bin}: ${e.message}`);
      resolve(1);
    });
  });
}

const lines = [];
let failed = false;
const tmp = mkdtempSync(join(tmpdir(), 'engines-'));
for (const spec of specs) {
  const e = parse(spec);
  const missing = e.browser !== undefined ? browserMissing(e.browser) : null;
  if (missing !== null) {
    const line = `${e.label}: ${ci ? 'FAILED' : 'SKIPPED'} — ${missing}${ci ? ' (CI is set: every engine must run)' : ''}`;
    console.log(`\nengines: !!!!!!!! ${line}\n`);
    lines.push(line);
    failed ||= ci;
    continue;
  }
  console.log(`\nengines: ---- ${e.label} (vitest project ${e.project}) ----`);
  const t = Date.now();
  const json = join(tmp, `${lines.length}.json`);
  const code = await runVitest(e.bin, e.project, json);
  const secs = ((Date.now() - t) / 1000).toFixed(0);
  let counts = 'no report';
  try {
    const r = JSON.parse(readFileSync(json, 'utf8'));
    const skipped = r.numPendingTests + r.numTodoTests;
    counts = `${r.numPassedTests} passed, ${skipped} skipped, ${r.numFailedTests} failed of ${r.numTotalTests}`;
  } catch {
    /* vitest died before writing its report: the exit code says it failed */
  }
  const line = `${e.label}: ${code === 0 ? 'ok' : 'FAILED'} — ${counts} (${secs} s)`;
  console.log(`engines: ${line}`);
  lines.push(line);
  failed ||= code !== 0;
}
rmSync(tmp, { recursive: true, force: true });

console.log('\nengines: summary');
for (const l of lines) console.log(`engines:   ${l}`);
if (process.env.ENGINES_SUMMARY) appendFileSync(process.env.ENGINES_SUMMARY, lines.map((l) => `${l}\n`).join(''));
process.exit(failed ? 1 : 0);
