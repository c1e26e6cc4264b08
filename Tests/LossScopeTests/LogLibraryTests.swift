// `lossscope log --diagnose` on files laid out as each library writes them (Fixtures/libraries): a learning, an overfitting, a plateau and a diverging run, losses and accuracies.

import Foundation
import Testing

@testable import LossLogs
@testable import LossScopeApp

/// The per-library fixtures (see Fixtures/libraries/make_log_fixtures.py).
let libraryFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/libraries")

/// One row of `--diagnose`.
struct DiagnosisRow: Equatable, CustomStringConvertible {
  var run, train, val, verdict, flags, evidence: String
  var description: String { "\(train)/\(val): \(verdict) [\(flags)] \(evidence)" }
}

/// The rows `lossscope log ARGS --diagnose` prints (fields split as RFC 4180 quotes them).
func diagnosisRows(_ arguments: [String]) throws -> [DiagnosisRow] {
  let result = try run(["log"] + arguments + ["--diagnose"])
  #expect(result.status == 0, "\(result.stderr)")
  return result.stdout.split(separator: "\n").dropFirst().map { line in
    var fields: [String] = [], field = "", quoted = false
    var chars = Array(line)[...]
    while let c = chars.popFirst() {
      if c == "\"" { if quoted && chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted.toggle() } }
      else if c == "," && !quoted { fields.append(field); field = "" }
      else { field.append(c) }
    }
    fields.append(field)
    return DiagnosisRow(run: fields[0], train: fields[1], val: fields[2], verdict: fields[3], flags: fields[4], evidence: fields[5])
  }
}

/// `{file: {metric: [[x, value]]}}` as lossscope reads one file.
func ourValues(_ path: String, axis: LogAxis = .step) throws -> [String: [String: [[Double]]]] {
  let runs = try readLogs([path], axis: axis)
  return [path: Dictionary(uniqueKeysWithValues: runs[0].series.map { s in (s.metric, zip(s.xs, s.values).map { [$0, $1] }) })]
}

@Suite struct LogLibraryTests {
  static let scenarios = ["learning", "overfitting", "plateau", "diverging"]

  func fixture(_ parts: String...) -> String { parts.reduce(libraryFixtures) { $0.appendingPathComponent($1) }.path }

  /// The verdict of the pair `train`/`val` among `rows`.
  func verdict(_ rows: [DiagnosisRow], _ train: String, _ val: String) -> String? {
    rows.first { $0.train == train && $0.val == val }?.verdict
  }

  @Test(arguments: scenarios)
  func lightning(scenario: String) throws {
    let rows = try diagnosisRows([fixture("lightning", scenario, "metrics.csv")])
    #expect(verdict(rows, "train_loss_epoch", "val_loss") == scenario, "\(rows)")
    #expect(verdict(rows, "train_acc_epoch", "val_acc") == scenario, "\(rows)")
    // The step series stay series of their own.
    #expect(rows.contains { $0.train == "train_loss_step" && $0.val.isEmpty }, "\(rows)")
    #expect(rows.contains { $0.train == "train_acc_step" && $0.val.isEmpty }, "\(rows)")
    #expect(rows.count == 4, "\(rows)")
    let path = fixture("lightning", scenario, "metrics.csv")
    let theirs = try libraryValues("csv", path, ["step"], module: "csv", expected: "")
    try expectSameValues(ourValues(path), theirs)
  }

  @Test func lightningsFirstTwelveLinesAreTooFew() throws {
    let rows = try diagnosisRows([fixture("lightning", "first12", "metrics.csv")])
    let pair = try #require(rows.first { $0.train == "train_loss_epoch" && $0.val == "val_loss" }, "\(rows)")
    #expect(pair.verdict == "too-few-points")
    #expect(pair.evidence.contains("train has 1 point in the window, needs 5; val has 1 point in the window, needs 5"), "\(pair)")
    // The step series has 9 points: enough for a verdict of its own (5 in the window).
    let steps = try #require(rows.first { $0.train == "train_loss_step" })
    #expect(steps.verdict != "too-few-points" && steps.evidence.contains("over 5 points"), "\(steps)")
  }

  @Test(arguments: scenarios)
  func huggingFaceTrainerState(scenario: String) throws {
    let rows = try diagnosisRows([fixture("trainer_state", scenario, "trainer_state.json")])
    #expect(verdict(rows, "loss", "eval_loss") == scenario, "\(rows)")
    #expect(verdict(rows, "loss", "eval_accuracy") == scenario, "\(rows)")
    // Runtime, samples per second, flos, learning rate and grad norm are never judged.
    #expect(!rows.contains { ["runtime", "second", "flos", "learning_rate", "grad_norm"].contains(where: $0.train.contains) || ["runtime", "second"].contains(where: $0.val.contains) }, "\(rows)")
    // train_loss is the Trainer's one summary value at the end.
    #expect(rows.first { $0.train == "train_loss" }?.verdict == "too-few-points", "\(rows)")
    let path = fixture("trainer_state", scenario, "trainer_state.json")
    let theirs = try libraryValues("trainer-state", path, module: "json", expected: "")
    try expectSameValues(ourValues(path), theirs)
  }

