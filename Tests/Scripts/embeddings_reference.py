"""The independent side of the `lossscope embeddings` tests: the issue's definitions in numpy.

    python3 embeddings_reference.py E.npy L.npy --table summary|hist|anchors|pairs [options]
    python3 embeddings_reference.py --make CASE FOLDER     # write a test data set

Prints the table's header and rows (no metadata), numbers as Python's repr (shortest round-trip).
Similarities are one BLAS matrix product per block of rows; every statistic is the definition
written with masks. Triplets are counted by broadcasting all (p, n) pairs (--triplets direct,
for tests) or by sorting the negatives (--triplets sorted, for the benchmark at N = 10,000).
"""
import argparse
import sys

import numpy as np

np.seterr(all="ignore")  # masked-out -inf terms and empty rows are expected


def lse(x, axis):
    m = np.max(x, axis=axis, keepdims=True)
    m = np.where(np.isfinite(m), m, 0)
    return np.squeeze(m, axis) + np.log(np.sum(np.exp(x - m), axis=axis))


def splitmix_choose(k, n, seed):
    mask = (1 << 64) - 1
    state = seed
    order = list(range(n))
    for t in range(min(k, n)):
        state = (state + 0x9E3779B97F4A7C15) & mask
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
        z = z ^ (z >> 31)
        j = t + z % (n - t)
        order[t], order[j] = order[j], order[t]
    return sorted(order[:k])


def analyse(x, y, a, rows, exact, block=1024):
    n = len(y)
    edges = (2 * np.arange(a.bins + 1) - a.bins) / a.bins
    pos_hist = np.zeros(a.bins, dtype=np.int64)
    neg_hist = np.zeros(a.bins, dtype=np.int64)
    pos_pairs = neg_pairs = 0
    align_sum = uniform_sum = 0.0
    anchors = []
    m, g = a.circle_margin, a.circle_scale
    for start in range(0, len(rows), block):
        idx = np.array(rows[start:start + block])
        s = x[idx] @ x.T
        d = np.sqrt(np.maximum(0, 2 - 2 * s))
        same = y[idx][:, None] == y[None, :]
        other = np.arange(n)[None, :] != idx[:, None]
        pos, neg = same & other, ~same
        # Pairs: j > i (exact) or every j != i (sampled).
        take = (np.arange(n)[None, :] > idx[:, None]) if exact else other
        sp, sn = s[take & pos], s[take & neg]
        pos_pairs += sp.size
        neg_pairs += sn.size
        align_sum += np.sum(d[take & pos] ** a.align_alpha)
        uniform_sum += np.sum(np.exp(-a.uniform_t * d[take] ** 2))
        for values, hist in ((sp, pos_hist), (sn, neg_hist)):
            k = np.searchsorted(edges, np.clip(values, -1, 1), side="right") - 1
            hist += np.bincount(np.minimum(k, a.bins - 1), minlength=a.bins)
        # Anchors.
        npos, nneg = pos.sum(1), neg.sum(1)
        ok = (npos > 0) & (nneg > 0)
        inf = np.inf
        sp_min = np.where(pos, s, inf).min(1)
        sn_max = np.where(neg, s, -inf).max(1)
        sp_mean = np.where(pos, s, 0).sum(1) / np.maximum(npos, 1)
        sn_mean = np.where(neg, s, 0).sum(1) / np.maximum(nneg, 1)
        tn = np.where(neg, g * np.maximum(0, s + m) * (s - m), -inf)
        tp = np.where(pos, -g * np.maximum(0, 1 + m - s) * (s - 1 + m), -inf)
        circle = np.logaddexp(0, lse(tn, 1) + lse(tp, 1))
        ms = (np.log1p(np.where(pos, np.exp(-a.ms_alpha * (s - a.ms_lambda)), 0).sum(1)) / a.ms_alpha
              + np.log1p(np.where(neg, np.exp(a.ms_beta * (s - a.ms_lambda)), 0).sum(1)) / a.ms_beta)
        supcon = lse(np.where(other, s / a.temperature, -inf), 1) - np.where(pos, s / a.temperature, 0).sum(1) / np.maximum(npos, 1)
        neg_kept = (neg & (s > sp_min[:, None] - a.ms_epsilon)).sum(1)
        pos_kept = (pos & (s < sn_max[:, None] + a.ms_epsilon)).sum(1)
        for r in np.nonzero(ok)[0]:
            dp, dn = d[r, pos[r]], d[r, neg[r]]
            if a.triplets == "direct":
                active = int(np.sum(dp[:, None] - dn[None, :] + a.triplet_margin > 0))
            else:
                active = int(np.searchsorted(np.sort(dn), dp + a.triplet_margin, side="left").sum())
            anchors.append(dict(index=int(idx[r]), label=int(y[idx[r]]), positives=int(npos[r]), negatives=int(nneg[r]),
                                sp_min=sp_min[r], sp_mean=sp_mean[r], sn_max=sn_max[r], sn_mean=sn_mean[r],
                                circle_loss=circle[r], ms_loss=ms[r], supcon_loss=supcon[r],
                                active=active, neg_kept=int(neg_kept[r]), pos_kept=int(pos_kept[r])))
    return dict(pos_hist=pos_hist, neg_hist=neg_hist, pos_pairs=pos_pairs, neg_pairs=neg_pairs,
                align_sum=align_sum, uniform_sum=uniform_sum, anchors=anchors, edges=edges)


