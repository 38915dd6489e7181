"""Runs the five numpy examples and writes their results to examples/expected/*.json (committed).

    python3 examples/numpy/run_all.py

test/examples/examples.test.ts runs the JavaScript examples and compares with these files, so
`npm test` needs no Python. Besides each example's results, every file holds what the test needs to
scale its tolerance (condition numbers, eigenvalue gaps), and data.json fingerprints the seeded data
(examples/data.mjs must reproduce it bit for bit). Python floats are written with repr, so every
double reads back exactly.
"""
import contextlib
import io
import json
import os
import runpy
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'expected')
sys.path.insert(0, HERE)
from data import rand, randn  # noqa: E402


def run(name):
    with contextlib.redirect_stdout(io.StringIO()):
        return runpy.run_path(os.path.join(HERE, name + '.py'), run_name='__main__')


def write(name, obj):
    def plain(v):
        if isinstance(v, np.ndarray):
            return v.tolist()
        if isinstance(v, (np.floating, np.integer)):
            return v.item()
        if isinstance(v, dict):
            return {k: plain(x) for k, x in v.items()}
        if isinstance(v, list):
            return [plain(x) for x in v]
        return v
    obj = plain(obj)
    # One line per key (readable diffs), each value compact.
    lines = ['  %s: %s' % (json.dumps(k), json.dumps(v)) for k, v in obj.items()]
    with open(os.path.join(OUT, name + '.json'), 'w') as f:
        f.write('{\n' + ',\n'.join(lines) + '\n}\n')


def fingerprint(kind, rows, cols, seed):
    a = (rand if kind == 'rand' else randn)(rows, cols, seed).ravel()
    # Every value is a multiple of 2^-32 below 8 in magnitude: this sum is exact in any order.
    return {'kind': kind, 'rows': rows, 'cols': cols, 'seed': seed, 'head': a[:4], 'last': a[-1], 'sum': a.sum()}


os.makedirs(OUT, exist_ok=True)
versions = {'numpy': np.__version__, 'python': sys.version.split()[0]}

write('data', {'versions': versions, 'arrays': [
    fingerprint('randn', 1000, 5, 1), fingerprint('randn', 5, 50, 2), fingerprint('randn', 1000, 50, 3),
    fingerprint('randn', 200, 10, 4), fingerprint('randn', 200, 1, 5), fingerprint('randn', 50, 1, 6),
    fingerprint('randn', 100, 100, 7), fingerprint('randn', 100, 500, 8), fingerprint('rand', 6, 6, 9),
]})

g = run('pca')
write('pca', {
    'components': g['components'], 'ratio': g['ratio'], 'scores_head': g['scores'][:20],
    'eigenvalues': g['evals'][::-1],  # all 50, descending: the gaps scale the tolerance
    'X_head_fro': np.linalg.norm((g['X'] - g['X'].mean(axis=0))[:20]),  # scales the scores' tolerance
})

g = run('ridge')
write('ridge', {'w': g['w'], 'cond': np.linalg.cond(g['X'].T @ g['X'] + 0.1 * np.eye(10))})

g = run('polyfit')
V = np.vander(g['x'], 4)
r = g['y'] - V @ g['coef']
write('polyfit', {
    'coef': g['coef'], 'cond': np.linalg.cond(V),
    # sin(theta) = |r| / |y|, the angle between y and the column space (least-squares sensitivity)
    'sin_theta': np.linalg.norm(r) / np.linalg.norm(g['y']),
})

g = run('many_rhs')
write('many_rhs', {
    'columns': list(range(0, 500, 50)), 'X_columns': g['X'][:, ::50].T,  # 10 of the 500 solutions
    'X_fro': np.linalg.norm(g['X']), 'cond': np.linalg.cond(g['A']),
})

g = run('markov')
write('markov', {'pi': g['pi'], 'eigenvalues_re': g['evals'].real, 'eigenvalues_im': g['evals'].imag})
print('wrote', ', '.join(sorted(os.listdir(OUT))), 'with numpy', np.__version__)
