/**
 * Bunch–Kaufman LDLᵀ — sytf2 (unblocked), sytrf (blocked: lasyf panels + gemm), sytrs (the solve):
 * P·A·Pᵀ = L·D·Lᵀ, lower, on every engine, bit for bit across engines. Only the lower triangle may
 * be read (the strict upper triangle holds NaN) and written (the harness fails on any write above the
 * diagonal). Checked like LAPACK's TESTING/LIN (dsyt01, dget02), with THRESH = 30:
 *
 *   ‖A − L·D·Lᵀ‖₁/(‖A‖₁·n·ε)             (L, D the explicit factors, test/util/symmetric.ts)
 *   ‖B − A·X‖₁/(‖A‖₁·‖X‖₁·n·ε)           per column, by sytrs (level 2) and sytrs2 (TRSM; the factor
 *                                          it converts in place must come back bit for bit)
 *
 * on the symmetric indefinite types of test/util/symmetric.ts, at odd sizes around the block edges,
 * with the block size and the GEMM blocking shrunk so small matrices go through the blocked code;
 * the pivot rule at the α = (1 + √17)/8 thresholds; a zero 1×1 pivot returns its column + 1.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { setupEngines, withTuning, scratch, type GemmTuning } from '../../util/engines.js';
import { runKernel, triW, matW } from '../../util/harness.js';
import { expectRatio, reportRatios } from '../../util/ratios.js';
import { expectBitwise, EPS } from '../../util/tolerance.js';
import { dense, mul, norm1, sub, tr, solveRatio, type Dense } from '../../util/dense.js';
import { SYM_NAMES, SINGULAR_NAMES, explicitFactors, symmetricMatrix, type SymName } from '../../util/symmetric.js';
import { Rng } from '../../util/generate.js';

beforeAll(async () => {
  await setupEngines();
});
afterAll(() => reportRatios('ldl kernels'));

/** The lower triangle of A (row-major Dense) column-major with leading dimension ld; NaN elsewhere. */
function lowerStored(A: Dense, ld: number): Float64Array {
  const n = A.n;
  const s = new Float64Array(Math.max(1, ld * n)).fill(NaN);
  for (let j = 0; j < n; j++) for (let i = j; i < n; i++) s[i + j * ld] = A.a[i * n + j]!;
  return s;
}

interface Factor {
  F: Float64Array;
  ipiv: Int32Array;
  info: number;
}

function factor(kernel: 'sytf2' | 'sytrf', A: Dense, ld: number, label: string, tie = 0): Factor {
  const n = A.n;
  const r = runKernel(label, kernel, (c) => {
    const args = [tie, n, c.out(lowerStored(A, ld), triW(n, ld, 0)), ld, c.ints(new Int32Array(Math.max(1, n)), (i) => i < n)];
    if (kernel === 'sytrf') args.push(c.work(scratch('sytrfScratch', n)));
    return args;
  });
  return { F: r.bufs[0]!, ipiv: r.ints[1]!, info: r.ret! };
}

function factorRatio(A: Dense, f: Factor, ld: number): number {
  const n = A.n;
  const { L, D } = explicitFactors(f.F, ld, f.ipiv, n);
  const R = sub(A, mul(mul(L, D), tr(L)));
  const an = norm1(A);
  return an === 0 ? 0 : norm1(R) / an / Math.max(1, n) / EPS;
}

