/**
 * trsyl — the quasi-triangular Sylvester equation A·X + X·B = C        (LAPACK dtrsyl, isgn = +1, no scale; m²n + mn² flops)
 *
 * JS mirror of assembly/matfun/trsyl.ts (method, references, singular systems and return value
 * there). A[i, j] = a[offA + i + j·lda], B and C likewise; workspace trsylScratch() doubles at
 * w[offW…]. Same operations in the same order, so results agree bit for bit.
 */

const RHS = 16;
const PERM = 20;

/** Doubles of workspace `trsyl` needs. */
export function trsylScratch(): number {
  return 24;
}

export function trsyl(
  m: number, n: number, a: Float64Array, offA: number, lda: number, b: Float64Array, offB: number, ldb: number,
  c: Float64Array, offC: number, ldc: number, w: Float64Array, offW: number,
): number {
  if (m <= 0 || n <= 0) return 0;
  let l0 = 0;
  while (l0 < n) {
    const q = l0 + 1 < n && b[offB + l0 * ldb + l0 + 1] !== 0 ? 2 : 1;
    let kEnd = m;
    while (kEnd > 0) {
      let k0 = kEnd - 1;
      if (k0 > 0 && a[offA + (k0 - 1) * lda + k0] !== 0) k0--;
      const p = kEnd - k0;
      for (let j = 0; j < q; j++) {
        const cj = offC + (l0 + j) * ldc;
        const bj = offB + (l0 + j) * ldb;
        for (let i = 0; i < p; i++) {
          const r = k0 + i;
          let s = c[cj + r]!;
          for (let t = kEnd; t < m; t++) s -= a[offA + t * lda + r]! * c[cj + t]!;
          for (let t = 0; t < l0; t++) s -= c[offC + t * ldc + r]! * b[bj + t]!;
          w[offW + RHS + i + p * j] = s;
        }
      }
      const k = p * q;
      for (let cc = 0; cc < k; cc++) {
        const ic = cc % p;
        const jc = (cc / p) | 0;
        for (let r = 0; r < k; r++) {
          const ir = r % p;
          const jr = (r / p) | 0;
          let v = 0;
          if (jr === jc) v += a[offA + (k0 + ic) * lda + k0 + ir]!;
          if (ir === ic) v += b[offB + (l0 + jr) * ldb + l0 + jc]!;
          w[offW + r + 4 * cc] = v;
        }
      }
      if (small(k, w, offW) !== 0) return l0 + 1;
      for (let j = 0; j < q; j++) {
        const cj = offC + (l0 + j) * ldc;
        for (let i = 0; i < p; i++) c[cj + k0 + i] = w[offW + RHS + i + p * j]!;
      }
      kEnd = k0;
    }
    l0 += q;
  }
  return 0;
}

/** The k×k system (k ≤ 4) at w[offW…] (ld 4) for the right-hand side at w[offW + RHS…]: see the kernel. */
function small(k: number, w: Float64Array, o: number): number {
  for (let j = 0; j < k; j++) w[o + PERM + j] = j;
  let rank = k;
  for (let s = 0; s < k; s++) {
    let ip = s;
    let jp = s;
    let big = -1;
    for (let j = s; j < k; j++) {
      for (let i = s; i < k; i++) {
        const v = Math.abs(w[o + i + 4 * j]!);
        if (v > big) {
          big = v;
          ip = i;
          jp = j;
        }
      }
    }
    if (ip !== s) {
      for (let j = 0; j < k; j++) swap(w, o + ip + 4 * j, o + s + 4 * j);
      swap(w, o + RHS + ip, o + RHS + s);
    }
    if (jp !== s) {
      for (let i = 0; i < k; i++) swap(w, o + i + 4 * jp, o + i + 4 * s);
      swap(w, o + PERM + jp, o + PERM + s);
    }
    const piv = w[o + s + 4 * s]!;
    if (piv === 0) {
      for (let i = s; i < k; i++) if (w[o + RHS + i] !== 0) return 1;
      rank = s;
      break;
    }
    for (let i = s + 1; i < k; i++) {
      const l = w[o + i + 4 * s]! / piv;
      w[o + RHS + i] = w[o + RHS + i]! - l * w[o + RHS + s]!;
      for (let j = s + 1; j < k; j++) w[o + i + 4 * j] = w[o + i + 4 * j]! - l * w[o + s + 4 * j]!;
    }
  }
  for (let i = rank; i < k; i++) w[o + RHS + i] = 0;
  for (let i = rank - 1; i >= 0; i--) {
    let x = w[o + RHS + i]!;
    for (let j = i + 1; j < k; j++) x -= w[o + i + 4 * j]! * w[o + RHS + j]!;
    w[o + RHS + i] = x / w[o + i + 4 * i]!;
  }
  for (let j = 0; j < k; j++) w[o + w[o + PERM + j]!] = w[o + RHS + j]!;
  for (let j = 0; j < k; j++) w[o + RHS + j] = w[o + j]!;
  return 0;
}

function swap(w: Float64Array, a: number, b: number): void {
  const t = w[a]!;
  w[a] = w[b]!;
  w[b] = t;
}
