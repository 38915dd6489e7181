# Many right-hand sides: one 100x100 system, 500 right-hand sides, one factorisation.
import numpy as np
from data import randn

A = randn(100, 100, 7) + 30 * np.eye(100)
B = randn(100, 500, 8)
X = np.linalg.solve(A, B)
print(np.abs(A @ X - B).max())