/** X from sytrs (level 2) or sytrs2 (converted factor, TRSM; the factor must come back bit for bit: an input). */
function solve(A: Dense, f: Factor, ld: number, B: Dense, label: string, kernel: 'sytrs' | 'sytrs2' = 'sytrs'): Dense {
  const n = A.n;
  const k = B.n;
  const ldb = Math.max(1, n) + 1;
  const b = new Float64Array(Math.max(1, ldb * k)).fill(NaN);
  for (let j = 0; j < k; j++) for (let i = 0; i < n; i++) b[i + j * ldb] = B.a[i * k + j]!;
  const r = runKernel(label, kernel, (c) => {
    const args = [n, k, c.in(f.F), ld, c.ints(f.ipiv), c.out(b, matW(n, k, ldb)), ldb];
    if (kernel === 'sytrs2') args.push(c.work(scratch('sytrs2Scratch', n, k)));
    return args;
  });
  const x = r.bufs[2]!;
  const X = dense(n, k);
  for (let j = 0; j < k; j++) for (let i = 0; i < n; i++) X.a[i * k + j] = x[i + j * ldb]!;
  return X;
}

function rhs(seed: number, n: number, k: number): Dense {
  const rng = new Rng(seed);
  return dense(n, k, Float64Array.from({ length: n * k }, () => rng.normal()));
}

function check(kernel: 'sytf2' | 'sytrf', name: SymName, n: number, seed: number): Factor {
  const A = symmetricMatrix(name, n, seed);
  const ld = Math.max(1, n) + (seed % 3);
  const label = `${kernel} ${name} n=${n} seed=${seed}`;
  const f = factor(kernel, A, ld, label);
  // Integer matrices may be exactly singular, and the zero diagonal of order 1 is the zero matrix.
  const maySingular = name === 'integer' || (name === 'zero diagonal' && n === 1);
  if (!maySingular || f.info === 0) {
    expect(f.info, `${label}: info`).toBe(0);
    expectRatio(`${kernel} ‖A − LDLᵀ‖ n=${n} ${name}`, factorRatio(A, f, ld), `${kernel} ‖A − LDLᵀ‖`);
    const B = rhs(seed + 1, n, 1 + (seed % 3));
    for (const s of ['sytrs', 'sytrs2'] as const) {
      expectRatio(`${s} ‖B − AX‖ n=${n} ${name}`, solveRatio(A, solve(A, f, ld, B, `${s} ${label}`, s), B), `${s} ‖B − AX‖`);
    }
  }
  return f;
}

const NS = [0, 1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 31];

describe('sytf2', () => {
  it('factor and solve residuals over sizes and symmetric indefinite types', () => {
    for (const n of NS) for (const [t, name] of SYM_NAMES.entries()) check('sytf2', name, n, 100 * n + t);
  });

  it('2×2 pivots: zero-diagonal and KKT matrices take them', () => {
    for (const name of ['zero diagonal', 'saddle', 'off-diagonal'] as const) {
      const f = check('sytf2', name, 12, 7);
      expect(Array.from(f.ipiv).some((p) => p < 0), `${name}: a 2×2 pivot`).toBe(true);
    }
  });
});

const BLOCKS: [number | null, GemmTuning][] = [
  [null, {}], [2, {}], [3, { gemmMC: 4, gemmKC: 1, gemmNC: 4 }], [5, { gemmMC: 8, gemmKC: 5, gemmNC: 12 }], [4, { gemmMC: 8, gemmKC: 3, gemmNC: 4 }],
];

