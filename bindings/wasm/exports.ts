/**
 * The typed face of the module's exports (assembly/index.ts). Addresses are byte offsets into the
 * linear memory; JS numbers ≥ 2^31 are passed as they are (wasm reads the i32 bits as u32).
 */
export interface WasmExports {
  memory: WebAssembly.Memory;
  dataEnd(): number;
  dot(n: number, px: number, incx: number, py: number, incy: number): number;
  axpy(n: number, alpha: number, px: number, incx: number, py: number, incy: number): void;
  scal(n: number, alpha: number, px: number, incx: number): void;
  nrm2(n: number, px: number, incx: number): number;
  gemv(
    trans: number, m: number, n: number, alpha: number, pA: number, lda: number,
    px: number, incx: number, beta: number, py: number, incy: number,
  ): void;
  geadd(
    m: number, n: number, alpha: number, pA: number, lda: number, beta: number, pB: number, ldb: number,
    pC: number, ldc: number,
  ): void;
  gemul(m: number, n: number, pA: number, lda: number, pB: number, ldb: number, pC: number, ldc: number): void;
  getrans(m: number, n: number, pA: number, lda: number, pB: number, ldb: number): void;
  symmetrize(n: number, pA: number, lda: number): void;
  lasr(m: number, nseq: number, pSeq: number, pC: number, pS: number, pX: number, ldx: number): void;
  lange(norm: number, m: number, n: number, pA: number, lda: number, pw: number): number;
  gemm(
    transA: number, transB: number, m: number, n: number, k: number, alpha: number,
    pA: number, lda: number, pB: number, ldb: number, beta: number, pC: number, ldc: number, pw: number,
  ): void;
  gemmScratch(m: number, n: number, k: number): number;
  syrk(
    uplo: number, trans: number, n: number, k: number, alpha: number, pA: number, lda: number,
    beta: number, pC: number, ldc: number, pw: number,
  ): void;
  syrkScratch(n: number, k: number): number;
  /** The tuning table (assembly/tuning.ts): keys are TUNING_KEYS' numbers (bindings/js/tuning.ts). */
  tuningSet(key: number, value: number): void;
  tuningGet(key: number): number;
  tuningReset(): void;
  iamax(n: number, px: number, incx: number): number;
  trsm2(
    side: number, uplo: number, trans: number, diag: number, m: number, n: number,
    pA: number, lda: number, pB: number, ldb: number,
  ): void;
  trsm(
    side: number, uplo: number, trans: number, diag: number, m: number, n: number, alpha: number,
    pA: number, lda: number, pB: number, ldb: number, pw: number,
  ): void;
  trsmScratch(m: number, n: number): number;
  laswp(n: number, pA: number, lda: number, k1: number, k2: number, pIpiv: number, reverse: number): void;
  getf2(m: number, n: number, pA: number, lda: number, pIpiv: number): number;
  getrf(m: number, n: number, pA: number, lda: number, pIpiv: number, pw: number): number;
  getrfScratch(m: number, n: number): number;
  potf2(n: number, pA: number, lda: number): number;
  potrf(n: number, pA: number, lda: number, pw: number): number;
  potrfScratch(n: number): number;
  larfg(n: number, pAlpha: number, px: number, incx: number): number;
  larf(m: number, n: number, pv: number, incv: number, tau: number, pC: number, ldc: number, pw: number): void;
  geqr2(m: number, n: number, pA: number, lda: number, pTau: number, pw: number): void;
  larft(m: number, k: number, pV: number, ldv: number, pTau: number, pT: number, ldt: number): void;
  larfb(
    trans: number, m: number, n: number, k: number, pV: number, ldv: number, pT: number, ldt: number,
    pC: number, ldc: number, pw: number,
  ): void;
  larfbScratch(m: number, n: number, k: number): number;
  geqrf(m: number, n: number, pA: number, lda: number, pTau: number, pw: number): void;
  geqrfScratch(m: number, n: number): number;
  org2r(m: number, n: number, k: number, pA: number, lda: number, pTau: number, pw: number): void;
  orgqr(m: number, n: number, k: number, pA: number, lda: number, pTau: number, pw: number): void;
  orgqrScratch(m: number, n: number, k: number): number;
  geqp3(m: number, n: number, pA: number, lda: number, pJpvt: number, pTau: number, pw: number): void;
  geqp3Scratch(m: number, n: number): number;
  ormqr(
    trans: number, m: number, n: number, k: number, pA: number, lda: number, pTau: number,
    pC: number, ldc: number, pw: number,
  ): void;
  ormqrScratch(m: number, n: number, k: number): number;
  symv(n: number, alpha: number, pA: number, lda: number, px: number, py: number): void;
  syr2(n: number, alpha: number, px: number, py: number, pA: number, lda: number): void;
  syr2k(
    n: number, k: number, alpha: number, pA: number, lda: number, pB: number, ldb: number,
    beta: number, pC: number, ldc: number, pw: number,
  ): void;
  syr2kScratch(n: number, k: number): number;
  sytd2(n: number, pA: number, lda: number, pD: number, pE: number, pTau: number, pw: number): void;
  latrd(n: number, nb: number, pA: number, lda: number, pE: number, pTau: number, pW: number, ldw: number): void;
  sytrd(n: number, pA: number, lda: number, pD: number, pE: number, pTau: number, pw: number): void;
  sytrdScratch(n: number): number;
  orgtr(n: number, pA: number, lda: number, pTau: number, pw: number): void;
  orgtrScratch(n: number): number;
  steqr(compz: number, n: number, pD: number, pE: number, pZ: number, ldz: number, pw: number): number;
  steqrScratch(n: number, compz: number): number;
  sterf(n: number, pD: number, pE: number): number;
  syev(jobz: number, n: number, pA: number, lda: number, pLam: number, pw: number): number;
  syevScratch(n: number, jobz: number): number;
  bdsqr(
    n: number, nrv: number, nru: number, pd: number, pe: number, pV: number, ldv: number, pU: number, ldu: number,
    pw: number,
  ): number;
  bdsqrScratch(n: number, nrv: number, nru: number): number;
  gebd2(
    m: number, n: number, pA: number, lda: number, pd: number, pe: number, pTauq: number, pTaup: number, pw: number,
  ): number;
  labrd(
    m: number, n: number, nb: number, pA: number, lda: number, pd: number, pe: number, pTauq: number, pTaup: number,
    pX: number, ldx: number, pY: number, ldy: number, pV: number, ldv: number,
  ): void;
  gebrd(
    m: number, n: number, pA: number, lda: number, pd: number, pe: number, pTauq: number, pTaup: number, pw: number,
  ): number;
  gebrdScratch(m: number, n: number): number;
  orgbr(
    vect: number, m: number, n: number, k: number, pA: number, lda: number, pTau: number, pQ: number, ldq: number,
    pw: number,
  ): number;
  orgbrScratch(vect: number, m: number, n: number, k: number): number;
  gesvd(
    job: number, m: number, n: number, pA: number, lda: number, pS: number, pU: number, ldu: number, pV: number,
    ldv: number, pw: number,
  ): number;
  gesvdScratch(m: number, n: number, job: number): number;
  lasq(n: number, pd: number, pe: number, pw: number): number;
  lasqScratch(n: number): number;
  gebal(job: number, n: number, pA: number, lda: number, pScale: number, pBounds: number): number;
  gebak(n: number, ilo: number, ihi: number, pScale: number, m: number, pV: number, ldv: number): void;
  gehd2(n: number, ilo: number, ihi: number, pA: number, lda: number, pTau: number, pw: number): number;
  lahr2(
    n: number, k: number, nb: number, pA: number, lda: number, pTau: number, pT: number, ldt: number, pY: number, ldy: number,
    pw: number,
  ): void;
  lahr2Scratch(n: number, k: number, nb: number): number;
  gehrd(n: number, ilo: number, ihi: number, pA: number, lda: number, pTau: number, pw: number): number;
  gehrdScratch(n: number): number;
  orghr(n: number, ilo: number, ihi: number, pA: number, lda: number, pTau: number, pw: number): void;
  orghrScratch(n: number): number;
  hqr(
    wantt: number, wantz: number, n: number, ilo: number, ihi: number, pH: number, ldh: number, pWr: number, pWi: number,
    iloz: number, ihiz: number, pZ: number, ldz: number, pw: number,
  ): number;
  trevc(n: number, pT: number, ldt: number, pX: number, ldx: number, pw: number): number;
  geev(
    jobv: number, balance: number, n: number, pA: number, lda: number, pWr: number, pWi: number, pVr: number,
    ldvr: number, pw: number,
  ): number;
  geevScratch(n: number, jobv: number): number;
  gees(n: number, pA: number, lda: number, pWr: number, pWi: number, pZ: number, ldz: number, pw: number): number;
  geesScratch(n: number): number;
}
