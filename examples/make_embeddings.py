"""Writes examples/embeddings-8d.npy (3000 x 8 float32) and examples/labels.npy (int64) with a fixed seed.

Known structure: 8 classes of 375 rows. Classes 0-5 sit around the axes e0..e5 with Gaussian noise
(sigma 0.25 per coordinate); class 6 sits around (e0 + e6)/sqrt(2), so it overlaps class 0 and
gives hard negatives; class 7 sits around e7 with three times the noise, a loose class with hard
positives. Run from the repository root: python3 examples/make_embeddings.py
"""
import numpy as np

rng = np.random.default_rng(15)
per, dim = 375, 8
centres = np.eye(dim)
centres[6] = (np.eye(dim)[0] + np.eye(dim)[6]) / np.sqrt(2)
sigma = np.full(dim, 0.25)
sigma[7] = 0.75
rows, labels = [], []
for k in range(dim):
    rows.append(centres[k] + sigma[k] * rng.standard_normal((per, dim)))
    labels.append(np.full(per, k, dtype=np.int64))
order = rng.permutation(per * dim)
x = np.concatenate(rows)[order].astype(np.float32)
y = np.concatenate(labels)[order]
np.save("examples/embeddings-8d.npy", x)
np.save("examples/labels.npy", y)
