/**
 * eig / eigvals / schur — the general (nonsymmetric) eigenproblem at the API level, on both backends
 * bit for bit, under the default blocking and tiny odd ones (GEMM 8×5×12 with panels of 3),
 * n ∈ {0, 1, 2, 3, 17, 33, 64}, with the test ratios of LAPACK's TESTING/EIG (dget22, dhst01; pass
 * below THRESH = 30, the ratio printed on failure):
 *
 *   resid   ‖A·V − V·Λ‖₁ / (n·‖A‖₁·‖V‖₁·ε)     in complex arithmetic (|re| + |im| per entry, as dget22)
 *   schur   ‖A − Z·T·Zᵀ‖₁ / (n·‖A‖₁·ε)
 *   orth    ‖ZᵀZ − I‖₁ / (n·ε)
 *   norm    |‖vⱼ‖₂ − 1| / (n·ε)
 *   λ       |λ̂ − λ| / tol(λ) after matching each reference eigenvalue to the nearest unused computed one,
 *           with tol the first-order bound of the case's perturbation theory for a backward error of
 *           n·ε·‖A‖:
 *             diagonalizable A = X·Λ·X⁻¹ (X known)  tol = n·ε·‖A‖₁·κ_F(X)   (Bauer–Fike; κ = 1 for normal A)
 *             a Jordan block J_k(λ) (superdiagonal 1)  tol = (n·ε·‖A‖₁)^(1/k)   (Lidskii: a defective
 *                                          eigenvalue moves by the k-th root of the perturbation; the
 *                                          mean of the k computed values stays within n·ε·‖A‖₁)
 *             no reference (random matrices)   tol = n·ε·‖A‖₁·κ̂ⱼ, κ̂ⱼ = ‖v̂ⱼ‖₂·‖ŷⱼ‖₂ from the computed
 *                                          V̂ (ŷⱼᴴ = row j of V̂⁻¹): Wilkinson's eigenvalue condition
 *                                          number, used to compare eigvals, schur and eig with each other
 *
 * Matrix types: zero, identity, diagonal (repeated values), upper / lower triangular (eigenvalues exact:
 * balancing isolates them), random Gaussian, normal with a known spectrum (Q·B·Qᵀ, B real block
 * diagonal), rotations (e^{±iθ}, θ = π/2 among them), skew-symmetric (pure imaginary pairs), nonnormal
 * X·B·X⁻¹, repeated semisimple eigenvalues, Jordan blocks J_k (k = 1 … 4, and a defective complex pair),
 * the companion matrix of xⁿ − 1 (the cyclic shift: roots of unity, ±i when 4 | n), a badly scaled
 * D·A₀·D⁻¹ (D = diag(2^±30): only balancing recovers the accuracy of ‖A₀‖), symmetric, and random
 * matrices scaled near overflow (‖A‖₁ = 1e292) and underflow (1e-292). Beside the types: companion
 * matrices of polynomials with known roots (Bauer–Fike with the Vandermonde eigenvector matrix) and a
 * triple root (a J₃ inside a companion), x¹⁷ − 2¹⁷ with and without balancing, isolated eigenvalues
 * found exactly by the permutation, symmetric input against eigh (values, and vectors within
 * n·ε·‖A‖/gap), and 1e±292-scaled matrices against the unscaled one.
 *
 * Conventions checked: pairs adjacent with the positive imaginary part first (and equal real parts);
 * eigenvectors of unit 2-norm with the entry of largest modulus real and positive; a pair's columns of
 * vectors.re / vectors.im exact conjugates, a real eigenvalue's vectors.im column exactly 0; T
 * quasi-triangular with standardised 2×2 blocks that match schur's values bit for bit; eig with
 * `balance: false` runs schur's pipeline (same values, bit for bit); scaling A by 2^k (k = 40, 300)
 * scales λ and T and leaves V and Z unchanged, bit for bit (k = 1000 and k < 0: see that test for why
 * only to a few ulps / within tolerance); eigvals and schur agree with eig within the tolerance.
 *
 * Errors: non-square → RangeError; NaN / ±Inf → LinAlgError 'not-finite' (with checkFinite: false:
 * 'not-finite' or non-finite results, never a hang; regression: gebal's NaN exit left ilo/ihi unset);
 * the iteration cap (tuning hqrMaxIter) → LinAlgError 'no-convergence'. Inputs are never modified; no WASM
 * block outlives a call (the suite's afterEach, error paths included).
 */
import { describe, it, expect, assert } from 'vitest';
import { eig, eigvals, schur, eigh, Matrix, LinAlgError, type EigOptions } from '../../../bindings/index.js';
import { onBackend, BACKENDS, onBoth, guarded, setupLapackSuite } from '../../util/api.js';
import { dense, eye, inverse, mul, norm1, ratio, sub, tr, type Dense } from '../../util/dense.js';
import { randn, randomOrthogonal } from '../../util/lapack-types.js';
import { THRESH, expectRatio } from '../../util/ratios.js';
import { caught, expectLinAlgError, expectError } from '../../util/errors.js';
import { withTuning, TUNINGS, buildUnderTest, type TuningCase } from '../../util/engines.js';
import { EPS, Rng, unitScaler } from '../../util/eig-reference.js';
import { pow2 } from '../../util/reference.js';

setupLapackSuite('api/eig'); // both backends loaded; tuning reset and a leak check after every test

const SIZES = [0, 1, 2, 3, 17, 33, 64] as const;

// ---- complex helpers (row-major n×n) -------------------------------------------------------------------

interface CMat {
  n: number;
  re: Float64Array;
  im: Float64Array;
}

/** X⁻¹ by complex Gauss–Jordan with partial pivoting; null when a pivot is exactly zero. */
function cinverse(X: CMat): CMat | null {
  const n = X.n;
  const ar = X.re.slice();
  const ai = X.im.slice();
  const br = eye(n).a;
  const bi = new Float64Array(n * n);
  const swap = (a: Float64Array, r: number, s: number): void => {
    for (let j = 0; j < n; j++) [a[r * n + j], a[s * n + j]] = [a[s * n + j]!, a[r * n + j]!];
  };
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let i = c + 1; i < n; i++) if (Math.hypot(ar[i * n + c]!, ai[i * n + c]!) > Math.hypot(ar[p * n + c]!, ai[p * n + c]!)) p = i;
    const dr = ar[p * n + c]!;
    const di = ai[p * n + c]!;
    if (dr === 0 && di === 0) return null;
    if (p !== c) for (const a of [ar, ai, br, bi]) swap(a, p, c);
    // row c ← row c / d
    const dd = dr * dr + di * di;
    for (const [xr, xi] of [[ar, ai], [br, bi]] as const) {
      for (let j = 0; j < n; j++) {
        const u = xr[c * n + j]!;
        const v = xi[c * n + j]!;
        xr[c * n + j] = (u * dr + v * di) / dd;
        xi[c * n + j] = (v * dr - u * di) / dd;
      }
    }
    for (let i = 0; i < n; i++) {
      if (i === c) continue;
      const fr = ar[i * n + c]!;
      const fi = ai[i * n + c]!;
      if (fr === 0 && fi === 0) continue;
      for (const [xr, xi] of [[ar, ai], [br, bi]] as const) {
        for (let j = 0; j < n; j++) {
          const u = xr[c * n + j]!;
          const v = xi[c * n + j]!;
          xr[i * n + j] = xr[i * n + j]! - (fr * u - fi * v);
          xi[i * n + j] = xi[i * n + j]! - (fr * v + fi * u);
        }
      }
    }
  }
  return { n, re: br, im: bi };
}

function frob(a: ArrayLike<number>, b?: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! ** 2 + (b === undefined ? 0 : b[i]! ** 2);
  return Math.sqrt(s);
}

/** κ_F(X) = ‖X‖_F·‖X⁻¹‖_F ≥ κ₂(X) (real X), the Bauer–Fike factor. */
function kappaF(X: Dense): number {
  return X.n === 0 ? 1 : frob(X.a) * frob(inverse(X).a);
}

/** Wilkinson's condition numbers κ̂ⱼ = ‖v̂ⱼ‖₂·‖row j of V̂⁻¹‖₂ of the computed eigenvalues (∞ if V̂ is singular). */
function conditionNumbers(Vre: Dense, Vim: Dense): Float64Array {
  const n = Vre.n;
  const inv = cinverse({ n, re: Vre.a, im: Vim.a });
  return Float64Array.from({ length: n }, (_, j) => {
    if (inv === null) return Infinity;
    let v = 0;
    let y = 0;
    for (let i = 0; i < n; i++) {
      v += Vre.a[i * n + j]! ** 2 + Vim.a[i * n + j]! ** 2;
      y += inv.re[j * n + i]! ** 2 + inv.im[j * n + i]! ** 2;
    }
    return Math.sqrt(v) * Math.sqrt(y);
  });
}