  @Test(arguments: scenarios)
  func tensorboardX(scenario: String) throws {
    let rows = try diagnosisRows([fixture("tensorboardx", scenario)])
    #expect(verdict(rows, "Loss/train", "Loss/val") == scenario, "\(rows)")
    #expect(verdict(rows, "Accuracy/train", "Accuracy/val") == scenario, "\(rows)")
  }
}

@Suite struct LogLiveAnnouncementTests {
  /// Lightning's metrics.csv followed as it grows: no verdict is announced until one stands;
  /// until then the status says which series has too few points.
  @Test func theAppWaitsForAVerdictThatStands() throws {
    let lines = try String(contentsOfFile: libraryFixtures.appendingPathComponent("lightning/overfitting/metrics.csv").path, encoding: .utf8)
      .split(separator: "\r\n").map(String.init)  // csv.DictWriter ends lines with CRLF
    let path = try logFile("metrics.csv", lines.prefix(12).joined(separator: "\r\n") + "\r\n")
    var mode = try TrainingLogMode.open([path], follow: true)
    #expect(mode.panels.first?.diagnosis.verdict == .tooFewPoints, "\(mode.panels.map { ($0.pair, $0.diagnosis.evidence, $0.series.map(\.count)) })")
    var said: [String] = []
    let performer = WorkPerformer()  // reads as the runtime reads for the app, one tick per line
    for line in lines.dropFirst(12) {
      let handle = try #require(FileHandle(forWritingAtPath: path))
      handle.seekToEndOfFile()
      handle.write(Data((line + "\r\n").utf8))
      try handle.close()
      if case .done(let done) = performer.perform(.readLogs(paths: [path], axis: .step)), let status = mode.finished(done.outcome) {
        said.append(status)
      }
    }
    // The val row of epoch 1 comes before its train row.
    #expect(said.first == "no verdict yet: train has 1 point in the window, needs 5; val has 2 points in the window, needs 5", "\(said)")
    let verdicts = said.filter { $0.hasPrefix("diagnosis now: ") }
    #expect(!verdicts.isEmpty && verdicts.last == "diagnosis now: overfitting", "\(said)")
    // Every announcement before the first verdict says what is missing.
    let first = try #require(said.firstIndex { $0.hasPrefix("diagnosis now: ") })
    #expect(said[..<first].allSatisfy { $0.hasPrefix("no verdict yet: ") && $0.contains("needs 5") }, "\(said)")
    #expect(said[first...].allSatisfy { $0.hasPrefix("diagnosis now: ") }, "\(said)")
  }
}

@Suite struct LogKerasDetectron2Tests {
  func fixture(_ parts: String...) -> String { parts.reduce(libraryFixtures) { $0.appendingPathComponent($1) }.path }

  @Test(arguments: LogLibraryTests.scenarios)
  func kerasCSVLogger(scenario: String) throws {
    let path = fixture("keras", scenario, "training.log")
    let runs = try readLogs([path])
    #expect(runs.first?.format == .kerasCSV)
    let rows = try diagnosisRows([path])
    #expect(rows.first { $0.train == "loss" && $0.val == "val_loss" }?.verdict == scenario, "\(rows)")
    #expect(rows.first { $0.train == "accuracy" && $0.val == "val_accuracy" }?.verdict == scenario, "\(rows)")
    #expect(rows.count == 2, "\(rows)")
    // Python's csv module reads the same numbers (NA cells are no point).
    let theirs = try libraryValues("csv", path, module: "csv", expected: "")
    try expectSameValues(ourValues(path), theirs)
    // Found in a folder, by its header.
    #expect(try readLogs([fixture("keras", scenario)]).map(\.name) == [path])
  }

  @Test func kerasValidationFreqLeavesNA() throws {
    let runs = try readLogs([fixture("keras", "plateau", "training.log")])
    #expect(runs[0]["loss"]?.count == 30 && runs[0]["val_loss"]?.count == 15)
    #expect(runs[0]["val_loss"]?.xs.first == 1)
  }

  @Test(arguments: LogLibraryTests.scenarios)
  func detectron2Metrics(scenario: String) throws {
    let path = fixture("detectron2", scenario, "metrics.json")
    let runs = try readLogs([path])
    #expect(runs.first?.format == .detectron2)
    #expect(runs[0]["total_loss"]?.xs.prefix(2) == [19, 39])
    let rows = try diagnosisRows([path])
    let loss = try #require(rows.first { $0.train == "total_loss" && $0.val == "validation_loss" }, "\(rows)")
    #expect(loss.verdict == scenario, "\(rows)")
    // The losses are medians already: the evidence says so before anything else.
    #expect(loss.evidence.hasPrefix("detectron2 logs each loss as the median of its last 20 iterations"), "\(loss)")
    // COCO's AP is computed on the test set: held out, paired with the training loss.
    #expect(rows.first { $0.train == "total_loss" && $0.val == "bbox/AP" }?.verdict == scenario, "\(rows)")
    // lr, eta_seconds, time and data_time are bookkeeping.
    #expect(!rows.contains { ["lr", "eta_seconds", "time", "data_time"].contains($0.train) }, "\(rows)")
    let theirs = try libraryValues("json", path, ["iteration"], module: "json", expected: "")
    try expectSameValues(ourValues(path), theirs)
    #expect(try readLogs([fixture("detectron2", scenario)]).map(\.name) == [path])
  }
}
