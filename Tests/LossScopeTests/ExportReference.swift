// The half every numpy reference of `lossscope export` shares: the exported CSV read back on
// export's grid rule, the arguments, and numpy's stable primitives. Written beside each script.

import Foundation

/// `from export_rows import *` gives a script `view`, `params`, `header`, `rows`, `sweep`, `xs`,
/// `column(name, default)`, `softplus` and `sigmoid`; run as `script.py CSV VIEW FROM TO POINTS name=value...`.
let exportRowsModule = #"""
import sys
import numpy as np

path, view, a, b, n, *pairs = sys.argv[1:]
a, b, n = float(a), float(b), int(n)
params = dict(p.split("=", 1) for p in pairs)
lines = [l for l in open(path).read().splitlines() if l and not l.startswith("#")]
header, rows = lines[0].split(","), [l.split(",") for l in lines[1:]]
sweep = header[0] if len(header) == 4 else None
xs = np.array([a + i * (b - a) / (n - 1) if i < n - 1 else b for i in range(n)] * (len(rows) // n))

def column(name, default):
    if name == sweep:
        return np.array([float(r[0]) for r in rows])
    return np.full(len(rows), float(params.get(name, default)))

def softplus(t):
    return np.logaddexp(0.0, t)

def sigmoid(t):
    return np.exp(-np.logaddexp(0.0, -t))
"""#

/// Writes `script` to `url` with the shared module beside it, where Python finds it.
func writeReference(_ script: String, to url: URL) throws {
  try script.write(to: url, atomically: true, encoding: .utf8)
  try exportRowsModule.write(to: url.deletingLastPathComponent().appendingPathComponent("export_rows.py"), atomically: true, encoding: .utf8)
}
