/**
 * sortPairs — sort eigenvalues ascending with their eigenvectors along        (O(n²) compares, ≤ n−1
 *             column swaps)
 *
 * Selection sort: for i = 0 … n−2 the smallest of d[i:n] (the first one on ties) is swapped into place
 * together with its column of Z. Equal values keep their relative order unless one of them is swapped
 * past the other; either way the result is deterministic and the same on every backend. At most n − 1
 * column swaps (n² moves), which is why it is used rather than a faster comparison sort: the moves of
 * the columns dominate.
 *
 * Storage: d (n at pD) in place; Z (n×n at pZ, ldz ≥ max(1, n)), its columns permuted alike.
 * Used by steqr and stedc (after solving split blocks separately).
 *
 * References: LAPACK dsteqr / dstedc (the same selection sort at their ends).
 */
import { ld, st } from '../../util';

export function sortPairs(n: i32, pD: usize, pZ: usize, ldz: i32): void {
  const ldZ = <usize>ldz << 3;
  for (let i = 0; i < n - 1; i++) {
    let kmin = i;
    let p = ld(pD, i);
    for (let j = i + 1; j < n; j++) {
      const dj = ld(pD, j);
      if (dj < p) {
        kmin = j;
        p = dj;
      }
    }
    if (kmin != i) {
      st(pD, kmin, ld(pD, i));
      st(pD, i, p);
      const ci = pZ + <usize>i * ldZ;
      const ck = pZ + <usize>kmin * ldZ;
      for (let r = 0; r < n; r++) {
        const t = ld(ci, r);
        st(ci, r, ld(ck, r));
        st(ck, r, t);
      }
    }
  }
}
