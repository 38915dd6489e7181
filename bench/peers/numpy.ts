/**
 * Runs bench/peers/numpy.py in one child process per numpy column:
 *   'numpy-env'     the environment as it is (here OPENBLAS_CORETYPE=Haswell, OPENBLAS_L2_SIZE=512: AVX2 kernels)
 *   'numpy-avx512'  OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE removed, so OpenBLAS picks its kernels itself
 *                   (SkylakeX / AVX-512 on an AVX-512 machine)
 * Both with OPENBLAS_NUM_THREADS=1 (single thread, like the wasm and JS columns). The children run
 * one after the other, never beside the Node measurements.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Measurement, TimingOptions } from '../timing.js';
import { NUMPY_AVX512, NUMPY_ENV, type NumpySpec } from '../cases/types.js';

export interface NumpyJob {
  key: string;
  flops: number;
  spec: NumpySpec;
}

export interface NumpyColumnRun {
  id: string;
  label: string;
  ok: boolean;
  /** Why the column is empty (python3 or numpy missing, crash …). */
  note?: string;
  info?: Record<string, unknown>;
  results: Record<string, Measurement | { skipped: string }>;
}

export const NUMPY_COLUMNS: { id: string; label: string; env: (base: NodeJS.ProcessEnv) => NodeJS.ProcessEnv }[] = [
  { id: NUMPY_ENV, label: 'numpy (env)', env: (base) => ({ ...base }) },
  {
    id: NUMPY_AVX512,
    label: 'numpy AVX-512',
    env: (base) => {
      const e = { ...base };
      delete e.OPENBLAS_CORETYPE;
      delete e.OPENBLAS_L2_SIZE;
      return e;
    },
  },
];

const script = fileURLToPath(new URL('./numpy.py', import.meta.url));

function runChild(python: string, env: NodeJS.ProcessEnv, input: string): Promise<{ code: number | null; stdout: string; error?: Error }> {
  return new Promise((resolve) => {
    let stdout = '';
    let settled = false;
    const child = spawn(python, [script], { env, stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (stdout += d));
    child.on('error', (error) => {
      if (!settled) {
        settled = true;
        resolve({ code: null, stdout, error });
      }
    });
    child.on('close', (code) => {
      if (!settled) {
        settled = true;
        resolve({ code, stdout });
      }
    });
    child.stdin.on('error', () => {}); // EPIPE when python3 is missing: reported through 'error'
    child.stdin.end(input);
  });
}

/** Times every job under one numpy column; never throws (a missing python3/numpy gives ok: false). */
export async function runNumpyColumn(
  column: (typeof NUMPY_COLUMNS)[number],
  jobs: NumpyJob[],
  timing: TimingOptions,
  python: string,
): Promise<NumpyColumnRun> {
  const base = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const input = JSON.stringify({
    label: column.label,
    timing,
    cases: jobs.map((j) => ({ ...j.spec, key: j.key, flops: j.flops })),
  });
  const empty = { id: column.id, label: column.label, results: {} };
  const r = await runChild(python, column.env(base), input);
  if (r.error) return { ...empty, ok: false, note: `${python} could not be started (${r.error.message})` };
  const line = r.stdout.trim().split('\n').pop() ?? '';
  let out: { ok?: boolean; error?: string; info?: Record<string, unknown>; results?: NumpyColumnRun['results'] };
  try {
    out = JSON.parse(line) as typeof out;
  } catch {
    return { ...empty, ok: false, note: `numpy peer exited with code ${r.code} without a JSON result` };
  }
  if (out.ok !== true) return { ...empty, ok: false, note: out.error ?? 'numpy peer failed' };
  return { id: column.id, label: column.label, ok: true, info: out.info ?? {}, results: out.results ?? {} };
}