// ---- matrix types --------------------------------------------------------------------------------------

const TYPES = [
  'zero', 'identity', 'diagonal', 'upper triangular', 'lower triangular', 'random', 'normal', 'rotations', 'skew-symmetric',
  'nonnormal', 'repeated', 'jordan', 'companion xⁿ − 1', 'badly scaled', 'symmetric', 'near overflow', 'near underflow',
] as const;
type TypeName = (typeof TYPES)[number];

/** Reference eigenvalues with the absolute tolerance unit of each (the λ ratio is |λ̂ − λ|/tol). */
interface Ref {
  re: number[];
  im: number[];
  tol: number[];
  /** Jordan block of each eigenvalue (for the cluster means), −1 for a simple one. */
  block: number[];
}

interface Case {
  name: TypeName;
  n: number;
  A: Dense;
  /** Eigenvalues exactly the diagonal (balancing's permutation isolates all of them). */
  exact?: boolean;
  /** Known eigenvalues, or none (random types: eigvals / schur are compared with eig through κ̂ⱼ). */
  ref?: Ref;
  /** The reference tolerances hold only with balancing (‖A‖ ≫ ‖balanced A‖): schur and balance: false skip them. */
  needsBalancing?: boolean;
}

/** A real block of a known spectrum: a Jordan block J_k(λ) of a real λ, or of a pair re ± i·im (2k×2k). */
interface Block {
  re: number;
  im: number;
  k: number;
}

function blockSize(b: Block): number {
  return b.im === 0 ? b.k : 2 * b.k;
}

/**
 * The real Jordan form: J_k(λ) for a real λ; for a pair, [[C, I, 0], [0, C, I], …] with
 * C = [[re, im], [−im, re]] (eigenvalues re ± i·im, each of multiplicity k, one Jordan chain each).
 */
function realJordan(blocks: readonly Block[]): Dense {
  const n = blocks.reduce((s, b) => s + blockSize(b), 0);
  const B = dense(n, n);
  let o = 0;
  for (const b of blocks) {
    if (b.im === 0) {
      for (let i = 0; i < b.k; i++) {
        B.a[(o + i) * n + o + i] = b.re;
        if (i + 1 < b.k) B.a[(o + i) * n + o + i + 1] = 1;
      }
    } else {
      for (let t = 0; t < b.k; t++) {
        const p = o + 2 * t;
        B.a[p * n + p] = B.a[(p + 1) * n + p + 1] = b.re;
        B.a[p * n + p + 1] = b.im;
        B.a[(p + 1) * n + p] = -b.im;
        if (t + 1 < b.k) B.a[p * n + p + 2] = B.a[(p + 1) * n + p + 3] = 1;
      }
    }
    o += blockSize(b);
  }
  return B;
}

/** Blocks of 1×1 reals and 2×2 pairs (k = 1) filling n, from `real()` and `pair()`. */
function simpleBlocks(rng: Rng, n: number, real: () => number, pair: () => [number, number]): Block[] {
  const out: Block[] = [];
  let left = n;
  while (left > 0) {
    if (left >= 2 && rng.u32() % 3 !== 0) {
      const [re, im] = pair();
      out.push({ re, im, k: 1 });
      left -= 2;
    } else {
      out.push({ re: real(), im: 0, k: 1 });
      left -= 1;
    }
  }
  return out;
}

/** The eigenvalues of blocks, each with tol = unit (k = 1) or unitK(k) (a Jordan block of size k > 1). */
function refOf(blocks: readonly Block[], unit: number, unitK: (k: number) => number = () => unit): Ref {
  const ref: Ref = { re: [], im: [], tol: [], block: [] };
  blocks.forEach((b, id) => {
    const signs = b.im === 0 ? [0] : [1, -1];
    for (const s of signs) {
      for (let t = 0; t < b.k; t++) {
        ref.re.push(b.re);
        ref.im.push(s * b.im);
        ref.tol.push(b.k === 1 ? unit : unitK(b.k));
        ref.block.push(b.k === 1 ? -1 : 2 * id + (s < 0 ? 1 : 0));
      }
    }
  });
  return ref;
}

/** Q·B·Qᵀ for a random orthogonal Q. */
function orthoSimilar(rng: Rng, B: Dense): Dense {
  if (B.n === 0) return B;
  const Q = randomOrthogonal(rng, B.n);
  return mul(mul(Q, B), tr(Q));
}

function diagOf(A: Dense): number[] {
  return Array.from({ length: A.n }, (_, i) => A.a[i * A.n + i]!);
}

