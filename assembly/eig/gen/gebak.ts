/**
 * gebak — undo gebal on right eigenvectors: V ← P·D·V                         (m·(ihi − ilo + 1) flops)
 *
 * gebal returned A' = D⁻¹·Pᵀ·A·P·D. If A'·v' = λ·v' then A·(P·D·v') = λ·(P·D·v'), so the eigenvectors
 * (or Schur vectors) of A' are mapped back to those of A by scaling row i by dᵢ (i in ilo … ihi), then
 * undoing the row interchanges in reverse order of their creation: rows ilo−1 down to 0 (the column
 * isolations, made last), then rows ihi+1 up to n−1 (the row isolations, made first and bottom-up).
 *
 * Storage: V n×m at `pV` (ldv ≥ max(1, n)), updated in place; `pScale` (n doubles) and ilo, ihi as
 * gebal left them. After balancing with job 0 (scale = 1, ilo = 0, ihi = n − 1) this is the identity.
 *
 * Workspace: none. Returns nothing.
 *
 * References: Golub & Van Loan, 4th ed., §7.5.7; LAPACK dgebak (job = 'B', side = 'R').
 */

function swapRows(m: i32, pV: usize, ldV: usize, i: i32, k: i32): void {
  const pi = pV + (<usize>i << 3);
  const pk = pV + (<usize>k << 3);
  for (let j = 0; j < m; j++) {
    const o = <usize>j * ldV;
    const t = load<f64>(pi + o);
    store<f64>(pi + o, load<f64>(pk + o));
    store<f64>(pk + o, t);
  }
}

export function gebak(n: i32, ilo: i32, ihi: i32, pScale: usize, m: i32, pV: usize, ldv: i32): void {
  if (n <= 0 || m <= 0) return;
  const ldV = <usize>ldv << 3;
  for (let i = ilo; i <= ihi; i++) {
    const d = load<f64>(pScale + (<usize>i << 3));
    if (d == 1) continue;
    const pi = pV + (<usize>i << 3);
    for (let j = 0; j < m; j++) {
      const p = pi + <usize>j * ldV;
      store<f64>(p, load<f64>(p) * d);
    }
  }
  for (let i = ilo - 1; i >= 0; i--) {
    const k = <i32>load<f64>(pScale + (<usize>i << 3));
    if (k != i) swapRows(m, pV, ldV, i, k);
  }
  for (let i = ihi + 1; i < n; i++) {
    const k = <i32>load<f64>(pScale + (<usize>i << 3));
    if (k != i) swapRows(m, pV, ldV, i, k);
  }
}
