#!/usr/bin/env python3
"""numpy timing peer for the wasm-linalg benchmark (spawned by bench/peers/numpy.ts).

Reads a JSON spec on stdin:
  {"label": "numpy (env)",
   "timing": {"maxTime": 1.0, "minSamples": 5, "minSamplesSlow": 3, "slowOpMs": 250,
              "targetSampleMs": 10, "warmupCalls": 3, "warmupMs": 50},
   "cases": [{"key": "gemm/n=256", "op": "gemm", "m": 256, "k": 256, "n": 256}, ...]}
and prints one JSON object on stdout:
  {"ok": true, "info": {...}, "results": {"gemm/n=256": {"medianMs": ..., ...} | {"skipped": "..."}}}
Progress goes to stderr, one line per case. Thread count comes from the environment the parent sets
(OPENBLAS_NUM_THREADS=1). The timing mirrors bench/timing.ts: warm-up calls, then samples of `batch`
calls (batch sized so a sample lasts ~targetSampleMs), taken until minSamples are in and maxTime
seconds have passed since then; the reported figure is the median time per call.

To add an operation, add a builder to OPS: it gets the case dict and a seeded Generator and returns
a zero-argument callable performing one operation.
"""
import json
import math
import os
import platform
import sys
import time


def emit(obj):
    sys.stdout.write(json.dumps(obj))
    sys.stdout.write("\n")
    sys.stdout.flush()


# This file is named numpy.py and Python puts its directory first on sys.path, where `import numpy`
# would find this script instead of the library: drop that entry before importing.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]

try:
    import numpy as np
except Exception as e:  # numpy absent or broken: the driver skips the column with this note
    emit({"ok": False, "error": f"numpy not importable: {type(e).__name__}: {e}"})
    sys.exit(0)


def build_gemm(c, rng):
    a = rng.random((int(c["m"]), int(c["k"])))
    b = rng.random((int(c["k"]), int(c["n"])))
    return lambda: a @ b


def build_syrk(c, rng):
    a = rng.random((int(c["k"]), int(c["n"])))
    return lambda: a.T @ a  # numpy dispatches this pattern to BLAS syrk


def build_lu(c, rng):
    import scipy.linalg as sl  # numpy has no LU; scipy's lu_factor is LAPACK dgetrf
    a = rng.random((int(c["n"]), int(c["n"])))
    return lambda: sl.lu_factor(a, check_finite=False)


def build_cholesky(c, rng):
    n = int(c["n"])
    a = rng.random((n, n))
    s = a.T @ a + n * np.eye(n)
    return lambda: np.linalg.cholesky(s)


def build_qr(c, rng):
    a = rng.random((int(c["n"]), int(c["n"])))
    return lambda: np.linalg.qr(a)


def build_solve(c, rng):
    n = int(c["n"])
    a = rng.random((n, n))
    b = np.sin(np.arange(1, n + 1))
    return lambda: np.linalg.solve(a, b)


def build_lstsq(c, rng):
    m, n = int(c["m"]), int(c["n"])
    a = rng.random((m, n))
    b = np.cos(np.arange(1, m + 1))
    return lambda: np.linalg.lstsq(a, b, rcond=None)


def _sym(c, rng):
    n = int(c["n"])
    a = rng.random((n, n))
    return (a + a.T) / 2


def build_eigh(c, rng):
    s = _sym(c, rng)
    return lambda: np.linalg.eigh(s)


def build_eigvalsh(c, rng):
    s = _sym(c, rng)
    return lambda: np.linalg.eigvalsh(s)


def build_svd(c, rng):
    a = rng.random((int(c["n"]), int(c["n"])))
    return lambda: np.linalg.svd(a, full_matrices=False)


def build_svdvals(c, rng):
    a = rng.random((int(c["n"]), int(c["n"])))
    return lambda: np.linalg.svd(a, compute_uv=False)


def build_svd_gesvd(c, rng):
    import scipy.linalg as sl
    a = rng.random((int(c["n"]), int(c["n"])))
    return lambda: sl.svd(a, full_matrices=False, lapack_driver="gesvd", check_finite=False)