function makeCase(name: TypeName, n: number, seed: number): Case {
  const rng = new Rng(seed);
  const unitOf = (A: Dense, kappa = 1): number => n * EPS * norm1(A) * kappa;
  const sign = (): number => (rng.u32() & 1 ? -1 : 1);
  switch (name) {
    case 'zero':
      return { name, n, A: dense(n, n), exact: true };
    case 'identity':
      return { name, n, A: eye(n), exact: true };
    case 'diagonal': {
      const A = dense(n, n);
      for (let i = 0; i < n; i++) A.a[i * n + i] = i % 4 === 3 ? A.a[(i - 2) * n + i - 2]! : sign() * 10 ** (6 * rng.uniform() - 3);
      return { name, n, A, exact: true };
    }
    case 'upper triangular':
    case 'lower triangular': {
      const A = dense(n, n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          if (i === j) A.a[i * n + j] = i % 5 === 4 ? A.a[0]! : sign() * (1 + rng.uniform());
          else if (name === 'upper triangular' ? i < j : i > j) A.a[i * n + j] = rng.normal();
        }
      }
      return { name, n, A, exact: true };
    }
    case 'random':
      return { name, n, A: randn(rng, n, n) };
    case 'symmetric': {
      const G = randn(rng, n, n);
      const A = dense(n, n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A.a[i * n + j] = (G.a[i * n + j]! + G.a[j * n + i]!) / 2;
      return { name, n, A };
    }
    case 'near overflow':
    case 'near underflow': {
      const G = randn(rng, n, n);
      const s = (name === 'near overflow' ? 1e292 : 1e-292) / (norm1(G) || 1);
      return { name, n, A: dense(n, n, G.a.map((v) => v * s)) };
    }
    case 'normal': {
      const blocks = simpleBlocks(rng, n, () => 2 * rng.uniform() - 1, () => [2 * rng.uniform() - 1, 0.1 + rng.uniform()]);
      const A = orthoSimilar(rng, realJordan(blocks));
      return { name, n, A, ref: refOf(blocks, unitOf(A)) };
    }
    case 'rotations': {
      // e^{±iθ}, θ = π/2 first (cos θ = 6e-17: ±i to rounding); odd n: a reflection's −1
      const blocks: Block[] = [];
      for (let t = 0; 2 * t + 1 < n; t++) {
        const th = t === 0 ? Math.PI / 2 : Math.PI * (0.02 + 0.96 * rng.uniform());
        blocks.push({ re: Math.cos(th), im: Math.sin(th), k: 1 });
      }
      if (n % 2 === 1) blocks.push({ re: -1, im: 0, k: 1 });
      const A = orthoSimilar(rng, realJordan(blocks));
      return { name, n, A, ref: refOf(blocks, unitOf(A)) };
    }
    case 'skew-symmetric': {
      // ±i·ω exactly skew (A = −Aᵀ), odd n: a zero eigenvalue
      const blocks: Block[] = [];
      for (let t = 0; 2 * t + 1 < n; t++) blocks.push({ re: 0, im: 0.5 + 1.5 * rng.uniform(), k: 1 });
      if (n % 2 === 1) blocks.push({ re: 0, im: 0, k: 1 });
      const S = orthoSimilar(rng, realJordan(blocks));
      const A = dense(n, n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A.a[i * n + j] = (S.a[i * n + j]! - S.a[j * n + i]!) / 2;
      return { name, n, A, ref: refOf(blocks, unitOf(A)) };
    }
    case 'nonnormal':
    case 'repeated': {
      // X·B·X⁻¹, X = I + G/(2√n): far from orthogonal but invertible; 'repeated': each real value three
      // times and each pair twice (semisimple: Bauer–Fike still bounds them by κ(X))
      let blocks = simpleBlocks(rng, n, () => 2 * rng.uniform() - 1, () => [2 * rng.uniform() - 1, 0.1 + rng.uniform()]);
      if (name === 'repeated') {
        const rep: Block[] = [];
        let left = n;
        for (const b of blocks) {
          for (let c = 0; c < (b.im === 0 ? 3 : 2) && left >= blockSize(b); c++) {
            rep.push(b);
            left -= blockSize(b);
          }
          if (left === 0) break;
        }
        blocks = rep;
      }
      const B = realJordan(blocks);
      const G = randn(rng, n, n);
      const X = dense(n, n, eye(n).a.map((v, t) => v + G.a[t]! / (2 * Math.sqrt(n))));
      const A = n === 0 ? B : mul(mul(X, B), inverse(X));
      return { name, n, A, ref: refOf(blocks, unitOf(A, kappaF(X))) };
    }
    case 'jordan': {
      // J_k(λ) blocks, k cycling 2, 1, 3, 4, λ distinct integers; a defective complex pair when it fits
      const blocks: Block[] = [];
      let left = n;
      if (n >= 7) {
        blocks.push({ re: 0.5, im: 1.5, k: 2 });
        left -= 4;
      }
      for (let t = 0; left > 0; t++) {
        const kk = Math.min(left, [2, 1, 3, 4][t % 4]!);
        blocks.push({ re: (t % 2 ? -1 : 1) * Math.ceil(t / 2) - 0.25, im: 0, k: kk });
        left -= kk;
      }
      const A = orthoSimilar(rng, realJordan(blocks));
      const an = norm1(A);
      return { name, n, A, ref: refOf(blocks, unitOf(A), (kk) => (n * EPS * an) ** (1 / kk)) };
    }
    case 'companion xⁿ − 1': {
      // first row (0, …, 0, 1), ones below the diagonal: the cyclic shift, normal (κ = 1), roots e^{2πij/n}
      // (±i when 4 | n). (xⁿ − 2ⁿ = D·(2P)·D⁻¹ would test balancing, but gebal stops improving ‖D⁻¹AD‖ by
      // 5 % per sweep long before 2P at n ≥ 33 — LAPACK's dgebal as well: numpy's eigvals is off by 6e-3 at
      // n = 64 — so its accuracy is not ‖2P‖-relative; the 'badly scaled' type and the balance tests cover it.)
      const A = dense(n, n);
      if (n > 0) A.a[n - 1] = 1;
      for (let i = 1; i < n; i++) A.a[i * n + i - 1] = 1;
      const ref: Ref = { re: [], im: [], tol: [], block: [] };
      for (let j = 0; j < n; j++) {
        const th = (2 * Math.PI * j) / n;
        // exact zeros where they are exact (θ = π/2, π, 3π/2), so that matching does not hinge on cos(π/2)
        ref.re.push(4 * j === n || 4 * j === 3 * n ? 0 : Math.cos(th));
        ref.im.push(2 * j === n || j === 0 ? 0 : Math.sin(th));
        ref.tol.push(n * EPS * norm1(A));
        ref.block.push(-1);
      }
      return { name, n, A, ref };
    }
    case 'badly scaled': {
      // D·A₀·D⁻¹, A₀ normal with a known spectrum, D = diag(2^eᵢ), eᵢ from −30 to 30 (exact scaling)
      const blocks = simpleBlocks(rng, n, () => 2 * rng.uniform() - 1, () => [2 * rng.uniform() - 1, 0.1 + rng.uniform()]);
      const A0 = orthoSimilar(rng, realJordan(blocks));
      const e = (i: number): number => (n === 1 ? 0 : Math.round(60 * (i / (n - 1)) - 30));
      const A = dense(n, n, A0.a.map((v, t) => v * pow2(e(Math.floor(t / n)) - e(t % n))));
      return { name, n, A, ref: refOf(blocks, unitOf(A0)), needsBalancing: true };
    }
  }
}

// ---- the decomposition on both backends ----------------------------------------------------------------

interface Decomposition {
  real: Float64Array;
  imag: Float64Array;
  Vre: Dense;
  Vim: Dense;
  /** eigvals */
  vr: Float64Array;
  vi: Float64Array;
  /** schur */
  T: Dense;
  Z: Dense;
  sr: Float64Array;
  si: Float64Array;
  /** eig with balance: false */
  nr: Float64Array;
  ni: Float64Array;
  NVre: Dense;
  NVim: Dense;
}

/** eig, eigvals, schur and eig without balancing, on both backends (bit for bit), inputs guarded. */
function decompose(label: string, A: Dense, opts: EigOptions = {}): Decomposition {
  const n = A.n;
  return onBoth(label, () => guarded(label, [A], [], ([M]) => {
    const e = eig(M!, opts);
    const v = eigvals(M!, opts);
    const s = schur(M!, opts);
    const u = eig(M!, { ...opts, balance: false });
    expect(e.vectors.re.rows === n && e.vectors.im.cols === n && s.T.rows === n && s.Z.cols === n, `${label}: shapes`).toBe(true);
    return {
      real: e.real, imag: e.imag, Vre: e.vectors.re, Vim: e.vectors.im, vr: v.real, vi: v.imag, T: s.T, Z: s.Z, sr: s.real, si: s.imag,
      nr: u.real, ni: u.imag, NVre: u.vectors.re, NVim: u.vectors.im,
    };
  }));
}

// ---- checks --------------------------------------------------------------------------------------------

/** Pairs adjacent (positive imaginary part first, equal real parts). */
function checkPairs(label: string, re: Float64Array, im: Float64Array): void {
  const n = re.length;
  expect(im.length, `${label}: imag length`).toBe(n);
  for (let j = 0; j < n; j++) {
    if (im[j] === 0) continue;
    if (!(im[j]! > 0 && j + 1 < n && im[j + 1] === -im[j]! && re[j + 1] === re[j])) {
      assert.fail(`${label}: eigenvalue ${j} = ${re[j]} + ${im[j]}i does not start a conjugate pair (next ${re[j + 1]} + ${im[j + 1]}i)`);
    }
    j++;
  }
}

/** Unit vectors, largest-modulus entry real positive, a pair's columns conjugate, real vectors real. */
function checkVectors(label: string, im: Float64Array, Vre: Dense, Vim: Dense): void {
  const n = im.length;
  expect([Vre.m, Vre.n, Vim.m, Vim.n], `${label}: vector shapes`).toEqual([n, n, n, n]);
  const at = (V: Dense, i: number, j: number): number => V.a[i * n + j]!;
  for (let j = 0; j < n; j++) {
    if (im[j] === 0) {
      for (let i = 0; i < n; i++) if (at(Vim, i, j) !== 0) assert.fail(`${label}: real eigenvalue ${j}: vectors.im[${i}, ${j}] = ${at(Vim, i, j)} ≠ 0`);
    } else if (im[j]! < 0) {
      for (let i = 0; i < n; i++) {
        if (!Object.is(at(Vre, i, j), at(Vre, i, j - 1)) || !Object.is(at(Vim, i, j), -at(Vim, i, j - 1))) {
          assert.fail(`${label}: columns ${j - 1}, ${j} of a pair are not conjugate at row ${i}`);
        }
      }
    }
    let big = 0;
    let nrm = 0;
    for (let i = 0; i < n; i++) {
      big = Math.max(big, Math.hypot(at(Vre, i, j), at(Vim, i, j)));
      nrm += at(Vre, i, j) ** 2 + at(Vim, i, j) ** 2;
    }
    expectRatio(`norm |‖v‖₂ − 1|/(nε) ${label}`, Math.abs(Math.sqrt(nrm) - 1) / (n * EPS));
    // the entry of largest modulus (first such, ties within rounding of the normalisation) is real, positive
    let found = false;
    for (let i = 0; i < n && !found; i++) found = at(Vim, i, j) === 0 && at(Vre, i, j) > 0 && at(Vre, i, j) >= big * (1 - 8 * EPS);
    if (!found) assert.fail(`${label}: vector ${j}: no real positive entry of largest modulus ${big}`);
  }
}

/** dget22's ‖A·V − V·Λ‖₁/(n·‖A‖₁·‖V‖₁·ε), complex, on 2^k·A and 2^k·Λ (exact scalings). */
function eigResid(A: Dense, re: Float64Array, im: Float64Array, Vre: Dense, Vim: Dense): number {
  const n = A.n;
  if (n === 0) return 0;
  const up = unitScaler(A.a);
  const As = A.a.map(up);
  const lr = re.map(up);
  const li = im.map(up);
  let rn = 0;
  let vn = 0;
  for (let j = 0; j < n; j++) {
    let r = 0;
    let v = 0;
    for (let i = 0; i < n; i++) {
      let xr = 0;
      let xi = 0;
      for (let q = 0; q < n; q++) {
        xr += As[i * n + q]! * Vre.a[q * n + j]!;
        xi += As[i * n + q]! * Vim.a[q * n + j]!;
      }
      const vr = Vre.a[i * n + j]!;
      const vi = Vim.a[i * n + j]!;
      r += Math.abs(xr - (lr[j]! * vr - li[j]! * vi)) + Math.abs(xi - (lr[j]! * vi + li[j]! * vr));
      v += Math.abs(vr) + Math.abs(vi);
    }
    if (!(r <= rn)) rn = r;
    if (!(v <= vn)) vn = v;
  }
  return ratio(rn, n, norm1(dense(n, n, As)), vn, EPS);
}

/** dhst01's ratios on 2^k·A and 2^k·T. */
function schurRatios(A: Dense, T: Dense, Z: Dense): { resid: number; orth: number } {
  const n = A.n;
  if (n === 0) return { resid: 0, orth: 0 };
  const up = unitScaler(A.a);
  const As = dense(n, n, A.a.map(up));
  const R = sub(As, mul(mul(Z, dense(n, n, T.a.map(up))), tr(Z)));
  return { resid: ratio(norm1(R), n, norm1(As), EPS), orth: ratio(norm1(sub(mul(tr(Z), Z), eye(n))), n, EPS) };
}

/** T quasi-triangular with standardised 2×2 blocks [a b; c a], b·c < 0, whose eigenvalues are (re, im). */
function checkQuasiTriangular(label: string, T: Dense, re: Float64Array, im: Float64Array): void {
  const n = T.n;
  const t = (i: number, j: number): number => T.a[i * n + j]!;
  for (let i = 0; i < n; i++) for (let j = 0; j + 1 < i; j++) if (t(i, j) !== 0) assert.fail(`${label}: T[${i}, ${j}] = ${t(i, j)} below the subdiagonal`);
  for (let j = 0; j < n; j++) {
    if (j + 1 < n && t(j + 1, j) !== 0) {
      const [a, b, c, d] = [t(j, j), t(j, j + 1), t(j + 1, j), t(j + 1, j + 1)];
      if (j + 2 < n && t(j + 2, j + 1) !== 0) assert.fail(`${label}: adjacent 2×2 blocks at ${j}`);
      // (signs, not b·c < 0: the product of two entries near 1e-293 underflows to −0)
      if (!(a === d && b !== 0 && c !== 0 && Math.sign(b) !== Math.sign(c))) assert.fail(`${label}: 2×2 block at ${j} not standardised: [${a} ${b}; ${c} ${d}]`);
      if (!(re[j] === a && re[j + 1] === a && im[j]! > 0 && im[j + 1] === -im[j]!)) assert.fail(`${label}: block ${j}: values ${re[j]} ± ${im[j]}i`);
      const w = Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c));
      if (!(Math.abs(im[j]! - w) <= 4 * EPS * w)) assert.fail(`${label}: block ${j}: imaginary part ${im[j]} vs √|b|·√|c| = ${w}`);
      j++;
    } else if (!(re[j] === t(j, j) && im[j] === 0)) {
      assert.fail(`${label}: T[${j}, ${j}] = ${t(j, j)} but schur reports ${re[j]} + ${im[j]}i`);
    }
  }
}

