// `ghm` against numpy: counts for float64 and mmdetection's float32 edges, and every column of the table, .npy and CSV input.
//
// The counts' numpy side is the benchmark's peer script (Benchmarks/peers/ghm_numpy.py), which
// bins with np.bincount on an index it moves onto the bin whose edges hold g, in float64 or in
// float32. The whole table's is `tableScript` below: np.searchsorted on the edges, mmdetection's
// momentum written out, focal's norm from np.log1p, totals from np.bincount's weights.

import Foundation
import Testing
@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct GHMNumpyTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let hasNumpy = (try? spawn(["python3", "-c", "import numpy"]).status) == 0

  /// Predictions that sit on, just below and just above every edge of M = 7, 10 and 30 in float32,
  /// 0.1 and 0.9 with both labels, and a random spread.
  static let makeData = """
    import sys
    import numpy as np
    folder = sys.argv[1]
    rng = np.random.default_rng(3)
    edges = np.concatenate([np.arange(m + 1, dtype=np.float32) / np.float32(m) for m in (7, 10, 30)])
    near = np.concatenate([edges, np.nextafter(edges, np.float32(0)), np.nextafter(edges, np.float32(1))])
    special = np.array([0.1, 0.9, 0.2, 0.3, 0.7, 1.0, 0.0], dtype=np.float32)
    p = np.concatenate([near, near, special, special, rng.random(200_000, dtype=np.float32)]).clip(0, 1).astype(np.float32)
    y = np.concatenate([np.zeros(len(near)), np.ones(len(near)), np.zeros(7), np.ones(7), rng.random(200_000) < 0.3]).astype(np.uint8)
    np.save(folder + "/p.npy", p)
    np.save(folder + "/y.npy", y)
    with open(folder + "/p.csv", "w") as f:
        f.write("prob,label\\n" + "".join(f"{a!r},{b}\\n" for a, b in zip(p.tolist(), y.tolist())))
    # float64 probabilities with every digit, in uneven contiguous batches (one of a single row).
    q = np.concatenate([np.array([0.1, 0.9, 1.0, 0.0]), rng.random(150_000)])
    z = (rng.random(len(q)) < 0.2).astype(np.uint8)
    sizes = [70_000, 1, 65_536, 4_000, len(q) - 139_537]
    steps = np.repeat(np.arange(len(sizes)), sizes)
    with open(folder + "/batches.csv", "w") as f:
        f.write("step,prob,label\\n" + "".join(f"b{s},{a!r},{b}\\n" for s, a, b in zip(steps.tolist(), q.tolist(), z.tolist())))
    """

  /// The whole table of `lossscope ghm` in numpy, float64 throughout: one line per batch and bin,
  /// `batch bin lo hi count density weight ce_norm focal_norm ghm_norm ce_total focal_total ghm_total`.
  static let tableScript = """
    import csv, sys
    import numpy as np
    path, labels, m, mu, gamma = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
    if path.endswith(".npy"):
        g = np.abs(np.load(path).astype(np.float64) - np.load(labels).astype(np.float64))
        ends = [len(g)]
    else:
        rows = list(csv.DictReader(open(path)))
        g = np.abs(np.array([float(r["prob"]) for r in rows]) - np.array([float(r["label"]) for r in rows]))
        keys = [r.get("step", "") for r in rows]
        ends = [i for i in range(1, len(keys)) if keys[i] != keys[i - 1]] + [len(keys)]
    edges = np.arange(m + 1, dtype=np.float64) / m
    edges[-1] = 1 + 1e-6
    index = np.searchsorted(edges, g, side="right") - 1
    def focal(x):
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(x < 1, x ** gamma * (x - gamma * (1 - x) * np.log1p(-x)), x ** gamma * x)
    centre = (np.arange(m) + 0.5) / m
    acc = np.zeros(m)
    start = 0
    for b, end in enumerate(ends):
        gb, ib = g[start:end], index[start:end]
        start = end
        count = np.bincount(ib, minlength=m)
        total = count.sum()
        filled = (count > 0).sum()
        weight = np.zeros(m)
        for i in range(m):
            if count[i] == 0:
                continue
            if mu > 0:
                acc[i] = mu * acc[i] + (1 - mu) * count[i]
                weight[i] = total / acc[i] / filled
            else:
                weight[i] = total / count[i] / filled
        ce = np.bincount(ib, weights=gb, minlength=m)
        fl = np.bincount(ib, weights=focal(gb), minlength=m)
        for i in range(m):
            values = [edges[i], edges[i + 1], count[i], count[i] * m / total, weight[i], centre[i], focal(centre[i : i + 1])[0],
                      weight[i] * centre[i], ce[i], fl[i], weight[i] * ce[i]]
            print(b, i, " ".join(repr(float(v)) for v in values))
    """

  @Test(.enabled(if: hasNumpy)) func countsEqualNumpysForBothKindsOfEdges() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = folder.appendingPathComponent("make.py")
    try Self.makeData.write(to: script, atomically: true, encoding: .utf8)
    #expect(try spawn(["python3", script.path, folder.path]).status == 0)
    let p = folder.appendingPathComponent("p.npy").path, y = folder.appendingPathComponent("y.npy").path
    let peer = Self.repository.appendingPathComponent("Benchmarks/peers/ghm_numpy.py").path
    var differ = false
    for m in [7, 10, 30] {
      let exact = try spawn(["python3", peer, p, y, String(m), "exact"]).stdout.split(separator: "\n").map(String.init)
      let mmdet = try spawn(["python3", peer, p, y, String(m), "mmdet"]).stdout.split(separator: "\n").map(String.init)
      #expect(exact.count == m && mmdet.count == m)
      differ = differ || exact != mmdet
      let npyExact = try run(["ghm", "--predictions", p, "--labels", y, "--bins", String(m)])
      let npyMmdet = try run(["ghm", "--predictions", p, "--labels", y, "--bins", String(m), "--edges", "mmdet"])
      let csv = folder.appendingPathComponent("p.csv").path
      let csvExact = try run(["ghm", "--predictions", csv, "--bins", String(m)])
      let csvMmdet = try run(["ghm", "--predictions", csv, "--bins", String(m), "--edges", "mmdet"])
      #expect(csvRows(npyExact.stdout).rows.map { $0[3] } == exact, "M = \(m), .npy, exact edges")
      #expect(csvRows(npyMmdet.stdout).rows.map { $0[3] } == mmdet, "M = \(m), .npy, mmdet edges")
      #expect(csvRows(csvExact.stdout).rows.map { $0[3] } == exact, "M = \(m), CSV, exact edges")
      #expect(csvRows(csvMmdet.stdout).rows.map { $0[3] } == mmdet, "M = \(m), CSV, mmdet edges")
    }
    // The data puts samples on edges, so the two conventions must disagree somewhere.
    #expect(differ)
  }

  @Test func mmdetEdgesPutOneMinusPointNineWhereMmdetectionDoes() throws {
    // In float64 1 - 0.9 = 0.09999999999999998 < 0.1 (bin 0 of 10); in float32 it is 0.10000002 >= 0.1f (bin 1).
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let csv = folder.appendingPathComponent("p.csv").path
    try "p,y\n0.9,1\n0.1,0\n".write(toFile: csv, atomically: true, encoding: .utf8)
    let exact = try run(["ghm", "--predictions", csv, "--bins", "10", "--momentum", "0"])
    let mmdet = try run(["ghm", "--predictions", csv, "--bins", "10", "--momentum", "0", "--edges", "mmdet"])
    #expect(csvRows(exact.stdout).rows.prefix(2).map { $0[3] } == ["1", "1"])
    #expect(csvRows(mmdet.stdout).rows.prefix(2).map { $0[3] } == ["0", "2"])
    #expect(mmdet.stdout.contains("mmdet edges"))
    let help = try run(["ghm", "--help"])
    #expect(help.stdout.contains("--edges") && help.stdout.contains("mmdetection"))
  }

  /// Every row of `table` (a CSV `ghm` or the app wrote) against the numpy table for the same
  /// file: bins and counts exactly, the rest to 1e-13 relative, the totals (summed in another
  /// order) to 1e-11; returns how many rows were compared.
  static func compare(_ table: String, numpy: String, _ context: String) -> Int {
    let (header, rows) = csvRows(table)
    let batched = header.first == "batch"
    let want = numpy.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    #expect(rows.count == want.count, "\(context): \(rows.count) rows, numpy \(want.count)")
    var compared = 0
    for (row, expected) in zip(rows, want) {
      let got = batched ? row : ["0"] + row
      guard got.count == 13, expected.count == 13 else {
        Issue.record("\(context): row \(row) vs \(expected)")
        continue
      }
      #expect(got[0] == expected[0] && got[1] == expected[1], "\(context): batch and bin \(got.prefix(2)) vs \(expected.prefix(2))")
      #expect(Double(got[4]) == Double(expected[4]), "\(context) \(got.prefix(2)): count \(got[4]) vs numpy \(expected[4])")
      for column in [2, 3, 5, 6, 7, 8, 9, 10, 11, 12] {
        guard let a = Double(got[column]), let b = Double(expected[column]) else {
          Issue.record("\(context): unreadable \(got[column]) or \(expected[column])")
          continue
        }
        let tolerance = column >= 10 ? 1e-11 : 1e-13
        #expect(abs(a - b) <= tolerance * max(abs(a), abs(b)), "\(context) \(got.prefix(2)): column \(column + (batched ? 0 : -1)) \(a) vs numpy \(b)")
      }
      compared += 1
    }
    return compared
  }

  @Test(.enabled(if: hasNumpy)) func everyColumnOfTheTableEqualsNumpys() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let make = folder.appendingPathComponent("make.py"), table = folder.appendingPathComponent("table.py")
    try Self.makeData.write(to: make, atomically: true, encoding: .utf8)
    try Self.tableScript.write(to: table, atomically: true, encoding: .utf8)
    #expect(try spawn(["python3", make.path, folder.path]).status == 0)
    let p = folder.appendingPathComponent("p.npy").path, y = folder.appendingPathComponent("y.npy").path
    let csv = folder.appendingPathComponent("p.csv").path, batches = folder.appendingPathComponent("batches.csv").path
    let cases: [(input: [String], file: String, labels: String, bins: Int, momentum: String, gamma: String)] = [
      (["--predictions", p, "--labels", y], p, y, 30, "0.75", "2"),
      (["--predictions", p, "--labels", y], p, y, 7, "0", "1.5"),
      (["--predictions", csv], csv, "", 10, "0.5", "3"),
      (["--predictions", batches, "--batch-column", "step"], batches, "", 30, "0.75", "2"),
      (["--predictions", batches, "--batch-column", "step"], batches, "", 13, "0.9", "0.5"),
    ]
    for c in cases {
      let context = "\(c.file.split(separator: "/").last ?? "") M=\(c.bins) mu=\(c.momentum) gamma=\(c.gamma)"
      let numpy = try spawn(["python3", table.path, c.file, c.labels, String(c.bins), c.momentum, c.gamma], captureStderr: true)
      #expect(numpy.status == 0, "python: \(numpy.stderr)")
      let r = try run(["ghm"] + c.input + ["--bins", String(c.bins), "--momentum", c.momentum, "--gamma", c.gamma])
      #expect(r.status == 0, "\(context): \(r.stderr)")
      #expect(Self.compare(r.stdout, numpy: numpy.stdout, context) > 0)
    }
    // The app's own export, for a file in batches: the same numbers (and the same bytes as the command, GHMExportEqualityTests).
    var state = try OpenCommand.parse(["--predictions", batches, "--batch-column", "step"]).initialState()
    _ = press([.char("e")], &state)
    guard case .writeFile(_, let exported, _, _)? = press([.enter], &state).first else {
      Issue.record("the app exported nothing")
      return
    }
    let numpy = try spawn(["python3", table.path, batches, "", "30", "0.75", "2"])
    #expect(Self.compare(exported, numpy: numpy.stdout, "the app's export") == 5 * 30)
  }

  @Test(.enabled(if: hasNumpy)) func theComparisonCatchesFloatRoundedSamples() throws {
    // g rounded to float32 before binning, as the explorer once did, is caught in the totals.
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let table = folder.appendingPathComponent("table.py"), csv = folder.appendingPathComponent("p.csv")
    try Self.tableScript.write(to: table, atomically: true, encoding: .utf8)
    let values = (1...2000).map { Double($0) / 2001.3 }
    try ("prob,label\n" + values.map { "\($0),0\n" }.joined()).write(to: csv, atomically: true, encoding: .utf8)
    let numpy = try spawn(["python3", table.path, csv.path, "", "5", "0", "2"]).stdout
    let exact = try run(["ghm", "--predictions", csv.path, "--bins", "5", "--momentum", "0"]).stdout
    #expect(Self.compare(exact, numpy: numpy, "float64") == 5)
    try ("prob,label\n" + values.map { "\(Double(Float($0))),0\n" }.joined()).write(to: csv, atomically: true, encoding: .utf8)
    let rounded = try run(["ghm", "--predictions", csv.path, "--bins", "5", "--momentum", "0"]).stdout
    withKnownIssue("float32 g moves the totals") { _ = Self.compare(rounded, numpy: numpy, "float32 g") }
  }
}
