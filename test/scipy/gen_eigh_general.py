"""scipy.linalg.eigh(a, b, type=…) and eigvalsh(a, b, type=…): the generalised symmetric-definite
eigenproblem (test/api/eigh/general-scipy.test.ts).

Inputs from a seeded numpy.random.default_rng: A symmetric (random, or with a clustered spectrum), B
symmetric positive definite (Q·diag(d)·Qᵀ with d geometric from 1 to 1/cond, cond 10 or 1e6; or
diagonal). Every (A, B) pair is solved for types 1, 2 and 3. Outputs: the eigenvalues of eigh and of
eigvalsh and eigh's eigenvectors for each type t (values<t>, vectors<t>, eigvalsh<t>; scipy's signs,
which the test aligns); meta: κ₂(B), ‖A‖₂, ‖B‖₂ and, per type, the relative gap of the spectrum
(relgap<t> = min |λᵢ₊₁ − λᵢ| / max |λ|), which the test's tolerances scale with.
"""
import numpy as np
import scipy.linalg as sl
from _common import enc, write

rng = np.random.default_rng(20261207)


def orthogonal(n):
    q, r = np.linalg.qr(rng.standard_normal((n, n)))
    return q * np.sign(np.diag(r))


def sym_random(n):
    g = rng.standard_normal((n, n))
    return (g + g.T) / 2


def sym_clustered(n):
    lam = np.ones(n)
    lam[: n // 2] = 1e-3 * (1 + 1e-10 * np.arange(n // 2))
    q = orthogonal(n)
    a = (q * lam) @ q.T
    return (a + a.T) / 2


def spd(n, cond):
    d = cond ** -(np.arange(n) / max(1, n - 1))
    q = orthogonal(n)
    b = (q * d) @ q.T
    return (b + b.T) / 2


def spd_diagonal(n):
    return np.diag(10.0 ** rng.uniform(-2, 2, n))


cases = []
for n in (1, 2, 3, 5, 8, 17, 40):
    for aname, a in (("random", sym_random(n)), ("clustered", sym_clustered(n))):
        for bname, b in (("cond 10", spd(n, 10.0)), ("cond 1e6", spd(n, 1e6)), ("diagonal", spd_diagonal(n))):
            if n == 40 and (aname, bname) != ("random", "cond 10"):
                continue  # keeps the file small: one pair past the default block size
            outputs = {}
            meta = {"condB": float(np.linalg.cond(b)), "normA2": float(np.linalg.norm(a, 2)), "normB2": float(np.linalg.norm(b, 2))}
            for t in (1, 2, 3):
                w, v = sl.eigh(a, b, type=t)
                outputs[f"values{t}"] = enc(w)
                outputs[f"vectors{t}"] = enc(v)
                outputs[f"eigvalsh{t}"] = enc(sl.eigvalsh(a, b, type=t))
                scale = max(np.max(np.abs(w)), np.finfo(float).tiny)
                meta[f"relgap{t}"] = float(np.min(np.diff(w)) / scale) if n > 1 else 1.0
            cases.append({"name": f"A {aname}, B {bname}, n={n}", "inputs": {"A": enc(a), "B": enc(b)}, "outputs": outputs, "meta": meta})
write("eigh_general", cases)
