/**
 * Packing for GEMM and every level-3 routine built on it (Goto & van de Geijn 2008, §3).
 *
 * JS mirror of assembly/gemm/pack.ts.
 *
 * packA: the mc×kc block op(A)[0:mc, 0:kc] at a[offA…] becomes ⌈mc/MR⌉ micro-panels, each kc×MR stored
 *        k-major (for each p: MR consecutive rows), rows past mc zero-padded.
 * packB: the kc×nc block op(B)[0:kc, 0:nc] at b[offB…] becomes ⌈nc/NR⌉ micro-panels, each kc×NR stored
 *        k-major (for each p: NR consecutive columns), columns past nc zero-padded.
 *
 * op(X) = X (trans = 0) or Xᵀ (trans = 1); X is column-major with leading dimension ldx. The packed
 * panels go to w[offW…]. The micro-kernel then reads both panels with unit stride and never sees an edge.
 */
import { MR, NR } from './blocking.js';

/**
 * One micro-panel whose groups are contiguous in the source: for p = 0 … kc−1 the `count` ≤ 4 values at
 * x[src + p·ld…] become w[pw + 4p…], zero-padded past count. Serves packA for op(A) = A and packB for
 * op(B) = Bᵀ (MR = NR = 4). Returns pw past the panel.
 */
function packContiguous(kc: number, count: number, x: Float64Array, src: number, ld: number, w: Float64Array, pw: number): number {
  if (count === 4) {
    for (let p = 0; p < kc; p++) {
      w[pw] = x[src]!;
      w[pw + 1] = x[src + 1]!;
      w[pw + 2] = x[src + 2]!;
      w[pw + 3] = x[src + 3]!;
      src += ld;
      pw += 4;
    }
  } else {
    for (let p = 0; p < kc; p++) {
      for (let r = 0; r < 4; r++) w[pw + r] = r < count ? x[src + r]! : 0;
      src += ld;
      pw += 4;
    }
  }
  return pw;
}

/** Packs op(A)[0:mc, 0:kc] (mc, kc > 0) of A at a[offA…] into w[offW…]. */
export function packA(trans: number, mc: number, kc: number, a: Float64Array, offA: number, lda: number, w: Float64Array, offW: number): void {
  let pw = offW;
  for (let i = 0; i < mc; i += MR) {
    const rows = Math.min(MR, mc - i);
    if (!trans) {
      // op(A) = A: rows i..i+3 of column p are contiguous.
      pw = packContiguous(kc, rows, a, offA + i, lda, w, pw);
    } else {
      // op(A) = Aᵀ: element (i+r, p) is A[p, i+r] = a[offA + p + (i+r)·lda].
      const col = offA + i * lda;
      if (rows === MR) {
        const l2 = 2 * lda;
        const l3 = 3 * lda;
        for (let p = 0; p < kc; p++) {
          const src = col + p;
          w[pw] = a[src]!;
          w[pw + 1] = a[src + lda]!;
          w[pw + 2] = a[src + l2]!;
          w[pw + 3] = a[src + l3]!;
          pw += MR;
        }
      } else {
        for (let p = 0; p < kc; p++) {
          const src = col + p;
          for (let r = 0; r < MR; r++) w[pw + r] = r < rows ? a[src + r * lda]! : 0;
          pw += MR;
        }
      }
    }
  }
}

/** Packs op(B)[0:kc, 0:nc] (kc, nc > 0) of B at b[offB…] into w[offW…]. */
export function packB(trans: number, kc: number, nc: number, b: Float64Array, offB: number, ldb: number, w: Float64Array, offW: number): void {
  let pw = offW;
  for (let j = 0; j < nc; j += NR) {
    const cols = Math.min(NR, nc - j);
    if (!trans) {
      // op(B) = B: element (p, j+c) is B[p, j+c] = b[offB + p + (j+c)·ldb]; walk down the NR columns together.
      const c0 = offB + j * ldb;
      if (cols === NR) {
        const c1 = c0 + ldb;
        const c2 = c1 + ldb;
        const c3 = c2 + ldb;
        for (let p = 0; p < kc; p++) {
          w[pw] = b[c0 + p]!;
          w[pw + 1] = b[c1 + p]!;
          w[pw + 2] = b[c2 + p]!;
          w[pw + 3] = b[c3 + p]!;
          pw += NR;
        }
      } else {
        for (let p = 0; p < kc; p++) {
          for (let c = 0; c < NR; c++) w[pw + c] = c < cols ? b[c0 + c * ldb + p]! : 0;
          pw += NR;
        }
      }
    } else {
      // op(B) = Bᵀ: element (p, j+c) is B[j+c, p] = b[offB + (j+c) + p·ldb]; the NR values are contiguous.
      pw = packContiguous(kc, cols, b, offB + j, ldb, w, pw);
    }
  }
}
