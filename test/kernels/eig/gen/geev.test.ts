/**
 * General (nonsymmetric) eigenproblem kernels — gebal/gehrd/orghr/hqr (through gees and geev), trevc,
 * gebak — on every engine (wasm SIMD, wasm scalar, JS: bit for bit, guards, untouched padding), with the
 * test ratios of LAPACK's TESTING/EIG (dhst01, dget22), pass below THRESH = 30:
 *
 *   ‖A − Z·T·Zᵀ‖₁ / (n·‖A‖₁·ε)     ‖ZᵀZ − I‖₁ / (n·ε)     ‖A·V − V·Λ‖₁ / (n·‖A‖₁·‖V‖₁·ε)  (complex)
 *
 * plus the structure of T (quasi-triangular, standardised 2×2 blocks), the vector convention (unit
 * 2-norm, largest-modulus entry real and positive), and eigenvalues of matrices whose spectrum is known.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { setupEngines, scratch, withTuning } from '../../../util/engines.js';
import { runKernel, matW, extract, vecW } from '../../../util/harness.js';
import { Rng, matrix } from '../../../util/generate.js';
import { EPS } from '../../../util/tolerance.js';
import { mul, padded } from '../../../util/eig-reference.js';
import { norm1 } from '../../../util/reference.js';
import { THRESH } from '../../../util/ratios.js';

beforeAll(async () => {
  await setupEngines();
});

interface Schur { T: Float64Array; Z: Float64Array; wr: Float64Array; wi: Float64Array; info: number }

function gees(n: number, A: Float64Array, label: string): Schur {
  const ld = n + 2;
  const ldz = n + 1;
  const r = runKernel(`gees ${label} n=${n}`, 'gees', (c) => [
    n, c.out(padded(A, n, ld), matW(n, n, ld)), ld,
    c.out(new Float64Array(Math.max(1, n)).fill(NaN), vecW(n, 1)), c.out(new Float64Array(Math.max(1, n)).fill(NaN), vecW(n, 1), 1),
    c.out(new Float64Array(Math.max(1, ldz * n)).fill(NaN), matW(n, n, ldz), 1), ldz, c.work(scratch('geesScratch', n)),
  ]);
  return { T: extract(r.bufs[0]!, n, n, ld), Z: extract(r.bufs[3]!, n, n, ldz), wr: r.bufs[1]!.slice(0, n), wi: r.bufs[2]!.slice(0, n), info: r.ret! };
}

interface Eig { wr: Float64Array; wi: Float64Array; V: Float64Array; info: number }

function geev(n: number, A: Float64Array, label: string, balance = 3, jobv = 1): Eig {
  const ld = n + 1;
  const ldv = n + 3;
  const r = runKernel(`geev ${label} n=${n} balance=${balance} jobv=${jobv}`, 'geev', (c) => [
    jobv, balance, n, c.out(padded(A, n, ld), matW(n, n, ld), 1), ld,
    c.out(new Float64Array(Math.max(1, n)).fill(NaN), vecW(n, 1)), c.out(new Float64Array(Math.max(1, n)).fill(NaN), vecW(n, 1)),
    c.out(new Float64Array(Math.max(1, ldv * n)).fill(NaN), jobv ? matW(n, n, ldv) : () => false), ldv,
    c.work(scratch('geevScratch', n, jobv)),
  ]);
  return { wr: r.bufs[1]!.slice(0, n), wi: r.bufs[2]!.slice(0, n), V: extract(r.bufs[3]!, n, n, ldv), info: r.ret! };
}

/** dhst01 ratios and the structure of T. */
function checkSchur(n: number, A: Float64Array, s: Schur, label: string): void {
  expect(s.info, `${label}: gees info`).toBe(0);
  if (n === 0) return;
  const ZT = mul(s.Z, s.T, n);
  const ZTZt = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) {
    const z = s.Z[j + k * n]!;
    for (let i = 0; i < n; i++) ZTZt[i + j * n] = ZTZt[i + j * n]! + ZT[i + k * n]! * z;
  }
  const R = A.map((a, i) => a - ZTZt[i]!);
  const an = norm1(A, n, n);
  const resid = an === 0 ? norm1(R, n, n) : norm1(R, n, n) / (n * an * EPS);
  const ZtZ = mul(s.Z, s.Z, n, true);
  for (let i = 0; i < n; i++) ZtZ[i + i * n] = ZtZ[i + i * n]! - 1;
  const orth = norm1(ZtZ, n, n) / (n * EPS);
  expect(resid, `${label}: ‖A − ZTZᵀ‖₁/(n‖A‖₁ε)`).toBeLessThan(THRESH);
  expect(orth, `${label}: ‖ZᵀZ − I‖₁/(nε)`).toBeLessThan(THRESH);
  checkQuasiTriangular(n, s.T, s.wr, s.wi, label);
}