/**
 * Matches each wanted eigenvalue (tightest tolerance first) to the nearest unused computed one; returns
 * the largest |λ̂ − λ|/tol and the assignment (computed index per wanted one).
 */
function matchRatio(re: ArrayLike<number>, im: ArrayLike<number>, wre: ArrayLike<number>, wim: ArrayLike<number>, tol: ArrayLike<number>): { ratio: number; at: number; assign: number[] } {
  const n = wre.length;
  if (re.length !== n) return { ratio: Infinity, at: -1, assign: [] };
  const used = new Uint8Array(n);
  const assign = new Array<number>(n).fill(-1);
  const order = Array.from({ length: n }, (_, j) => j).sort((a, b) => tol[a]! - tol[b]!);
  let worst = 0;
  let at = -1;
  for (const j of order) {
    let best = -1;
    let bd = Infinity;
    for (let i = 0; i < n; i++) {
      if (used[i]) continue;
      const d = Math.hypot(re[i]! - wre[j]!, im[i]! - wim[j]!);
      if (d < bd || best < 0) {
        bd = d;
        best = i;
      }
    }
    used[best] = 1;
    assign[j] = best;
    const r = bd === 0 ? 0 : bd / tol[j]!;
    if (!(r <= worst)) {
      worst = r;
      at = j;
    }
  }
  return { ratio: worst, at, assign };
}

function expectMatch(label: string, re: ArrayLike<number>, im: ArrayLike<number>, wre: ArrayLike<number>, wim: ArrayLike<number>, tol: ArrayLike<number>): number[] {
  const m = matchRatio(re, im, wre, wim, tol);
  if (!(m.ratio < THRESH)) {
    const j = m.at;
    const i = m.assign[j] ?? -1;
    assert.fail(`${label}: test ratio ${m.ratio.toPrecision(4)} ≥ THRESH = ${THRESH} at λ = ${wre[j]} + ${wim[j]}i (got ${re[i]} + ${im[i]}i, tol ${tol[j]})`);
  }
  expectRatio(label, m.ratio);
  return m.assign;
}

function sortedExact(label: string, got: Float64Array, want: number[]): void {
  expect(Array.from(got).sort((a, b) => a - b), `${label}: eigenvalues are the diagonal, exactly`).toEqual([...want].sort((a, b) => a - b));
}

function checkCase(c: Case, label: string): Decomposition {
  const { n, A } = c;
  const r = decompose(label, A);
  for (const [what, re, im] of [['eig', r.real, r.imag], ['eigvals', r.vr, r.vi], ['schur', r.sr, r.si], ['eig (no balancing)', r.nr, r.ni]] as const) {
    checkPairs(`${label}: ${what}`, re, im);
  }
  checkVectors(`${label}: eig`, r.imag, r.Vre, r.Vim);
  checkVectors(`${label}: eig (no balancing)`, r.ni, r.NVre, r.NVim);
  // backward stability: eig with and without balancing, schur
  expectRatio(`resid ‖AV − VΛ‖₁/(n‖A‖₁‖V‖₁ε) ${label}`, eigResid(A, r.real, r.imag, r.Vre, r.Vim));
  expectRatio(`resid, balance: false ${label}`, eigResid(A, r.nr, r.ni, r.NVre, r.NVim));
  const s = schurRatios(A, r.T, r.Z);
  expectRatio(`schur ‖A − ZTZᵀ‖₁/(n‖A‖₁ε) ${label}`, s.resid);
  expectRatio(`orth ‖ZᵀZ − I‖₁/(nε) ${label}`, s.orth);
  checkQuasiTriangular(`${label}: T`, r.T, r.sr, r.si);
  // eig without balancing is schur's pipeline (gehd2, orghr, hqr with T and Z): the same values, bit for bit
  expect(Array.from(r.nr), `${label}: eig(balance: false).real = schur.real`).toEqual(Array.from(r.sr));
  expect(Array.from(r.ni), `${label}: eig(balance: false).imag = schur.imag`).toEqual(Array.from(r.si));

  if (c.exact) {
    const d = diagOf(A);
    sortedExact(`${label}: eig`, r.real, d);
    sortedExact(`${label}: eigvals`, r.vr, d);
    expect(r.imag.every((v) => v === 0) && r.vi.every((v) => v === 0), `${label}: real`).toBe(true);
    if (c.name !== 'lower triangular') {
      // nothing to reduce: T = A and Z = I, exactly (a lower triangular A is reduced: its schur values are only backward stable)
      expect(Array.from(r.T.a), `${label}: T = A`).toEqual(Array.from(A.a));
      expect(Array.from(r.Z.a, (v) => v + 0), `${label}: Z = I (zeros of either sign)`).toEqual(Array.from(eye(n).a));
    }
    if (c.name !== 'upper triangular' && c.name !== 'lower triangular') {
      // V is a permutation matrix: column j is e_i with A[i, i] = λⱼ
      for (let j = 0; j < n; j++) {
        const col = Array.from({ length: n }, (_, i) => r.Vre.a[i * n + j]!);
        const i = col.indexOf(1);
        if (i < 0 || col.some((v, t) => t !== i && v !== 0)) assert.fail(`${label}: vector ${j} = [${col}] is not a unit vector`);
        expect(r.real[j], `${label}: λ${j} = A[${i}, ${i}]`).toBe(A.a[i * n + i]);
      }
    }
    return r;
  }

  const an = norm1(A);
  if (c.ref !== undefined) {
    const { re, im, tol } = c.ref;
    const assign = expectMatch(`λ eig vs reference ${label}`, r.real, r.imag, re, im, tol);
    expectMatch(`λ eigvals vs reference ${label}`, r.vr, r.vi, re, im, tol);
    if (!c.needsBalancing) {
      expectMatch(`λ schur vs reference ${label}`, r.sr, r.si, re, im, tol);
    }
    // a Jordan block's k values are each only ε^(1/k)-accurate, their mean is ε-accurate (the trace of the block)
    const means = new Map<number, { re: number; im: number; k: number; want: [number, number] }>();
    c.ref.block.forEach((b, j) => {
      if (b < 0) return;
      const g = means.get(b) ?? { re: 0, im: 0, k: 0, want: [re[j]!, im[j]!] };
      g.re += r.real[assign[j]!]!;
      g.im += r.imag[assign[j]!]!;
      g.k++;
      means.set(b, g);
    });
    for (const [b, g] of means) {
      const d = Math.hypot(g.re / g.k - g.want[0], g.im / g.k - g.want[1]);
      expectRatio(`Jordan block mean |mean λ̂ − λ|/(nε‖A‖₁) ${label} (block ${b}, k = ${g.k})`, ratio(d, n, an, EPS), `Jordan block mean ${c.name}`);
    }
    // eigvals and eig against each other: twice the reference tolerance
    const tol2 = tol.map((t) => 2 * t);
    const byEig = matchRatio(r.real, r.imag, re, im, tol).assign;
    const eigTol = new Array<number>(n);
    byEig.forEach((i, j) => (eigTol[i] = tol2[j]!));
    expectMatch(`λ eigvals vs eig ${label}`, r.vr, r.vi, r.real, r.imag, eigTol);
  } else {
    // no reference: eigvals and schur against eig, within n·ε·‖A‖₁·κ̂ⱼ (κ̂ from eig's own vectors)
    const kap = conditionNumbers(r.Vre, r.Vim);
    const tolj = Array.from(kap, (q) => n * EPS * an * q);
    expectMatch(`λ eigvals vs eig (κ̂-scaled) ${label}`, r.vr, r.vi, r.real, r.imag, tolj);
    expectMatch(`λ schur vs eig (κ̂-scaled) ${label}`, r.sr, r.si, r.real, r.imag, tolj);
  }
  return r;
}

