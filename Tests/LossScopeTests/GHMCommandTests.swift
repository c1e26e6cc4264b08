// `lossscope ghm` on prediction files: counts and weights by hand, batches, and bad rows by line.

import Foundation
import Testing
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct GHMCommandTests {
  func withFile(_ name: String, _ text: String, _ body: (String) throws -> Void) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    try body(path)
  }

  @Test func countsAndWeightsOfASmallFile() throws {
    // g = |p - y|: 0.1, 0.1, 0.1 (bin 0 of 4), 0.6 (bin 2): N = 4, n = 2.
    try withFile("p.csv", "p,y\n0.1,0\n0.9,1\n0.1,0\n0.4,1\n") { path in
      let r = try run(["ghm", "--predictions", path, "--bins", "4", "--momentum", "0"])
      #expect(r.status == 0, "\(r.stderr)")
      let (header, rows) = csvRows(r.stdout)
      #expect(header == ["bin", "lo", "hi", "count", "density", "weight", "ce_norm", "focal_norm", "ghm_norm",
                         "ce_total", "focal_total", "ghm_total"])
      #expect(rows.map { $0[3] } == ["3", "0", "1", "0"])
      #expect(Double(rows[0][5])! == 4.0 / 6 && Double(rows[2][5])! == 2 && rows[1][5] == "0")
      #expect(r.stdout.contains("N=4 non-empty bins=2"))
    }
  }

  @Test func logitsAreTurnedIntoProbabilities() throws {
    // logit 0 -> p 0.5 -> g 0.5 for either label.
    try withFile("z.csv", "logit,label\n0,1\n0,0\n") { path in
      let r = try run(["ghm", "--predictions", path, "--logits", "--bins", "2", "--momentum", "0"])
      #expect(csvRows(r.stdout).rows.map { $0[3] } == ["0", "2"])
    }
  }

  @Test func batchColumnGivesOneBlockPerBatchWithMomentum() throws {
    try withFile("b.csv", "score,target,step\n0.1,0,a\n0.1,0,a\n0.9,0,a\n0.2,0,b\n") { path in
      let r = try run(["ghm", "--predictions", path, "--batch-column", "step", "--bins", "2", "--momentum", "0.5"])
      let (header, rows) = csvRows(r.stdout)
      #expect(header.first == "batch")
      #expect(rows.map { "\($0[0]):\($0[4])" } == ["0:2", "0:1", "1:1", "1:0"])
      // Batch 0: acc = [1, 0.5], weights 3/acc/2 = [1.5, 3]; batch 1: acc0 = 0.5 + 0.5 = 1, weight 1/1/1.
      #expect(rows.map { Double($0[6])! } == [1.5, 3, 1, 0])
    }
  }

  @Test(arguments: [
    ("prob,label\n0.5,1\nabc,1\n", "b.csv:3: column prob: 'abc' is not a number"),
    ("prob,label\n0.5,1\n1.5,0\n", "b.csv:3: probability 1.5 is outside [0, 1]"),
    ("prob,label\n0.5,2\n", "b.csv:2: label 2 is not 0 or 1"),
    ("prob,label\nnan,1\n", "b.csv:2: column prob: 'nan' is not a finite number"),
    ("p,y\n0.5,yes\n", "b.csv:2: column y: 'yes' is not a number"),
    ("prob,label\n0.5\n", "b.csv:2: 1 fields where the header has 2"),
    ("x,label\n0.5,1\n", "b.csv:1: no probability column"),
    ("", "empty file"),
  ] as [(String, String)])
  func badRowsNameTheirLine(text: String, message: String) throws {
    try withFile("b.csv", text) { path in
      let out = path + ".out"
      let r = try run(["ghm", "--predictions", path, "-o", out])
      #expect(r.status != 0 && r.stdout.isEmpty)
      #expect(r.stderr.contains(message), "\(r.stderr)")
      #expect(!FileManager.default.fileExists(atPath: out))
    }
  }

  @Test func skipInvalidCountsTheSkippedRows() throws {
    try withFile("s.csv", "prob,label\n0.5,1\nabc,1\n0.2,0\n2,1\n") { path in
      let r = try run(["ghm", "--predictions", path, "--skip-invalid"])
      #expect(r.status == 0)
      #expect(r.stderr.contains("skipped 2 invalid rows"))
      #expect(r.stdout.contains("N=2 "))
    }
  }

  @Test func builtInPopulationHasTenBatchesOfThirtyBins() throws {
    let r = try run(["ghm"])
    let (header, rows) = csvRows(r.stdout)
    #expect(header.first == "batch" && rows.count == 300)
    #expect(r.stdout.contains("built-in synthetic population"))
    let plot = try run(["ghm", "--plot"])
    #expect(plot.stdout.contains("count of g per bin") && plot.stdout.contains("total weight per bin"))
  }

  @Test func theBuiltInPopulationTakesItsSizeAndMix() throws {
    let r = try run(["ghm", "--samples", "5000", "--hard", "0.1", "--bins", "10"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("# ghm: source built-in synthetic population (5000 samples, hard 0.1, 10 batches)"))
    #expect(r.stdout.contains("# command: lossscope ghm --bins 10 --momentum 0.75 --gamma 2 --samples 5000 --hard 0.1\n"))
    #expect(r.stdout.contains("# parameters: bins=10 momentum=0.75 gamma=2 samples=5000 hard=0.1\n"))
    #expect(csvRows(r.stdout).rows.reduce(0) { $0 + Int($1[4])! } == 5000)
    for (arguments, message) in [(["--samples", "10"], "--samples must be between 1000 and 10000000"),
                                 (["--hard", "0.6"], "--hard must be in [0, 0.5]"),
                                 (["--predictions", "p.csv", "--hard", "0.1"], "--samples and --hard shape the built-in population")] {
      let refused = try run(["ghm"] + arguments)
      #expect(refused.status == 2 && refused.stderr.contains(message), "\(refused.stderr)")
    }
  }

  @Test func theTableNamesTheCommandThatWritesIt() throws {
    try withFile("p q.csv", "score,gt,step\n0.1,0,a\n0.7,1,b\n") { path in
      let r = try run(["ghm", "--predictions", path, "--prob-column=score", "--label-column", "gt", "--batch-column", "step", "--bins", "4"])
      #expect(r.status == 0, "\(r.stderr)")
      let expected = "# command: lossscope ghm --predictions '\(path)' --prob-column score --label-column gt --batch-column step"
        + " --bins 4 --momentum 0.75 --gamma 2\n"
      #expect(r.stdout.contains(expected), "\(r.stdout.prefix(300))")
    }
  }
}