def mean(values):
    return float(np.mean(values)) if len(values) else float("nan")


def summary(x, y, r):
    A = r["anchors"]
    npos, nneg = r["pos_pairs"], r["neg_pairs"]
    share = lambda num, den: sum(num) / sum(den) if A else float("nan")
    return [len(y), x.shape[1], len(np.unique(y)), len(A), npos, nneg,
            r["align_sum"] / npos if npos else float("nan"),
            float(np.log(r["uniform_sum"] / (npos + nneg))),
            mean([a["sp_mean"] for a in A]), mean([a["sn_mean"] for a in A]),
            mean([a["circle_loss"] for a in A]), mean([a["ms_loss"] for a in A]), mean([a["supcon_loss"] for a in A]),
            share([a["active"] for a in A], [a["positives"] * a["negatives"] for a in A]),
            share([a["neg_kept"] for a in A], [a["negatives"] for a in A]),
            share([a["pos_kept"] for a in A], [a["positives"] for a in A])]


def pairs(x, y, i, a):
    s = x[i] @ x.T
    d = np.sqrt(np.maximum(0, 2 - 2 * s))
    other = np.arange(len(y)) != i
    pos, neg = (y == y[i]) & other, y != y[i]
    m = a.circle_margin
    ep = np.where(pos, np.exp(-a.ms_alpha * (s - a.ms_lambda)), 0)
    en = np.where(neg, np.exp(a.ms_beta * (s - a.ms_lambda)), 0)
    soft = np.where(other, np.exp(s / a.temperature), 0)
    soft = soft / soft.sum()
    sp_min, sn_max = s[pos].min(), s[neg].max()
    out = []
    for j in np.nonzero(other)[0]:
        if pos[j]:
            row = ["positive", max(0.0, 1 + m - s[j]), ep[j] / (1 + ep.sum()), soft[j],
                   int(np.sum(d[j] - d[neg] + a.triplet_margin > 0)), int(s[j] < sn_max + a.ms_epsilon)]
        else:
            row = ["negative", max(0.0, s[j] + m), en[j] / (1 + en.sum()), soft[j],
                   int(np.sum(d[pos] - d[j] + a.triplet_margin > 0)), int(s[j] > sp_min - a.ms_epsilon)]
        out.append([int(j), int(y[j]), row[0], s[j], d[j]] + row[1:])
    return out


