#!/usr/bin/env python3
# The 50-digit side of HighPrecisionTests: each view of issue #26 typed out from its formula in
# mpmath at 480 digits, its grad taken by mpmath's numerical differentiation of that loss (so the
# analytic gradients in Sources/Losses are checked, not copied), printed as Swift literals with 50
# significant digits. Run from the repository root to regenerate the committed file:
#   python3 Tests/Scripts/losses_reference.py > Tests/LossesTests/HighPrecisionReferences.swift
# Every x is a decimal that Swift and Python read as the same double; the script evaluates at that
# double exactly. On pt and p the grad is |dL/dz| for the logit z, on theta per degree.
import mpmath as mp

mp.mp.dps = 480


def g(s, name, default):
    """A parameter: the double Swift uses, as an exact mpf (the margin as an int, choices as text)."""
    value = s.get(name, default)
    if isinstance(value, str) or name == "margin":
        return value if isinstance(value, str) else int(value)
    return mp.mpf(value)


def sigmoid(z):
    return 1 / (1 + mp.exp(-z))


def label_smoothing(pt, s):
    e, k = g(s, "epsilon", 0.1), g(s, "classes", 10)
    a = 1 - e + e / k
    b = e * (k - 1) / k
    return -a * mp.log(pt) - b * mp.log((1 - pt) / (k - 1))


def poly1(pt, s):
    e, gamma = g(s, "epsilon", 1), g(s, "gamma", 0)
    return -mp.power(1 - pt, gamma) * mp.log(pt) + e * mp.power(1 - pt, gamma + 1)


def asl(p, s):
    if g(s, "side", "positive") == "positive":
        return -mp.power(1 - p, g(s, "gamma-pos", 0)) * mp.log(p)
    pm = max(p - g(s, "clip", 0.05), 0)
    return -mp.power(pm, g(s, "gamma-neg", 4)) * mp.log(1 - pm)


def qfl(p, s):
    q, beta = g(s, "q", 0.5), g(s, "beta", 2)
    return -mp.power(abs(q - p), beta) * ((1 - q) * mp.log(1 - p) + q * mp.log(p))


def varifocal(p, s):
    q, alpha, gamma = g(s, "q", 0.5), g(s, "alpha", 0.75), g(s, "gamma", 2)
    if q > 0:
        return -q * (q * mp.log(p) + (1 - q) * mp.log(1 - p))
    return -alpha * mp.power(p, gamma) * mp.log(1 - p)


def smooth_l1(x, s):
    beta = g(s, "beta", 1)
    return 0.5 * x * x / beta if abs(x) < beta else abs(x) - beta / 2


def huber(x, s):
    delta = g(s, "delta", 1)
    return 0.5 * x * x if abs(x) <= delta else delta * (abs(x) - delta / 2)


def asl1(x, s):
    mu = g(s, "mu", 0.02)
    return mp.sqrt(x * x + mu * mu) - mu


def sphereface(theta, s):
    # theta in radians.
    m, scale, c, neg, lam = (g(s, "margin", 4), g(s, "scale", 64), g(s, "classes", 10),
                             g(s, "thetaneg", 90), g(s, "lambda", 0))
    k = min(max(int(mp.floor(m * theta / mp.pi)), 0), m - 1)
    psi = (-1) ** k * mp.cos(m * theta) - 2 * k
    target = scale * (lam * mp.cos(theta) + psi) / (1 + lam)
    return mp.log(1 + (c - 1) * mp.exp(scale * mp.cos(neg * mp.pi / 180) - target))


def supcon(x, s):
    t, p, k, sneg = g(s, "temperature", 0.1), g(s, "positives", 1), g(s, "negatives", 255), g(s, "sneg", 0)
    return -mp.log(mp.exp(x / t) / (p * mp.exp(x / t) + k * mp.exp(sneg / t)))


