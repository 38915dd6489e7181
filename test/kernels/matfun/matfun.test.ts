/**
 * The quasi-triangular kernels of the matrix functions: trsyl (A·X + X·B = C), trsqrt (U² = T, blocked)
 * and qtrsm (T·X = B, blocked), on every engine, bit for bit across engines, with guard zones,
 * NaN-filled workspace and NaN below the first subdiagonal of the quasi-triangular operands (entries
 * the kernels must not read). The operands are upper quasi-triangular with 1×1 and standardised 2×2
 * blocks ([[a, b], [c, a]], b·c < 0: a complex pair), as gees leaves them. Residual ratios:
 *
 *   trsyl   ‖A·X + X·B − C‖_F / ((‖A‖_F + ‖B‖_F)·‖X‖_F·(m + n)·ε)
 *   trsqrt  ‖U² − T‖_F / (‖U‖_F²·n·ε)                        (Higham 1987's residual bound)
 *   qtrsm   ‖T·X − B‖_F / (‖T‖_F·‖X‖_F·m·ε)
 *
 * each < 30, under block sizes (trsmNB) 1, 2, 3, 5 and the default 64 and tiny GEMM blockings, so
 * small matrices take every blocked path; the blocked trsqrt is also compared with the unblocked one.
 */
import { describe, it, beforeAll } from 'vitest';
import { setupEngines, withTuning, scratch, GEMM_TUNINGS } from '../../util/engines.js';
import { runKernel, matW } from '../../util/harness.js';
import { Rng } from '../../util/generate.js';
import { expectRatio } from '../../util/ratios.js';
import { EPS } from '../../util/tolerance.js';

beforeAll(async () => {
  await setupEngines();
});

/** An m×m upper quasi-triangular matrix, column-major with leading dimension ld, NaN below the first subdiagonal and in the padding. */
function quasiTriangular(rng: Rng, m: number, ld: number, diag: (rng: Rng) => number, pairsEvery = 3): Float64Array {
  const a = new Float64Array(ld * m).fill(NaN);
  for (let j = 0; j < m; j++) for (let i = 0; i <= Math.min(j + 1, m - 1); i++) a[i + j * ld] = i <= j ? 0.5 * (2 * rng.uniform() - 1) : 0;
  for (let i = 0; i < m; ) {
    if (i + 1 < m && rng.u32() % pairsEvery === 0) {
      const d = diag(rng);
      const b = 0.3 + rng.uniform();
      const c = -(0.3 + rng.uniform());
      a[i + i * ld] = d;
      a[i + 1 + (i + 1) * ld] = d;
      a[i + (i + 1) * ld] = b;
      a[i + 1 + i * ld] = c;
      if (i + 2 < m) a[i + 2 + (i + 1) * ld] = 0;
      i += 2;
    } else {
      a[i + i * ld] = diag(rng);
      if (i + 1 < m) a[i + 1 + i * ld] = 0;
      i += 1;
    }
  }
  return a;
}

/** Entry (i, j) of a quasi-triangular operand, 0 below the first subdiagonal. */
function qt(a: Float64Array, ld: number, i: number, j: number): number {
  return i > j + 1 ? 0 : a[i + j * ld]!;
}

function fro(get: (i: number, j: number) => number, m: number, n: number): number {
  let s = 0;
  for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) s += get(i, j) ** 2;
  return Math.sqrt(s);
}

const TUNE = [
  { trsmNB: undefined },
  { trsmNB: 1 },
  { trsmNB: 2, ...GEMM_TUNINGS[2]!.tuning },
  { trsmNB: 3, ...GEMM_TUNINGS[1]!.tuning },
  { trsmNB: 5 },
];