def build_matvec(c, rng):
    n = int(c["n"])
    a = rng.random((n, n))
    x = np.sin(np.arange(1, n + 1))
    return lambda: a @ x


def build_inv(c, rng):
    a = rng.random((int(c["n"]), int(c["n"])))
    return lambda: np.linalg.inv(a)


def build_det(c, rng):
    a = rng.random((int(c["n"]), int(c["n"])))
    return lambda: np.linalg.det(a)


def build_eig(c, rng):
    n = int(c["n"])
    a = rng.random((n, n))  # nonsymmetric: dgeev with right eigenvectors
    return lambda: np.linalg.eig(a)


def build_eigvals(c, rng):
    n = int(c["n"])
    a = rng.random((n, n))
    return lambda: np.linalg.eigvals(a)


# issue 13: rq, hessenberg (scipy.linalg)
def build_rq(c, rng):
    import scipy.linalg
    a = rng.random((int(c["n"]), int(c["n"])))
    return lambda: scipy.linalg.rq(a)


def build_hessenberg(c, rng):
    import scipy.linalg
    a = rng.random((int(c["n"]), int(c["n"])))
    return lambda: scipy.linalg.hessenberg(a, calc_q=True)
# issue 13 — randomized SVD
def build_randomized_svd(c, rng):
    """Halko, Martinsson & Tropp 2011 Alg. 4.4 + 5.1 in numpy, as bindings/derived/rsvd.ts does it."""
    m, n, k, q = int(c["m"]), int(c["n"]), int(c["k"]), int(c["q"])
    a = rng.random((m, n))
    l = min(k + 10, m, n)

    def run():
        y, _ = np.linalg.qr(a @ rng.standard_normal((n, l)))
        for _ in range(q):
            z, _ = np.linalg.qr(a.T @ y)
            y, _ = np.linalg.qr(a @ z)
        w, s, xt = np.linalg.svd(a.T @ y, full_matrices=False)
        return y @ xt.T[:, :k], s[:k], w[:, :k].T

    return run
def build_eigh_general(c, rng):
    # generalised eigh (issue 13): A·x = λ·B·x, scipy's default driver (dsygvd)
    import scipy.linalg as sl
    n = int(c["n"])
    s = _sym(c, rng)
    h = rng.random((n, n))
    b = h.T @ h + n * np.eye(n)
    return lambda: sl.eigh(s, b, check_finite=False)


OPS = {
    "eigh": build_eigh,
    "eigvalsh": build_eigvalsh,
    "svd": build_svd,
    "svdvals": build_svdvals,
    "svd-gesvd": build_svd_gesvd,
    "gemm": build_gemm,
    "syrk": build_syrk,
    "lu": build_lu,
    "cholesky": build_cholesky,
    "qr": build_qr,
    "solve": build_solve,
    "lstsq": build_lstsq,
    "eig": build_eig,
    "eigvals": build_eigvals,
    "matvec": build_matvec,
    "inv": build_inv,
    "det": build_det,
    # issue 13: rq, hessenberg
    "rq": build_rq,
    "hessenberg": build_hessenberg,
    # issue 13 — randomized SVD
    "randomized_svd": build_randomized_svd,
    "eigh-general": build_eigh_general,  # generalised eigh (issue 13)
}

# Student t critical values (two-sided 95 %) by degrees of freedom, as Benchmark.js uses.
T_TABLE = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262,
           10: 2.228, 11: 2.201, 12: 2.179, 13: 2.16, 14: 2.145, 15: 2.131, 16: 2.12, 17: 2.11,
           18: 2.101, 19: 2.093, 20: 2.086, 21: 2.08, 22: 2.074, 23: 2.069, 24: 2.064, 25: 2.06,
           26: 2.056, 27: 2.052, 28: 2.048, 29: 2.045, 30: 2.042}