VIEWS = {"label-smoothing": (label_smoothing, "pt"), "poly1": (poly1, "pt"), "asl": (asl, "p"),
         "qfl": (qfl, "p"), "varifocal": (varifocal, "p"), "smooth-l1": (smooth_l1, "x"),
         "huber": (huber, "x"), "asl1": (asl1, "x"), "sphereface": (sphereface, "theta"),
         "supcon": (supcon, "s")}

PT = ["1e-300", "1e-08", "0.001", "0.03", "0.3", "0.5", "0.91", "0.999", "0.99999999", "0.9999999999999999"]
LOGIT = ["-1000", "-30", "-3", "0", "2.3", "30", "700", "1000"]
THETA = ["0", "10", "22.5", "30", "44", "45.0001", "60", "89.99999", "100", "135.5", "179", "180"]
COS = ["-0.999", "-0.7", "-0.2", "0", "0.3", "0.7071", "0.70710678", "0.9", "0.999"]
SIM = ["-1", "-0.5", "0", "0.25", "0.5", "0.8", "0.95", "1"]
ERR = ["-1000", "-3", "-0.5", "-0.01", "0", "0.003", "0.05", "2", "1000"]

CASES = [
    ("label-smoothing", {}, PT), ("label-smoothing", {"axis": "logit"}, LOGIT),
    ("label-smoothing", {"epsilon": "0"}, PT), ("label-smoothing", {"epsilon": "1", "classes": "2"}, PT),
    ("label-smoothing", {"epsilon": "0.3", "classes": "1000000", "axis": "logit"}, LOGIT),
    ("label-smoothing", {"epsilon": "0.000001", "classes": "1000"}, PT),
    ("poly1", {}, PT), ("poly1", {"axis": "logit"}, LOGIT), ("poly1", {"epsilon": "-1"}, PT),
    ("poly1", {"epsilon": "-1", "gamma": "2"}, PT), ("poly1", {"epsilon": "-1", "axis": "logit"}, LOGIT),
    ("poly1", {"epsilon": "10", "gamma": "10"}, PT), ("poly1", {"epsilon": "2", "gamma": "0.5", "axis": "logit"}, LOGIT),
    ("asl", {}, PT), ("asl", {"gamma-pos": "1", "axis": "logit"}, LOGIT), ("asl", {"side": "negative"}, PT),
    ("asl", {"side": "negative", "axis": "logit"}, LOGIT), ("asl", {"side": "negative", "clip": "0"}, PT),
    ("asl", {"side": "negative", "clip": "0", "axis": "logit"}, LOGIT),
    ("asl", {"side": "negative", "gamma-neg": "0"}, PT),
    ("asl", {"side": "negative", "gamma-neg": "0.5", "clip": "0.2"}, PT),
    ("asl", {"side": "negative", "gamma-neg": "10", "clip": "0.01", "axis": "logit"}, LOGIT),
    ("qfl", {}, PT), ("qfl", {"axis": "logit"}, LOGIT), ("qfl", {"q": "0"}, PT), ("qfl", {"q": "1"}, PT),
    ("qfl", {"q": "0", "axis": "logit"}, LOGIT), ("qfl", {"q": "0.29", "beta": "0.5"}, PT),
    ("qfl", {"q": "0.9", "beta": "10"}, PT), ("qfl", {"q": "0.6", "beta": "0"}, PT),
    ("qfl", {"q": "0.77", "beta": "1", "axis": "logit"}, LOGIT),
    ("varifocal", {}, PT), ("varifocal", {"axis": "logit"}, LOGIT), ("varifocal", {"q": "0"}, PT),
    ("varifocal", {"q": "0", "axis": "logit"}, LOGIT), ("varifocal", {"q": "1"}, PT),
    ("varifocal", {"q": "0.01"}, PT), ("varifocal", {"q": "0", "alpha": "0.25", "gamma": "10"}, PT),
    ("varifocal", {"q": "0", "alpha": "1", "gamma": "0", "axis": "logit"}, LOGIT),
    ("smooth-l1", {}, ERR), ("smooth-l1", {"beta": "0.1111111111111111"}, ERR), ("smooth-l1", {"beta": "10"}, ERR),
    ("smooth-l1", {"beta": "0"}, [x for x in ERR if x != "0"]),
    ("huber", {}, ERR), ("huber", {"delta": "0.5"}, ERR), ("huber", {"delta": "10"}, ERR),
    ("asl1", {}, ERR + ["1e-08", "-0.00001"]), ("asl1", {"mu": "0.0001"}, ERR), ("asl1", {"mu": "1"}, ERR),
    ("sphereface", {}, THETA), ("sphereface", {"axis": "cos"}, COS), ("sphereface", {"margin": "1"}, THETA),
    ("sphereface", {"margin": "2", "scale": "1"}, THETA), ("sphereface", {"margin": "3", "axis": "cos"}, COS),
    ("sphereface", {"margin": "10", "scale": "128", "classes": "1000000", "thetaneg": "60"}, THETA),
    ("sphereface", {"lambda": "5"}, THETA), ("sphereface", {"lambda": "1000", "margin": "3", "axis": "cos"}, COS),
    ("sphereface", {"margin": "4", "classes": "2", "scale": "16", "thetaneg": "120", "axis": "cos"}, COS),
    ("supcon", {}, SIM), ("supcon", {"positives": "1", "temperature": "0.07"}, SIM),
    ("supcon", {"positives": "1000000", "negatives": "1", "temperature": "0.001", "sneg": "-1"}, SIM),
    ("supcon", {"positives": "7", "negatives": "65536", "temperature": "10", "sneg": "0.5"}, SIM),
    ("supcon", {"positives": "3", "negatives": "100", "temperature": "0.05", "sneg": "0.2"}, SIM),
]


