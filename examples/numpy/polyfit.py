# A least-squares fit of a cubic to 50 noisy samples of 1 - 2x + 3x^3.
import numpy as np
from data import randn

x = np.linspace(0, 1, 50)
y = 1 - 2 * x + 3 * x * x * x + 0.05 * randn(50, 1, 6)[:, 0]
coef = np.polyfit(x, y, 3)
print(coef)
