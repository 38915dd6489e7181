/**
 * lasrt — sort n doubles into ascending order, in place                      (heapsort, O(n log n))
 *
 * JS mirror of assembly/eig/sym/lasrt.ts: the same heapsort (same comparisons, same moves), so even
 * with NaNs the result is the same as the wasm kernel's.
 *
 * Storage: d[offD…], unit stride. References: Knuth, TAOCP vol. 3, §5.2.3 (Algorithm H); LAPACK dlasrt.
 */
export function lasrt(n: number, d: Float64Array, offD: number): void {
  if (n <= 1) return;
  for (let i = (n >> 1) - 1; i >= 0; i--) siftDown(d, offD, i, n);
  for (let end = n - 1; end > 0; end--) {
    const t = d[offD]!;
    d[offD] = d[offD + end]!;
    d[offD + end] = t;
    siftDown(d, offD, 0, end);
  }
}

function siftDown(d: Float64Array, off: number, i: number, n: number): void {
  const x = d[off + i]!;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    let vc = d[off + c]!;
    if (c + 1 < n) {
      const v2 = d[off + c + 1]!;
      if (v2 > vc) {
        c++;
        vc = v2;
      }
    }
    if (!(vc > x)) break;
    d[off + i] = vc;
    i = c;
  }
  d[off + i] = x;
}
