// The same odd numbers get the grammar's verdict wherever a number is read, and a refusal names its place.

import Foundation
import Losses
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

/// What one place made of a text: the value it read, or its refusal's message.
enum Read {
  case success(Double)
  case failure(String)
}

/// Each place a number is read, given `text`: the value read, or the refusal's message. The
/// accepted odd numbers (0.5, 5) are valid for every place, so only the grammar decides.
@Suite struct OddNumbersTests {
  static let odd = ["0x10", "1_0", ".5", "5.", "+0.5", "1e-400", "1e400", "nan", "inf"]

  /// What the grammar says: the policy written atop DecimalText.swift.
  func verdict(_ text: String) -> Result<Double, DecimalText.Refusal> { DecimalText.parse(text) }

  func file(_ name: String, _ text: String) throws -> String {
    let url = try temporaryFolder().appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  /// Checks one place against the grammar: the same value, or a message with the grammar's
  /// reason and the place (`where`) it names.
  func expectVerdict(_ text: String, _ place: String, _ read: Read, where expected: String,
                     sourceLocation: SourceLocation = #_sourceLocation) {
    switch (verdict(text), read) {
    case (.success(let v), .success(let got)):
      #expect(got == v, "\(place): \(text) read as \(got), not \(v)", sourceLocation: sourceLocation)
    case (.failure(let why), .failure(let message)):
      #expect(message.contains(why.reason) || why == .nonFinite && message.contains("not a finite number"),
              "\(place): \(text) refused without the grammar's reason: \(message)", sourceLocation: sourceLocation)
      #expect(message.contains(expected), "\(place): \(text) refused without naming \(expected): \(message)", sourceLocation: sourceLocation)
    case (let v, let got):
      Issue.record("\(place): \(text) is \(v) by the grammar but \(got) here", sourceLocation: sourceLocation)
    }
  }

  @Test(arguments: odd)
  func aParameterOnTheCommandLine(text: String) {
    let read: Read
    do { read = .success(try ViewArguments.parse(["focal", "gamma=\(text)"])[0].parameters["gamma"]) } catch { read = .failure(error.description) }
    expectVerdict(text, "command line", read, where: "gamma=\(text)")
  }

  @Test(arguments: odd)
  func aParameterAndARangeInAPreset(text: String) {
    func read(_ preset: String, _ value: (Preset) -> Double) -> Read {
      do { return .success(value(try PresetLoader.parse(preset, path: "p.toml"))) } catch { return .failure(error.description) }
    }
    let parameter = read("name = \"x\"\nview = \"focal\"\n[parameters]\ngamma = \(text)\n") { $0.views[0].parameters["gamma"] }
    expectVerdict(text, "preset parameter", parameter, where: "p.toml:4: gamma: '\(text)'")
    let swept = read("name = \"x\"\nview = \"focal\"\n\n[parameters]\ngamma = [1, \(text)]\n") { $0.views[0].sweeps[0].values[1] }
    expectVerdict(text, "preset sweep", swept, where: "p.toml:5: gamma: '\(text)'")
    // x on the logit axis, where every accepted odd number is in range.
    let to = read("name = \"x\"\nview = \"focal\"\nfrom = -1\nto = \(text)\n[parameters]\naxis = \"logit\"\n") { $0.to! }
    expectVerdict(text, "preset range", to, where: "p.toml:4: to: '\(text)'")
    let note = read("name = \"x\"\nview = \"focal\"\n[[annotations]]\nx = \(text)\ntext = \"a\"\n") { $0.annotations[0].x }
    expectVerdict(text, "preset annotation", note, where: "p.toml:4: x: '\(text)'")
  }

  @Test(arguments: odd)
  func aValueAtTheAppsPrompt(text: String) {
    var s = fresh()
    _ = press([.char("=")] + typed(text) + [.enter], &s)
    let gamma = s.activeView.parameters["gamma"]
    let read: Read = s.status.isEmpty ? .success(gamma) : .failure(s.status)
    if case .failure = read { #expect(gamma == 2, "a refused value changed gamma") }
    expectVerdict(text, "prompt", read, where: "gamma=\(text)")
  }

  @Test(arguments: odd)
  func aLogitInAPredictionsCSV(text: String) throws {
    let path = try file("p.csv", "logit,y\n0.25,0\n\(text),1\n")
    let read: Read
    do {
      let population = try PopulationLoader.load(predictions: [path], labels: [], columns: PredictionColumns(logits: true), skipInvalid: false)
      // g = |sigmoid(z) - 1| = sigmoid(-z): z read back from the second sample.
      let g = Double(population.g[1])
      read = .success(Foundation.log(1 / g - 1))
    } catch {
      read = .failure(error.description)
    }
    if case .success(let v) = verdict(text), case .success(let z) = read {
      #expect(abs(z - v) <= 1e-5 * max(1, abs(v)), "predictions: \(text) read as \(z)")
    } else {
      expectVerdict(text, "predictions CSV", read, where: "p.csv:3: column logit")
    }
  }

  @Test(arguments: odd)
  func aValueInAnEmbeddingsCSV(text: String) throws {
    let path = try file("e.csv", "label,a,b\n0,1,0\n0,\(text),1\n1,0,1\n1,0.5,1\n")
    let read: Read
    do {
      _ = try EmbeddingsInput.load(embeddings: path, labels: nil)
      read = (try? verdict(text).get()).map(Read.success) ?? .failure("loaded")
    } catch {
      read = .failure(error.description)
    }
    expectVerdict(text, "embeddings CSV", read, where: "e.csv:3: column a")
  }

  /// A training log reads Python's `nan` and `inf` as points (what a diverged run writes, which
  /// the diagnosis flags): the one exception DecimalText's header states. Every other text gets
  /// the grammar's verdict.
  @Test(arguments: odd)
  func aValueInACSVLog(text: String) throws {
    let path = try file("log.csv", "step,loss\n1,0.25\n2,\(text)\n")
    let read: Read
    do {
      let runs = try readLogs([path])
      read = .success(runs[0].series.first { $0.metric == "loss" }!.values[1])
    } catch {
      read = .failure(String(describing: error))
    }
    if text == "nan" || text == "inf" {
      guard case .success(let v) = read else { Issue.record("log: \(text) is not a point: \(read)"); return }
      #expect(v.isNaN || v == .infinity, "log: \(text) read as \(v)")
      return
    }
    expectVerdict(text, "CSV log", read, where: "line 3")
  }
}

extension OddNumbersTests {
  @Test(arguments: odd)
  func aRangeOptionOnTheCommandLine(text: String) {
    let read: Read
    do { read = .success(try ArgumentChecks.real(text)) } catch { read = .failure("\(error)") }
    expectVerdict(text, "--from", read, where: "'\(text)'")
  }
}
