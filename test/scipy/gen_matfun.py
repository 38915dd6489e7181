"""Reference values for expm, sqrtm, logm (issue 13): scipy.linalg.expm / sqrtm / logm on real
matrices whose principal results are real. Inputs from a seeded generator or written out; a complex
result of sqrtm/logm (scipy works in complex arithmetic) is checked to have a negligible imaginary
part and stored as its real part."""
import numpy as np
import scipy.linalg as sl
from _common import enc, write

rng = np.random.default_rng(20261207)


def real_of(X, A, what):
    X = np.asarray(X)
    if np.iscomplexobj(X):
        im = np.max(np.abs(X.imag), initial=0.0)
        assert im <= 1e-10 * max(1.0, np.linalg.norm(X.real)), f"{what}: imaginary part {im}"
        X = X.real
    return X


def kron_exp(X):
    """The n²×n² matrix of the Fréchet derivative of exp at X (vec, column-major)."""
    n = X.shape[0]
    K = np.zeros((n * n, n * n))
    for j in range(n):
        for i in range(n):
            E = np.zeros((n, n))
            E[i, j] = 1.0
            K[:, i + n * j] = sl.expm_frechet(X, E, compute_expm=False).reshape(-1, order="F")
    return K


def cond_of(fn, A, X):
    """Relative condition number of the matrix function in the Frobenius norm: ‖L_f(A)‖·‖A‖/‖X‖,
    L_f its Fréchet derivative (Higham, Functions of Matrices, (3.2) and Thm 3.20)."""
    nA, nX = np.linalg.norm(A), np.linalg.norm(X)
    if nX == 0:
        return 1.0
    n = A.shape[0]
    if fn == "expm":
        return float(sl.expm_cond(A))
    if fn == "sqrtm":
        K = np.kron(np.eye(n), X) + np.kron(X.T, np.eye(n))  # L_sqrt = K⁻¹
        smin = np.linalg.svd(K, compute_uv=False)[-1]
        return float(np.inf if smin == 0 else nA / (nX * smin))
    K = kron_exp(X)  # L_log(A) = L_exp(log A)⁻¹
    smin = np.linalg.svd(K, compute_uv=False)[-1]
    return float(nA / (nX * smin))


def rand(n, scale=1.0):
    return rng.standard_normal((n, n)) * scale


def spd(n, cond=10.0):
    Q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    d = np.geomspace(1.0, 1.0 / cond, n)
    return (Q * d) @ Q.T


def complex_pairs(n):
    """A real matrix with complex-conjugate eigenvalue pairs in the right half-plane."""
    Q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    B = np.zeros((n, n))
    i = 0
    while i + 1 < n:
        a, b = rng.uniform(0.5, 2.0), rng.uniform(0.2, 1.5)
        B[i:i + 2, i:i + 2] = [[a, -b], [b, a]]
        i += 2
    if i < n:
        B[i, i] = 1.3
    B += np.triu(rng.standard_normal((n, n)) * 0.3, 2)
    return Q @ B @ Q.T


cases = []

# expm: norms from tiny to large (every Padé degree and many squarings), special structures, the
# classic hard cases.
expm_inputs = {
    "1x1": np.array([[0.75]]),
    "diagonal": np.diag([1.0, -2.0, 0.5, 3.0]),
    "upper2x2": np.array([[1.0, 3.0], [0.0, 1.0 + 1e-9]]),
    "moler-vanloan": np.array([[-49.0, 24.0], [-64.0, 31.0]]),
    "almohy-higham-b1e4": np.array([[1.0, 1e4], [0.0, -1.0]]),
    "almohy-higham-b1e8": np.array([[1.0, 1e8], [0.0, -1.0]]),
    "rotation-large": np.array([[0.0, -30.0], [30.0, 0.0]]),
    "triangular-6": np.triu(rng.standard_normal((6, 6))) * 2,
    "stiff-3": np.array([[-1.0, 1e3, 0.0], [0.0, -2.0, 1e3], [0.0, 0.0, -3.0]]),
}
for norm in [1e-3, 0.1, 0.5, 1.5, 3.0, 10.0, 100.0]:
    A = rand(7)
    expm_inputs[f"random7-norm{norm:g}"] = A * (norm / np.linalg.norm(A, 1))
expm_inputs["random20"] = rand(20, 0.5)
expm_inputs["random40"] = rand(40, 0.2)
expm_inputs["scaled-1e-300"] = rand(5) * 1e-300
for name, A in expm_inputs.items():
    X = sl.expm(A)
    cases.append({"name": f"expm {name}", "inputs": {"A": enc(A)}, "outputs": {"X": enc(X)}, "meta": {"fn": "expm", "kappa": cond_of("expm", A, X)}})

# sqrtm and logm: eigenvalues off the closed negative real axis.
root_inputs = {
    "1x1": np.array([[2.25]]),
    "spd5": spd(5),
    "spd12-ill": spd(12, 1e8),
    "pairs6": complex_pairs(6),
    "pairs9": complex_pairs(9),
    "jordan2": np.array([[1.0, 1.0], [0.0, 1.0]]),
    "repeated4": np.array([[2.0, 1.0, 0.0, 0.0], [0.0, 2.0, 1.0, 0.0], [0.0, 0.0, 2.0, 1.0], [0.0, 0.0, 0.0, 2.0]]),
    "rotation": np.array([[0.0, -1.0], [1.0, 0.0]]),
    "near-singular": spd(6, 1e12),
    "dominant20": rand(20) + 20 * np.eye(20),
    "upper5": np.triu(rng.uniform(0.5, 2.0, (5, 5))),
}
for name, A in root_inputs.items():
    X = real_of(sl.sqrtm(A), A, name)
    cases.append({"name": f"sqrtm {name}", "inputs": {"A": enc(A)}, "outputs": {"X": enc(X)}, "meta": {"fn": "sqrtm", "kappa": cond_of("sqrtm", A, X)}})
    L = real_of(sl.logm(A), A, name)
    cases.append({"name": f"logm {name}", "inputs": {"A": enc(A)}, "outputs": {"X": enc(L)}, "meta": {"fn": "logm", "kappa": cond_of("logm", A, L)}})
# sqrtm of singular matrices that have a square root.
for name, A in {"zero3": np.zeros((3, 3)), "diag01": np.diag([0.0, 1.0]), "idempotent": np.array([[1.0, 1.0], [0.0, 0.0]])}.items():
    cases.append({"name": f"sqrtm {name}", "inputs": {"A": enc(A)}, "outputs": {"X": enc(real_of(sl.sqrtm(A), A, name))}, "meta": {"fn": "sqrtm", "kappa": 1.0}})

write("matfun", cases)
