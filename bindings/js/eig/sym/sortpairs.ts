/**
 * sortPairs — sort eigenvalues ascending with their eigenvectors along (selection sort)
 *
 * JS mirror of assembly/eig/sym/sortpairs.ts: d[offD…] (n) in place, the columns of
 * Z[i, j] = z[offZ + i + j·ldz] permuted alike; the same compares and swaps, so the same result.
 *
 * References: LAPACK dsteqr / dstedc.
 */
export function sortPairs(n: number, d: Float64Array, offD: number, z: Float64Array, offZ: number, ldz: number): void {
  for (let i = 0; i < n - 1; i++) {
    let kmin = i;
    let p = d[offD + i]!;
    for (let j = i + 1; j < n; j++) {
      const dj = d[offD + j]!;
      if (dj < p) {
        kmin = j;
        p = dj;
      }
    }
    if (kmin !== i) {
      d[offD + kmin] = d[offD + i]!;
      d[offD + i] = p;
      const ci = offZ + i * ldz;
      const ck = offZ + kmin * ldz;
      for (let r = 0; r < n; r++) {
        const t = z[ci + r]!;
        z[ci + r] = z[ck + r]!;
        z[ck + r] = t;
      }
    }
  }
}
