// The embeddings mode: the bundled example, keys to state, updates equal to whole runs, export, screen and lesson.

import Foundation
import Losses
import Testing

@testable import LossScopeApp
import LossText
@testable import LossData
@testable import LossLogs

@Suite struct EmbeddingsModeTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The app on the bundled example, opened from the picker as a user does.
  static func opened() -> AppState {
    var s = fresh()
    _ = press([.char("v")] + typed("embeddings") + [.enter], &s)
    return s
  }

  static func shown(_ s: AppState) throws -> EmbeddingsMode { try #require(s.embeddings) }

  @Test func theEmbeddedExampleIsTheExamplesFolderByteForByte() throws {
    for (text, name) in [(EmbeddingsModeExampleData.embeddings, "embeddings-8d.npy"), (EmbeddingsModeExampleData.labels, "labels.npy")] {
      let file = try Data(contentsOf: Self.root.appendingPathComponent("examples/" + name))
      #expect(EmbeddingsModeExample.bytes(text) == [UInt8](file), "\(name): run scripts/embed-examples")
    }
    let example = try #require(EmbeddingsModeExample.input)
    let files = try EmbeddingsInput.load(embeddings: Self.root.appendingPathComponent("examples/embeddings-8d.npy").path,
                                         labels: Self.root.appendingPathComponent("examples/labels.npy").path)
    #expect(example.set.count == 3000 && example.set.dim == 8 && example.set.labels == files.set.labels)
    #expect((0..<example.set.count).allSatisfy { example.set.normalised($0) == files.set.normalised($0) })
  }

  @Test func thePickerOpensTheExampleWithTheHardestAnchorSelected() throws {
    let s = Self.opened()
    let e = try Self.shown(s)
    #expect(e.report.summary.anchors == 3000 && e.order.count == 3000)
    let losses = e.order.map { e.anchors[$0].circleLoss }
    #expect(zip(losses, losses.dropFirst()).allSatisfy { $0 >= $1 })
    let a = try #require(e.selectedAnchor)
    #expect(a.circleLoss == losses[0] && e.rank == 0 && e.selection?.anchor.index == a.index)
    #expect(e.sn == a.snMax && e.sp == a.spMin)
    #expect(s.model.parameters.map(\.spec.name) == EmbeddingParameters.fields.map(\.name) + ["bins"])
  }

  /// A key-changed parameter recomputes only its part, and the result is a whole run's, bit for bit.
  @Test(arguments: [("temperature", [Key.char("-")], "supcon_loss"), ("circle-margin", [.char("+")], "circle_loss"),
                    ("bins", [.char("K")], "alignment, uniformity, histograms"), ("ms-epsilon", [.char("+")], "ms mining shares")])
  func aParameterKeyRecomputesItsPartAsAWholeRunWould(_ name: String, _ keys: [Key], _ recomputed: String) throws {
    var s = Self.opened()
    let index = try #require(s.model.parameters.firstIndex { $0.spec.name == name })
    _ = press(Array(repeating: .tab, count: index) + keys, &s)
    #expect(s.status == "recomputed only " + recomputed)
    let e = try Self.shown(s)
    #expect(e.values != EmbeddingParameters())
    let whole = EmbeddingPlan(e.input.set, parameters: e.values).run()
    #expect(e.report.summary == whole.summary && e.report.anchors == whole.anchors && e.report.histogram == whole.histogram)
    // The selected anchor's weights follow the new parameters.
    let a = try #require(e.selectedAnchor)
    #expect(e.selection?.pairs == e.input.set.pairs(of: a.index, e.values)?.pairs)
  }

  @Test func bracketsStepThroughTheHardestAnchorsAndArrowsMoveTheCursor() throws {
    var s = Self.opened()
    _ = press([.char("]"), .char("]")], &s)
    var e = try Self.shown(s)
    #expect(e.rank == 2 && e.selectedAnchor == e.anchors[e.order[2]])
    _ = press([.char("["), .char("["), .char("[")], &s)
    #expect(try Self.shown(s).rank == 0 && s.status == "this is the hardest anchor")
    _ = press([.char("=")] + typed("0.3,0.5") + [.enter, .up, .up, .pageDown, .right], &s)
    e = try Self.shown(s)
    #expect(abs(e.sp - 0.42) < 1e-12 && abs(e.sn - 0.31) < 1e-12)
    let a = try #require(e.selectedAnchor)
    let nearest = e.anchors.map { ($0.snMax - e.sn) * ($0.snMax - e.sn) + ($0.spMin - e.sp) * ($0.spMin - e.sp) }.min()
    #expect(nearest == (a.snMax - e.sn) * (a.snMax - e.sn) + (a.spMin - e.sp) * (a.spMin - e.sp))
    // Up stepped the cursor, not the selected parameter.
    #expect(s.model.parameters[0].value == 2)
    _ = press([.char("=")] + typed("0.1,0.9") + [.enter], &s)
    #expect(try Self.shown(s).sn == 0.1 && Self.shown(s).sp == 0.9)
  }

  @Test func exportIsTheAnchorsTableWithTheCommandThatWritesIt() throws {
    var s = Self.opened()
    let index = try #require(s.model.parameters.firstIndex { $0.spec.name == "temperature" })
    _ = press(Array(repeating: .tab, count: index) + [.char("-")], &s)
    let export = s.model.export()
    #expect(export.command.hasPrefix("lossscope embeddings --embeddings examples/embeddings-8d.npy --labels examples/labels.npy --temperature 0.05 --table anchors"))
    let e = try Self.shown(s)
    let table = EmbeddingsTables.csv(.anchors, e.report, input: e.input, parameters: e.values)
    #expect(export.contents == CSVExport.withCommand(table, export.command))
    #expect(csvRows(export.contents).rows.count == 3000)
    // No preset holds embeddings: the file says so and is the circle plane at the same m and gamma.
    let preset = try PresetWriter.text(s.model.preset(name: "mine"))
    #expect(preset.contains("# not supported for embeddings"))
    let parsed = try PresetLoader.parse(preset, path: "mine.toml")
    #expect(parsed.plane?.info.name == "circle-plane" && parsed.plane?.parameters["margin"] == 0.25)
  }

  @Test func theScreenShowsThePlaneTheHistogramsTheAnchorAndTheSummary() throws {
    let s = Self.opened()
    let text = Screen.render(s).text
    let e = try Self.shown(s)
    #expect(text.contains("3000 anchors at (sn_max") && text.contains("positive pairs by s"))
    #expect(text.contains("anchor row \(e.selectedAnchor!.index)") && text.contains("hardest of 374 positives"))
    #expect(text.contains("align \(NumberText.significant(e.report.summary.alignment)) unif \(NumberText.significant(e.report.summary.uniformity))"))
    #expect(text.contains("●"))
    // At 80 columns the pair table takes the histograms' place, with every column; at 60 the pictures stay.
    var narrow = fresh(width: 80, height: 24)
    narrow.open(s.mode)
    let text80 = Screen.render(narrow).text
    #expect(text80.contains("hardest of 374 positives") && text80.contains("supcon   T") && !text80.contains("positive pairs by s"))
    narrow.resize(width: 60, height: 20)
    let text60 = Screen.render(narrow).text
    #expect(!text60.contains("hardest of") && text60.contains("positive pairs by s"))
  }

  @Test func wordsOpenTheModeWithParameters() throws {
    guard case .embeddings(let e) = try Mode.open(.words(["embeddings", "temperature=0.5", "bins=20"]), ghmInput: nil) else {
      Issue.record("not the embeddings mode")
      return
    }
    #expect(e.values.temperature == 0.5 && e.values.bins == 20 && e.report.histogram.bins == 20)
    #expect(throws: CLIError.self) { try Mode.open(.words(["embeddings", "gamma=2"]), ghmInput: nil) }
    #expect(throws: CLIError.self) { try Mode.open(.words(["embeddings", "temperature=0"]), ghmInput: nil) }
  }

  @Test func theLessonRevealsTheReadoutsNumbers() throws {
    var s = fresh()
    let lesson = try #require(Lessons.named("embeddings"))
    s.start(LessonProgress(lesson: lesson, step: 1))
    #expect(!lesson.steps[1].done(s))
    let index = try #require(s.model.parameters.firstIndex { $0.spec.name == "temperature" })
    _ = press(Array(repeating: .tab, count: index) + [.char("=")] + typed("0.05") + [.enter], &s)
    #expect(lesson.steps[1].done(s))
    let e = try Self.shown(s)
    let supcon = NumberText.significant(e.report.summary.supconLoss)
    #expect(lesson.steps[1].reveal(s).contains("mean SupCon loss \(supcon)"))
    #expect(Screen.render(s).text.contains("supcon \(supcon)"))
    s.start(LessonProgress(lesson: lesson, step: 2))
    _ = press([.char("]"), .char("]")], &s)
    #expect(lesson.steps[2].done(s))
    #expect(lesson.steps[2].reveal(s).contains("circle loss \(NumberText.significant(try Self.shown(s).selectedAnchor!.circleLoss))"))
  }
}