def make(case, folder):
    rng = np.random.default_rng(2026)
    if case == "random":  # float32, int32 labels, one class of a single sample
        y = rng.integers(0, 6, 300).astype(np.int32)
        y[17] = 99
        x = (rng.standard_normal((300, 16)) + 1.5 * np.eye(16)[y % 16]).astype(np.float32)
    elif case == "ties":  # entries +-0.5 in 4-D: every similarity is exact and many are equal
        x = rng.choice([-0.5, 0.5], size=(60, 4))
        x[5] = x[4]
        y = rng.integers(0, 3, 60).astype(np.uint8)
        y[[0, 1]] = [7, 8]
    elif case == "two":  # N = 2, bool labels
        x, y = rng.standard_normal((2, 3)), np.array([True, False])
    elif case == "same":
        x, y = rng.standard_normal((5, 3)), np.full(5, 4, dtype=np.int64)
    elif case == "large":  # for --anchors
        y = rng.integers(0, 5, 400).astype(np.int64)
        x = rng.standard_normal((400, 8)) + np.eye(8)[y]
    elif case == "bench":
        y = rng.integers(0, 100, 10000).astype(np.int64)
        x = (rng.standard_normal((10000, 128)) + 0.5 * rng.standard_normal((100, 128))[y]).astype(np.float32)
    np.save(f"{folder}/{case}-x.npy", x)
    np.save(f"{folder}/{case}-y.npy", y)
    with open(f"{folder}/{case}.csv", "w") as f:
        f.write(",".join([f"e{k}" for k in range(x.shape[1])] + ["label"]) + "\n")
        for row, label in zip(x.astype(np.float64), y.astype(np.int64)):
            f.write(",".join(repr(float(v)) for v in row) + f",{label}\n")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("files", nargs="*")
    p.add_argument("--make", nargs=2)
    p.add_argument("--table", default="summary")
    p.add_argument("--anchor", type=int)
    p.add_argument("--anchors", type=int)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--triplets", default="direct")
    for name, default in [("align-alpha", 2), ("uniform-t", 2), ("circle-margin", 0.25), ("circle-scale", 256), ("ms-alpha", 2),
                          ("ms-beta", 50), ("ms-lambda", 1), ("ms-epsilon", 0.1), ("temperature", 0.07), ("triplet-margin", 0.2)]:
        p.add_argument("--" + name, type=float, default=default)
    p.add_argument("--bins", type=int, default=40)
    a = p.parse_args()
    if a.make:
        make(*a.make)
        return
    x = np.load(a.files[0]).astype(np.float64)
    y = np.load(a.files[1]).astype(np.int64)
    x = x / np.linalg.norm(x, axis=1, keepdims=True)
    out = sys.stdout
    if a.table == "pairs":
        print("index,label,kind,s,d,circle_weight,ms_weight,supcon_weight,triplets_active,ms_kept")
        for row in pairs(x, y, a.anchor, a):
            out.write(",".join(repr(float(v)) if isinstance(v, (float, np.floating)) else str(v) for v in row) + "\n")
        return
    exact = a.anchors is None
    rows = list(range(len(y))) if exact else splitmix_choose(a.anchors, len(y), a.seed)
    r = analyse(x, y, a, rows, exact)
    if a.table == "summary":
        print("n,dim,classes,anchors,positive_pairs,negative_pairs,alignment,uniformity,sp_mean,sn_mean,circle_loss,"
              "ms_loss,supcon_loss,triplet_active,ms_negatives_kept,ms_positives_kept")
        print(",".join(repr(float(v)) if isinstance(v, (float, np.floating)) else str(int(v)) for v in summary(x, y, r)))
    elif a.table == "hist":
        print("bin,lo,hi,positive,negative")
        e = r["edges"]
        for k in range(a.bins):
            print(f"{k},{float(e[k])!r},{float(e[k + 1])!r},{r['pos_hist'][k]},{r['neg_hist'][k]}")
    else:
        print("index,label,positives,negatives,sp_min,sp_mean,sn_max,sn_mean,circle_loss,ms_loss,supcon_loss")
        keys = ["sp_min", "sp_mean", "sn_max", "sn_mean", "circle_loss", "ms_loss", "supcon_loss"]
        for an in r["anchors"]:
            print(f"{an['index']},{an['label']},{an['positives']},{an['negatives']}," + ",".join(repr(float(an[k])) for k in keys))


if __name__ == "__main__":
    main()
