# Ridge regression by Cholesky: w = (X^T X + lam I)^-1 X^T y, two triangular solves.
import numpy as np
from data import randn

X = randn(200, 10, 4)
y = X @ np.linspace(-1, 1, 10)[:, None] + 0.1 * randn(200, 1, 5)
L = np.linalg.cholesky(X.T @ X + 0.1 * np.eye(10))
w = np.linalg.solve(L.T, np.linalg.solve(L, X.T @ y))
print(w.ravel())