const API_TUNINGS: readonly TuningCase[] = [TUNINGS[0]!, TUNINGS[1]!]; // default; mc 8 kc 5 nc 12 nb 3

describe.each(API_TUNINGS)('eig / eigvals / schur on the matrix types — $name', (bc) => {
  it.each(SIZES)('n = %i: dget22 / dhst01 ratios, eigenvalues vs the reference, conventions; wasm ≡ js', (n) => {
    withTuning(bc.tuning, () => {
      TYPES.forEach((name, t) => checkCase(makeCase(name, n, 1000 * n + t), `${name} n=${n}, ${bc.name}`));
    });
  });
});

// ---- conventions and exact properties ----------------------------------------------------------------

/** eig only, on both backends (bit for bit), inputs guarded. */
function eigBoth(label: string, A: Dense, opts: EigOptions = {}): { real: Float64Array; imag: Float64Array; Vre: Dense; Vim: Dense } {
  return onBoth(label, () => guarded(label, [A], [], ([M]) => {
    const e = eig(M!, opts);
    return { real: e.real, imag: e.imag, Vre: e.vectors.re, Vim: e.vectors.im };
  }));
}

function fromRowsD(rows: number[][]): Dense {
  const n = rows.length;
  return dense(n, n, Float64Array.from(rows.flat()));
}

