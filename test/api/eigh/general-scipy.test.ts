/**
 * eigh(A, B, { type }) and eigvalsh(A, B, { type }) against scipy.linalg.eigh / eigvalsh (the committed
 * reference test/scipy/eigh_general.json, written by test/scipy/gen_eigh_general.py): A random or with a
 * clustered spectrum, B with κ₂ = 10 or 1e6 or diagonal, n = 1 … 40, types 1–3; both backends bit for bit.
 *
 * Eigenvalues, entrywise, against the first-order perturbation bounds of the problem itself (both our
 * result and scipy's are backward stable in A and B, so each is within these bounds of the exact values).
 * A backward error δB of size n·ε·‖B‖ moves a type-1 eigenvalue by about |λ|·xᵀδBx/xᵀBx ≤ |λ|·n·ε·κ₂(B),
 * and one δA of size n·ε·‖A‖ by at most n·ε·‖A‖·‖B⁻¹‖; for types 2/3 the reduced matrix LᵀAL moves by
 * n·ε·‖A‖·‖B‖:
 *
 *   type 1     max|λ − λ_scipy| / (n·ε·‖A‖₂·‖B⁻¹‖₂·κ₂(B)) ≤ 30       (‖A‖·‖B⁻¹‖ ≥ |λ|max)
 *   type 2, 3  max|λ − λ_scipy| / (n·ε·‖A‖₂·‖B‖₂)          ≤ 30
 *
 * (a 60-digit mpmath check of the κ(B) = 1e6 cases: ours and scipy's type-1 values are both off the exact
 * ones by up to 2.6e-5 at |λ|max ≈ 1e6, i.e. ≈ 0.05 of this bound — the problem's own conditioning.)
 *
 * Eigenvectors where the spectrum is separated: scipy's columns signed by our convention (largest-modulus
 * entry positive), then max|Z − Z_scipy| / (max|Z_scipy|·n·ε·κ₂(B)/relgap) ≤ 30, relgap = min|λᵢ₊₁ − λᵢ| /
 * max|λ| (an eigenvector moves by about ε/relgap in the reduced problem, and by κ(B) more through L);
 * clusters (relgap ~ 1e-10) are left to the residual ratios of general.test.ts.
 */
import { describe, it, expect } from 'vitest';
import data from '../../scipy/eigh_general.json' with { type: 'json' };
import { eigh, eigvalsh } from '../../../bindings/index.js';
import { onBoth, guarded, setupLapackSuite } from '../../util/api.js';
import { dense, type Dense } from '../../util/dense.js';
import { expectRatio } from '../../util/ratios.js';
import { loadCases, vec, isRefMatrix, num } from '../../util/scipy.js';
import { EPS } from '../../util/tolerance.js';

setupLapackSuite('api/eigh general vs scipy');

function denseOf(v: unknown): Dense {
  if (!isRefMatrix(v)) throw new TypeError('expected a matrix');
  return dense(v.rows, v.cols, Float64Array.from(v.data, num));
}

/** scipy's vectors (row-major) with each column signed so that its first largest-modulus entry is positive. */
function signed(Z: Dense): Dense {
  const R = dense(Z.m, Z.n, Z.a.slice());
  for (let j = 0; j < Z.n; j++) {
    let im = 0;
    for (let i = 1; i < Z.m; i++) if (Math.abs(Z.a[i * Z.n + j]!) > Math.abs(Z.a[im * Z.n + j]!)) im = i;
    if (Z.a[im * Z.n + j]! < 0) for (let i = 0; i < Z.m; i++) R.a[i * Z.n + j] = -R.a[i * Z.n + j]!;
  }
  return R;
}

const maxAbsDiff = (x: ArrayLike<number>, y: ArrayLike<number>): number => {
  let d = 0;
  for (let i = 0; i < x.length; i++) d = Math.max(d, Math.abs(x[i]! - y[i]!));
  return d;
};

describe('eigh(A, B) / eigvalsh(A, B) against scipy.linalg', () => {
  it.each(loadCases(data).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const A = denseOf(c.inputs.A);
    const B = denseOf(c.inputs.B);
    const n = A.m;
    const meta = c.meta as Record<string, number>;
    for (const t of [1, 2, 3] as const) {
      const label = `${c.name}, type ${t}`;
      const r = onBoth(label, () => guarded(label, [A, B], [], ([MA, MB]) => {
        const e = eigh(MA!, MB!, { type: t });
        return { values: e.values, Z: e.vectors, vals: eigvalsh(MA!, MB!, { type: t }) };
      }));
      const ref = vec(c.outputs[`values${t}`]);
      const refVals = vec(c.outputs[`eigvalsh${t}`]);
      const scale = n * EPS * meta.normA2! * (t === 1 ? (meta.condB! * meta.condB!) / meta.normB2! : meta.normB2!);
      expectRatio(`λ vs scipy ${label}`, maxAbsDiff(r.values, ref) / scale);
      expectRatio(`eigvalsh λ vs scipy ${label}`, maxAbsDiff(r.vals, refVals) / scale);
      const relgap = meta[`relgap${t}`]!;
      const vscale = n * EPS * meta.condB! / relgap;
      if (vscale < 1e-3) {
        const Zs = signed(denseOf(c.outputs[`vectors${t}`]));
        const zmax = Zs.a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
        expectRatio(`vectors vs scipy ${label}`, maxAbsDiff(r.Z.a, Zs.a) / (zmax * vscale));
      }
      expect(r.values.length).toBe(n);
    }
  });
});
