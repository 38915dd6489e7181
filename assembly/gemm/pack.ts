/**
 * Packing for GEMM and every level-3 routine built on it (Goto & van de Geijn 2008, §3).
 *
 * packA: the mc×kc block op(A)[i0:i0+mc, p0:p0+kc] becomes ⌈mc/MR⌉ micro-panels, each kc×MR stored
 *        k-major (for each p: MR consecutive rows), rows past mc zero-padded.
 * packB: the kc×nc block op(B)[p0:p0+kc, j0:j0+nc] becomes ⌈nc/NR⌉ micro-panels, each kc×NR stored
 *        k-major (for each p: NR consecutive columns), columns past nc zero-padded.
 *
 * op(X) = X (trans = 0) or Xᵀ (trans = 1); X is column-major with leading dimension ldx. The
 * micro-kernel then reads both panels with unit stride and never sees an edge.
 */
import { MR, NR } from './blocking';

/**
 * One micro-panel whose groups are contiguous in the source: for p = 0 … kc−1 the `count` ≤ W doubles
 * at src + p·ld (bytes) become the W doubles at pw + 8·W·p, zero-padded past count. Serves packA for
 * op(A) = A (W = MR) and packB for op(B) = Bᵀ (W = NR). W is a compile-time constant (inlined).
 * Returns pw past the panel.
 */
// @ts-ignore: decorator
@inline function packContiguous(kc: i32, count: i32, W: i32, src: usize, ld: usize, pw: usize): usize {
  const step = <usize>W << 3;
  if (count == W) {
    for (let p = 0; p < kc; p++) {
      if (ASC_FEATURE_SIMD && W == 4) {
        v128.store(pw, v128.load(src));
        v128.store(pw, v128.load(src, 16), 16);
      } else if (ASC_FEATURE_SIMD && W == 6) {
        v128.store(pw, v128.load(src));
        v128.store(pw, v128.load(src, 16), 16);
        v128.store(pw, v128.load(src, 32), 32);
      } else if (W == 4) {
        store<f64>(pw, load<f64>(src));
        store<f64>(pw, load<f64>(src, 8), 8);
        store<f64>(pw, load<f64>(src, 16), 16);
        store<f64>(pw, load<f64>(src, 24), 24);
      } else {
        for (let r = 0; r < W; r++) store<f64>(pw + (<usize>r << 3), load<f64>(src + (<usize>r << 3)));
      }
      src += ld;
      pw += step;
    }
  } else {
    for (let p = 0; p < kc; p++) {
      for (let r = 0; r < W; r++) store<f64>(pw + (<usize>r << 3), r < count ? load<f64>(src + (<usize>r << 3)) : 0);
      src += ld;
      pw += step;
    }
  }
  return pw;
}

/** Packs op(A)[i0:i0+mc, p0:p0+kc] (mc, kc > 0) into `pw`. */
export function packA(trans: i32, mc: i32, kc: i32, pA: usize, lda: i32, pw: usize): void {
  const ld = <usize>lda << 3;
  for (let i = 0; i < mc; i += MR) {
    const rows = min(MR, mc - i);
    if (!trans) {
      // op(A) = A: rows i..i+3 of column p are contiguous.
      pw = packContiguous(kc, rows, MR, pA + (<usize>i << 3), ld, pw);
    } else {
      // op(A) = Aᵀ: element (i+r, p) is A[p, i+r] = pA[p + (i+r)·lda].
      const col = pA + <usize>i * ld;
      for (let p = 0; p < kc; p++) {
        const src = col + (<usize>p << 3);
        for (let r = 0; r < MR; r++) store<f64>(pw + (<usize>r << 3), r < rows ? load<f64>(src + <usize>r * ld) : 0);
        pw += MR << 3;
      }
    }
  }
}

/** Packs op(B)[p0:p0+kc, j0:j0+nc] (kc, nc > 0) into `pw`. */
export function packB(trans: i32, kc: i32, nc: i32, pB: usize, ldb: i32, pw: usize): void {
  const ld = <usize>ldb << 3;
  for (let j = 0; j < nc; j += NR) {
    const cols = min(NR, nc - j);
    if (!trans) {
      // op(B) = B: element (p, j+c) is B[p + (j+c)·ldb]; walk down the NR columns together.
      const c0 = pB + <usize>j * ld;
      if (cols == NR && NR == 4) {
        const c1 = c0 + ld;
        const c2 = c1 + ld;
        const c3 = c2 + ld;
        for (let p = 0; p < kc; p++) {
          const o = <usize>p << 3;
          store<f64>(pw, load<f64>(c0 + o));
          store<f64>(pw, load<f64>(c1 + o), 8);
          store<f64>(pw, load<f64>(c2 + o), 16);
          store<f64>(pw, load<f64>(c3 + o), 24);
          pw += NR << 3;
        }
      } else if (cols == NR && NR == 3) {
        const c1 = c0 + ld;
        const c2 = c1 + ld;
        for (let p = 0; p < kc; p++) {
          const o = <usize>p << 3;
          store<f64>(pw, load<f64>(c0 + o));
          store<f64>(pw, load<f64>(c1 + o), 8);
          store<f64>(pw, load<f64>(c2 + o), 16);
          pw += NR << 3;
        }
      } else {
        for (let p = 0; p < kc; p++) {
          const o = <usize>p << 3;
          for (let c = 0; c < NR; c++) store<f64>(pw + (<usize>c << 3), c < cols ? load<f64>(c0 + <usize>c * ld + o) : 0);
          pw += NR << 3;
        }
      }
    } else {
      // op(B) = Bᵀ: element (p, j+c) is B[j+c, p] = pB[(j+c) + p·ldb]; the NR values are contiguous.
      pw = packContiguous(kc, cols, NR, pB + (<usize>j << 3), ld, pw);
    }
  }
}