function checkQuasiTriangular(n: number, T: Float64Array, wr: Float64Array, wi: Float64Array, label: string): void {
  for (let j = 0; j < n; j++) for (let i = j + 2; i < n; i++) expect(T[i + j * n], `${label}: T[${i},${j}]`).toBe(0);
  for (let j = 0; j + 1 < n; j++) {
    const c = T[j + 1 + j * n]!;
    if (c === 0) continue;
    // a 2×2 block: standardised, isolated, eigenvalues as reported
    expect(j + 2 >= n || T[j + 2 + (j + 1) * n] === 0, `${label}: adjacent 2×2 blocks at ${j}`).toBe(true);
    const a = T[j + j * n]!, b = T[j + (j + 1) * n]!, d = T[j + 1 + (j + 1) * n]!;
    expect(a, `${label}: block ${j} equal diagonal`).toBe(d);
    expect(b * c < 0, `${label}: block ${j} b·c < 0`).toBe(true);
    expect(wr[j]).toBe(a);
    expect(wr[j + 1]).toBe(a);
    expect(wi[j]! > 0 && wi[j + 1] === -wi[j]!, `${label}: pair ${j} signs`).toBe(true);
    expect(Math.abs(wi[j]! - Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c)))).toBeLessThanOrEqual(4 * EPS * wi[j]!);
    j++;
  }
  for (let j = 0; j < n; j++) {
    const inBlock = (j + 1 < n && T[j + 1 + j * n] !== 0) || (j > 0 && T[j + (j - 1) * n] !== 0);
    if (!inBlock) {
      expect(wr[j], `${label}: wr[${j}] = T[j,j]`).toBe(T[j + j * n]);
      expect(wi[j]).toBe(0);
    }
  }
}

/** dget22-style residual ‖A·V − V·Λ‖₁/(n‖A‖₁‖V‖₁ε) in complex arithmetic, and the normalisation. */
function checkVectors(n: number, A: Float64Array, e: Eig, label: string): number {
  expect(e.info, `${label}: geev info`).toBe(0);
  if (n === 0) return 0;
  const an = norm1(A, n, n) || 1;
  let worst = 0;
  let vn = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.abs(e.V[i + j * n]!);
    vn = Math.max(vn, s);
  }
  for (let j = 0; j < n; j++) {
    const a = e.wr[j]!, b = e.wi[j]!;
    if (b === 0) {
      let r = 0, nrm = 0, big = 0, bigV = 0;
      for (let i = 0; i < n; i++) {
        let av = 0;
        for (let k = 0; k < n; k++) av += A[i + k * n]! * e.V[k + j * n]!;
        r += Math.abs(av - a * e.V[i + j * n]!);
        nrm += e.V[i + j * n]! ** 2;
        if (Math.abs(e.V[i + j * n]!) > big) { big = Math.abs(e.V[i + j * n]!); bigV = e.V[i + j * n]!; }
      }
      worst = Math.max(worst, r / (n * an * vn * EPS));
      expect(Math.abs(Math.sqrt(nrm) - 1), `${label}: ‖v${j}‖`).toBeLessThan(n * 4 * EPS);
      expect(bigV > 0, `${label}: v${j} largest entry positive`).toBe(true);
    } else {
      expect(b > 0 && e.wi[j + 1] === -b && e.wr[j + 1] === a, `${label}: pair at ${j}`).toBe(true);
      const x = (i: number) => e.V[i + j * n]!, y = (i: number) => e.V[i + (j + 1) * n]!;
      let r = 0, nrm = 0, big = 0, bigI = 0;
      for (let i = 0; i < n; i++) {
        let ax = 0, ay = 0;
        for (let k = 0; k < n; k++) { ax += A[i + k * n]! * x(k); ay += A[i + k * n]! * y(k); }
        // A(x + iy) − (a + ib)(x + iy)
        r += Math.abs(ax - a * x(i) + b * y(i)) + Math.abs(ay - a * y(i) - b * x(i));
        nrm += x(i) ** 2 + y(i) ** 2;
        const mod = Math.hypot(x(i), y(i));
        if (mod > big * (1 + 8 * EPS)) { big = mod; bigI = i; }
      }
      worst = Math.max(worst, r / (n * an * vn * EPS));
      expect(Math.abs(Math.sqrt(nrm) - 1), `${label}: ‖v${j}‖`).toBeLessThan(n * 4 * EPS);
      // the entry of largest modulus is real and positive (ties within rounding: any of them)
      let found = false;
      for (let i = 0; i < n; i++) if (y(i) === 0 && x(i) > 0 && x(i) >= big * (1 - 8 * EPS)) found = true;
      expect(found, `${label}: pair ${j}: largest entry real positive (near ${bigI})`).toBe(true);
      j++;
    }
  }
  expect(worst, `${label}: ‖AV − VΛ‖₁/(n‖A‖₁‖V‖₁ε)`).toBeLessThan(THRESH);
  return worst;
}

