// Line counts of the examples against their numpy versions: non-blank, non-comment lines (imports,
// the init() call and the print included; the shared data helpers data.mjs / numpy/data.py excluded
// on both sides). Prints a Markdown table; exits with 1 when an example is over 1.5× its numpy version.
//
//   node examples/count-lines.mjs
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const EXAMPLES = ['pca', 'ridge', 'polyfit', 'many_rhs', 'markov'];
export const MAX_RATIO = 1.5;

/** Lines that are neither blank nor only a comment (`//`, block comments in JS; `#` in Python). */
export function countLines(text, lang) {
  let n = 0;
  let inBlock = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (lang === 'js' && inBlock) {
      inBlock = !line.includes('*/');
      continue;
    }
    if (line === '') continue;
    if (lang === 'js' && line.startsWith('//')) continue;
    if (lang === 'js' && line.startsWith('/*')) {
      inBlock = !line.includes('*/');
      continue;
    }
    if (lang === 'py' && line.startsWith('#')) continue;
    n++;
  }
  return n;
}

/** [{ name, numpy, js, ratio }] for the five examples. */
export function counts() {
  const read = (p) => readFileSync(fileURLToPath(new URL(p, import.meta.url)), 'utf8');
  return EXAMPLES.map((name) => {
    const numpy = countLines(read(`numpy/${name}.py`), 'py');
    const js = countLines(read(`${name}.mjs`), 'js');
    return { name, numpy, js, ratio: js / numpy };
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = counts();
  const total = rows.reduce((t, r) => ({ numpy: t.numpy + r.numpy, js: t.js + r.js }), { numpy: 0, js: 0 });
  console.log('| example | numpy | wasm-linalg | ratio |');
  console.log('|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.name} | ${r.numpy} | ${r.js} | ${r.ratio.toFixed(2)}× |`);
  console.log(`| total | ${total.numpy} | ${total.js} | ${(total.js / total.numpy).toFixed(2)}× |`);
  const over = rows.filter((r) => r.ratio > MAX_RATIO);
  if (over.length > 0) {
    console.error(`over ${MAX_RATIO}×: ${over.map((r) => r.name).join(', ')}`);
    process.exitCode = 1;
  }
}
