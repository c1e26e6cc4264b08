// The GHM explorer's `e` writes byte for byte what `lossscope ghm` of its `# command:` line writes, for every input the app opens.
//
// The app is opened in process as `lossscope ARGUMENTS` opens it (the same parsing and loading),
// its parameters changed by keys, and exported with `e`; the file's `# command:` line is read back
// by bash, as a user pasting it would, and the real binary runs those words. Every option of the
// input changes the table or is needed to read the file at all, so a dropped one fails the test.

import Foundation
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct GHMExportEqualityTests {
  /// Parameters typed at `=`: bins, then momentum, then gamma.
  static func typedParameters(bins: String, momentum: String, gamma: String) -> [Key] {
    [.char("=")] + typed(bins) + [.enter, .tab, .char("=")] + typed(momentum) + [.enter, .tab, .char("=")] + typed(gamma) + [.enter]
  }

  /// The app's state as `lossscope ARGUMENTS` opens it.
  static func opened(_ arguments: [String]) throws -> AppState {
    var state = try OpenCommand.parse(arguments).initialState()
    state.clock = { Timestamp(year: 2026, month: 11, day: 22, hour: 17, minute: 45, second: 2) }
    return state
  }

  /// What `e` then Enter writes after `keys`.
  static func exported(_ state: AppState, keys: [Key]) -> String? {
    var state = state
    _ = press(keys + [.char("e")], &state)
    guard case .writeFile(_, let contents, _, _)? = press([.enter], &state).first else { return nil }
    return contents
  }

  /// The words of the one `# command:` line, as bash reads them (lossscope itself left out).
  static func commandWords(_ text: String) throws -> [String] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix("# command: ") }
    #expect(lines.count == 1, "one # command: line, not \(lines.count)")
    guard let line = lines.first else { return [] }
    let script = "lossscope() { printf '%s\\0' \"$@\"; }\n" + line.dropFirst("# command: ".count)
    let r = try spawn(["bash", "-c", script], environment: ["LC_ALL": "C.UTF-8"], captureStderr: true)
    #expect(r.status == 0 && r.stderr.isEmpty, "bash: \(r.stderr)")
    return r.stdout.split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
  }

  /// Opens the app on `arguments`, exports after `keys`, runs the command the file names and
  /// compares the two files byte for byte.
  func check(_ name: String, _ arguments: [String], keys: [Key]) throws {
    let state = try Self.opened(arguments)
    #expect(state.ghm != nil, "\(name): the app did not open the GHM explorer")
    guard let file = Self.exported(state, keys: keys) else {
      Issue.record("\(name): nothing exported")
      return
    }
    let words = try Self.commandWords(file)
    #expect(words.first == "ghm", "\(name): \(words)")
    // Every option the app was given is on the command line, with its value.
    for (i, word) in arguments.enumerated() where word.hasPrefix("--") {
      let value = i + 1 < arguments.count && !arguments[i + 1].hasPrefix("--") ? arguments[i + 1] : nil
      let given = words.indices.contains { k in
        words[k] == word && (value == nil || (k + 1 < words.count && words[k + 1] == value)) || value.map { words[k] == "\(word)=\($0)" } == true
      }
      #expect(given, "\(name): \(word) \(value ?? "") is not on the command line \(words)")
    }
    let command = try run(words)
    #expect(command.status == 0, "\(name): \(words): \(command.stderr)")
    if command.stdout != file {
      let a = file.split(separator: "\n", omittingEmptySubsequences: false), b = command.stdout.split(separator: "\n", omittingEmptySubsequences: false)
      let first = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
      Issue.record("\(name): the files differ first at line \(first + 1):\n app: \(first < a.count ? String(a[first]) : "(end)")\n ghm: \(first < b.count ? String(b[first]) : "(end)")")
    }
  }

  // MARK: - Inputs

  /// Probabilities with every digit (repr-style, as Python writes them), values on and next to
  /// bin edges, 0 and 1, and random ones.
  static func probabilities(_ n: Int, seed: UInt64) -> [Double] {
    var rng = SeededGenerator(state: seed)
    let special: [Double] = [0, 1, 0.5, 0.1, 0.9, 1.0 / 3, 2.0 / 3, 0.2.nextUp, 0.2.nextDown, 1 - 1e-12, 1e-300]
    return (0..<n).map { i in i < special.count ? special[i] : i % 7 == 0 ? Double(Int.random(in: 0...30, using: &rng)) / 30 : Double.random(in: 0..<1, using: &rng) }
  }

  static func labels(_ n: Int, seed: UInt64) -> [Int] {
    var rng = SeededGenerator(state: seed)
    return (0..<n).map { _ in Double.random(in: 0..<1, using: &rng) < 0.3 ? 1 : 0 }
  }

  static func write(_ text: String, _ folder: URL, _ name: String) throws -> String {
    let url = folder.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  static func writeNpy(_ data: Data, _ folder: URL, _ name: String) throws -> String {
    let url = folder.appendingPathComponent(name)
    try data.write(to: url)
    return url.path
  }

  /// The values' bytes as they lie in memory (little-endian here, as .npy's `<` says).
  static func raw<T>(_ values: [T]) -> [UInt8] { values.withUnsafeBytes { Array($0) } }

  // MARK: - Each kind of input

  @Test func aCSV() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Three units of the sums (2^16 samples each), the last one short.
    let n = 150_000
    let rows = zip(Self.probabilities(n, seed: 1), Self.labels(n, seed: 2)).map { "\($0),\($1)\n" }
    let csv = try Self.write("prob,label\n" + rows.joined(), folder, "p.csv")
    try check("CSV", ["--predictions", csv], keys: Self.typedParameters(bins: "17", momentum: "0.5", gamma: "1.5"))
  }

  @Test func aCSVWithABatchColumn() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Batches of one, of exactly one unit, one more, and uneven ones: ten blocks, not one.
    let sizes = [70_000, 1, 65_536, 65_537, 3, 20_000, 5_000, 40_000, 2, 9_999]
    let n = sizes.reduce(0, +)
    let p = Self.probabilities(n, seed: 3), y = Self.labels(n, seed: 4)
    var text = "step,score,target\n", k = 0
    for (b, size) in sizes.enumerated() {
      for _ in 0..<size {
        text += "s\(b),\(p[k]),\(y[k])\n"
        k += 1
      }
    }
    let csv = try Self.write(text, folder, "batches.csv")
    try check("CSV with a batch column", ["--predictions", csv, "--batch-column", "step"], keys: [])
    let export = try #require(Self.exported(try Self.opened(["--predictions", csv, "--batch-column", "step"]), keys: []))
    #expect(export.contains("# batch 9: N=9999 "))
  }

  @Test func npyWithLabels() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // More units than a round of the cores takes (64), so rounds follow each other.
    let n = 64 * 65_536 + 12_345
    var rng = SeededGenerator(state: 5)
    let p = (0..<n).map { i in i % 5 == 0 ? Float(i % 31) / 31 : Float.random(in: 0...1, using: &rng) }
    let y = (0..<n).map { i in UInt8(truncatingIfNeeded: (i &* 2_654_435_761) >> 7) & 1 }
    let predictions = try Self.writeNpy(npy("<f4", count: n, data: Self.raw(p)), folder, "p.npy")
    let labels = try Self.writeNpy(npy("|u1", count: n, data: y), folder, "y.npy")
    try check(".npy with labels", ["--predictions", predictions, "--labels", labels], keys: Self.typedParameters(bins: "30", momentum: "0.75", gamma: "3"))
  }

  @Test func logits() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var rng = SeededGenerator(state: 6)
    let n = 80_000
    let z = (0..<n).map { i in i == 0 ? 0 : i == 1 ? -745.5 : i == 2 ? 40 : Double.random(in: -30...30, using: &rng) }
    let rows = zip(z, Self.labels(n, seed: 7)).map { "\($0),\($1)\n" }
    let csv = try Self.write("logit,label\n" + rows.joined(), folder, "z.csv")
    try check("--logits", ["--predictions", csv, "--logits"], keys: Self.typedParameters(bins: "40", momentum: "0", gamma: "2"))
    // .npy logits in float64 with int64 labels.
    let labels = Self.labels(n, seed: 7).map(Int64.init)
    let predictions = try Self.writeNpy(npy("<f8", count: n, data: Self.raw(z)), folder, "z.npy")
    let y = try Self.writeNpy(npy("<i8", count: n, data: Self.raw(labels)), folder, "y.npy")
    try check("--logits .npy", ["--predictions", predictions, "--labels", y, "--logits"], keys: [])
  }

  @Test func columnNamesOfTheUsersOwn() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let n = 70_000
    let p = Self.probabilities(n, seed: 8), y = Self.labels(n, seed: 9)
    var text = "id,my prob,gt'x,prob,label\n"
    // Decoy default columns hold other numbers: reading them instead changes every table.
    for i in 0..<n { text += "\(i),\(p[i]),\(y[i]),\(p[(i + 1) % n]),\(y[(i + 7) % n])\n" }
    let csv = try Self.write(text, folder, "named.csv")
    try check("--prob-column and --label-column", ["--predictions", csv, "--prob-column", "my prob", "--label-column", "gt'x"],
              keys: Self.typedParameters(bins: "25", momentum: "0.9", gamma: "0.5"))
  }

  @Test func severalFilesWithNamesAShellMustQuote() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var paths: [String] = []
    for (k, name) in ["two words 'quoted'.csv", "line\nbreak\tand tab.csv", "-dash $HOME.csv"].enumerated() {
      let n = [66_000, 500, 30_000][k]
      let rows = zip(Self.probabilities(n, seed: 10 + UInt64(k)), Self.labels(n, seed: 20 + UInt64(k))).map { "\($0),\($1)\n" }
      paths.append(try Self.write("p,y\n" + rows.joined(), folder, name))
    }
    try check("several CSV files", paths.flatMap { ["--predictions", $0] }, keys: Self.typedParameters(bins: "12", momentum: "0.25", gamma: "2"))
    // Several .npy pairs, each a batch, in different dtypes.
    let a = Self.probabilities(70_000, seed: 30), b = Self.probabilities(2_000, seed: 31)
    let pa = try Self.writeNpy(npy("<f8", count: a.count, data: Self.raw(a)), folder, "a.npy")
    let ya = try Self.writeNpy(npy("|b1", count: a.count, data: Self.labels(a.count, seed: 32).map(UInt8.init)), folder, "ya.npy")
    let pb = try Self.writeNpy(npy("<f4", count: b.count, data: Self.raw(b.map(Float.init))), folder, "b b.npy")
    let yb = try Self.writeNpy(npy("<f4", count: b.count, data: Self.raw(Self.labels(b.count, seed: 33).map(Float.init))), folder, "yb.npy")
    try check("several .npy files", ["--predictions", pa, "--predictions", pb, "--labels", ya, "--labels", yb], keys: [])
  }

  @Test func skippedRows() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let n = 140_000
    var rows = zip(Self.probabilities(n, seed: 40), Self.labels(n, seed: 41)).map { "\($0),\($1)\n" }
    for (i, bad) in [(5, "abc,1\n"), (70_000, "1.5,0\n"), (100_000, "0.5,2\n")] { rows[i] = bad }
    let csv = try Self.write("prob,label\n" + rows.joined(), folder, "bad.csv")
    try check("--skip-invalid CSV", ["--predictions", csv, "--skip-invalid"], keys: [])
    // A skipped value in the first unit moves every later one; in the last unit it moves none.
    let m = 3 * 65_536 + 100
    for (name, at) in [("first", 10), ("last", m - 5)] {
      var p = Self.probabilities(m, seed: 42).map(Float.init)
      p[at] = .nan
      let predictions = try Self.writeNpy(npy("<f4", count: m, data: Self.raw(p)), folder, "\(name).npy")
      let labels = try Self.writeNpy(npy("|u1", count: m, data: Self.labels(m, seed: 43).map(UInt8.init)), folder, "\(name)-y.npy")
      try check("--skip-invalid .npy, in the \(name) unit", ["--predictions", predictions, "--labels", labels, "--skip-invalid"], keys: [])
    }
  }

  @Test func theBuiltInPopulation() throws {
    let ghm = [.char("v")] + typed("ghm") + [Key.enter]
    let state = try Self.opened([])
    var opened = state
    _ = press(ghm, &opened)
    #expect(opened.ghm != nil)
    try checkBuiltIn("the built-in population", ghm)
    // Another size and mix: tab to samples and hard.
    try checkBuiltIn("a built-in population of another size and mix",
                     ghm + Self.typedParameters(bins: "50", momentum: "0.6", gamma: "2.5")
                       + [.tab, .char("=")] + typed("123456") + [.enter, .tab, .char("=")] + typed("0.07") + [.enter])
  }

  private func checkBuiltIn(_ name: String, _ keys: [Key]) throws {
    guard let file = Self.exported(try Self.opened([]), keys: keys) else {
      Issue.record("\(name): nothing exported")
      return
    }
    let words = try Self.commandWords(file)
    let command = try run(words)
    #expect(command.status == 0, "\(name): \(command.stderr)")
    #expect(command.stdout == file, "\(name): \(words)")
  }

  // MARK: - The options themselves

  @Test func everyPredictionOptionIsWrittenBack() throws {
    let given = ["--predictions", "a.npy", "--predictions=-b.npy", "--labels", "ya.npy", "--labels", "yb.npy",
                 "--prob-column", "p x", "--label-column=-y", "--batch-column", "step", "--logits", "--skip-invalid"]
    let options = try PredictionOptions.parse(given)
    let again = try PredictionOptions.parse(options.arguments)
    #expect(again.predictions == ["a.npy", "-b.npy"] && again.labels == ["ya.npy", "yb.npy"])
    #expect(again.probColumn == "p x" && again.labelColumn == "-y" && again.batchColumn == "step")
    #expect(again.logits && again.skipInvalid)
    // A new option must be added to `arguments` (and above): the explorer's export names them all.
    let names = Mirror(reflecting: options).children.compactMap(\.label)
    #expect(names == ["_predictions", "_labels", "_probColumn", "_labelColumn", "_batchColumn", "_logits", "_skipInvalid"])
  }

  @Test func aNewlineInANameKeepsTheCommandOneLine() {
    let quoted = CSVExport.shellQuoted("a\nb'c\\d\u{1b}e\u{202e}f")
    #expect(!quoted.contains("\n") && !quoted.unicodeScalars.contains(where: TerminalEscape.needsEscape))
    #expect(quoted == "$'a\\nb\\'c\\\\d\\x1be\\u202ef'")
    #expect(CSVExport.shellQuoted("it's") == "'it'\\''s'")
  }
}
