# The CSV peer of `lossscope ghm --predictions p.csv`: pandas' C reader in chunks, g = |p - y|, np.bincount.
# Usage: python3 ghm_csv_pandas.py P.csv [BINS]; prints the counts, one per line (float64 edges i/M).
import sys

import numpy as np
import pandas as pd

m = int(sys.argv[2]) if len(sys.argv) > 2 else 30
edges = np.arange(m + 1, dtype=np.float64) / m
edges[-1] += 1e-6
counts = np.zeros(m, dtype=np.int64)
for frame in pd.read_csv(sys.argv[1], usecols=["prob", "label"], dtype="float64", chunksize=1 << 20):
    g = np.abs(frame["prob"].to_numpy() - frame["label"].to_numpy())
    i = np.minimum((g * m).astype(np.int64), m - 1)
    i -= g < edges[i]
    i += (g >= edges[i + 1]) & (i + 1 < m)
    counts += np.bincount(i, minlength=m)
print("\n".join(map(str, counts)))
