// `lossscope embeddings` as a user runs it: the example files, metadata, -o, the picture, and two cores giving one answer.

import Foundation
import Losses
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct EmbeddingsCommandTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  let example = ["--embeddings", root.appendingPathComponent("examples/embeddings-8d.npy").path,
                 "--labels", root.appendingPathComponent("examples/labels.npy").path]

  @Test func theExampleSummaryShowsItsStructure() throws {
    let r = try run(["embeddings"] + example)
    #expect(r.status == 0, "\(r.stderr)")
    let meta = r.stdout.split(separator: "\n").filter { $0.hasPrefix("#") }.joined(separator: "\n")
    #expect(meta.contains("N=3000, D=8, 8 classes"))
    #expect(meta.contains("align-alpha=2 uniform-t=2 circle-margin=0.25 circle-scale=256 ms-alpha=2 ms-beta=50 ms-lambda=1 ms-epsilon=0.1 temperature=0.07 triplet-margin=0.2 bins=40"))
    #expect(meta.contains("# pairs: all 4498500 unordered pairs i < j (exact)"))
    let table = csvRows(r.stdout)
    #expect(table.header.count == 16 && table.rows.count == 1)
    let row = Dictionary(uniqueKeysWithValues: zip(table.header, table.rows[0]))
    // 8 classes of 375: 8 x 375 x 374 / 2 positive pairs, every row an anchor.
    #expect(row["positive_pairs"] == "561000" && row["anchors"] == "3000" && row["classes"] == "8")
    // Classes sit around their own axes: positives are far more similar than negatives.
    let sp = try #require(row["sp_mean"].flatMap(Double.init)), sn = try #require(row["sn_mean"].flatMap(Double.init))
    #expect(sp > 0.5 && abs(sn) < 0.1)
  }

  @Test func outputFileHoldsExactlyWhatStdoutShows() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("anchors.csv")
    let written = try run(["embeddings"] + example + ["--table", "anchors", "--anchors", "300", "--seed", "4", "-o", out.path])
    #expect(written.status == 0 && written.stdout.isEmpty, "\(written.stderr)")
    let shown = try run(["embeddings"] + example + ["--table", "anchors", "--anchors", "300", "--seed", "4"])
    #expect(try String(contentsOf: out, encoding: .utf8) == shown.stdout)
    #expect(shown.stdout.contains("# pairs: sampled: 300 anchors drawn with seed 4, each against the other 2999 rows: 899700 ordered (anchor, other) pairs"))
    #expect(csvRows(shown.stdout).rows.count == 300)
  }

  @Test func thePictureHasBothHistogramsAndThePlane() throws {
    let r = try run(["embeddings"] + example + ["--plot"])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 40 && lines.allSatisfy { $0.count <= 100 })
    for text in ["positive pairs by s", "negative pairs by s", "3000 anchors at (sn_max, sp_min)", "circle, m = 0.25", "sp - sn = m"] {
      #expect(r.stdout.contains(text), "missing \(text)")
    }
    // The anchors' density is drawn on the plane's right half: shade glyphs appear there.
    #expect(lines.contains { $0.dropFirst(50).contains { "░▒▓".contains($0) } })
  }

  @Test func twoCoresGiveTheSameBitsAsOne() throws {
    var state: UInt64 = 9
    let n = 1100, dim = 6
    let values = (0..<(n * dim)).map { _ -> Double in
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Double(state >> 11) / Double(1 << 53) - 0.5
    }
    let set = try EmbeddingSet(values: values, dim: dim, labels: (0..<n).map { Int64($0 % 7) })
    let plan = EmbeddingPlan(set, parameters: EmbeddingParameters())
    let serial = plan.run(), parallel = EmbeddingsParallel.run(plan)
    #expect(serial.summary == parallel.summary)
    #expect(serial.histogram == parallel.histogram && serial.anchors == parallel.anchors)
  }

  @Test func helpListsTheCommand() throws {
    #expect(try run(["--help"]).stdout.contains("embeddings"))
    let help = try run(["embeddings", "--help"]).stdout
    // Every parameter the library declares is an option of the command, under the same name.
    let declared = EmbeddingParameters.fields.map { "--\($0.name)" } + ["--bins"]
    for option in ["--embeddings", "--labels", "--table", "--anchors", "--seed", "--plot"] + declared {
      #expect(help.contains(option), "help lacks \(option)")
    }
  }
}