def number(text):
    """A parameter as the double Swift reads it, kept exact; choices as they are."""
    try:
        return mp.mpf(float(text))
    except ValueError:
        return text


def reference(view, settings, x_text):
    # 1 - sigmoid(1000) is e^-1000, and a grad can be 1e-220 of its loss: 480 digits keep both
    # from vanishing in the numerical derivative.
    with mp.workdps(480):
        return evaluate(view, settings, x_text)


def evaluate(view, settings, x_text):
    f, axis = VIEWS[view]
    s = {k: number(v) for k, v in settings.items() if k != "axis"}
    axis = settings.get("axis", axis)
    x = mp.mpf(float(x_text))
    if axis in ("pt", "p"):
        loss = f(x, s)
        z0 = mp.log(x / (1 - x))
        grad = mp.diff(lambda z: f(sigmoid(z), s), z0)
    elif axis == "logit":
        loss = f(sigmoid(x), s)
        grad = mp.diff(lambda z: f(sigmoid(z), s), x)
    elif axis == "theta":
        loss = f(x * mp.pi / 180, s)
        grad = mp.diff(lambda d: f(d * mp.pi / 180, s), x)
    elif axis == "cos":
        loss = f(mp.acos(x), s)
        grad = mp.diff(lambda c: f(mp.acos(c), s), x)
    else:
        loss = f(x, s)
        grad = mp.diff(lambda y: f(y, s), x)
    return loss, abs(grad)


def literal(v):
    return mp.nstr(v, 50, min_fixed=-5, max_fixed=5) if v != 0 else "0"


def main():
    print("// Generated by Tests/Scripts/losses_reference.py (mpmath, 480 digits, printed to 50): do not edit;")
    print("// run the script. Each row: view, settings, x, loss, grad; asl1 is ghmr with unit weights.")
    print("")
    print("let highPrecisionReferences: [(view: String, settings: [String: String], x: String, loss: String, grad: String)] = [")
    for view, settings, xs in CASES:
        for x in xs:
            loss, grad = reference(view, settings, x)
            pairs = ", ".join(f'"{k}": "{v}"' for k, v in settings.items())
            print(f'  ("{view}", [{pairs or ":"}], "{x}", "{literal(loss)}", "{literal(grad)}"),')
    print("]")


if __name__ == "__main__":
    main()