def measure(op, t):
    now = time.perf_counter
    calls, best, w0 = 0, math.inf, now()
    while True:
        s = now()
        op()
        dt = (now() - s) * 1e3
        calls += 1
        best = min(best, dt)
        if dt > t["slowOpMs"]:
            break
        if calls >= t["warmupCalls"] and (now() - w0) * 1e3 >= t["warmupMs"]:
            break
    batch = max(1, round(t["targetSampleMs"] / max(best, 1e-4)))
    slow = best > t["slowOpMs"]
    min_samples = t["minSamplesSlow"] if slow else t["minSamples"]
    max_time = 0.0 if slow else t["maxTime"]
    samples, elapsed = [], 0.0
    while True:
        s = now()
        for _ in range(batch):
            op()
        dt = now() - s
        samples.append(dt * 1e3 / batch)
        if len(samples) >= min_samples:
            elapsed += dt
            if elapsed > max_time:
                break
    srt = sorted(samples)
    m = len(srt) // 2
    med = srt[m] if len(srt) % 2 else (srt[m - 1] + srt[m]) / 2
    mean = sum(samples) / len(samples)
    sd = math.sqrt(sum((x - mean) ** 2 for x in samples) / (len(samples) - 1)) if len(samples) > 1 else 0.0
    crit = T_TABLE.get(len(samples) - 1, 1.96)
    rme = (crit * sd / math.sqrt(len(samples)) / mean * 100) if mean > 0 else 0.0
    return {"medianMs": med, "meanMs": mean, "minMs": srt[0], "maxMs": srt[-1], "rmePct": rme,
            "samples": len(samples), "batch": batch, "warmupCalls": calls,
            "sampleMs": [float(f"{x:.6g}") for x in samples]}


def openblas_info():
    """OpenBLAS config string and the kernel core it picked (e.g. Haswell, SkylakeX), via ctypes."""
    info = {}
    try:
        cfg = np.show_config(mode="dicts")
        blas = cfg.get("Build Dependencies", {}).get("blas", {})
        info["blas"] = f'{blas.get("name", "?")} {blas.get("version", "?")}'
    except Exception:
        pass
    try:
        import ctypes
        import glob
        libdir = os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs")
        for path in glob.glob(os.path.join(libdir, "*openblas*")):
            lib = ctypes.CDLL(path)
            for prefix in ("scipy_openblas_", "openblas_"):
                for suffix in ("64_", ""):
                    for what in ("corename", "config"):
                        fn = getattr(lib, f"{prefix}get_{what}{suffix}", None)
                        if fn is not None and what not in info:
                            fn.restype = ctypes.c_char_p
                            info[what] = fn().decode()
    except Exception as e:
        info["ctypesError"] = str(e)
    return info


def main():
    spec = json.load(sys.stdin)
    timing = spec["timing"]
    label = spec.get("label", "numpy")
    info = {
        "numpy": np.__version__,
        "python": platform.python_version(),
        "env": {k: v for k, v in os.environ.items() if k.startswith("OPENBLAS_") or k in ("OMP_NUM_THREADS", "MKL_NUM_THREADS")},
    }
    info.update(openblas_info())
    results = {}
    for c in spec["cases"]:
        key = c["key"]
        build = OPS.get(c["op"])
        if build is None:
            results[key] = {"skipped": f"numpy peer has no builder for op '{c['op']}'"}
            continue
        try:
            op = build(c, np.random.default_rng(12345))
            r = measure(op, timing)
        except Exception as e:
            results[key] = {"skipped": f"{type(e).__name__}: {e}"}
            print(f"  {label:<16} {key:<28} failed: {e}", file=sys.stderr, flush=True)
            continue
        results[key] = r
        flops = c.get("flops")
        gf = f"{flops / (r['medianMs'] * 1e6):8.2f} GFLOP/s" if flops else ""
        print(f"  {label:<16} {key:<28} {r['medianMs']:10.4f} ms {gf}  (±{r['rmePct']:.1f}%, {r['samples']}×{r['batch']})",
              file=sys.stderr, flush=True)
    emit({"ok": True, "info": info, "results": results})


if __name__ == "__main__":
    main()
