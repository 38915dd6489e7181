"""scipy.linalg.eigh with subset_by_index / subset_by_value (eigh's subsetByIndex / subsetByValue).

Inputs: seeded symmetric matrices (random, a covariance X·Xᵀ/m, clustered spectrum, graded), a
diagonal with repeated entries (value endpoints exactly at eigenvalues), and the empty selections.
Outputs: the selected eigenvalues and eigenvectors (scipy's driver 'evr' by default; the test compares
eigenvectors up to sign) and, for eigvalsh, the values only.
"""
import numpy as np
import scipy.linalg as sl
from _common import enc, write

rng = np.random.default_rng(20261207)


def sym(n):
    X = rng.standard_normal((n, n))
    return (X + X.T) / 2


def covariance(n, m):
    X = rng.standard_normal((n, m))
    return X @ X.T / m


def clustered(n):
    Q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    lam = np.concatenate([np.full(n // 2, 1.0), 1.0 + 1e-10 * np.arange(n - n // 2)])
    A = (Q * lam) @ Q.T
    return (A + A.T) / 2


def graded(n):
    g = 10.0 ** (-6.0 * np.arange(n) / n)
    S = sym(n)
    return g[:, None] * S * g[None, :]


cases = []


def add(name, A, **sel):
    w, Z = sl.eigh(A, **sel)
    wv = sl.eigh(A, eigvals_only=True, **sel)
    key, (lo, hi) = next(iter(sel.items()))
    cases.append({
        "name": name,
        "inputs": {"A": enc(A), key: enc(np.array([lo, hi], dtype=float)) if key == "subset_by_value" else [int(lo), int(hi)]},
        "outputs": {"w": enc(w), "Z": enc(Z), "wv": enc(wv)},
    })


A = sym(12)
add("random 12, index [0, 2]", A, subset_by_index=[0, 2])
add("random 12, index [9, 11]", A, subset_by_index=[9, 11])
add("random 12, index [5, 5]", A, subset_by_index=[5, 5])
add("random 12, value (-0.5, 0.5]", A, subset_by_value=[-0.5, 0.5])
add("random 12, value (-inf, 0]", A, subset_by_value=[-np.inf, 0.0])
C = covariance(40, 60)
add("covariance 40, top 5", C, subset_by_index=[35, 39])
add("covariance 40, value (1, inf]", C, subset_by_value=[1.0, np.inf])
add("clustered 20, index [8, 13]", clustered(20), subset_by_index=[8, 13])
add("graded 16, index [0, 3]", graded(16), subset_by_index=[0, 3])
D = np.diag([3.0, 1.0, 2.0, 2.0, 4.0, -1.0, 2.0])
add("diagonal, value (1, 2] (endpoints at eigenvalues)", D, subset_by_value=[1.0, 2.0])
add("diagonal, value (2, 4]", D, subset_by_value=[2.0, 4.0])
add("diagonal, value (5, 9] (empty)", D, subset_by_value=[5.0, 9.0])
add("1x1, index [0, 0]", np.array([[-2.5]]), subset_by_index=[0, 0])
add("2x2, value (0, 10]", np.array([[2.0, 1.0], [1.0, 2.0]]), subset_by_value=[0.0, 10.0])

write("eigh_subset", cases)