describe('eig / eigvals / schur conventions', () => {
  it('[[0, −1], [1, 0]]: λ = ±i exactly, positive first; vectors (1, ∓i)/√2 (the first entry of largest modulus real positive)', () => {
    const A = fromRowsD([[0, -1], [1, 0]]);
    const r = decompose('rotation π/2', A);
    for (const [what, re, im] of [['eig', r.real, r.imag], ['eigvals', r.vr, r.vi], ['schur', r.sr, r.si]] as const) {
      expect(Array.from(re), `${what}: real parts`).toEqual([0, 0]);
      expect(Array.from(im), `${what}: imaginary parts`).toEqual([1, -1]);
    }
    const h = Math.SQRT1_2;
    // row-major [[v00, v01], [v10, v11]]: v₀ = (1, −i)/√2 for +i, v₁ = (1, i)/√2 for −i
    const want = { re: [h, h, 0, 0], im: [0, 0, -h, h] };
    for (let t = 0; t < 4; t++) {
      expect(Math.abs(r.Vre.a[t]! - want.re[t]!), `vectors.re entry ${t}: ${r.Vre.a[t]}`).toBeLessThanOrEqual(4 * EPS);
      expect(Math.abs(r.Vim.a[t]! - want.im[t]!), `vectors.im entry ${t}: ${r.Vim.a[t]}`).toBeLessThanOrEqual(4 * EPS);
    }
  });

  it('shapes 0×0 and 1×1: empty results; λ = a, v = [1], T = [a], Z = [1] (a < 0, 0, huge, subnormal)', () => {
    const e0 = onBoth('0×0', () => {
      using M = Matrix.zeros(0, 0);
      const e = eig(M);
      const s = schur(M);
      const v = eigvals([]);
      return { real: e.real, imag: e.imag, Vre: e.vectors.re, Vim: e.vectors.im, T: s.T, Z: s.Z, sr: s.real, vr: v.real };
    });
    expect([e0.real.length, e0.imag.length, e0.sr.length, e0.vr.length]).toEqual([0, 0, 0, 0]);
    expect([e0.Vre.m, e0.Vre.n, e0.Vim.m, e0.T.m, e0.Z.n]).toEqual([0, 0, 0, 0, 0]);
    for (const a of [-3.5, 0, 7e300, -1e-310]) {
      const r = decompose(`1×1 ${a}`, fromRowsD([[a]]));
      for (const v of [r.real, r.vr, r.sr, r.nr]) expect(Array.from(v)).toEqual([a]);
      for (const v of [r.imag, r.vi, r.si, r.ni]) expect(Array.from(v)).toEqual([0]);
      expect([r.Vre.a[0], r.Vim.a[0], r.T.a[0], r.Z.a[0]]).toEqual([1, 0, a, 1]);
    }
  });

  it('scaling by 2^k: λ, T scale by 2^k and V, Z stay, bit for bit, for k = 40 and 300; for k = 1000 (through the driver\'s own scaling) real parts, T and Z bit for bit, imaginary parts and V to a few ulps; for k = −300, −1000 within n·ε·‖A‖·κ̂', () => {
    // k = 1000: the driver brings max|A| below 2^480 by a power of two 2^j; for odd j the imaginary
    // parts √|b|·√|c| of the standardised 2×2 blocks (lanv2) are not scaled exactly (√2 is not a power
    // of two), and the vectors of the pairs, computed with them, move by a few ulps.
    // Not bit for bit when scaling down: lanv2 (as LAPACK's dlanv2) decides whether a 2×2 block has real
    // eigenvalues by an absolute test z ≥ 4ε, z of the size of the block's entries, so at ‖A‖ ≲ ε the
    // blocks with real eigenvalues take its other (equally accurate) branch, and the order of the two
    // eigenvalues of such a block may change; matrices below 2^-480 are scaled up only to 2^-480. For
    // the same reason a 2×2 block with nearly equal real eigenvalues (z ≈ 4ε: a Jordan block J₂) may
    // switch branches at any scale: the Jordan type is compared within its ε^(1/2) tolerance only.
    for (const n of [3, 17, 33]) {
      for (const name of ['random', 'nonnormal', 'rotations', 'normal', 'jordan'] as const) {
        const c = makeCase(name, n, 31 * n + name.length);
        const label = `${name} n=${n}`;
        const base = decompose(label, c.A);
        const kap = conditionNumbers(base.Vre, base.Vim);
        for (const e of [40, 300, 1000, -300, -1000]) {
          const s = pow2(e);
          const r = decompose(`${label} · 2^${e}`, dense(n, n, c.A.a.map((v) => v * s)));
          if (e > 0 && name !== 'jordan') {
            const exact = e !== 1000;
            for (const [what, got, want, bitwise] of [
              ['eig real', r.real, base.real, true], ['eigvals real', r.vr, base.vr, true], ['schur real', r.sr, base.sr, true], ['T', r.T.a, base.T.a, true],
              ['eig imag', r.imag, base.imag, exact], ['eigvals imag', r.vi, base.vi, exact], ['schur imag', r.si, base.si, exact],
            ] as const) {
              const w = Array.from(want, (v) => v * s);
              if (bitwise) expect(Array.from(got), `${label}: ${what}(2^${e}·A) = 2^${e}·${what}(A)`).toEqual(w);
              else got.forEach((g, q) => expect(Math.abs(g - w[q]!), `${label}: ${what}(2^${e}·A)[${q}] = 2^${e}·${what}(A)[${q}] to 4 ulps`).toBeLessThanOrEqual(4 * EPS * Math.abs(w[q]!)));
            }
            expect(Array.from(r.Z.a), `${label}: Z(2^${e}·A) = Z(A)`).toEqual(Array.from(base.Z.a));
            for (const [what, got, want] of [['vectors.re', r.Vre, base.Vre], ['vectors.im', r.Vim, base.Vim]] as const) {
              if (exact) expect(Array.from(got.a), `${label}: ${what}(2^${e}·A) = ${what}(A)`).toEqual(Array.from(want.a));
              else got.a.forEach((g, q) => expectRatio(`V(2^1000·A) vs V(A), |Δv|/(nε·κ̂) ${label}`, Math.abs(g - want.a[q]!) / (n * EPS * Math.max(...kap))));
            }
          } else if (name === 'jordan') {
            const { re, im, tol } = c.ref!;
            expectMatch(`λ(2^${e}·A)/2^${e} vs reference ${label}`, r.real.map((v) => v / s), r.imag.map((v) => v / s), re, im, tol);
            expectMatch(`eigvals(2^${e}·A)/2^${e} vs reference ${label}`, r.vr.map((v) => v / s), r.vi.map((v) => v / s), re, im, tol);
          } else {
            const tol = Array.from(kap, (q) => 2 * n * EPS * norm1(c.A) * q);
            expectMatch(`λ(2^${e}·A)/2^${e} vs λ(A) ${label}`, r.real.map((v) => v / s), r.imag.map((v) => v / s), base.real, base.imag, tol);
            expectMatch(`eigvals(2^${e}·A)/2^${e} vs λ(A) ${label}`, r.vr.map((v) => v / s), r.vi.map((v) => v / s), base.real, base.imag, tol);
          }
        }
      }
    }
  });

  it('entries near overflow (‖A‖₁ = 1e292) and underflow (1e-292): λ = the scale times λ of the unscaled matrix, within n·ε·‖A‖·κ̂; all finite', () => {
    for (const n of [2, 17, 33]) {
      const G = randn(new Rng(400 + n), n, n);
      const base = decompose(`unscaled n=${n}`, G);
      const kap = conditionNumbers(base.Vre, base.Vim);
      for (const target of [1e292, 1e-292]) {
        const s = target / norm1(G);
        const label = `‖A‖₁ = ${target} n=${n}`;
        const r = decompose(label, dense(n, n, G.a.map((v) => v * s)));
        for (const v of [r.real, r.imag, r.vr, r.vi, r.sr, r.si, r.Vre.a, r.Vim.a, r.T.a, r.Z.a]) {
          expect(v.every((x) => Number.isFinite(x)), `${label}: finite`).toBe(true);
        }
        // compare on the unscaled side (λ/s): the tolerance n·ε·‖G‖·κ̂ⱼ (the rounding of s·G is within it)
        const tol = Array.from(kap, (q) => 2 * n * EPS * norm1(G) * q);
        for (const [what, re, im] of [['eig', r.real, r.imag], ['eigvals', r.vr, r.vi], ['schur', r.sr, r.si]] as const) {
          expectMatch(`λ ${what}(s·G)/s vs λ(G) ${label}`, re.map((v) => v / s), im.map((v) => v / s), base.real, base.imag, tol);
        }
      }
    }
  });

  it('nested arrays, and matrices stored on the other backend, give the same bits', () => {
    const n = 17;
    const c = makeCase('nonnormal', n, 5);
    const rows = Array.from({ length: n }, (_, i) => Array.from(c.A.a.subarray(i * n, i * n + n)));
    const a = eigBoth('Matrix', c.A);
    const b = onBoth('nested', () => {
      const e = eig(rows);
      const v = eigvals(rows);
      return { real: e.real, imag: e.imag, Vre: e.vectors.re, Vim: e.vectors.im, vr: v.real };
    });
    for (const [got, want] of [[b.real, a.real], [b.imag, a.imag], [b.Vre.a, a.Vre.a], [b.Vim.a, a.Vim.a], [b.vr, a.real]] as const) {
      expect(Array.from(got)).toEqual(Array.from(want));
    }
    for (const [made, used] of [['js', 'wasm'], ['wasm', 'js']] as const) {
      const M = onBackend(made, () => Matrix.fromArray(c.A.a, n, n));
      try {
        const r = onBackend(used, () => {
          const e = eig(M);
          const out = { real: e.real, re: e.vectors.re.toFloat64Array(), im: e.vectors.im.toFloat64Array(), on: [e.vectors.re.backend, e.vectors.im.backend] };
          e.vectors.re.dispose();
          e.vectors.im.dispose();
          return out;
        });
        expect(r.on, `made on ${made}, used on ${used}: result storage`).toEqual([used, used]);
        // The relaxed build (not bit-identical to the JS backend): its own bits, checked on the wasm side only.
        if (used === 'wasm' || buildUnderTest() !== 'relaxed') {
          expect(Array.from(r.real), `made on ${made}, used on ${used}`).toEqual(Array.from(a.real));
          expect(Array.from(r.re)).toEqual(Array.from(a.Vre.a));
          expect(Array.from(r.im)).toEqual(Array.from(a.Vim.a));
        }
        expect(Array.from(M.toFloat64Array()), `made on ${made}, used on ${used}: input intact`).toEqual(Array.from(c.A.a));
      } finally {
        M.dispose();
      }
    }
  });
});

// ---- balancing --------------------------------------------------------------------------------------------

/** The largest distance from a wanted eigenvalue to its match. */
function matchDistance(re: ArrayLike<number>, im: ArrayLike<number>, wre: ArrayLike<number>, wim: ArrayLike<number>): number {
  return matchRatio(re, im, wre, wim, new Float64Array(wre.length).fill(1)).ratio;
}

describe('balancing (balance: true by default, false to skip)', () => {
  it('badly scaled D·A₀·D⁻¹: balanced λ within n·ε·‖A₀‖; unbalanced only backward stable (relative to ‖D·A₀·D⁻¹‖) and less accurate', () => {
    for (const n of [8, 17, 33]) {
      const c = makeCase('badly scaled', n, 700 + n);
      const label = `badly scaled n=${n}`;
      const r = decompose(label, c.A);
      const { re, im, tol } = c.ref!;
      expectMatch(`λ balanced vs reference ${label}`, r.real, r.imag, re, im, tol);
      expectRatio(`resid, balance: false ${label}`, eigResid(c.A, r.nr, r.ni, r.NVre, r.NVim));
      const dBal = matchDistance(r.real, r.imag, re, im);
      const dNo = matchDistance(r.nr, r.ni, re, im);
      expect(dNo, `${label}: unbalanced error ${dNo} vs balanced ${dBal}`).toBeGreaterThan(10 * dBal);
    }
  });

  it('companion of x¹⁷ − 2¹⁷ (entries 1 … 2¹⁷): balancing brings the error of the roots 2·e^{2πij/17} down by over two orders of magnitude', () => {
    const n = 17;
    const A = dense(n, n);
    A.a[n - 1] = pow2(n);
    for (let i = 1; i < n; i++) A.a[i * n + i - 1] = 1;
    const re = Array.from({ length: n }, (_, j) => 2 * Math.cos((2 * Math.PI * j) / n));
    const im = Array.from({ length: n }, (_, j) => (j === 0 ? 0 : 2 * Math.sin((2 * Math.PI * j) / n)));
    const r = decompose('x¹⁷ − 2¹⁷', A);
    const dBal = matchDistance(r.real, r.imag, re, im);
    const dNo = matchDistance(r.nr, r.ni, re, im);
    // the balanced matrix has ‖·‖₁ = 8 (gebal stops there, as LAPACK's): λ within n·ε·8
    expectMatch('λ balanced vs roots x¹⁷ − 2¹⁷', r.real, r.imag, re, im, new Array<number>(n).fill(n * EPS * 8));
    expect(dNo, `unbalanced error ${dNo} vs balanced ${dBal}`).toBeGreaterThan(100 * dBal);
    expectRatio('resid, balance: false x¹⁷ − 2¹⁷', eigResid(A, r.nr, r.ni, r.NVre, r.NVim));
  });

  it('the permutation isolates eigenvalues exactly: a row and a column that are zero off the diagonal give λ = 7 and −3 exactly', () => {
    for (const n of [5, 17]) {
      const P = randn(new Rng(78 + n), n, n);
      for (let j = 0; j < n; j++) {
        P.a[2 * n + j] = j === 2 ? 7 : 0; // row 2
        P.a[j * n + n - 2] = j === n - 2 ? -3 : 0; // column n − 2
      }
      const r = decompose(`isolated n=${n}`, P);
      for (const [what, v] of [['eig', r.real], ['eigvals', r.vr]] as const) {
        expect(Array.from(v).includes(7) && Array.from(v).includes(-3), `n=${n}: ${what} λ = [${Array.from(v)}]`).toBe(true);
      }
      expectRatio(`resid isolated n=${n}`, eigResid(P, r.real, r.imag, r.Vre, r.Vim));
    }
  });
});

