/**
 * lamrg — the permutation that merges two ascending lists into one   (n₁ + n₂ comparisons)
 *
 * d[0:n₁] is ascending through perm[0:n₁] (d[perm[i]] ≤ d[perm[i+1]], perm's values 0…n₁−1) and
 * d[n₁:n₁+n₂] through perm[n₁:n₁+n₂] (values 0…n₂−1, relative to n₁). On exit idx[0:n₁+n₂] lists the
 * indices 0…n₁+n₂−1 of d in ascending order of value (ties: the first list first). perm and idx hold
 * integers as doubles.
 *
 * References: LAPACK dlamrg (there with strides ±1; the ascending permutations are explicit here).
 */
import { ld, st } from '../../util';

export function lamrg(n1: i32, n2: i32, pD: usize, pPerm: usize, pIdx: usize): void {
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < n1 && j < n2) {
    const a = <i32>ld(pPerm, i);
    const b = n1 + <i32>ld(pPerm, n1 + j);
    if (ld(pD, a) <= ld(pD, b)) {
      st(pIdx, o++, a);
      i++;
    } else {
      st(pIdx, o++, b);
      j++;
    }
  }
  for (; i < n1; i++) st(pIdx, o++, <i32>ld(pPerm, i));
  for (; j < n2; j++) st(pIdx, o++, n1 + <i32>ld(pPerm, n1 + j));
}
