// `lossscope embeddings`: every table against an independent numpy implementation of the definitions.

import Foundation
import Testing
@testable import LossData
@testable import LossLogs
@testable import LossText

/// The numpy side: Tests/Scripts/embeddings_reference.py.
let embeddingsReference = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("Scripts/embeddings_reference.py").path


/// Columns whose cells are counts or labels: compared exactly. The rest: 1e-9 relative.
private let exactColumns: Set<String> = [
  "n", "dim", "classes", "anchors", "positive_pairs", "negative_pairs", "bin", "lo", "hi", "positive", "negative",
  "index", "label", "kind", "positives", "negatives", "triplets_active", "ms_kept",
]

/// Checks that two CSV tables (metadata stripped) agree: same header and rows, counts exact,
/// values within 1e-9 relative (with a 1e-12 absolute floor for values that cancel to near 0).
func expectSameTable(_ swift: String, _ numpy: String, _ context: String) {
  let a = csvRows(swift), b = csvRows(numpy)
  #expect(a.header == b.header, "\(context): headers")
  #expect(a.rows.count == b.rows.count, "\(context): \(a.rows.count) rows vs numpy's \(b.rows.count)")
  var reported = 0
  for (r, (x, y)) in zip(a.rows, b.rows).enumerated() where reported < 5 {
    for (c, name) in a.header.enumerated() where c < x.count && c < y.count {
      let ok: Bool
      if let u = Double(x[c]), let v = Double(y[c]) {
        if exactColumns.contains(name) {
          ok = u == v
        } else {
          ok = (u.isNaN && v.isNaN) || u == v || abs(u - v) <= 1e-9 * max(abs(u), abs(v)) + 1e-12
        }
      } else {
        ok = x[c] == y[c]
      }
      if !ok {
        reported += 1
        Issue.record("\(context): row \(r) \(name): lossscope \(x[c]), numpy \(y[c])")
      }
    }
  }
}

@Suite(.enabled(if: numpyAvailable, "python3 with numpy is needed for the reference"))
struct EmbeddingsReferenceTests {
  /// The data sets, made once for every test of the suite (they are only read).
  static let data: URL? = {
    guard let folder = try? temporaryFolder() else { return nil }
    for name in ["random", "ties", "two", "same", "large"] {
      guard (try? spawn(["python3", embeddingsReference, "--make", name, folder.path]).status) == 0 else { return nil }
    }
    return folder
  }()

  let folder: URL

  init() throws {
    folder = try #require(Self.data, "python3 could not write the test data")
  }

  /// lossscope's table and numpy's for the same files and options.
  func compare(_ name: String, _ table: String, _ options: [String] = [], csv: Bool = false) throws {
    let x = folder.appendingPathComponent("\(name)-x.npy").path, y = folder.appendingPathComponent("\(name)-y.npy").path
    let input = csv ? ["--embeddings", folder.appendingPathComponent("\(name).csv").path] : ["--embeddings", x, "--labels", y]
    let ours = try run(["embeddings"] + input + ["--table", table] + options)
    #expect(ours.status == 0, "\(name) \(table): \(ours.stderr)")
    let theirs = try spawn(["python3", embeddingsReference, x, y, "--table", table] + options, captureStderr: true)
    #expect(theirs.status == 0, "\(theirs.stderr)")
    expectSameTable(ours.stdout, theirs.stdout, "\(name) \(table) \(options.joined(separator: " "))")
    #expect(csvRows(ours.stdout).rows.count > 0 || table == "anchors", "\(name) \(table): no rows")
  }

  static let tables = ["summary", "hist", "anchors"]
  static let otherParameters = [
    "--align-alpha", "1.5", "--uniform-t", "3", "--circle-margin", "0.4", "--circle-scale", "80", "--ms-alpha", "3",
    "--ms-beta", "30", "--ms-lambda", "0.5", "--ms-epsilon", "0.2", "--temperature", "0.2", "--triplet-margin", "0.5",
    "--bins", "17",
  ]

  @Test(arguments: tables) func randomFloat32WithASingletonClass(table: String) throws {
    try compare("random", table)
    try compare("random", table, Self.otherParameters)
  }

  @Test(arguments: tables) func tiesAtEveryThreshold(table: String) throws {
    // Similarities are exact multiples of 1/4, so thresholds with margin 0 and epsilon 0 are met with equality.
    try compare("ties", table)
    try compare("ties", table, ["--triplet-margin", "0", "--ms-epsilon", "0", "--bins", "8", "--circle-margin", "0.5"])
  }

  /// Two rows of different labels have no positive pair: the histogram is still a table, the
  /// losses are not, and the command says so instead of printing nan.
  @Test(arguments: tables) func twoRowsOfDifferentLabels(table: String) throws {
    if table == "hist" { return try compare("two", table) }
    let x = folder.appendingPathComponent("two-x.npy").path, y = folder.appendingPathComponent("two-y.npy").path
    let ours = try run(["embeddings", "--embeddings", x, "--labels", y, "--table", table])
    #expect(ours.status == 1 && ours.stdout.isEmpty, "\(ours.stdout)")
    #expect(ours.stderr.contains("no positive pairs, so no loss to compute") && ours.stderr.split(separator: "\n").count == 1, "\(ours.stderr)")
  }

  @Test(arguments: tables) func sampledAnchors(table: String) throws {
    try compare("large", table, ["--anchors", "50", "--seed", "7"])
  }

  @Test func pairWeights() throws {
    try compare("random", "pairs", ["--anchor", "0"])
    try compare("random", "pairs", ["--anchor", "5"] + Self.otherParameters)
    try compare("ties", "pairs", ["--anchor", "3", "--triplet-margin", "0", "--ms-epsilon", "0"])
  }

  @Test func csvInputGivesTheSameTablesAsNpy() throws {
    for table in Self.tables { try compare("random", table, csv: true) }
  }

  @Test func allLabelsTheSameIsRefusedClearly() throws {
    let r = try run(["embeddings", "--embeddings", folder.appendingPathComponent("same-x.npy").path,
                     "--labels", folder.appendingPathComponent("same-y.npy").path])
    #expect(r.status == 1 && r.stdout.isEmpty)
    #expect(r.stderr.contains("all 5 labels are the same (4)"), "\(r.stderr)")
  }
}
