/**
 * V·diag(d)·Vᵀ as an exactly symmetric matrix: the shared last step of polar (P = V·Σ·Vᵀ) and pinvh
 * (A⁺ = U·Λ⁻¹·Uᵀ).
 */
import * as lapack from '../core/lapack.js';
import { scoped } from '../core/scope.js';
import { copyOf, zeros } from '../api/convert.js';
import type { Matrix } from '../api/matrix.js';

/**
 * @internal V·diag(d)·Vᵀ (n×n for V n×k, d of k entries) through one GEMM, then made exactly symmetric
 * by averaging each entry with its mirror image (the two differ by rounding only).
 */
export function scaledGram(V: Matrix, d: Float64Array): Matrix {
  const n = V.rows;
  return scoped((sc) => {
    const W = sc.track(copyOf(V));
    const ws = W._store();
    const wa = ws.array();
    for (let j = 0; j < V.cols; j++) {
      const o = ws.offset + j * W._ld;
      for (let i = 0; i < n; i++) wa[o + i] = wa[o + i]! * d[j]!;
    }
    const C = sc.track(zeros(n, n));
    if (V.cols > 0) lapack.gemm(W._v(), V._v(), C._v(), { transB: true });
    const cs = C._store();
    const ca = cs.array();
    for (let j = 0; j < n; j++) {
      for (let i = j + 1; i < n; i++) {
        const lo = cs.offset + i + j * C._ld;
        const up = cs.offset + j + i * C._ld;
        const v = 0.5 * (ca[lo]! + ca[up]!);
        ca[lo] = v;
        ca[up] = v;
      }
    }
    return sc.keep(C);
  });
}
