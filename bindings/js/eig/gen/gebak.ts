/**
 * gebak — undo gebal on right eigenvectors: V ← P·D·V
 *
 * JS mirror of assembly/eig/gen/gebak.ts (read it for the order of the interchanges). V[i, j] =
 * v[offV + i + j·ldv] (n×m); scale[offScale…] and ilo, ihi as gebal left them.
 *
 * References: Golub & Van Loan, 4th ed., §7.5.7; LAPACK dgebak.
 */
function swapRows(m: number, v: Float64Array, offV: number, ldv: number, i: number, k: number): void {
  for (let j = 0; j < m; j++) {
    const o = offV + j * ldv;
    const t = v[o + i]!;
    v[o + i] = v[o + k]!;
    v[o + k] = t;
  }
}

export function gebak(
  n: number, ilo: number, ihi: number, scale: Float64Array, offScale: number, m: number, v: Float64Array, offV: number,
  ldv: number,
): void {
  if (n <= 0 || m <= 0) return;
  for (let i = ilo; i <= ihi; i++) {
    const d = scale[offScale + i]!;
    if (d === 1) continue;
    for (let j = 0; j < m; j++) {
      const p = offV + i + j * ldv;
      v[p] = v[p]! * d;
    }
  }
  for (let i = ilo - 1; i >= 0; i--) {
    const k = scale[offScale + i]! | 0;
    if (k !== i) swapRows(m, v, offV, ldv, i, k);
  }
  for (let i = ihi + 1; i < n; i++) {
    const k = scale[offScale + i]! | 0;
    if (k !== i) swapRows(m, v, offV, ldv, i, k);
  }
}
