# The stationary distribution of a Markov chain: pi P = pi, sum(pi) = 1 (the eigenvector of P^T for 1).
import numpy as np
from data import rand

R = rand(6, 6, 9)
P = R / R.sum(axis=1, keepdims=True)
evals, evecs = np.linalg.eig(P.T)
pi = evecs[:, np.argmax(evals.real)].real
pi = pi / pi.sum()
print(pi)
