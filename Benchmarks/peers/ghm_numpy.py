# The numpy peer of `lossscope ghm` on .npy files: memory-map both, g = |p - y|, np.bincount of the bin index.
# Usage: python3 ghm_numpy.py P.npy Y.npy [BINS] [exact|mmdet]; prints the counts, one per line.
# exact: float64 edges i/M; mmdet: mmdetection's float32 edges (arange(M+1).float() / M, last + 1e-6).
import sys

import numpy as np

p = np.load(sys.argv[1], mmap_mode="r")
y = np.load(sys.argv[2], mmap_mode="r")
m = int(sys.argv[3]) if len(sys.argv) > 3 else 30
mode = sys.argv[4] if len(sys.argv) > 4 else "exact"
dtype = np.float32 if mode == "mmdet" else np.float64
edges = np.arange(m + 1, dtype=dtype) / dtype(m)
edges[-1] += dtype(1e-6)
counts = np.zeros(m, dtype=np.int64)
chunk = 1 << 22  # chunks keep numpy's temporaries in cache and its memory constant
for start in range(0, len(p), chunk):
    g = np.abs(p[start:start + chunk].astype(dtype) - y[start:start + chunk].astype(dtype))
    i = np.minimum((g * dtype(m)).astype(np.int64), m - 1)
    # The product can round across an edge: move each index to the bin whose edges hold g.
    i -= g < edges[i]
    i += (g >= edges[i + 1]) & (i + 1 < m)
    counts += np.bincount(i, minlength=m)
print("\n".join(map(str, counts)))