describe.each(BLOCKS)('sytrf, block %s, GEMM blocking %o', (nb, gb) => {
  it('factor and solve residuals over sizes and symmetric indefinite types', () => {
    withTuning({ ...gb, sytrfNB: nb ?? undefined, trsmNB: nb ?? undefined }, () => {
      const ns = nb === null ? [...NS, 33, 65, 100] : NS;
      for (const n of ns) for (const [t, name] of SYM_NAMES.entries()) check('sytrf', name, n, 1000 + 100 * n + t);
    });
  });

  it('the pivots of the blocked factorisation are those of sytf2 (random matrices: no ties)', () => {
    withTuning({ ...gb, sytrfNB: nb ?? undefined }, () => {
      for (const name of ['random', 'zero diagonal', 'saddle'] as const) {
        for (const n of [9, 17, 40]) {
          const A = symmetricMatrix(name, n, n);
          const u = factor('sytf2', A, n, `sytf2 ${name} n=${n}`);
          const b = factor('sytrf', A, n, `sytrf ${name} n=${n}`);
          expect(Array.from(b.ipiv), `${name} n=${n}: ipiv`).toEqual(Array.from(u.ipiv));
        }
      }
    });
  });

  it('a zero 1×1 pivot: info names it, the factorisation still completes', () => {
    withTuning({ ...gb, sytrfNB: nb ?? undefined }, () => {
      for (const name of SINGULAR_NAMES) {
        for (const n of name === 'rank one' ? [2, 5, 9, 14] : [1, 2, 5, 9, 14]) {
          const A = symmetricMatrix(name, n, 3 * n);
          const f = factor('sytrf', A, n, `sytrf ${name} n=${n}`);
          expect(f.info, `${name} n=${n}: info`).toBeGreaterThan(0);
          const k = f.info - 1;
          expect(f.ipiv[k]! >= 0 && f.F[k + k * n] === 0, `${name} n=${n}: D[${k}, ${k}] = 0`).toBe(true);
          expectRatio(`sytrf singular ‖A − LDLᵀ‖ n=${n} ${name}`, factorRatio(A, f, n), 'sytrf singular ‖A − LDLᵀ‖');
        }
      }
      const nan = symmetricMatrix('random', 6, 1);
      nan.a[0] = NaN;
      expect(factor('sytrf', nan, 6, 'sytrf NaN').info).toBe(1);
    });
  });
});

describe('ties in the pivot search', () => {
  it('tie 0 takes the first of equal candidates, tie 1 the last; both factor A', () => {
    const A = dense(4, 4, Float64Array.from([0, 1, 1, 1, 1, 0, 2, 1, 1, 2, 0, 3, 1, 1, 3, 0]));
    const first = factor('sytf2', A, 4, 'tie 0');
    const last = factor('sytf2', A, 4, 'tie 1', 1);
    expect(first.ipiv[0]).toBe(~1); // λ = 1 at rows 1, 2, 3: the first, row 1, joins a 2×2 block
    expect(last.ipiv[0]).toBe(~3); //  the last, row 3
    for (const nb of [2, 3]) {
      for (const tie of [0, 1]) {
        for (const name of ['integer', 'zero diagonal'] as const) {
          const B = symmetricMatrix(name, 17, 3);
          const u = factor('sytf2', B, 17, `sytf2 ${name} tie ${tie}`, tie);
          const b = withTuning({ sytrfNB: nb }, () => factor('sytrf', B, 17, `sytrf ${name} tie ${tie} nb ${nb}`, tie));
          expect(Array.from(b.ipiv), `${name} tie ${tie} nb ${nb}: blocked pivots`).toEqual(Array.from(u.ipiv));
          if (u.info === 0) expectRatio(`sytrf tie ‖A − LDLᵀ‖ n=17 ${name}`, factorRatio(B, b, 17), 'sytrf tie ‖A − LDLᵀ‖');
        }
      }
    }
    for (const f of [first, last]) expectRatio('tie ‖A − LDLᵀ‖ n=4', factorRatio(A, f, 4), 'tie ‖A − LDLᵀ‖');
  });
});

describe('sytrf block-size limits', () => {
  it('block ≤ 1 or ≥ n equals sytf2 bit for bit', () => {
    for (const n of [5, 9, 16]) {
      const A = symmetricMatrix('random', n, n);
      const ref = factor('sytf2', A, n, 'sytf2');
      for (const nb of [1, n, n + 5]) {
        const b = withTuning({ sytrfNB: nb }, () => factor('sytrf', A, n, `sytrf nb=${nb}`));
        expectBitwise(`sytrf nb=${nb}`, b.F, ref.F);
        expect(Array.from(b.ipiv)).toEqual(Array.from(ref.ipiv));
      }
    }
  });
});

