"""Seeded test data for the examples: the same doubles as examples/data.mjs, bit for bit.

xorshift32 (Marsaglia 2003) gives k/2^32 in (0, 1); randn sums 12 of them minus 6 (Irwin-Hall: mean 0,
variance 1, close to normal). Every value is a multiple of 2^-32 below 2^4, so the sums are exact in
float64 and numpy's (pairwise) order of summation cannot change a bit. Not counted in the line counts.
"""
import numpy as np


def _uniform(count, seed):
    s = (seed * 0x9E3779B9) & 0xFFFFFFFF or 1
    out = np.empty(count)
    for i in range(count):
        s ^= (s << 13) & 0xFFFFFFFF
        s ^= s >> 17
        s ^= (s << 5) & 0xFFFFFFFF
        out[i] = s / 4294967296
    return out


def rand(rows, cols, seed):
    """A rows x cols array of uniform numbers in (0, 1), filled row by row."""
    return _uniform(rows * cols, seed).reshape(rows, cols)


def randn(rows, cols, seed):
    """A rows x cols array of (approximately) standard normal numbers, filled row by row."""
    return _uniform(12 * rows * cols, seed).reshape(rows, cols, 12).sum(axis=2) - 6
