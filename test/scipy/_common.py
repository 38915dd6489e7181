"""Shared encoding of the scipy reference files (see README.md in this folder)."""
import json
import math
import os
import sys

import numpy as np
import scipy


def _num(x):
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x  # json writes repr(float): the shortest string that round-trips


def enc(a):
    """A numpy array (0-, 1- or 2-D) or scalar in the reference encoding."""
    a = np.asarray(a)
    if np.iscomplexobj(a):
        return {"complex": True, "re": enc(a.real), "im": enc(a.imag)}
    if a.ndim == 0:
        return _num(a)
    if a.ndim == 1:
        return [_num(v) for v in a]
    if a.ndim == 2:
        return {"rows": a.shape[0], "cols": a.shape[1], "data": [_num(v) for v in a.reshape(-1)]}
    raise ValueError(f"cannot encode a {a.ndim}-D array")


def write(topic, cases, here=None):
    """Write <topic>.json beside the calling generator."""
    here = here or os.path.dirname(os.path.abspath(sys.argv[0]))
    out = {
        "generator": f"gen_{topic}.py",
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "cases": cases,
    }
    path = os.path.join(here, f"{topic}.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=None, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    print(f"wrote {path}: {len(cases)} cases")