describe.each(TUNE)('matfun kernels — %o', (tuning) => {
  it('trsyl: A·X + X·B = C', () => {
    withTuning(tuning, () => {
      let seed = 1;
      for (const m of [0, 1, 2, 3, 7, 12]) {
        for (const n of [1, 2, 5, 9]) {
          const rng = new Rng(seed++);
          const lda = Math.max(1, m) + 1;
          const ldb = n;
          const ldc = Math.max(1, m) + 2;
          const A = quasiTriangular(rng, m, lda, (r) => 1 + r.uniform());
          const B = quasiTriangular(rng, n, ldb, (r) => 1 + r.uniform());
          const C = new Float64Array(ldc * n).fill(NaN);
          for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) C[i + j * ldc] = rng.normal();
          const label = `trsyl m=${m} n=${n}`;
          const r = runKernel(label, 'trsyl', (c) => [m, n, c.in(A), lda, c.in(B, 1), ldb, c.out(C, matW(m, n, ldc), seed % 2), ldc, c.work(scratch('trsylScratch'))]);
          if (r.ret !== 0) throw new Error(`${label}: info ${r.ret}`);
          const X = r.bufs[2]!;
          const x = (i: number, j: number): number => X[i + j * ldc]!;
          const res = fro((i, j) => {
            let s = -C[i + j * ldc]!;
            for (let k = 0; k < m; k++) s += qt(A, lda, i, k) * x(k, j);
            for (let k = 0; k < n; k++) s += x(i, k) * qt(B, ldb, k, j);
            return s;
          }, m, n);
          const den = (fro((i, j) => qt(A, lda, i, j), m, m) + fro((i, j) => qt(B, ldb, i, j), n, n)) * fro(x, m, n) * (m + n) * EPS;
          expectRatio(`${label}`, res === 0 ? 0 : res / den, 'trsyl');
        }
      }
    });
  });

  it('trsqrt: U² = T (positive real eigenvalues and complex pairs)', () => {
    withTuning(tuning, () => {
      let seed = 100;
      for (const n of [0, 1, 2, 3, 6, 7, 16, 17, 33]) {
        const rng = new Rng(seed++);
        const ld = Math.max(1, n) + (n % 3);
        const T = quasiTriangular(rng, n, ld, (r) => 0.5 + 2 * r.uniform(), 2);
        const label = `trsqrt n=${n}`;
        const r = runKernel(label, 'trsqrt', (c) => [n, c.out(T, matW(n, n, ld), n % 2), ld, c.work(scratch('trsqrtScratch', n))]);
        if (r.ret !== 0) throw new Error(`${label}: info ${r.ret}`);
        const U = r.bufs[0]!;
        const u = (i: number, j: number): number => qt(U, ld, i, j);
        const res = fro((i, j) => {
          let s = -qt(T, ld, i, j);
          for (let k = 0; k < n; k++) s += u(i, k) * u(k, j);
          return s;
        }, n, n);
        const nu = fro(u, n, n);
        expectRatio(label, res === 0 ? 0 : res / (nu * nu * Math.max(1, n) * EPS), 'trsqrt');
      }
    });
  });

  it('qtrsm: T·X = B', () => {
    withTuning(tuning, () => {
      let seed = 200;
      for (const m of [0, 1, 2, 5, 8, 17, 33]) {
        for (const n of [1, 3, 8]) {
          const rng = new Rng(seed++);
          const ldt = Math.max(1, m) + 1;
          const ldb = Math.max(1, m);
          const T = quasiTriangular(rng, m, ldt, (r) => (r.uniform() < 0.5 ? -1 : 1) * (1 + r.uniform()));
          const B = new Float64Array(ldb * n);
          for (let k = 0; k < B.length; k++) B[k] = rng.normal();
          const label = `qtrsm m=${m} n=${n}`;
          const r = runKernel(label, 'qtrsm', (c) => [m, n, c.in(T, 1), ldt, c.out(B, matW(m, n, ldb)), ldb, c.work(scratch('qtrsmScratch', m, n))]);
          if (r.ret !== 0) throw new Error(`${label}: info ${r.ret}`);
          const X = r.bufs[1]!;
          const x = (i: number, j: number): number => X[i + j * ldb]!;
          const res = fro((i, j) => {
            let s = -B[i + j * ldb]!;
            for (let k = 0; k < m; k++) s += qt(T, ldt, i, k) * x(k, j);
            return s;
          }, m, n);
          const den = fro((i, j) => qt(T, ldt, i, j), m, m) * fro(x, m, n) * Math.max(1, m) * EPS;
          expectRatio(label, res === 0 ? 0 : res / den, 'qtrsm');
        }
      }
    });
  });
});

describe('trsqrt: blocked against unblocked', () => {
  it('nb = 3 and nb = 1 agree to working accuracy', () => {
    for (const n of [17, 40]) {
      const ld = n;
      const T = quasiTriangular(new Rng(7 * n), n, ld, (r) => 0.5 + 2 * r.uniform(), 2);
      const run = (nb: number): Float64Array =>
        withTuning({ trsmNB: nb }, () => runKernel(`trsqrt nb=${nb} n=${n}`, 'trsqrt', (c) => [n, c.out(T, matW(n, n, ld)), ld, c.work(scratch('trsqrtScratch', n))]).bufs[0]!);
      const U1 = run(1);
      const U3 = run(3);
      const d = fro((i, j) => qt(U1, ld, i, j) - qt(U3, ld, i, j), n, n);
      expectRatio(`trsqrt blocked vs unblocked n=${n}`, d / (fro((i, j) => qt(U1, ld, i, j), n, n) * n * EPS), 'trsqrt blocked vs unblocked');
    }
  });
});
