/**
 * lamrg — the permutation that merges two ascending lists into one
 *
 * JS mirror of assembly/eig/sym/lamrg.ts: perm[0:n₁] sorts d[0:n₁], perm[n₁:n₁+n₂] sorts d[n₁:…]
 * (values relative to n₁); idx gets the merged ascending order (ties: the first list first). perm and idx
 * hold integers as doubles. References: LAPACK dlamrg.
 */
export function lamrg(
  n1: number, n2: number, d: Float64Array, offD: number, perm: Float64Array, offPerm: number, idx: Float64Array, offIdx: number,
): void {
  let i = 0;
  let j = 0;
  let o = offIdx;
  while (i < n1 && j < n2) {
    const a = perm[offPerm + i]!;
    const b = n1 + perm[offPerm + n1 + j]!;
    if (d[offD + a]! <= d[offD + b]!) {
      idx[o++] = a;
      i++;
    } else {
      idx[o++] = b;
      j++;
    }
  }
  for (; i < n1; i++) idx[o++] = perm[offPerm + i]!;
  for (; j < n2; j++) idx[o++] = n1 + perm[offPerm + n1 + j]!;
}