/** Greedy matching of computed eigenvalues to the expected ones; returns the largest distance. */
function eigDistance(wr: Float64Array, wi: Float64Array, want: [number, number][]): number {
  const left = want.slice();
  let worst = 0;
  for (let j = 0; j < wr.length; j++) {
    let bi = 0, bd = Infinity;
    left.forEach(([re, im], i) => {
      const d = Math.hypot(wr[j]! - re, wi[j]! - im);
      if (d < bd) { bd = d; bi = i; }
    });
    left.splice(bi, 1);
    worst = Math.max(worst, bd);
  }
  return worst;
}

function schurAndEig(n: number, A: Float64Array, label: string): { s: Schur; e: Eig } {
  const s = gees(n, A, label);
  checkSchur(n, A, s, label);
  const e = geev(n, A, label);
  checkVectors(n, A, e, label);
  const e0 = geev(n, A, `${label} (no balancing)`, 0);
  checkVectors(n, A, e0, `${label} (no balancing)`);
  const ev = geev(n, A, `${label} (values only)`, 3, 0);
  expect(ev.info).toBe(0);
  // values only and with vectors agree (same balancing; wantt changes the rounding only slightly)
  const an = norm1(A, n, n) || 1;
  if (n > 0) expect(eigDistance(ev.wr, ev.wi, [...e.wr].map((r, i) => [r, e.wi[i]!] as [number, number])) / (an * EPS)).toBeLessThan(1e6);
  return { s, e };
}

function colMajor(rows: number[][]): Float64Array {
  const n = rows.length;
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A[i + j * n] = rows[i]![j]!;
  return A;
}

/** Companion matrix of the monic polynomial with the given real roots and complex pairs (re ± i·im). */
function companion(real: number[], pairs: [number, number][]): Float64Array {
  let p = [1]; // coefficients, highest first
  const mulBy = (q: number[]) => {
    const r = new Array(p.length + q.length - 1).fill(0);
    p.forEach((a, i) => q.forEach((b, k) => (r[i + k] += a * b)));
    p = r;
  };
  for (const r of real) mulBy([1, -r]);
  for (const [re, im] of pairs) mulBy([1, -2 * re, re * re + im * im]);
  const n = p.length - 1;
  const A = new Float64Array(n * n);
  for (let j = 0; j < n; j++) A[0 + j * n] = -p[j + 1]!;
  for (let i = 1; i < n; i++) A[i + (i - 1) * n] = 1;
  return A;
}