// ---- companion matrices, Jordan blocks, symmetric input ----------------------------------------------

/** Companion matrix (first row −p₁ … −pₙ, ones below the diagonal) of ∏(x − rⱼ), rⱼ = re ± i·im. */
function companion(roots: readonly [number, number][]): Dense {
  // coefficients, highest first, of the real polynomial (pairs entered once with im > 0)
  let p = [1];
  const by = (q: number[]): void => {
    const out = new Array<number>(p.length + q.length - 1).fill(0);
    p.forEach((a, i) => q.forEach((b, t) => (out[i + t] = out[i + t]! + a * b)));
    p = out;
  };
  for (const [a, b] of roots) by(b === 0 ? [1, -a] : [1, -2 * a, a * a + b * b]);
  const n = p.length - 1;
  const A = dense(n, n);
  for (let j = 0; j < n; j++) A.a[j] = -p[j + 1]!;
  for (let i = 1; i < n; i++) A.a[i * n + i - 1] = 1;
  return A;
}

/** All roots (pairs expanded) and κ_F of the eigenvector matrix X (Vandermonde columns (rⁿ⁻¹, …, r, 1)). */
function companionRoots(roots: readonly [number, number][]): { re: number[]; im: number[]; kappa: number } {
  const re: number[] = [];
  const im: number[] = [];
  for (const [a, b] of roots) {
    re.push(a);
    im.push(b);
    if (b !== 0) {
      re.push(a);
      im.push(-b);
    }
  }
  const n = re.length;
  const X: CMat = { n, re: new Float64Array(n * n), im: new Float64Array(n * n) };
  for (let j = 0; j < n; j++) {
    let pr = 1;
    let pi = 0;
    for (let i = n - 1; i >= 0; i--) {
      X.re[i * n + j] = pr;
      X.im[i * n + j] = pi;
      [pr, pi] = [pr * re[j]! - pi * im[j]!, pr * im[j]! + pi * re[j]!];
    }
  }
  const inv = cinverse(X)!;
  return { re, im, kappa: frob(X.re, X.im) * frob(inv.re, inv.im) };
}

describe('companion matrices, defective eigenvalues, symmetric input', () => {
  it('companion matrices of polynomials with known roots: λ within n·ε·‖A‖₁·κ_F(Vandermonde) (Bauer–Fike)', () => {
    const cases: [number, number][][] = [
      [[1, 0], [2, 0], [3, 0], [4, 0], [5, 0]],
      [[2, 0], [-3, 0], [0, 1]],
      [[0.5, 0], [1, 2], [-1, 0.5]],
      [[0, 1], [0, 2], [0, 3]], // pure imaginary ±i, ±2i, ±3i
      [[-0.5, 0], [0.25, 0.75], [0.9, 0], [-0.3, 1.1], [0, 0.4]],
    ];
    for (const roots of cases) {
      const A = companion(roots);
      const n = A.n;
      const label = `companion ${roots.map(([a, b]) => (b === 0 ? `${a}` : `${a}±${b}i`)).join(', ')} n=${n}`;
      const r = decompose(label, A);
      const want = companionRoots(roots);
      const tol = new Array<number>(n).fill(n * EPS * norm1(A) * want.kappa);
      expectMatch(`λ eig vs roots ${label}`, r.real, r.imag, want.re, want.im, tol);
      expectMatch(`λ eigvals vs roots ${label}`, r.vr, r.vi, want.re, want.im, tol);
      expectMatch(`λ schur vs roots ${label}`, r.sr, r.si, want.re, want.im, tol);
      expectRatio(`resid ${label}`, eigResid(A, r.real, r.imag, r.Vre, r.Vim));
      if (roots.every(([a]) => a === 0)) expect(Array.from(r.real).every((v) => Math.abs(v) <= tol[0]!), `${label}: real parts ≈ 0`).toBe(true);
    }
  });

  it('a triple root (x − 1)³(x + 2): a companion is nonderogatory, so λ = 1 is a Jordan block J₃ — accurate to (n·ε)^(1/3)·‖A‖₁, its mean to n·ε·‖A‖₁', () => {
    const A = companion([[1, 0], [1, 0], [1, 0], [-2, 0]]);
    const n = A.n;
    const an = norm1(A);
    const r = decompose('(x − 1)³(x + 2)', A);
    // the general bound for a Jordan block whose coupling is of the size of ‖A‖: (n·ε·‖A‖)^(1/k)·‖A‖^(1 − 1/k)
    const t3 = (n * EPS) ** (1 / 3) * an;
    for (const [what, re, im] of [['eig', r.real, r.imag], ['eigvals', r.vr, r.vi], ['schur', r.sr, r.si]] as const) {
      const assign = expectMatch(`λ ${what} (x − 1)³(x + 2)`, re, im, [1, 1, 1, -2], [0, 0, 0, 0], [t3, t3, t3, n * EPS * an * 100]);
      const mean = [0, 1, 2].reduce((s, j) => s + re[assign[j]!]!, 0) / 3;
      expectRatio(`Jordan block mean (x − 1)³(x + 2) ${what}`, ratio(Math.abs(mean - 1), n, an, EPS));
    }
  });

  it('symmetric input agrees with eigh: real λ within n·ε·‖A‖₁, and vectors within n·ε·‖A‖₁/gap', () => {
    for (const n of [2, 17, 33, 64]) {
      const c = makeCase('symmetric', n, 900 + n);
      const label = `symmetric n=${n}`;
      const r = onBoth(label, () => guarded(label, [c.A], [], ([M]) => {
        const e = eig(M!);
        const h = eigh(M!);
        return { real: e.real, imag: e.imag, Vre: e.vectors.re, Vim: e.vectors.im, hv: h.values, Z: h.vectors };
      }));
      expect(r.imag.every((v) => v === 0), `${label}: all real`).toBe(true);
      const an = norm1(c.A);
      const assign = expectMatch(`λ eig vs eigh ${label}`, r.real, r.imag, r.hv, new Float64Array(n), new Array<number>(n).fill(2 * n * EPS * an));
      for (let j = 0; j < n; j++) {
        // sin∠(v, z) ≤ n·ε·‖A‖/gap (Davis–Kahan), gap the distance to the nearest other eigenvalue
        const gap = Math.min(...Array.from(r.hv).filter((_, t) => t !== j).map((l) => Math.abs(l - r.hv[j]!)), Infinity);
        const i = assign[j]!;
        let d = 0;
        for (let q = 0; q < n; q++) d += r.Vre.a[q * n + i]! * r.Z.a[q * n + j]!;
        let s2 = 0;
        for (let q = 0; q < n; q++) s2 += (r.Vre.a[q * n + i]! - d * r.Z.a[q * n + j]!) ** 2 + r.Vim.a[q * n + i]! ** 2;
        expectRatio(`vectors eig vs eigh, sin∠·gap/(nε‖A‖₁) ${label}`, n === 1 ? 0 : ratio(Math.sqrt(s2) * gap, n, an, EPS));
      }
    }
  });
});

// ---- errors -------------------------------------------------------------------------------------------

