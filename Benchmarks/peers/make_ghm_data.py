# Writes the benchmark population: N float32 probabilities and uint8 labels as .npy, and a CSV of the first rows.
# Usage: python3 make_ghm_data.py FOLDER [N] [CSV_ROWS]
import sys

import numpy as np

folder = sys.argv[1]
n = int(float(sys.argv[2])) if len(sys.argv) > 2 else 100_000_000
csv_rows = int(float(sys.argv[3])) if len(sys.argv) > 3 else 2_000_000
rng = np.random.default_rng(7)
y = (rng.random(n, dtype=np.float32) < 0.1).astype(np.uint8)
# A converged detector: most predictions close to their label, a few far from it.
z = rng.standard_normal(n, dtype=np.float32) * 2 - 5
p = (1 / (1 + np.exp(-z))).astype(np.float32)
p = np.where(y == 1, 1 - p, p).astype(np.float32)
np.save(f"{folder}/p.npy", p)
np.save(f"{folder}/y.npy", y)
with open(f"{folder}/p.csv", "w") as f:
    f.write("prob,label\n")
    for start in range(0, csv_rows, 1_000_000):
        stop = min(csv_rows, start + 1_000_000)
        f.write("".join(f"{a!r},{b}\n" for a, b in zip(p[start:stop].tolist(), y[start:stop].tolist())))