describe('general eigenproblem: gees (real Schur form) and geev (eigenvectors)', () => {
  it('random matrices n = 0, 1, 2, 3, 4, 5, 17, 64: Schur and eigenvector ratios below 30', () => {
    let seed = 11;
    for (const n of [0, 1, 2, 3, 4, 5, 17, 64]) {
      for (const kind of ['normal', 'uniform', 'integer'] as const) {
        if (n === 64 && kind !== 'normal') continue;
        const A = matrix(new Rng(seed++), kind, n, n);
        schurAndEig(n, A, `${kind}`);
      }
    }
  });

  it('scaled small (1e-120) and large (1e200: squares of entries overflow, the 3-vector reflector norms must not); beyond the kernel range eig() rescales first', () => {
    let seed = 900;
    for (const scale of [1e-120, 1e200]) {
      for (const n of [6, 17, 40]) {
        const A = matrix(new Rng(seed++), 'normal', n, n);
        for (let i = 0; i < A.length; i++) A[i] = A[i]! * scale;
        schurAndEig(n, A, `normal·${scale} n=${n}`);
      }
    }
  });

  it('through the blocked Hessenberg reduction (gehrd NB = 3, 8 with crossover 1; the default at n = 100)', () => {
    let seed = 41;
    for (const nb of [3, 8]) {
      withTuning({ gehrdNB: nb, gehrdNX: 1 }, () => {
        for (const n of [9, 17, 40]) schurAndEig(n, matrix(new Rng(seed++), 'normal', n, n), `normal NB=${nb}`);
        // isolated eigenvalues: geev's balancing gives gehrd a window ilo … ihi inside the matrix
        const n = 20;
        const P = matrix(new Rng(seed++), 'normal', n, n);
        for (let j = 0; j < n; j++) { P[1 + j * n] = j === 1 ? 5 : 0; P[j + 17 * n] = j === 17 ? -2 : 0; }
        schurAndEig(n, P, `isolated eigenvalues NB=${nb}`);
      });
    }
    schurAndEig(100, matrix(new Rng(seed++), 'normal', 100, 100), 'normal (default NB, crossover)');
  });

  it('rotation matrices: e^{±iθ} pairs (±i for θ = π/2)', () => {
    for (const th of [Math.PI / 2, 0.3, 2.5]) {
      const c = Math.cos(th), s = Math.sin(th);
      const A = colMajor([[c, -s], [s, c]]);
      const { e } = schurAndEig(2, A, `rotation θ=${th}`);
      expect(eigDistance(e.wr, e.wi, [[c, s], [c, -s]])).toBeLessThan(4 * EPS);
      expect(e.wi[0]).toBeGreaterThan(0);
    }
    // block diagonal of rotations, mixed up by an orthogonal similarity (Givens sequence)
    const n = 6;
    const thetas = [0.4, 1.1, 2.9];
    const A = new Float64Array(n * n);
    thetas.forEach((t, k) => {
      A[2 * k + 2 * k * n] = Math.cos(t); A[2 * k + (2 * k + 1) * n] = -Math.sin(t);
      A[2 * k + 1 + 2 * k * n] = Math.sin(t); A[2 * k + 1 + (2 * k + 1) * n] = Math.cos(t);
    });
    const rng = new Rng(5);
    const Q = matrix(rng, 'normal', n, n);
    const s = gees(n, Q, 'Q source');
    const B = mul(mul(s.Z, A, n, true), s.Z, n); // Zᵀ·A·Z  (Z orthogonal)
    const r = schurAndEig(n, B, 'rotations 6×6');
    const want: [number, number][] = thetas.flatMap((t) => [[Math.cos(t), Math.sin(t)], [Math.cos(t), -Math.sin(t)]] as [number, number][]);
    expect(eigDistance(r.e.wr, r.e.wi, want)).toBeLessThan(50 * n * EPS);
  });

  it('triangular, diagonal, zero and identity: eigenvalues exact', () => {
    const n = 9;
    const rng = new Rng(3);
    const U = matrix(rng, 'normal', n, n);
    for (let j = 0; j < n; j++) for (let i = j + 1; i < n; i++) U[i + j * n] = 0;
    const { e } = schurAndEig(n, U, 'upper triangular');
    expect([...e.wr].sort((a, b) => a - b)).toEqual([...Array(n).keys()].map((i) => U[i + i * n]!).sort((a, b) => a - b));
    expect([...e.wi].every((v) => v === 0)).toBe(true);
    const L = new Float64Array(n * n);
    for (let j = 0; j < n; j++) for (let i = j; i < n; i++) L[i + j * n] = U[j + i * n]!;
    const rl = schurAndEig(n, L, 'lower triangular');
    expect([...rl.e.wr].sort((a, b) => a - b)).toEqual([...Array(n).keys()].map((i) => U[i + i * n]!).sort((a, b) => a - b));
    const D = new Float64Array(n * n);
    for (let i = 0; i < n; i++) D[i + i * n] = i - 4;
    const rd = schurAndEig(n, D, 'diagonal');
    expect([...rd.e.wr].sort((a, b) => a - b)).toEqual([...Array(n).keys()].map((i) => i - 4));
    const rz = schurAndEig(n, new Float64Array(n * n), 'zero');
    expect([...rz.e.wr, ...rz.e.wi].every((v) => v === 0)).toBe(true);
    const I = new Float64Array(n * n);
    for (let i = 0; i < n; i++) I[i + i * n] = 1;
    const ri = schurAndEig(n, I, 'identity');
    expect([...ri.e.wr].every((v) => v === 1)).toBe(true);
    expect(ri.s.T).toEqual(I);
  });

  it('companion matrices of polynomials with known roots', () => {
    const cases: [number[], [number, number][]][] = [
      [[1, 2, 3, 4, 5], []],
      [[2, -3], [[0, 1]]],
      [[0.5], [[1, 2], [-1, 0.5]]],
      [[], [[0, 1], [0, 2], [0, 3]]],
    ];
    for (const [real, pairs] of cases) {
      const A = companion(real, pairs);
      const n = Math.sqrt(A.length);
      const { e } = schurAndEig(n, A, `companion ${JSON.stringify([real, pairs])}`);
      const want: [number, number][] = [...real.map((r) => [r, 0] as [number, number]), ...pairs.flatMap(([a, b]) => [[a, b], [a, -b]] as [number, number][])];
      // roots of a polynomial are as accurate as its conditioning allows: ‖A‖·ε·(cond ≈ 1e3 here)
      expect(eigDistance(e.wr, e.wi, want), `companion ${real} ${pairs}`).toBeLessThan(1e4 * norm1(A, n, n) * EPS);
    }
  });

  it('a badly scaled matrix D·A·D⁻¹ (D = diag(10^k)): balancing recovers the accuracy of A', () => {
    const n = 8;
    const A = matrix(new Rng(77), 'normal', n, n);
    const ref = geev(n, A, 'unscaled');
    const B = new Float64Array(n * n);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) B[i + j * n] = A[i + j * n]! * 10 ** (i - j);
    const withBal = geev(n, B, 'scaled, balanced', 3);
    checkVectors(n, B, withBal, 'scaled, balanced');
    const want = [...ref.wr].map((r, i) => [r, ref.wi[i]!] as [number, number]);
    const an = norm1(A, n, n);
    expect(eigDistance(withBal.wr, withBal.wi, want) / (an * EPS), 'balanced: distance/(‖A‖ε)').toBeLessThan(1e3);
    const noBal = geev(n, B, 'scaled, not balanced', 0);
    expect(noBal.info).toBe(0);
    // without balancing the error is relative to ‖B‖ ≫ ‖A‖: typically orders of magnitude worse
    const dNo = eigDistance(noBal.wr, noBal.wi, want);
    const dBal = eigDistance(withBal.wr, withBal.wi, want);
    expect(dNo, `unbalanced error ${dNo} vs balanced ${dBal}`).toBeGreaterThan(dBal);
    // the permutation part: a matrix with isolated eigenvalues
    const P = matrix(new Rng(78), 'normal', n, n);
    for (let j = 0; j < n; j++) { P[2 + j * n] = j === 2 ? 7 : 0; P[j + 5 * n] = j === 5 ? -3 : 0; }
    const rp = geev(n, P, 'isolated eigenvalues', 1);
    checkVectors(n, P, rp, 'isolated eigenvalues (permute)');
    expect([...rp.wr].includes(7) && [...rp.wr].includes(-3)).toBe(true);
    checkVectors(n, P, geev(n, P, 'isolated, both', 3), 'isolated eigenvalues (both)');
  });

  it('symmetric input: real eigenvalues equal syev\'s within n·‖A‖·ε', () => {
    for (const n of [5, 20]) {
      const S = matrix(new Rng(90 + n), 'normal', n, n);
      for (let j = 0; j < n; j++) for (let i = 0; i < j; i++) S[i + j * n] = S[j + i * n]!;
      const { e } = schurAndEig(n, S, `symmetric ${n}`);
      const r = runKernel(`syev ${n}`, 'syev', (c) => [0, n, c.out(S.slice(), matW(n, n, n)), n, c.out(new Float64Array(n).fill(NaN), vecW(n, 1)), c.work(scratch('syevScratch', n, 0))]);
      const lam = r.bufs[1]!;
      expect([...e.wi].every((v) => v === 0), 'symmetric: all real').toBe(true);
      const got = [...e.wr].sort((a, b) => a - b);
      const want = [...lam].sort((a, b) => a - b);
      const an = norm1(S, n, n);
      for (let i = 0; i < n; i++) expect(Math.abs(got[i]! - want[i]!) / (n * an * EPS), `λ${i}`).toBeLessThan(THRESH);
    }
  });

  it('defective Jordan blocks J_k(λ): eigenvalues accurate to ~ε^(1/k)·‖A‖', () => {
    for (const [k, lam] of [[2, 1], [3, -2], [5, 0.5]] as const) {
      const J = new Float64Array(k * k);
      for (let i = 0; i < k; i++) { J[i + i * k] = lam; if (i + 1 < k) J[i + (i + 1) * k] = 1; }
      // At = Z·J·Zᵀ: an orthogonal similarity makes it non-trivial (J itself is already triangular)
      const s = gees(k, matrix(new Rng(k), 'normal', k, k), 'Q source');
      const At = new Float64Array(k * k);
      const ZJ = mul(s.Z, J, k);
      for (let j = 0; j < k; j++) for (let i = 0; i < k; i++) { let t = 0; for (let q = 0; q < k; q++) t += ZJ[i + q * k]! * s.Z[j + q * k]!; At[i + j * k] = t; }
      const sc = gees(k, At, `Jordan ${k}`);
      checkSchur(k, At, sc, `Jordan ${k}`);
      const e = geev(k, At, `Jordan ${k}`);
      expect(e.info).toBe(0);
      const an = norm1(At, k, k);
      const d = eigDistance(e.wr, e.wi, Array.from({ length: k }, () => [lam, 0] as [number, number]));
      expect(d, `J_${k}(${lam}) eigenvalue error`).toBeLessThan(10 * an * EPS ** (1 / k));
    }
  });

  it('the iteration cap: hqrMaxIter 1 fails fast with info > 0; the default converges', () => {
    const n = 30;
    const A = matrix(new Rng(123), 'normal', n, n);
    withTuning({ hqrMaxIter: 1 }, () => {
      const t0 = Date.now();
      const s = gees(n, A, 'capped');
      expect(s.info).toBeGreaterThan(0);
      expect(s.info).toBeLessThanOrEqual(n);
      const e = geev(n, A, 'capped');
      expect(e.info).toBeGreaterThan(0);
      expect(Date.now() - t0).toBeLessThan(5000);
      // still a similarity for the part already done: A = Z·H·Zᵀ holds for the partial reduction
      const ZH = mul(s.Z, s.T, n);
      let r = 0;
      for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) { let t = 0; for (let q = 0; q < n; q++) t += ZH[i + q * n]! * s.Z[j + q * n]!; r = Math.max(r, Math.abs(t - A[i + j * n]!)); }
      expect(r / (n * norm1(A, n, n) * EPS)).toBeLessThan(THRESH);
    });
    expect(gees(n, A, 'uncapped').info).toBe(0);
  });
});
