/**
 * LAPACK's pass criterion, for the kernel and the API suites alike: a test ratio (a residual scaled
 * by the size of its error bound, e.g. ‖A − Q·R‖₁/(‖A‖₁·n·ε)) must stay below THRESH = 30
 * (TESTING/dtest.in). The worst ratio of every kind is kept and printed at the end of a suite when
 * the environment variable SHOW_RATIOS is set (Node only):
 *
 *   expectRatio(label, r, kind?)   asserts r < THRESH (NaN fails), the ratio printed on failure;
 *                                  kind defaults to the label without its ' n=…' tail
 *   reportRatios(suite)            prints the worst ratio of each kind, with the label it came from
 *                                  (setupLapackSuite, test/util/api.ts, calls it after every API suite)
 */
import { assert } from 'vitest';

/** LAPACK's threshold for the test ratios (TESTING/dtest.in). */
export const THRESH = 30;

const worst = new Map<string, { r: number; label: string }>();

/** Asserts a LAPACK test ratio is below THRESH (NaN fails), printing it on failure; records the worst per kind. */
export function expectRatio(label: string, r: number, kind = label.replace(/ n=.*$/, '')): void {
  if (!(r < THRESH)) assert.fail(`${label}: test ratio ${Number.isNaN(r) ? 'NaN' : r.toPrecision(4)} ≥ THRESH = ${THRESH}`);
  const w = worst.get(kind);
  if (w === undefined || r > w.r) worst.set(kind, { r, label });
}

/** Prints the worst ratio of every kind when the environment variable SHOW_RATIOS is set (Node only). */
export function reportRatios(suite: string): void {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  if (env?.SHOW_RATIOS === undefined) return;
  const lines = [...worst]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, { r, label }]) => `  ${r.toPrecision(3).padStart(9)}  ${k}   (${label})`);
  console.log(`${suite} — worst test ratios (THRESH ${THRESH}):\n${lines.join('\n')}`);
}
