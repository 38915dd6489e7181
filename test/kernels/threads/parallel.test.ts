/**
 * The threaded build's parallel kernels (assembly/thread/): bit for bit the same results for 1, 2, 3
 * and 4 threads, and the JS mirrors' bits — GEMM (every transpose, α, β), SYRK, SYR2K, TRSM (every side,
 * triangle, transpose, diagonal), `lasr` (through eigh and the SVD), labrd's fused pass in column
 * panels (labrd, gebrd and the SVD under brdPanelMin 1 and mid-matrix values), symv's panels (alone and
 * through eigh's tridiagonalisation), and the factorisations whose
 * updates go through them (LU, Cholesky, QR with Q, eigh, SVD, eig, solve). The splitting threshold is
 * set to 1 multiply-add, so these small matrices are split (every GEMM of every blocked factorisation
 * becomes a job), under small odd block sizes so the blocked paths run. Four threads run on this
 * 2-core machine too: correctness does not depend on the threads being truly parallel.
 *
 * Skipped where threads cannot run (a browser page that is not cross-origin isolated, no
 * SharedArrayBuffer): init then reports fewer threads (test/core/loader/threads.test.ts checks why).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import {
  init, Matrix, matmul, gram, solveTriangular, lu, cholesky, qr, eigh, svd, eig, setBackend, setTuning,
} from '../../../bindings/index.js';
import { threadPool } from '../../../bindings/loader.js';
import { backendNamed } from '../../../bindings/core/backend.js';
import { JsStore, type Store } from '../../../bindings/core/store.js';
import { jsKernels } from '../../../bindings/js/kernels.js';
import type { Kernels } from '../../../bindings/core/kernels.js';
import { expectBitwise } from '../../util/tolerance.js';
import { nbAll, threadsRequired } from '../../util/engines.js';

const COUNTS = [1, 2, 3, 4];
let available = false;

beforeAll(async () => {
  const r = await init({ fma: false, threads: 4 });
  available = r.threads === 4 && r.wasm === 'simd';
  if (threadsRequired()) expect(r, 'threads must run in this project').toMatchObject({ threads: 4, wasm: 'simd', threadsNote: null });
  if (available) threadPool()!.setMinWork(1);
});

afterAll(async () => {
  threadPool()?.setMinWork(0);
  setTuning(null);
  setBackend('wasm');
});

/** A test that needs the 4 threads (skipped where they could not start; decided after beforeAll). */
function itThreads(name: string, f: () => Promise<void>): void {
  it(name, async (ctx) => {
    if (!available) return ctx.skip();
    await f();
  });
}

/** Every number of a result (a Matrix, an array, a number, or an object of those), then disposed. */
function snapshot(r: unknown): Float64Array {
  const out: number[] = [];
  const take = (v: unknown): void => {
    if (v instanceof Matrix) out.push(...v.toFloat64Array());
    else if (v instanceof Float64Array || v instanceof Int32Array) out.push(...v);
    else if (typeof v === 'number') out.push(v);
    else if (Array.isArray(v)) v.forEach(take);
    else if (typeof v === 'object' && v !== null) for (const k of Object.keys(v).sort()) take((v as Record<string, unknown>)[k]);
  };
  take(r);
  if (r instanceof Matrix) r.dispose();
  else (r as { dispose?: () => void } | null)?.dispose?.();
  return Float64Array.from(out);
}

/**
 * Each case's result on the JS backend, then on the wasm backend with 1, 2, 3 and 4 threads: all the
 * same bits; with more than one thread the pool must have run jobs (`splits`: in each case, in some, or none needed).
 */
async function sameForAllCounts(cases: Case[], splits: Splits = 'some'): Promise<void> {
  setBackend('js');
  const want = cases.map(([, f]) => snapshot(f()));
  setBackend('wasm');
  for (const n of COUNTS) {
    const r = await init({ threads: n });
    expect(r.threads, 'threads running').toBe(n);
    const jobs0 = threadPool()!.jobs();
    cases.forEach(([label, f], i) => {
      const before = threadPool()!.jobs();
      expectBitwise(`${label} [${n} thread${n > 1 ? 's' : ''}] vs js`, snapshot(f()), want[i]!);
      // Under small blocks every factorisation's updates go through the split kernels.
      if (splits === 'each' && n > 1) expect(threadPool()!.jobs(), `${label}: jobs run by the pool`).toBeGreaterThan(before);
    });
    if (splits !== 'none' && n > 1) expect(threadPool()!.jobs(), 'jobs run by the pool').toBeGreaterThan(jobs0);
  }
}

