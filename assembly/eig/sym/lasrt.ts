/**
 * lasrt — sort n doubles into ascending order, in place                      (heapsort, O(n log n))
 *
 * Used for the eigenvalues when no vectors are carried along (sterf, steqr with compz = 0), where the
 * order among equal values does not matter. Heapsort: no recursion, no workspace, n log n in the worst
 * case. NaNs are not ordered (comparisons with NaN are false); the result is still deterministic and the
 * same on every backend.
 *
 * Storage: d at `pD`, unit stride. Returns nothing.
 *
 * References: Knuth, TAOCP vol. 3, §5.2.3 (Algorithm H); LAPACK dlasrt (which uses quicksort + insertion).
 */
export function lasrt(n: i32, pD: usize): void {
  if (n <= 1) return;
  // build a max-heap
  for (let i = (n >> 1) - 1; i >= 0; i--) siftDown(pD, i, n);
  // move the maximum to the end, shrink, restore
  for (let end = n - 1; end > 0; end--) {
    const t = load<f64>(pD);
    store<f64>(pD, load<f64>(pD + (<usize>end << 3)));
    store<f64>(pD + (<usize>end << 3), t);
    siftDown(pD, 0, end);
  }
}

function siftDown(pD: usize, i: i32, n: i32): void {
  const x = load<f64>(pD + (<usize>i << 3));
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    let vc = load<f64>(pD + (<usize>c << 3));
    if (c + 1 < n) {
      const v2 = load<f64>(pD + (<usize>(c + 1) << 3));
      if (v2 > vc) {
        c++;
        vc = v2;
      }
    }
    if (!(vc > x)) break;
    store<f64>(pD + (<usize>i << 3), vc);
    i = c;
  }
  store<f64>(pD + (<usize>i << 3), x);
}
