/**
 * Symmetric indefinite test matrices for the Bunch–Kaufman LDLᵀ suites (kernels and API), after the
 * types of LAPACK's TESTING/LIN for dsytrf (dlatb4 'SY' + dlatms: random, ill-conditioned, scaled near
 * over/underflow, zero rows/columns) with the sign patterns that force 2×2 pivots added:
 *
 *   random           G + Gᵀ, G standard normal
 *   zero diagonal    random with a zero diagonal: every first pivot is 2×2 or an interchange
 *   saddle           the KKT matrix [H Bᵀ; B 0] (H n₁×n₁ symmetric random, B n₂×n₁ random)
 *   off-diagonal     [0 I; I 0]-like: tiny diagonal, unit couplings (2×2 pivots throughout)
 *   indefinite 1e7   V·diag(±σ)·Vᵀ, σ geometric from 1 to 1e−7, signs alternating
 *   indefinite 1e14  the same down to 1e−14
 *   graded           D·S·D, S random symmetric, D = diag(10^(−5i/n))
 *   near overflow    random scaled to ‖A‖₁ ≈ 1e292
 *   near underflow   random scaled to ‖A‖₁ ≈ 1e−292
 *   integer          integers in [−4, 4] (ties in the pivot search: the first maximum wins)
 *   diagonal         ±10^u on the diagonal
 *
 * and the exactly singular ones (a zero 1×1 pivot): zero, zero row/column, rank one integer v·vᵀ.
 * All are symmetric bit for bit (row-major Dense).
 */
import { Rng } from './generate.js';
import { dense, norm1, scaled, type Dense } from './dense.js';
import { geometric, randomOrthogonal, symmetricFromEigen } from './lapack-types.js';

export const SYM_NAMES = [
  'random', 'zero diagonal', 'saddle', 'off-diagonal', 'indefinite 1e7', 'indefinite 1e14', 'graded',
  'near overflow', 'near underflow', 'integer', 'diagonal',
] as const;
export type SymName = (typeof SYM_NAMES)[number];

export const SINGULAR_NAMES = ['zero', 'zero row', 'rank one'] as const;
export type SingularName = (typeof SINGULAR_NAMES)[number];

function symmetric(n: number, f: (i: number, j: number) => number): Dense {
  const A = dense(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = f(i, j);
      A.a[i * n + j] = v;
      A.a[j * n + i] = v;
    }
  }
  return A;
}

function randomSym(rng: Rng, n: number): Dense {
  return symmetric(n, () => rng.normal());
}

export function symmetricMatrix(name: SymName | SingularName, n: number, seed: number): Dense {
  const rng = new Rng(seed);
  switch (name) {
    case 'random':
      return randomSym(rng, n);
    case 'zero diagonal':
      return symmetric(n, (i, j) => (i === j ? 0 : rng.normal()));
    case 'saddle': {
      const n1 = Math.ceil(n / 2);
      return symmetric(n, (i, j) => (i >= n1 && j >= n1 ? 0 : rng.normal()));
    }
    case 'off-diagonal':
      return symmetric(n, (i, j) => (i === j ? 1e-3 * rng.normal() : i - j === 1 && i % 2 === 1 ? 1 + rng.uniform() : 0.01 * rng.normal()));
    case 'indefinite 1e7':
    case 'indefinite 1e14': {
      const s = geometric(n, name === 'indefinite 1e7' ? 1e7 : 1e14).map((v, i) => (i % 2 === 0 ? v : -v));
      return symmetricFromEigen(randomOrthogonal(rng, n), s);
    }
    case 'graded': {
      const S = randomSym(rng, n);
      const d = Float64Array.from({ length: n }, (_, i) => 10 ** ((-5 * i) / Math.max(1, n)));
      return symmetric(n, (i, j) => d[i]! * S.a[i * n + j]! * d[j]!);
    }
    case 'near overflow':
    case 'near underflow': {
      const S = randomSym(rng, n);
      const c = (name === 'near overflow' ? 1e292 : 1e-292) / Math.max(norm1(S), Number.MIN_VALUE);
      return scaled(S, c);
    }
    case 'integer':
      return symmetric(n, () => (rng.u32() % 9) - 4);
    case 'diagonal':
      return symmetric(n, (i, j) => (i === j ? (rng.u32() & 1 ? -1 : 1) * 10 ** (6 * rng.uniform() - 3) : 0));
    case 'zero':
      return dense(n, n);
    case 'zero row': {
      const z = n >> 1;
      return symmetric(n, (i, j) => (i === z || j === z ? 0 : rng.normal()));
    }
    case 'rank one': {
      const v = Float64Array.from({ length: n }, () => (rng.u32() % 5) - 2 || 1);
      return symmetric(n, (i, j) => v[i]! * v[j]!);
    }
  }
}

/**
 * The explicit factors of a Bunch–Kaufman factorisation in LAPACK's storage (lower: D and L's
 * multipliers in the lower triangle of F, column-major with leading dimension ld; ipiv 0-based, a 2×2
 * block as ~p twice) as scipy.linalg.ldl builds them: D block diagonal, and L = P₀·L₀·P₁·L₁··· with
 * each interchange applied to the columns from its block on (so A = L·D·Lᵀ and L[perm] is unit lower
 * triangular). Row-major Dense.
 */
export function explicitFactors(F: Float64Array, ld: number, ipiv: Int32Array, n: number): { L: Dense; D: Dense } {
  const L = dense(n, n);
  const D = dense(n, n);
  for (let k = 0; k < n; k++) {
    L.a[k * n + k] = 1;
    const two = ipiv[k]! < 0;
    D.a[k * n + k] = F[k + k * ld]!;
    if (two) {
      const off = F[k + 1 + k * ld]!;
      D.a[(k + 1) * n + k] = off;
      D.a[k * n + k + 1] = off;
      D.a[(k + 1) * n + k + 1] = F[k + 1 + (k + 1) * ld]!;
      L.a[(k + 1) * n + k + 1] = 1;
      for (let i = k + 2; i < n; i++) {
        L.a[i * n + k] = F[i + k * ld]!;
        L.a[i * n + k + 1] = F[i + (k + 1) * ld]!;
      }
      k++;
    } else {
      for (let i = k + 1; i < n; i++) L.a[i * n + k] = F[i + k * ld]!;
    }
  }
  // The blocks, first to last: [first column, interchanged row, swap partner].
  const blocks: [number, number, number][] = [];
  for (let k = 0; k < n; k++) {
    const p = ipiv[k]!;
    if (p < 0) {
      blocks.push([k, k + 1, ~p]);
      k++;
    } else {
      blocks.push([k, k, p]);
    }
  }
  for (let b = blocks.length - 1; b >= 0; b--) {
    const [c0, r, q] = blocks[b]!;
    if (q !== r) for (let j = c0; j < n; j++) [L.a[r * n + j], L.a[q * n + j]] = [L.a[q * n + j]!, L.a[r * n + j]!];
  }
  return { L, D };
}