type Case = [string, () => unknown];
/** Which cases must have split over the pool (with more than one thread): each one, some, or none need to. */
type Splits = 'each' | 'some' | 'none';

/**
 * Under `tuning`: the cases `build` makes (its matrices handed to `keep`, disposed at the end), checked
 * by sameForAllCounts.
 */
async function checkCases(tuning: object, build: (cases: Case[], keep: (...ms: Matrix[]) => void) => void, splits: Splits = 'some'): Promise<void> {
  setTuning(tuning);
  const cases: Case[] = [];
  const made: Matrix[] = [];
  build(cases, (...ms) => made.push(...ms));
  try {
    await sameForAllCounts(cases, splits);
  } finally {
    for (const M of made) M.dispose();
  }
}

const SMALL_BLOCKS = { ...nbAll(3), gehrdNB: 3, gehrdNX: 4, gemmMC: 8, gemmKC: 5, gemmNC: 12 };
const TUNINGS = [{}, SMALL_BLOCKS];

describe.each(TUNINGS)('threaded build, tuning %o', (tuning) => {
  itThreads('matmul and gram (GEMM, SYRK): every shape the same for 1–4 threads and the JS backend', async () => {
    await checkCases(tuning, (cases, keep) => {
      for (const [m, k, n] of [[1, 1, 1], [5, 3, 9], [9, 4, 5], [37, 21, 45], [64, 33, 17], [17, 40, 70]] as const) {
        const A = Matrix.randn(m, k, { seed: m + k });
        const B = Matrix.randn(k, n, { seed: n });
        keep(A, B);
        cases.push([`matmul ${m}×${k}·${k}×${n}`, () => matmul(A, B)]);
        cases.push([`gram ${m}×${k}`, () => gram(A)]);
        cases.push([`gram rows ${m}×${k}`, () => gram(A, { rows: true })]);
      }
    });
  });

  itThreads('solveTriangular (TRSM) with many right-hand sides, both triangles, transposed or not', async () => {
    await checkCases(tuning, (cases, keep) => {
      for (const [n, r] of [[7, 30], [30, 7], [40, 41]] as const) {
        const R = Matrix.randn(n, n, { seed: n });
        const D = Matrix.eye(n).scale(4 * n);
        const T = R.add(D);
        const B = Matrix.randn(n, r, { seed: r });
        keep(R, D, T, B);
        for (const lower of [true, false]) {
          for (const transpose of [false, true]) {
            for (const unitDiagonal of [false, true]) {
              cases.push([`solveTriangular n=${n} r=${r} lower=${lower} T=${transpose} unit=${unitDiagonal}`, () =>
                solveTriangular(T, B, { lower, transpose, unitDiagonal })]);
            }
          }
        }
      }
    });
  });

  itThreads('the factorisations: LU, Cholesky, QR (Q formed), eigh and SVD with vectors (lasr), eig', async () => {
    await checkCases(tuning, (cases, keep) => {
      for (const n of [9, 34, 50]) {
        const A = Matrix.randn(n, n, { seed: 100 + n });
        const G = gram(A);
        const I = Matrix.eye(n);
        const S = G.add(I);
        const W = Matrix.randn(n + 7, n, { seed: 7 });
        const Wt = W.transpose();
        const Wn = W.slice(0, n);
        keep(A, G, I, S, W, Wt, Wn);
        cases.push([`lu ${n}`, () => lu(A)]);
        cases.push([`solve ${n}`, () => A.solve(Wn)]);
        cases.push([`cholesky ${n}`, () => cholesky(S)]);
        cases.push([`qr ${n + 7}×${n}`, () => qr(W)]);
        cases.push([`qr ${n}×${n + 7}`, () => qr(Wt)]);
        cases.push([`eigh ${n}`, () => eigh(S)]);
        cases.push([`svd ${n + 7}×${n}`, () => svd(W)]);
        cases.push([`svd ${n}×${n + 7}`, () => svd(Wt)]);
        cases.push([`eig ${n}`, () => eig(A)]);
      }

    }, tuning === SMALL_BLOCKS ? 'each' : 'some');
  });
  itThreads('eigh through divide and conquer (syevDcMin 3, stedcSmlsiz 4: its merges\' GEMMs split), also the lean n = 3 … 8', async () => {
    await checkCases({ ...tuning, syevDcMin: 3, stedcSmlsiz: 4 }, (cases, keep) => {
      for (const n of [3, 5, 8, 9, 34, 50, 70]) {
        const A = Matrix.randn(n, n, { seed: 300 + n });
        const At = A.transpose();
        const S = A.add(At);
        keep(A, At, S);
        cases.push([`eigh D&C ${n}`, () => eigh(S)]);
      }
    }, 'some');
  });
  itThreads('SVD with labrd\'s fused pass in column panels (brdPanelMin 1: every step; 900: the larger trailing blocks)', async () => {
    for (const brdPanelMin of [1, 900]) {
      await checkCases({ ...tuning, brdPanelMin }, (cases, keep) => {
        for (const n of [9, 34, 50, 70]) {
          const A = Matrix.randn(n, n, { seed: 200 + n });
          const W = Matrix.randn(n + 7, n, { seed: 9 });
          const Wt = W.transpose();
          keep(A, W, Wt);
          cases.push([`svd ${n}×${n}`, () => svd(A)]);
          cases.push([`svd ${n + 7}×${n}`, () => svd(W)]);
          cases.push([`svd ${n}×${n + 7}`, () => svd(Wt)]);
        }
      }, tuning === SMALL_BLOCKS ? 'each' : 'some');
    }
  });
  itThreads('the lean eigh and svd (n = 3 … 8: the wasm syev/gesvd on one block sized by the wasm workspace, which grows with the threads)', async () => {
    await checkCases(tuning, (cases, keep) => {
      for (let n = 3; n <= 8; n++) {
        const A = Matrix.randn(n, n, { seed: n });
        const At = A.transpose();
        const S = A.add(At);
        keep(A, At, S);
        cases.push([`lean eigh ${n}`, () => eigh(S)]);
        cases.push([`lean svd ${n}`, () => svd(A)]);
      }
    }, 'none');
  });
});

