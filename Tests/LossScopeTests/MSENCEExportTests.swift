// `lossscope export` of mse and nce, every row against the formulas recomputed in numpy.

import Foundation
import Testing

@testable import LossScopeApp

/// True when `python3` runs and imports numpy; the suite is skipped, not failed, without it.
let numpyAvailable: Bool = (try? spawn(["python3", "-c", "import numpy"]))?.status == 0

/// Reads a CSV that export wrote and prints, per data row, the expected `x loss grad` with
/// repr's round-trip digits. The formulas are the issue's, in numpy's own stable primitives
/// (logaddexp), so nothing is shared with the Swift library but the grid rule.
private let referenceScript = #"""
from export_rows import *

if view == "mse":
    if params.get("axis") == "logit":
        p, q = sigmoid(xs), sigmoid(-xs)
    else:
        p, q = xs, 1.0 - xs
    loss, grad = q * q, 2.0 * p * q * q
elif view == "nce":
    k = column("k", 10)
    offset = np.log(k) + column("logq", -9.21)
    loss = softplus(offset - xs) + k * softplus(column("sneg", 0) - offset)
    grad = sigmoid(offset - xs)
else:
    sys.exit("no reference for " + view)
for x, l, g in zip(xs, loss, grad):
    print(repr(float(x)), repr(float(l)), repr(float(g)))
"""#

@Suite(.enabled(if: numpyAvailable, "needs python3 with numpy"))
struct MSENCEExportTests {
  /// Grids and parameters the issue does not list, from the domain's edges to the middle.
  static let cases: [(view: String, parameters: [String], from: String, to: String, points: Int)] = [
    ("mse", [], "0.0004", "0.9996", 251),
    ("mse", ["axis=logit"], "-37.5", "41", 158),
    ("mse", ["axis=logit"], "-700", "700", 15),
    ("nce", [], "-9.3", "4.1", 17),
    ("nce", ["k=3", "logq=-0.7", "sneg=2.25"], "-40", "27.5", 61),
    ("nce", ["k=50000", "logq=-31.4", "sneg=-7"], "-100", "100", 41),
    ("nce", ["k=1,2,999,1000000", "logq=-50", "sneg=50"], "-1000", "1000", 21),
    ("nce", ["k=7", "logq=-12.5", "sneg=-3.5,0.25,44"], "-20", "33", 33),
    ("nce", ["k=1", "logq=0", "sneg=-50"], "-2.2", "-0.2", 9),
  ]

  @Test(arguments: cases.indices)
  func everyRowMatchesNumpy(index: Int) throws {
    let c = Self.cases[index]
    let r = try run(["export", c.view] + c.parameters + ["--from", c.from, "--to", c.to, "--points", "\(c.points)"])
    #expect(r.status == 0 && r.stderr.isEmpty, "stderr: \(r.stderr)")
    let (header, rows) = csvRows(r.stdout)
    let axis = c.view == "nce" ? "s" : c.parameters.contains("axis=logit") ? "logit" : "pt"
    let sweep = c.parameters.first { $0.contains(",") }
    let sweepValues = sweep.map { $0.split(separator: "=")[1].split(separator: ",").count } ?? 1
    #expect(header == (sweep.map { [String($0.split(separator: "=")[0])] } ?? []) + [axis, "loss", "grad"])
    #expect(rows.count == c.points * sweepValues)

    let fixed = c.parameters.filter { !$0.contains(",") }
    let expected = try numpyReference(r.stdout, [c.view, c.from, c.to, "\(c.points)"] + fixed)
    #expect(expected.count == rows.count)

    var compared = 0
    for (row, want) in zip(rows, expected) where want.count == 3 {
      let got = row.suffix(3).compactMap(Double.init)
      guard got.count == 3 else {
        Issue.record("unreadable row \(row)")
        continue
      }
      #expect(got[0] == want[0], "x \(got[0]) vs numpy \(want[0])")
      #expect(agree(got[1], want[1]), "\(c.view) \(row): loss vs numpy \(want[1])")
      #expect(agree(got[2], want[2]), "\(c.view) \(row): grad vs numpy \(want[2])")
      compared += 1
    }
    #expect(compared == rows.count && compared > 0)
  }

  /// Runs the reference on an exported CSV: `arguments` are the view, --from, --to, --points and
  /// the fixed parameters; a sweep's values are read from the CSV's first column.
  private func numpyReference(_ exported: String, _ arguments: [String]) throws -> [[Double]] {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = folder.appendingPathComponent("reference.py"), csv = folder.appendingPathComponent("export.csv")
    try writeReference(referenceScript, to: script)
    try exported.write(to: csv, atomically: true, encoding: .utf8)
    let numpy = try spawn(["python3", script.path, csv.path] + arguments, captureStderr: true)
    #expect(numpy.status == 0, "python: \(numpy.stderr)")
    return numpy.stdout.split(separator: "\n").map { line -> [Double] in
      line.split(separator: " ").compactMap { Double(String($0)) }
    }
  }

  /// Relative agreement to 1e-12; below 1e-290 (subnormal grads far from b) absolute.
  private func agree(_ a: Double, _ b: Double) -> Bool {
    a.isFinite && b.isFinite && abs(a - b) <= 1e-12 * max(abs(a), abs(b)) + 1e-290
  }

  @Test func theReferenceCatchesAWrongNumber() throws {
    // The same comparison must fail on a CSV with one number off by one part in 1e9.
    let r = try run(["export", "nce", "k=3", "--from", "-1", "--to", "1", "--points", "3"])
    let want = try numpyReference(r.stdout, ["nce", "-1", "1", "3", "k=3"])
    let rows = csvRows(r.stdout).rows
    #expect(want.count == 3 && rows.count == 3)
    guard let first = rows.first, first.count == 3, let loss = Double(first[1]),
      let row = want.first, row.count == 3
    else { return }
    let numpyLoss = row[1]
    #expect(agree(loss, numpyLoss))
    #expect(!agree(loss * (1 + 1e-9), numpyLoss))
  }
}

/// Views sharing an axis name but not its domain: nce's s spans [-1000, 1000], infonce's [-1, 1].
@Suite struct SharedDomainTests {
  @Test func aViewIsNeverEvaluatedOutsideItsDomain() throws {
    let refused = try run(["plot", "nce", "+", "infonce"])
    #expect(refused.status == 1 && refused.stderr.contains("infonce is defined for s in [-1, 1]"), "\(refused.stderr)")
    let fine = try run(["export", "infonce", "+", "nce", "--points", "3"])
    #expect(fine.status == 0, "\(fine.stderr)")
    var s = fresh()
    _ = press([.char("v")] + typed("nce") + [.enter, .char("a")] + typed("infonce") + [.enter], &s)
    #expect(s.views.count == 1 && s.status.contains("zoom into it first"))
  }
}
