"""A tiny reference file exercising the encoding (test/util/scipy.test.ts decodes it)."""
import numpy as np
from _common import enc, write

cases = [
    {"name": "encoding", "inputs": {"A": enc(np.array([[1.0, -0.0], [np.nan, np.inf]])),
                                     "v": enc(np.array([0.1, -np.inf]))},
     "outputs": {"empty": enc(np.zeros((0, 3))), "third": enc(1.0 / 3.0)}},
]
write("selftest", cases)
