# PCA of a 1000x50 data set: 5 latent factors mixed into 50 features, plus noise.
import numpy as np
from data import randn

X = randn(1000, 5, 1) @ randn(5, 50, 2) + 0.1 * randn(1000, 50, 3)
evals, evecs = np.linalg.eigh(np.cov(X, rowvar=False))
components = evecs[:, ::-1][:, :5]
ratio = evals[::-1][:5] / evals.sum()
scores = (X - X.mean(axis=0)) @ components
print(ratio)
