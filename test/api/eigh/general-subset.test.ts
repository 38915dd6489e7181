/**
 * The generalised problem with a selection: eigh(A, B, { type, subsetByIndex | subsetByValue }) solves
 * the reduced standard problem (the same eigenvalues) with bisection + inverse iteration and
 * back-transforms only the k selected vectors. Checked on both backends bit for bit against the full
 * generalised eigh of the same pencil (B = GᵀG + n·I, well conditioned): the selected values within
 * 30·n·ε·max|λ| of the full solver's, the selection's size, the vectors by the residual
 * ‖A·z − λ·B·z‖ / ((‖A‖ + |λ|·‖B‖)·‖z‖·n·ε) ≤ 30 (type 1) and the B-orthonormality ‖ZᵀBZ − I‖/(‖B‖·‖Z‖²·n·ε)
 * ≤ 30, and eigvalsh's selection ≡ eigh's values.
 */
import { describe, it, expect } from 'vitest';
import { eigh, eigvalsh, Matrix } from '../../../bindings/index.js';
import { onBoth, guarded, setupApiSuite } from '../../util/api.js';
import { dense } from '../../util/dense.js';
import { expectRatio } from '../../util/ratios.js';
import { EPS } from '../../util/tolerance.js';

setupApiSuite('api/eigh general + subset');

type Sel = { subsetByIndex: [number, number] } | { subsetByValue: [number, number] };

/** A seeded symmetric A (n×n, row-major) and an SPD B = GᵀG + n·I. */
function pencil(n: number, seed: number): { A: Float64Array; B: Float64Array } {
  let x = seed;
  const r = (): number => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  const A = new Float64Array(n * n);
  const G = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) A[i * n + j] = A[j * n + i] = r();
  for (let i = 0; i < n * n; i++) G[i] = r();
  const B = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += G[k * n + i]! * G[k * n + j]!;
      B[i * n + j] = s + (i === j ? n : 0);
    }
  }
  return { A, B };
}

function norm1(M: Float64Array, n: number): number {
  let best = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.abs(M[i * n + j]!);
    best = Math.max(best, s);
  }
  return best;
}

describe('eigh(A, B) with a selection', () => {
  for (const n of [1, 5, 17, 40]) {
    const sels: Sel[] = [{ subsetByIndex: [0, 0] }, { subsetByIndex: [Math.max(0, n - 3), n - 1] }, { subsetByValue: [-0.05, 0.05] }];
    for (const sel of sels) {
      it(`n = ${n}, ${JSON.stringify(sel)}`, () => {
        const { A, B } = pencil(n, 7 + n);
        const label = `n=${n} ${JSON.stringify(sel)}`;
        const r = onBoth(label, () => guarded(label, [dense(n, n, A), dense(n, n, B)], [], ([Am, Bm]) => {
          const e = eigh(Am!, Bm!, sel);
          const full = eigvalsh(Am!, Bm!);
          const vals = eigvalsh(Am!, Bm!, sel);
          const out = { values: e.values, Z: e.vectors.toFloat64Array(), k: e.vectors.cols, rows: e.vectors.rows, full, vals };
          e.dispose();
          return out;
        }));
        expect(Array.from(r.vals)).toEqual(Array.from(r.values));
        expect(r.rows).toBe(n);
        expect(r.k).toBe(r.values.length);
        // the selected values against the full solver's
        const lamMax = Math.max(...Array.from(r.full, Math.abs), 1e-300);
        let lo = 0;
        if ('subsetByIndex' in sel) {
          lo = sel.subsetByIndex[0];
          expect(r.values.length).toBe(sel.subsetByIndex[1] - lo + 1);
        } else {
          while (lo < n && r.full[lo]! <= sel.subsetByValue[0]) lo++;
          let hi = lo;
          while (hi < n && r.full[hi]! <= sel.subsetByValue[1]) hi++;
          // bisection and QL may put an eigenvalue within rounding of an endpoint on either side
          expect(Math.abs(r.values.length - (hi - lo))).toBeLessThanOrEqual(1);
        }
        for (let i = 0; i < r.values.length; i++) {
          expectRatio(`λ ${label} #${i}`, Math.abs(r.values[i]! - r.full[lo + i]!) / (n * EPS * lamMax), 'general subset λ');
        }
        // residual and B-orthonormality of the k vectors
        const k = r.k;
        const nA = norm1(A, n);
        const nB = norm1(B, n);
        const BZ = new Float64Array(n * k);
        let worstRes = 0;
        for (let j = 0; j < k; j++) {
          let zn = 0;
          for (let i = 0; i < n; i++) zn += Math.abs(r.Z[i * k + j]!);
          let res = 0;
          for (let i = 0; i < n; i++) {
            let az = 0;
            let bz = 0;
            for (let l = 0; l < n; l++) {
              az += A[i * n + l]! * r.Z[l * k + j]!;
              bz += B[i * n + l]! * r.Z[l * k + j]!;
            }
            BZ[i * k + j] = bz;
            res += Math.abs(az - r.values[j]! * bz);
          }
          worstRes = Math.max(worstRes, res / ((nA + Math.abs(r.values[j]!) * nB) * zn * n * EPS));
        }
        expectRatio(`resid ${label}`, worstRes, 'general subset resid');
        let zmax = 0;
        for (let j = 0; j < k; j++) {
          let s = 0;
          for (let i = 0; i < n; i++) s += Math.abs(r.Z[i * k + j]!);
          zmax = Math.max(zmax, s);
        }
        let orth = 0;
        for (let a = 0; a < k; a++) {
          for (let b = 0; b < k; b++) {
            let s = 0;
            for (let i = 0; i < n; i++) s += r.Z[i * k + a]! * BZ[i * k + b]!;
            orth = Math.max(orth, Math.abs(s - (a === b ? 1 : 0)));
          }
        }
        if (k > 0) expectRatio(`orth ${label}`, orth / (nB * zmax * zmax * n * EPS), 'general subset orth');
      });
    }
  }
  it('type 2 and 3 select among the same eigenvalues as the full solver', () => {
    const n = 12;
    const { A, B } = pencil(n, 99);
    for (const type of [2, 3] as const) {
      const r = onBoth(`type ${type}`, () => {
        const Am = Matrix.fromArray(A, n, n);
        const Bm = Matrix.fromArray(B, n, n);
        try {
          return { sel: eigvalsh(Am, Bm, { type, subsetByIndex: [2, 5] }), full: eigvalsh(Am, Bm, { type }) };
        } finally {
          Am.dispose();
          Bm.dispose();
        }
      });
      const scale = Math.max(...Array.from(r.full, Math.abs));
      for (let i = 0; i < 4; i++) expectRatio(`type ${type} λ${i}`, Math.abs(r.sel[i]! - r.full[2 + i]!) / (n * EPS * scale), 'general subset type');
    }
  });
});
