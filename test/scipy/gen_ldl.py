"""scipy.linalg.ldl and scipy.linalg.solve(..., assume_a=...) reference values (test/api/ldl/).

ldl: the docstring example (upper and lower), random symmetric indefinite, a zero diagonal (2×2
pivots), [[0, 1], [1, 0]], integer matrices with ties in the pivot search, an exactly singular
matrix, the 0×0 matrix. solve: one system per
assume_a mode, with a vector and a matrix right-hand side (inputs symmetric where scipy reads the
upper triangle and we read the lower, so the two agree).
"""
import numpy as np
import scipy.linalg as sl
from _common import enc, write

rng = np.random.default_rng(20261207)


def sym(n):
    g = rng.standard_normal((n, n))
    return g + g.T


cases = []


def ldl_case(name, a, lower):
    lu, d, perm = sl.ldl(a, lower=lower)
    cases.append({"name": name, "inputs": {"A": enc(a), "lower": bool(lower)},
                  "outputs": {"L": enc(lu), "D": enc(d), "perm": [int(p) for p in perm]}})


example = np.array([[2.0, -1.0, 3.0], [-1.0, 2.0, 0.0], [3.0, 0.0, 1.0]])
ldl_case("docstring example, upper", example, False)
ldl_case("docstring example, lower", example, True)
r6 = sym(6)
ldl_case("random symmetric 6x6, lower", r6, True)
ldl_case("random symmetric 6x6, upper", r6, False)
zd = sym(7)
np.fill_diagonal(zd, 0.0)
ldl_case("zero diagonal 7x7, lower", zd, True)
ldl_case("zero diagonal 7x7, upper", zd, False)
ldl_case("swap 2x2", np.array([[0.0, 1.0], [1.0, 0.0]]), True)
ldl_case("singular 3x3", np.array([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [3.0, 6.0, 9.0]]), True)
ldl_case("empty", np.zeros((0, 0)), True)
# Ties in the pivot search (integer entries): LAPACK's upper and lower factorisations break them differently.
for i, t in enumerate(([[1.0, 2, 2], [2, 1, 2], [2, 2, 1]], [[0.0, 1, 1], [1, 0, 1], [1, 1, 0]],
                       [[0.0, 1, 1, 1], [1, 0, 2, 1], [1, 2, 0, 3], [1, 1, 3, 0]])):
    ldl_case(f"ties {i}, upper", np.array(t), False)
    ldl_case(f"ties {i}, lower", np.array(t), True)
r40 = sym(40)
ldl_case("random symmetric 40x40, lower", r40, True)

modes = {"symmetric": "sym", "positive-definite": "pos", "diagonal": "diagonal",
         "upper-triangular": "upper triangular", "lower-triangular": "lower triangular"}
n = 6
g = rng.standard_normal((n, n))
inputs = {
    "symmetric": sym(n),
    "positive-definite": g @ g.T + n * np.eye(n),
    "diagonal": np.diag(rng.uniform(1, 3, n) * np.where(rng.random(n) < 0.5, -1, 1)),
    "upper-triangular": np.triu(g) + n * np.eye(n),
    "lower-triangular": np.tril(g) + n * np.eye(n),
}
for mode, a in inputs.items():
    b = rng.standard_normal(n)
    B = rng.standard_normal((n, 3))
    cases.append({"name": f"solve {mode}", "inputs": {"A": enc(a), "b": enc(b), "B": enc(B), "assumeA": mode},
                  "outputs": {"x": enc(sl.solve(a, b, assume_a=modes[mode])),
                              "X": enc(sl.solve(a, B, assume_a=modes[mode])),
                              "xT": enc(sl.solve(a, b, assume_a=modes[mode], transposed=True))}})

write("ldl", cases)