/// Random keys on a small set (the example takes seconds per change in a debug build): every
/// frame full, the selection valid, and the live report always a whole run's at its parameters.
@Suite struct EmbeddingsModeRandomKeyTests {
  static func small() throws -> EmbeddingsMode {
    let n = 48, dim = 3
    let values = (0..<(n * dim)).map { k in sin(Double(k) * 1.7) + Double(k % dim == (k / dim) % 4 % dim ? 2 : 0) }
    let set = try EmbeddingSet(values: values, dim: dim, labels: (0..<n).map { Int64($0 % 4) })
    return EmbeddingsMode(EmbeddingsInput(set: set, source: "small"), embeddings: "small.npy", labels: "small-labels.npy")
  }

  @Test func randomKeysKeepTheModeValid() throws {
    var rng = SeededGenerator(state: 1515)
    let start = try Self.small()
    // Not t or v: lessons and other views leave the small set (the full example is slow in a debug build).
    let keys = AppPropertyTests.alphabet.filter { $0 != .char("t") && $0 != .char("v") }
    for sequence in 0..<6 {
      var state = fresh(width: 100, height: 30)
      state.open(.embeddings(start))
      var history: [String] = []
      for _ in 0..<150 {
        let key = keys.randomElement(using: &rng) ?? .escape
        history.append("\(key)")
        let effects = send(&state, .key(key))
        let grid = Screen.render(state)
        #expect(grid.width == 100 && grid.height == 30, "\(sequence): \(history.suffix(12))")
        if let e = state.embeddings {
          #expect(e.order.indices.contains(e.rank) && e.selection?.anchor.index == e.selectedAnchor?.index, "\(history.suffix(12))")
          #expect((-1...1).contains(e.sn) && (-1...1).contains(e.sp))
          let whole = EmbeddingPlan(e.input.set, parameters: e.values).run()
          #expect(e.report.summary == whole.summary && e.report.anchors == whole.anchors && e.report.histogram == whole.histogram,
                  "\(sequence): \(history.suffix(12))")
        }
        if effects.contains(.quit) { break }
      }
    }
  }
}

private func sin(_ x: Double) -> Double { Foundation.sin(x) }
