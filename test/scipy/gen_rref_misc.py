"""References for rref / specialSolutions (sympy, exact rational arithmetic), numpy.kron,
numpy.linalg.matrix_power, numpy.linalg.multi_dot and numpy.cross (test/api/rref, test/api/products)."""
import numpy as np
import sympy
from _common import enc, write

rng = np.random.default_rng(13)
cases = []


def randm(m, n):
    return rng.standard_normal((m, n))


def intm(m, n, r):
    """An m×n integer matrix of rank ≤ r (X·Y with entries in [-3, 3])."""
    return (rng.integers(-3, 4, (m, r)) @ rng.integers(-3, 4, (r, n))).astype(float)


# ---- rref: sympy's exact reduced row echelon form of integer matrices ----------------------------
rref_inputs = {
    # Strang, Introduction to Linear Algebra, 5th ed., §3.2 (the 3×4 example with two free columns)
    "strang 3.2": np.array([[1, 2, 2, 2], [2, 4, 6, 8], [3, 6, 8, 10]], float),
    # §3.3 worked example
    "strang 3.3": np.array([[1, 3, 0, 2, -1], [0, 0, 1, 4, -3], [1, 3, 1, 6, -4]], float),
    "strang 2x2 singular": np.array([[1, 2], [3, 6]], float),
    "identity 3": np.eye(3),
    "zero 2x3": np.zeros((2, 3)),
    "tall rank 2": intm(7, 4, 2),
    "wide rank 3": intm(4, 9, 3),
    "square rank 5": intm(8, 8, 5),
    "full rank 5x5": intm(5, 5, 5),
}
for name, A in rref_inputs.items():
    R, piv = sympy.Matrix(A.astype(int).tolist()).rref()
    Rf = np.array(R.tolist(), dtype=float).reshape(A.shape)
    cases.append({"name": f"rref {name}", "inputs": {"A": enc(A)},
                  "outputs": {"R": enc(Rf), "pivots": enc(np.array(piv, float))}})

# ---- kron -----------------------------------------------------------------------------------------
for (m, n, p, q) in [(2, 3, 4, 2), (1, 1, 3, 3), (3, 1, 1, 4), (5, 4, 3, 6), (0, 3, 2, 2), (2, 2, 0, 3)]:
    A, B = randm(m, n), randm(p, q)
    cases.append({"name": f"kron {m}x{n} {p}x{q}", "inputs": {"A": enc(A), "B": enc(B)},
                  "outputs": {"K": enc(np.kron(A, B))}})
x, y = rng.standard_normal(3), rng.standard_normal(4)
cases.append({"name": "kron vectors", "inputs": {"A": enc(x), "B": enc(y)}, "outputs": {"K": enc(np.kron(x, y))}})
A = randm(2, 3)
cases.append({"name": "kron vector matrix", "inputs": {"A": enc(x), "B": enc(A)}, "outputs": {"K": enc(np.kron(x, A))}})

# ---- matrix_power ---------------------------------------------------------------------------------
for n in [1, 4, 9]:
    A = randm(n, n) / np.sqrt(n)
    for k in [0, 1, 2, 3, 4, 5, 7, 10, 16, 31, -1, -2, -3, -6]:
        cases.append({"name": f"matrix_power n={n} k={k}", "inputs": {"A": enc(A), "k": k},
                      "outputs": {"P": enc(np.linalg.matrix_power(A, k))}})
F = np.array([[1.0, 1.0], [1.0, 0.0]])
cases.append({"name": "matrix_power fibonacci k=50", "inputs": {"A": enc(F), "k": 50},
              "outputs": {"P": enc(np.linalg.matrix_power(F, 50))}})

# ---- multi_dot ------------------------------------------------------------------------------------
chains = [
    ([(3, 4), (4, 5)], False, False),
    ([(30, 2), (2, 40), (40, 3)], False, False),
    ([(2, 40), (40, 3), (3, 30)], False, False),
    ([(10, 30), (30, 5), (5, 60), (60, 2)], False, False),
    ([(7, 3), (3, 9), (9, 2), (2, 8), (8, 4), (4, 6)], False, False),
    ([(1, 5), (5, 6), (6, 3)], True, False),
    ([(4, 5), (5, 6), (6, 1)], False, True),
    ([(1, 5), (5, 6), (6, 3), (3, 1)], True, True),
    ([(1, 4), (4, 1)], True, True),
    ([(3, 0), (0, 4), (4, 2)], False, False),
]
for dims, first_vec, last_vec in chains:
    arrs = [randm(m, n) for (m, n) in dims]
    if first_vec:
        arrs[0] = arrs[0][0]
    if last_vec:
        arrs[-1] = arrs[-1][:, 0]
    out = np.linalg.multi_dot(arrs)
    label = "·".join(f"{m}x{n}" for m, n in dims)
    cases.append({"name": f"multi_dot {label}{' vec-first' if first_vec else ''}{' vec-last' if last_vec else ''}",
                  "inputs": {"arrays": [enc(a) for a in arrs]}, "outputs": {"P": enc(out)}})

# ---- cross ----------------------------------------------------------------------------------------
pairs = [
    (np.array([1.0, 0, 0]), np.array([0, 1.0, 0])),
    (np.array([1.0, 2, 3]), np.array([4.0, 5, 6])),
    (rng.standard_normal(3), rng.standard_normal(3)),
    (rng.standard_normal(3) * 1e150, rng.standard_normal(3) * 1e-150),
    (np.array([0.1, 0.2, 0.3]), np.array([0.3, 0.2, 0.1])),
]
for i, (a, b) in enumerate(pairs):
    cases.append({"name": f"cross {i}", "inputs": {"x": enc(a), "y": enc(b)}, "outputs": {"c": enc(np.cross(a, b))}})

write("rref_misc", cases)
