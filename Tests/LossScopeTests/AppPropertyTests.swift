// Random key sequences from every start screen through update and the renderer: no trap, a
// valid state and a full frame after every message.

import Losses
import Plot
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

/// SplitMix64: a fixed seed gives the same sequences on every run.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

@Suite struct AppPropertyTests {
  /// A small predictions file's population: a few hundred g values in three batches.
  static var filePopulation: Population {
    var g: [Double] = []
    for i in 0..<600 { g.append(Double((i * 37) % 1000) / 1000) }
    return Population(g: g, batchEnds: [200, 400, 600], source: "preds.csv")
  }

  /// Every kind of start: the default, each mode, a file's GHM, each lesson, each overlay.
  static let starts: [(String, [Key])] = [
    ("default", []),
    ("ghm", [.char("v")] + typed("ghm") + [.enter]),
    ("circle-plane", [.char("v")] + typed("circle-plane") + [.enter]),
    ("margins", [.char("v")] + typed("margins") + [.enter]),
    ("embeddings", [.char("v")] + typed("embeddings") + [.enter]),
    ("lesson 1", [.char("t")]),
    ("lesson 2", [.char("t"), .char("t")]),
    ("lesson 3", [.char("t"), .char("t"), .char("t")]),
    ("lesson 1, last step", [.char("t"), .char("n"), .char("n"), .char("n")]),
    ("help", [.char("?")]),
    ("picker", [.char("v")]),
    ("value prompt", [.char("=")]),
    ("export prompt", [.char("e")]),
    ("preset prompt", [.char("w")]),
    ("sweep and ghost", [.char("s"), .char("g"), .char("a")] + typed("anchor") + [.enter]),
    ("training log, followed", []),
  ]

  /// Keys a user may press: every binding, the special keys, text and a few strangers.
  static let alphabet: [Key] = KeyMap.bindings.flatMap(\.keys)
    + [.up, .down, .left, .right, .home, .end, .tab, .backTab, .enter, .escape, .backspace]
    + "vghmcepft0123456789.,-=a?xyzZ".map { .char($0) } + [.char("é"), .char("\u{7}"), .char("世")]

  static func check(_ state: AppState, _ context: @autoclosure () -> String) {
    let grid = Screen.render(state)
    #expect(grid.width == state.width && grid.height == state.height, "\(context())")
    let count = state.model.parameters.count
    #expect(state.selected >= 0 && state.selected < max(1, count), "\(context())")
    if let c = state.curves {
      #expect(c.from < c.to && c.from >= c.axis.lower && c.to <= c.axis.upper, "\(context())")
      #expect(c.cursor >= c.from && c.cursor <= c.to, "\(context())")
      #expect(!c.series.isEmpty && c.series.count <= CurvesMode.maxSeries, "\(context())")
      #expect(c.views.indices.contains(c.active), "\(context())")
    }
    if let p = state.plane { #expect(p.x >= 0 && p.x <= p.span && p.y >= 0 && p.y <= p.span, "\(context())") }
    if case .picker(_, _, let selection) = state.overlay { #expect(selection >= 0, "\(context())") }
  }

  @Test(arguments: starts.indices)
  func randomKeysKeepAValidStateAndAFullFrame(_ index: Int) throws {
    let (name, opening) = Self.starts[index]
    var rng = SeededGenerator(state: UInt64(index) &* 7919 &+ 1)
    // A fixed number of sequences and steps: the same cases on a fast machine and a slow one.
    for sequence in 0..<3 {
      var state = fresh(width: 80, height: 24)
      if sequence % 3 == 1 {
        state.open(.ghm(GHMMode(.file(Self.filePopulation, options: ["--predictions", "preds.csv"]))))
      }
      if name.hasPrefix("training log") { state.open(.log(try #require(try? TrainingLogMode.open([LogFixture.shared], follow: true)))) }
      _ = press(opening, &state)
      var history: [String] = []
      for _ in 0..<80 {
        let message: Message
        if Int.random(in: 0..<25, using: &rng) == 0 {
          let buttons: [MouseButton] = [.press, .wheelUp, .wheelDown]
          message = .mouse(x: Int.random(in: -2...state.width + 2, using: &rng), y: Int.random(in: -2...state.height + 2, using: &rng),
                           button: buttons.randomElement(using: &rng) ?? .press)
        } else if Int.random(in: 0..<20, using: &rng) == 0 {
          message = .resize(width: Int.random(in: 0...260, using: &rng), height: Int.random(in: 0...90, using: &rng))
        } else if Int.random(in: 0..<10, using: &rng) == 0 {
          message = .tick
        } else {
          message = .key(Self.alphabet.randomElement(using: &rng) ?? .escape)
        }
        history.append("\(message)")
        let effects = update(&state, message)
        Self.check(state, "\(name) #\(sequence): \(history.suffix(12))")
        if effects.contains(.quit) { break }
        for case .writeFile(let path, let contents, _, _) in effects {
          let reply: Message = Bool.random(using: &rng) ? .fileWritten(path: path) : .fileExists(path: path, contents: contents)
          _ = update(&state, reply)
          Self.check(state, "\(name) #\(sequence) after a write: \(history.suffix(12))")
        }
      }
    }
  }
}