describe('threaded build: GEMM, SYRK, SYR2K, TRSM, lasr and symv kernels', () => {
  /** Column-major data in a store of the backend; the JS backend's stores are plain arrays. */
  function storeOf(k: 'wasm' | 'js', data: Float64Array): Store {
    if (k === 'js') return new JsStore(data.slice());
    const s = backendNamed('wasm')!.f64(data.length);
    s.array().set(data, s.offset);
    return s;
  }
  const read = (s: Store, n: number): Float64Array => s.array().slice(s.offset, s.offset + n);
  const rand = (n: number, seed: number): Float64Array => {
    const a = new Float64Array(n);
    let x = seed;
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      a[i] = x / 2147483648 - 0.5;
    }
    return a;
  };

  /**
   * `call` on stores holding copies of `inputs` (and NaN-filled workspaces from `ws`), with the JS
   * mirrors and then with the wasm kernels on 1–4 threads: `inputs[out]` afterwards has the same bits
   * every time, and with more than one thread the pool split the kernel.
   */
  async function kernelAllCounts(
    label: string,
    inputs: Float64Array[],
    out: number,
    call: (k: Kernels, s: Store[], ws: (n: number) => Store) => void,
  ): Promise<void> {
    const run = (k: Kernels, which: 'wasm' | 'js'): Float64Array => {
      const stores = inputs.map((a) => storeOf(which, a));
      const extra: Store[] = [];
      try {
        call(k, stores, (n) => {
          const w = storeOf(which, new Float64Array(Math.max(1, n)).fill(NaN));
          extra.push(w);
          return w;
        });
        return read(stores[out]!, inputs[out]!.length);
      } finally {
        for (const x of [...stores, ...extra]) x.free();
      }
    };
    const want = run(jsKernels, 'js');
    const wk = backendNamed('wasm')!.kernels;
    for (const t of COUNTS) {
      await init({ threads: t });
      const before = threadPool()!.jobs();
      expectBitwise(`${label} [${t} threads]`, run(wk, 'wasm'), want);
      if (t > 1) expect(threadPool()!.jobs(), `${label}: split over the pool`).toBeGreaterThan(before);
    }
  }

  itThreads('gemm: every transpose pair, α and β (β = 0 does not read C), padded leading dimensions', async () => {
    const m = 23, n = 29, k = 13;
    for (const tA of [0, 1]) for (const tB of [0, 1]) for (const [alpha, beta] of [[1, 0], [-0.5, 1.5], [2, 1]] as const) {
      const lda = (tA ? k : m) + 2, ldb = (tB ? n : k) + 1, ldc = m + 3;
      const C = rand(ldc * n, 5);
      if (beta === 0) C.fill(NaN);
      await kernelAllCounts(`gemm tA=${tA} tB=${tB} α=${alpha} β=${beta}`, [rand(lda * (tA ? m : k), 1 + tA), rand(ldb * (tB ? k : n), 3 + tB), C], 2, (K, [sA, sB, sC], ws) =>
        K.gemm(tA, tB, m, n, k, alpha, sA!, lda, sB!, ldb, beta, sC!, ldc, ws(K.gemmScratch(m, n, k))),
      );
    }
  });

  itThreads('syrk: both triangles, both transposes, α and β, trees of every depth (leaves of 8 under gemmMC 8)', async () => {
    for (const tuning of [{}, { gemmMC: 8, gemmKC: 5, gemmNC: 12 }]) {
      setTuning(tuning);
      for (const [n, k] of [[33, 7], [131, 4]] as const) {
        for (const uplo of [0, 1]) for (const trans of [0, 1]) for (const [alpha, beta] of [[1, 0], [-0.5, 1.5]] as const) {
          const lda = (trans ? k : n) + 2, ldc = n + 1;
          const C = rand(ldc * n, 13);
          if (beta === 0) C.fill(NaN);
          // β = 0 with C all NaN: the triangle written must hold no NaN, the other must keep its NaNs (bitwise vs JS).
          await kernelAllCounts(`syrk n=${n} k=${k} uplo=${uplo} trans=${trans} α=${alpha} β=${beta} ${JSON.stringify(tuning)}`,
            [rand(lda * (trans ? n : k), 17 + trans), C], 1, (K, [sA, sC], ws) =>
              K.syrk(uplo, trans, n, k, alpha, sA!, lda, beta, sC!, ldc, ws(K.syrkScratch(n, k))),
          );
        }
      }
    }
    setTuning(null);
  });

  itThreads('syr2k: one product of depth 2k per block (Z = [A B A]), diagonal tiles of SYR2K_NBD = 32 (n = 33, 161: partial tiles, two block columns), α and β, padded leading dimensions', async () => {
    for (const tuning of [{}, { gemmMC: 8, gemmKC: 5, gemmNC: 12 }]) {
      setTuning(tuning);
      for (const [n, k] of [[33, 7], [161, 5]] as const) {
        for (const [alpha, beta] of [[1, 0], [-1, 1], [-0.5, 1.5]] as const) {
          const lda = n + 2, ldb = n + 1, ldc = n + 3;
          const C = rand(ldc * n, 29);
          if (beta === 0) C.fill(NaN);
          // β = 0 with C all NaN: the lower triangle written must hold no NaN, the upper keeps its NaNs (bitwise vs JS).
          await kernelAllCounts(`syr2k n=${n} k=${k} α=${alpha} β=${beta} ${JSON.stringify(tuning)}`,
            [rand(lda * k, 31), rand(ldb * k, 37), C], 2, (K, [sA, sB, sC], ws) =>
              K.syr2k(n, k, alpha, sA!, lda, sB!, ldb, beta, sC!, ldc, ws(K.syr2kScratch(n, k))),
          );
        }
      }
    }
    setTuning(null);
  });

  itThreads('trsm: both sides, both triangles, transposed or not, unit diagonal or not, α ≠ 1', async () => {
    setTuning({ trsmNB: 5, gemmMC: 8, gemmKC: 5, gemmNC: 12 });
    const m = 19, n = 26, ldb = m + 2;
    for (const side of [0, 1]) for (const uplo of [0, 1]) for (const trans of [0, 1]) for (const diag of [0, 1]) {
      const na = side === 0 ? m : n, lda = na + 1;
      const A = rand(lda * na, 7);
      for (let i = 0; i < na; i++) A[i + i * lda] = 3 + i;
      await kernelAllCounts(`trsm side=${side} uplo=${uplo} trans=${trans} diag=${diag}`, [A, rand(ldb * n, 11)], 1, (K, [sA, sB], ws) =>
        K.trsm(side, uplo, trans, diag, m, n, -1.5, sA!, lda, sB!, ldb, ws(K.trsmScratch(m, n))),
      );
    }
    setTuning(null);
  });

  itThreads('labrd and gebrd: the fused pass in column panels (brdPanelMin 1, or crossing mid-matrix), panel edges, tall and square', async () => {
    // labrd alone splits nothing but its fused pass: with more than one thread, the pool's jobs are its panels.
    for (const [m, n, nb] of [[9, 7, 3], [12, 10, 9], [37, 13, 5], [40, 40, 7], [70, 33, 6], [130, 70, 4]] as const) {
      for (const min of [1, (m - 2) * (n - 3)]) {
        setTuning({ brdPanelMin: min });
        const lda = m + 1, ldx = m + 2, ldy = n + 1, ldv = n + 3;
        // one buffer: A | d | e | τq | τp | X | Y | V
        const offs = [0, lda * n, lda * n + nb, lda * n + 2 * nb, lda * n + 3 * nb, lda * n + 4 * nb];
        offs.push(offs[5]! + ldx * nb, offs[5]! + ldx * nb + ldy * nb);
        const len = offs[7]! + ldv * nb;
        const buf = rand(len, m * n + nb).map((v, i) => (i < offs[1]! ? v : NaN));
        await kernelAllCounts(`labrd ${m}×${n} nb=${nb} brdPanelMin=${min}`, [buf], 0, (K, [s], ws) =>
          K.labrd(m, n, nb, s!, lda, s!.at(offs[1]!), s!.at(offs[2]!), s!.at(offs[3]!), s!.at(offs[4]!),
            s!.at(offs[5]!), ldx, s!.at(offs[6]!), ldy, s!.at(offs[7]!), ldv, ws(K.labrdScratch(m, n))),
        );
      }
    }
    for (const tuning of [{}, { gebrdNB: 3, gemmMC: 8, gemmKC: 5, gemmNC: 12 }] as { gebrdNB?: number }[]) {
      for (const [m, n] of [[9, 9], [37, 13], [70, 33], [97, 64]] as const) {
        if (n <= (tuning.gebrdNB ?? 32)) continue; // one panel: gebd2 alone, no labrd
        for (const min of [1, Math.ceil((m * n) / 3)]) {
          setTuning({ ...tuning, brdPanelMin: min });
          const lda = m + 2;
          // one buffer: A | d | e | τq | τp
          const buf = rand(lda * n + 4 * n, m + 5 * n).map((v, i) => (i < lda * n ? v : NaN));
          const o = lda * n;
          await kernelAllCounts(`gebrd ${m}×${n} ${JSON.stringify(tuning)} brdPanelMin=${min}`, [buf], 0, (K, [s], ws) => {
            expect(K.gebrd(m, n, s!, lda, s!.at(o), s!.at(o + n), s!.at(o + 2 * n), s!.at(o + 3 * n), ws(K.gebrdScratch(m, n)))).toBe(0);
          });
        }
      }
    }
    setTuning(null);
  });

  itThreads('symv: its column panels (n ≥ 256) as the chunks of one job, at the threshold and odd n, n mod 4 ≠ 0; padded lda, α ≠ 1', async () => {
    for (const n of [256, 257, 259, 262, 301]) {
      for (const alpha of [1, -0.75]) {
        const lda = n + 3;
        await kernelAllCounts(`symv n=${n} α=${alpha}`, [rand(lda * n, 19), rand(n, 23), new Float64Array(n).fill(NaN)], 2, (K, [sA, sx, sy], ws) =>
          K.symv(n, alpha, sA!, lda, sx!, sy!, ws(K.symvScratch(n))),
        );
      }
    }
  });

  itThreads('eigh through symv\'s panels (sytrd\'s latrd at orders ≥ 256; sytd2 at nb = 300): values and vectors the same for 1–4 threads and the JS backend', async () => {
    for (const tuning of [{}, { sytrdNB: 300 }]) {
      await checkCases(tuning, (cases, keep) => {
        for (const n of [258, 301]) {
          const A = Matrix.randn(n, n, { seed: 500 + n });
          const At = A.transpose();
          const S = A.add(At);
          keep(A, At, S);
          cases.push([`eigh ${n} ${JSON.stringify(tuning)}`, () => eigh(S)]);
        }
      }, 'each');
    }
    setTuning(null);
  });

  itThreads('lasr: rotation sequences forward and backward on strips of rows (eigh and the SVD vectors)', async () => {
    const m = 45, n = 12, ldx = m + 3;
    // Records (lo, hi, dir, off): both directions, an empty one, a single rotation.
    const seq = Float64Array.from([0, 11, 0, 0, 2, 9, 1, 11, 5, 5, 0, 0, 3, 4, 0, 20, 1, 8, 1, 20]);
    const angles = rand(40, 13);
    const C = angles.map((t) => Math.cos(3 * t));
    const S = angles.map((t) => Math.sin(3 * t));
    await kernelAllCounts('lasr', [seq, C, S, rand(ldx * n, 17)], 3, (K, [sq, sc, ss, sx]) => K.lasr(m, seq.length / 4, sq!, sc!, ss!, sx!, ldx));
  });
});
