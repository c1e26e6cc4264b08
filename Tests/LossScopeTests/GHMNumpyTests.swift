// `ghm` counts against numpy: float64 edges and mmdetection's float32 ones, .npy and CSV input.
//
// The numpy side is the benchmark's peer script (Benchmarks/peers/ghm_numpy.py), which bins with
// np.bincount on an index it moves onto the bin whose edges hold g, in float64 or in float32.

import Foundation
import Testing
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
}
