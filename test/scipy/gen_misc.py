"""Reference outputs for issue 13's hessenberg, rq, polar, orthogonal_procrustes, subspace_angles,
pinvh (scipy.linalg) and lstsq's singular values (numpy.linalg.lstsq).

Inputs come from a seeded default_rng and are stored in the JSON. test/api/scipy/misc.test.ts compares
with scaled tolerances (each quantity named there)."""
import numpy as np
import scipy.linalg as sl
from _common import enc, write

rng = np.random.default_rng(20261207)
cases = []

# hessenberg: H and Q (the Householder reduction with LAPACK's sign convention is the same one we run)
for n in (3, 6, 9):
    A = rng.standard_normal((n, n))
    H, Q = sl.hessenberg(A, calc_q=True)
    cases.append({"name": f"hessenberg {n}x{n}", "inputs": {"A": enc(A)}, "outputs": {"H": enc(H), "Q": enc(Q)},
                  "meta": {"fn": "hessenberg"}})

# rq in every mode
for m, n in ((4, 6), (6, 4), (5, 5), (1, 3), (3, 1)):
    A = rng.standard_normal((m, n))
    R, Q = sl.rq(A)
    Re, Qe = sl.rq(A, mode="economic")
    Rr = sl.rq(A, mode="r")
    cases.append({"name": f"rq {m}x{n}", "inputs": {"A": enc(A)},
                  "outputs": {"R": enc(R), "Q": enc(Q), "Re": enc(Re), "Qe": enc(Qe), "Rr": enc(Rr)},
                  "meta": {"fn": "rq"}})

# polar, both sides
for m, n in ((5, 3), (3, 5), (4, 4)):
    A = rng.standard_normal((m, n))
    out = {}
    for side in ("right", "left"):
        U, P = sl.polar(A, side=side)
        out[f"U_{side}"] = enc(U)
        out[f"P_{side}"] = enc(P)
    cases.append({"name": f"polar {m}x{n}", "inputs": {"A": enc(A)}, "outputs": out, "meta": {"fn": "polar"}})

# orthogonal_procrustes: B a noisy rotation of A
for m, n in ((6, 3), (8, 8)):
    A = rng.standard_normal((m, n))
    R0, _ = np.linalg.qr(rng.standard_normal((n, n)))
    B = A @ R0 + 1e-3 * rng.standard_normal((m, n))
    R, scale = sl.orthogonal_procrustes(A, B)
    cases.append({"name": f"procrustes {m}x{n}", "inputs": {"A": enc(A), "B": enc(B)},
                  "outputs": {"R": enc(R), "scale": enc(scale)}, "meta": {"fn": "orthogonalProcrustes"}})

# subspace_angles (random subspaces: angles well away from 0, where scipy's cosine/sine choice and ours agree)
for m, p, q in ((8, 3, 4), (10, 5, 2), (6, 3, 3)):
    A = rng.standard_normal((m, p))
    B = rng.standard_normal((m, q))
    cases.append({"name": f"subspace_angles {m}x{p} {m}x{q}", "inputs": {"A": enc(A), "B": enc(B)},
                  "outputs": {"theta": enc(sl.subspace_angles(A, B))}, "meta": {"fn": "subspaceAngles"}})

# pinvh: indefinite singular (rank 3 of 5) and definite
for n, rank in ((5, 3), (4, 4)):
    V, _ = np.linalg.qr(rng.standard_normal((n, n)))
    lam = np.array([(1 + rng.random()) * (-1) ** i for i in range(rank)] + [0.0] * (n - rank))
    A = (V * lam) @ V.T
    A = (A + A.T) / 2
    cases.append({"name": f"pinvh {n}x{n} rank {rank}", "inputs": {"A": enc(A)},
                  "outputs": {"X": enc(sl.pinvh(A))}, "meta": {"fn": "pinvh"}})

# numpy.linalg.lstsq: x, residuals, rank, s
for m, n, rank in ((7, 3, 3), (3, 7, 3), (8, 5, 3)):
    A = rng.standard_normal((m, rank)) @ rng.standard_normal((rank, n))
    b = rng.standard_normal(m)
    x, res, rk, s = np.linalg.lstsq(A, b)
    cases.append({"name": f"lstsq {m}x{n} rank {rank}", "inputs": {"A": enc(A), "b": enc(b)},
                  "outputs": {"x": enc(x), "residuals": enc(res), "rank": int(rk), "s": enc(s)},
                  "meta": {"fn": "lstsq"}})

write("misc", cases)