describe('eig / eigvals / schur errors', () => {
  it('non-square → RangeError naming the shape; not a matrix → TypeError', () => {
    for (const be of BACKENDS) {
      onBackend(be, () => {
        for (const [m, n] of [[2, 3], [3, 2], [0, 3], [3, 0]] as const) {
          guarded(`${m}×${n}`, [dense(m, n, Float64Array.from({ length: m * n }, (_, i) => i))], [], ([M]) => {
            expectError(RangeError, `eig ${m}×${n}`, () => eig(M!), new RegExp(`square.*${m}×${n}`));
            expectError(RangeError, `eigvals ${m}×${n}`, () => eigvals(M!), new RegExp(`square.*${m}×${n}`));
            expectError(RangeError, `schur ${m}×${n}`, () => schur(M!), new RegExp(`square.*${m}×${n}`));
          });
        }
        expectError(RangeError, 'nested 2×3', () => eig([[1, 2, 3], [4, 5, 6]]), /square/);
        expect(caught(() => eig(42 as never))).toBeInstanceOf(TypeError);
        expect(caught(() => eigvals('A' as never))).toBeInstanceOf(TypeError);
        expect(caught(() => schur(null as never))).toBeInstanceOf(TypeError);
      });
    }
  });

  it('NaN / ±Inf anywhere → LinAlgError not-finite; with checkFinite: false → not-finite (the iteration fails) or NaN/Inf in the result, never a hang', () => {
    const n = 17;
    const c = makeCase('random', n, 3);
    for (const be of BACKENDS) {
      onBackend(be, () => {
        for (const bad of [NaN, Infinity, -Infinity]) {
          for (const [i, j] of [[5, 3], [3, 5], [4, 4], [16, 0], [0, 16]] as const) {
            const B = c.A.a.slice();
            B[i * n + j] = bad;
            const label = `${be}: A[${i}, ${j}] = ${bad}`;
            guarded(label, [dense(n, n, B)], [], ([M]) => {
              const msg = Number.isNaN(bad) ? /NaN.*checkFinite/ : /Inf.*checkFinite/;
              expectLinAlgError(`${label} eig`, () => eig(M!), 'not-finite', undefined, msg);
              expectLinAlgError(`${label} eigvals`, () => eigvals(M!), 'not-finite', undefined, msg);
              expectLinAlgError(`${label} schur`, () => schur(M!), 'not-finite', undefined, msg);
              const t0 = performance.now();
              const runs: [string, () => Float64Array[]][] = [
                ['eig', () => {
                  const e = eig(M!, { checkFinite: false });
                  const out = [e.real, e.imag, e.vectors.re.toFloat64Array()];
                  e.vectors.re.dispose();
                  e.vectors.im.dispose();
                  return out;
                }],
                ['eigvals', () => {
                  const e = eigvals(M!, { checkFinite: false });
                  return [e.real, e.imag];
                }],
                ['schur', () => {
                  const s = schur(M!, { checkFinite: false });
                  const out = [s.real, s.imag, s.T.toFloat64Array()];
                  s.T.dispose();
                  s.Z.dispose();
                  return out;
                }],
              ];
              for (const [fn, f] of runs) {
                const e = caught(() => {
                  const out = f();
                  if (out.every((v) => v.every((x) => Number.isFinite(x)))) assert.fail(`${label}: ${fn} with checkFinite false returned finite results`);
                });
                if (e !== undefined && !(e instanceof LinAlgError && e.code === 'not-finite')) throw e;
              }
              expect(performance.now() - t0, `${label}: time`).toBeLessThan(2000);
            });
          }
        }
      });
    }
  });

  it('regression: a NaN met by gebal\'s scaling sweep left ilo/ihi unset (eigvals with checkFinite: false returned the diagonal as eigenvalues)', () => {
    // gebal returned early on a NaN row/column norm without storing the window bounds; geev then read
    // stale bounds (0, 0) and reported every diagonal entry as an isolated eigenvalue — finite and wrong.
    const n = 5;
    const A = randn(new Rng(3), n, n);
    A.a[3 * n + 1] = NaN;
    for (const be of BACKENDS) {
      onBackend(be, () => {
        guarded(`${be} NaN in the scaling sweep`, [A], [], ([M]) => {
          for (const [fn, f] of [
            ['eigvals', () => eigvals(M!, { checkFinite: false }).real],
            ['eig', () => {
              const e = eig(M!, { checkFinite: false });
              e.vectors.re.dispose();
              e.vectors.im.dispose();
              return e.real;
            }],
          ] as const) {
            const e = caught(() => {
              const v = f();
              if (v.every((x) => Number.isFinite(x))) assert.fail(`${be} ${fn}: finite eigenvalues [${Array.from(v)}] of a matrix holding NaN`);
            });
            if (e !== undefined && !(e instanceof LinAlgError && e.code === 'not-finite')) throw e;
          }
        });
      });
    }
  });

  it('iteration cap (hqrMaxIter 1) → LinAlgError no-convergence with the count of unconverged rows; inputs intact, nothing leaked; default restored', () => {
    const n = 33;
    const c = makeCase('random', n, 9);
    const rows = Array.from({ length: n }, (_, i) => Array.from(c.A.a.subarray(i * n, i * n + n)));
    for (const be of BACKENDS) {
      onBackend(be, () => {
        withTuning({ hqrMaxIter: 1 }, () => {
          const t0 = performance.now();
          guarded(`${be} cap`, [c.A], [], ([M]) => {
            for (const [fn, f] of [
              ['eig', () => eig(M!)], ['eigvals', () => eigvals(M!)], ['schur', () => schur(M!)], ['eig (balance: false)', () => eig(M!, { balance: false })],
              ['eig (nested)', () => eig(rows)],
            ] as const) {
              const e = expectLinAlgError(`${be} ${fn}`, f, 'no-convergence', undefined, /did not converge \(\d+ eigenvalue/);
              expect(e.info, `${be} ${fn}: info`).toBeGreaterThan(0);
              expect(e.info!).toBeLessThanOrEqual(n);
              expect(e.message).toContain(fn.split(' ')[0]!);
            }
          });
          // no iteration needed: 0×0, 1×1, a 2×2 block (standardised directly), triangular matrices
          for (const A of [dense(0, 0), fromRowsD([[2]]), fromRowsD([[1, 2], [-3, 1]]), makeCase('upper triangular', 17, 1).A, makeCase('diagonal', 17, 1).A]) {
            guarded(`${be} cap, ${A.n}×${A.n}`, [A], [], ([M]) => {
              const e = eig(M!);
              e.vectors.re.dispose();
              e.vectors.im.dispose();
              const s = schur(M!);
              s.T.dispose();
              s.Z.dispose();
            });
          }
          expect(performance.now() - t0).toBeLessThan(2000);
        });
        // the default budget again
        guarded(`${be} restored`, [c.A], [], ([M]) => {
          const e = eig(M!);
          const v = { re: e.vectors.re.toFloat64Array(), im: e.vectors.im.toFloat64Array() };
          e.vectors.re.dispose();
          e.vectors.im.dispose();
          expectRatio(`resid after the cap n=${n} (${be})`, eigResid(c.A, e.real, e.imag, dense(n, n, v.re), dense(n, n, v.im)));
        });
      });
    }
  });
});

// ---- the ratios can fail -----------------------------------------------------------------------------

describe('the eig ratios can fail', () => {
  it('a relative change of 1e−10 in one entry of V, T or Z, or 100·n·ε·‖A‖ in one λ, pushes the ratios past THRESH', () => {
    const n = 17;
    const c = makeCase('normal', n, 11);
    const r = decompose('perturb', c.A);
    const { re, im, tol } = c.ref!;
    expect(eigResid(c.A, r.real, r.imag, r.Vre, r.Vim)).toBeLessThan(THRESH);
    expect(matchRatio(r.real, r.imag, re, im, tol).ratio).toBeLessThan(THRESH);
    const bump = (D: Dense, t: number): Dense => dense(D.m, D.n, D.a.map((v, s) => (s === t ? v * (1 + 1e-10) : v)));
    const big = (D: Dense): number => D.a.reduce((b, v, s) => (Math.abs(v) > Math.abs(D.a[b]!) ? s : b), 0);
    expect(eigResid(c.A, r.real, r.imag, bump(r.Vre, big(r.Vre)), r.Vim)).toBeGreaterThan(THRESH);
    const s0 = schurRatios(c.A, r.T, r.Z);
    expect(Math.max(s0.resid, s0.orth)).toBeLessThan(THRESH);
    expect(schurRatios(c.A, bump(r.T, big(r.T)), r.Z).resid).toBeGreaterThan(THRESH);
    const sz = schurRatios(c.A, r.T, bump(r.Z, big(r.Z)));
    expect(sz.resid).toBeGreaterThan(THRESH);
    expect(sz.orth).toBeGreaterThan(THRESH);
    const lp = r.real.slice();
    lp[5] = lp[5]! + 100 * n * EPS * norm1(c.A);
    expect(matchRatio(lp, r.imag, re, im, tol).ratio).toBeGreaterThan(THRESH);
    expect(eigResid(c.A, lp, r.imag, r.Vre, r.Vim)).toBeGreaterThan(THRESH);
  });
});