describe('the pivot rule at α = (1 + √17)/8', () => {
  const alpha = (1 + Math.sqrt(17)) / 8;
  const below = alpha * (1 - EPS); // the float just below α (α·(1 − ε) rounds down one ulp)
  const pivots = (rows: number[][]): number[] => {
    const n = rows.length;
    const A = dense(n, n, Float64Array.from(rows.flat()));
    return Array.from(factor('sytf2', A, n, `α ${JSON.stringify(rows)}`).ipiv);
  };

  it('|a₀₀| ≥ α·λ: a 1×1 pivot without interchange; just below: the other tests decide', () => {
    expect(below).toBeLessThan(alpha);
    expect(pivots([[alpha, 1], [1, 0]])).toEqual([0, 1]);
    expect(pivots([[-alpha, -1], [-1, 0]])).toEqual([0, 1]);
    expect(pivots([[below, 1], [1, 1]])).toEqual([1, 1]); //         |a₁₁| ≥ α·σ: 1×1 pivot a₁₁, interchange
    expect(pivots([[below, 1], [1, alpha]])).toEqual([1, 1]); //     |a₁₁| = α·σ exactly
    expect(pivots([[below, 1], [1, below]])).toEqual([~1, ~1]); //    2×2
    expect(pivots([[0, 1], [1, 0]])).toEqual([~1, ~1]);
  });

  it('|a₀₀|·σ ≥ α·λ² (σ > λ): a 1×1 pivot without interchange', () => {
    // λ = 1 (row 1), σ = 4 (A[2, 1]): the threshold is |a₀₀| ≥ α/4.
    const a = alpha / 4;
    expect(pivots([[a, 1, 0], [1, 0, 4], [0, 4, 1]])[0]).toBe(0);
    const b = a * (1 - EPS);
    expect(pivots([[b, 1, 0], [1, 0, 4], [0, 4, 1]]).slice(0, 2)).toEqual([~1, ~1]); // |a₁₁| = 0 < α·σ: 2×2
    expect(pivots([[b, 1, 0], [1, 4 * alpha, 4], [0, 4, 1]])[0]).toBe(1); // |a₁₁| = α·σ: interchange
  });
});

describe.each(['sytrs', 'sytrs2'] as const)('%s', (kernel) => {
  it('several right-hand sides at once equal one at a time, bit for bit', () => {
    const n = 13;
    const A = symmetricMatrix('zero diagonal', n, 5);
    const f = withTuning({ sytrfNB: 3 }, () => factor('sytrf', A, n, 'sytrf'));
    const B = rhs(9, n, 4);
    const X = solve(A, f, n, B, `${kernel} 4`, kernel);
    for (let j = 0; j < 4; j++) {
      const bj = dense(n, 1, Float64Array.from({ length: n }, (_, i) => B.a[i * 4 + j]!));
      const xj = solve(A, f, n, bj, `${kernel} col ${j}`, kernel);
      expectBitwise(`column ${j}`, xj.a, Float64Array.from({ length: n }, (_, i) => X.a[i * 4 + j]!));
    }
  });

  it('many right-hand sides through small TRSM and GEMM blocks: dget02 < 30', () => {
    withTuning({ trsmNB: 3, gemmMC: 8, gemmKC: 5, gemmNC: 12, sytrfNB: 4 }, () => {
      for (const name of ['random', 'zero diagonal', 'saddle', 'graded'] as const) {
        const n = 23;
        const A = symmetricMatrix(name, n, 2);
        const f = factor('sytrf', A, n, `sytrf ${name}`);
        const B = rhs(4, n, 9);
        expectRatio(`${kernel} many rhs ‖B − AX‖ n=${n} ${name}`, solveRatio(A, solve(A, f, n, B, `${kernel} ${name}`, kernel), B), `${kernel} many rhs ‖B − AX‖`);
      }
    });
  });
});
