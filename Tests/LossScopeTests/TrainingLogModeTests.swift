// The training-log mode: keys to state, ticks that read appended points, the screen, and export.

import Foundation
import Losses
import Plot
import Testing

@testable import LossScopeApp
import LossText
@testable import LossData
@testable import LossLogs

/// A CSV log whose answer is known: both losses fall over `0..<40` (learning); from 40 on the
/// training loss keeps falling while val rises (overfitting once the rise fills the window).
enum LogFixture {
  static func row(_ step: Int) -> String {
    let train = 2 * exp(-Double(step) / 15) + 0.1
    let val = step < 40 ? train + 0.1 : 0.2 + 0.05 * Double(step - 39)
    return "\(step),\(NumberText.shortest(train)),\(NumberText.shortest(val))\n"
  }

  static func text(_ steps: Range<Int>, header: Bool = true) -> String {
    (header ? "step,loss,val_loss\n" : "") + steps.map(row).joined()
  }

  /// The log of steps 0..<40 in a file of the test process, for tests that only read it.
  static let shared: String = {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("lossscope-log-fixture-\(getpid()).csv").path
    try? text(0..<40).write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }()

  static func append(_ text: String, to path: String) throws {
    let handle = try #require(FileHandle(forWritingAtPath: path))
    handle.seekToEndOfFile()
    handle.write(Data(text.utf8))
    try handle.close()
  }
}

@Suite struct TrainingLogModeTests {
  /// A state showing `path` followed (or read once), at 120x40.
  static func opened(_ path: String, follow: Bool) throws -> AppState {
    var state = AppState(mode: .log(try TrainingLogMode.open([path], follow: follow)), width: 120, height: 40)
    state.clock = { Timestamp(year: 2026, month: 11, day: 22, hour: 17, minute: 45, second: 2) }
    return state
  }

  static func log(_ state: AppState) -> TrainingLogMode? {
    if case .log(let m) = state.mode { return m }
    return nil
  }

  func withLog(_ steps: Range<Int>, _ body: (String) throws -> Void) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("metrics.csv").path
    try LogFixture.text(steps).write(toFile: path, atomically: true, encoding: .utf8)
    try body(path)
  }

  @Test func opensOnePanelPerPairWithItsDiagnosis() throws {
    try withLog(0..<40) { path in
      let state = try Self.opened(path, follow: false)
      let m = try #require(Self.log(state))
      #expect(m.panels.count == 1)
      #expect(m.panels.first?.pair == LogPair(train: "loss", val: "val_loss"))
      #expect(m.panels.first?.series.map(\.count) == [40, 40])
      #expect(m.panels.first?.diagnosis.verdict == .learning)
      #expect(state.model.parameters.map(\.spec.name) == ["smooth", "window", "smoother"])
      #expect(!state.model.wantsTicks)
    }
  }

  @Test func steppingTheWeightResmoothsWithoutReadingAgain() throws {
    try withLog(0..<40) { path in
      var state = try Self.opened(path, follow: false)
      let before = try #require(Self.log(state))
      _ = press([.char("+")], &state)
      let after = try #require(Self.log(state))
      #expect(after.settings["smooth"] == 0.65)
      #expect(after.read == before.read)
      let raw = after.panels[0].series[0].values
      #expect(after.panels[0].smoothed[0] == LogSmoother.ema(raw, weight: 0.65))
      #expect(after.panels[0].diagnosis.evidence.hasSuffix("smoother ema 0.65"))
      // The window, then ma: the smoothing follows the parameters, and undo brings ema back.
      _ = press([.tab] + typed("=12") + [.enter, .tab, .char("+")], &state)
      let ma = try #require(Self.log(state))
      #expect(ma.smoother == .movingAverage(window: 12))
      #expect(ma.panels[0].smoothed[0] == LogSmoother.centred(raw, window: 12))
      _ = press([.char("u")], &state)
      #expect(Self.log(state)?.smoother == .ema(weight: 0.65))
    }
  }

  @Test func cursorZoomAndLogY() throws {
    try withLog(0..<40) { path in
      var state = try Self.opened(path, follow: false)
      #expect(Self.log(state)?.cursorX == 39)
      #expect(state.model.readout(marker: .braille).hasPrefix("step 39 │ loss 0.249 ~"))
      _ = press([.char("H")], &state)
      let moved = try #require(Self.log(state))
      #expect(moved.cursorX < 39 && moved.cursor != nil && moved.cursorX == moved.cursorX.rounded())
      let k = try #require(TrainingLogMode.index(moved.panels[0].series[0], atOrBefore: moved.cursorX))
      #expect(state.model.readout(marker: .ascii).contains("loss \(NumberText.significant(moved.panels[0].series[0].values[k]))"))
      _ = press([.char("z")], &state)
      let zoomed = try #require(Self.log(state)?.range)
      #expect(zoomed.to - zoomed.from == 19.5)
      _ = press([.char("0"), .char("y")], &state)
      #expect(Self.log(state)?.range == nil)
      #expect(Self.log(state)?.logY == true)
      _ = press([.char("L"), .char("L"), .char("L")], &state)
      #expect(Self.log(state)?.cursor == nil)
    }
  }

  @Test func aTickReadsAppendedPointsAndTheDiagnosisFollows() throws {
    try withLog(0..<40) { path in
      var state = try Self.opened(path, follow: true)
      #expect(state.model.wantsTicks)
      #expect(send(&state, .tick).isEmpty)
      #expect(Self.log(state)?.panels.first?.diagnosis.verdict == .learning)
      try LogFixture.append(LogFixture.text(40..<80, header: false), to: path)
      send(&state, .tick)
      let m = try #require(Self.log(state))
      #expect(m.panels.first?.series.map(\.count) == [80, 80])
      #expect(m.extent.to == 79 && m.cursorX == 79)
      #expect(m.panels.first?.diagnosis.verdict == .overfitting)
      #expect(state.status == "diagnosis now: overfitting")
      // Zoomed, the range stays where the user put it while points arrive.
      _ = press([.char("z")], &state)
      let range = try #require(Self.log(state)?.range)
      try LogFixture.append(LogFixture.text(80..<90, header: false), to: path)
      send(&state, .tick)
      #expect(Self.log(state)?.range?.from == range.from && Self.log(state)?.range?.to == range.to)
      #expect(Self.log(state)?.extent.to == 89)
    }
  }

  @Test func aReplacedFileIsReadAgainFromItsStart() throws {
    try withLog(0..<40) { path in
      var state = try Self.opened(path, follow: true)
      try LogFixture.text(0..<12).write(toFile: path, atomically: true, encoding: .utf8)
      send(&state, .tick)
      let m = try #require(Self.log(state))
      #expect(m.panels.first?.series.map(\.count) == [12, 12])
      #expect(m.extent.to == 11 && m.cursorX == 11)
      try "".write(toFile: path, atomically: true, encoding: .utf8)
      send(&state, .tick)
      #expect(Self.log(state)?.panels.isEmpty == true)
      #expect(Screen.render(state).text.contains("waiting for points in \(path)"))
    }
  }

  @Test func aBadAppendedLineStopsFollowingWithItsPlace() throws {
    try withLog(0..<40) { path in
      var state = try Self.opened(path, follow: true)
      try LogFixture.append("40,0.5,oops\u{1b}[2J\n", to: path)
      send(&state, .tick)
      #expect(state.status.contains("line 42") && state.status.hasSuffix("(no longer following)"), "\(state.status)")
      #expect(!state.status.contains("\u{1b}") && !state.model.wantsTicks)
      #expect(state.model.title.hasSuffix("stopped"))
    }
  }

  @Test func controlCharactersInNamesAreShownEscaped() throws {
    try withLog(0..<0) { path in
      try "step,lo\u{1b}ss,val_lo\u{1b}ss\n0,1,2\n1,0.5,1\n".write(toFile: path, atomically: true, encoding: .utf8)
      let state = try Self.opened(path, follow: false)
      let screen = Screen.render(state).text
      #expect(!screen.unicodeScalars.contains("\u{1b}"))
      #expect(screen.contains("lo\\ess / val_lo\\ess"), "\(screen)")
    }
  }

  @Test func severalRunsAreNumberedOnTheScreenAndInTheReadout() throws {
    try withLog(0..<40) { path in
      let other = path.replacingOccurrences(of: "metrics.csv", with: "other.csv")
      try LogFixture.text(0..<20).write(toFile: other, atomically: true, encoding: .utf8)
      var state = AppState(mode: .log(try TrainingLogMode.open([path, other], follow: false)), width: 120, height: 40)
      state.marker = .ascii
      let screen = Screen.render(state).text
      #expect(screen.contains("[1] \(path): loss / val_loss  learning") && screen.contains("[2] \(other): loss / val_loss"), "\(screen)")
      #expect(state.model.readout(marker: .ascii).hasPrefix("step 39 | [1] loss 0.249 ~"))
      #expect(state.model.readout(marker: .ascii).contains("| [2] loss \(NumberText.significant(2 * exp(-19.0 / 15) + 0.1)) ~"))
      #expect(state.model.title.contains("2 files"))
    }
  }

  @Test func undoAcrossNewPointsKeepsThemAfterTheNextTick() throws {
    try withLog(0..<40) { path in
      var state = try Self.opened(path, follow: true)
      _ = press([.char("+")], &state)
      try LogFixture.append(LogFixture.text(40..<50, header: false), to: path)
      send(&state, .tick)
      _ = press([.char("u")], &state)
      #expect(Self.log(state)?.settings["smooth"] == 0.6)
      send(&state, .tick)
      #expect(Self.log(state)?.panels.first?.series.first?.count == 50)
    }
  }

  @Test func theScreenShowsThePanelTheVerdictAndTheReadout() throws {
    try withLog(0..<40) { path in
      var state = try Self.opened(path, follow: false)
      state.marker = .ascii
      let screen = Screen.render(state).text
      #expect(screen.contains("LossScope  log \(path)  ema 0.6"), "\(screen)")
      #expect(screen.contains("\(path): loss / val_loss  learning"), "\(screen)")
      #expect(screen.contains(" step 39 | loss 0.249 ~"), "\(screen)")
      #expect(screen.contains("| learning: lower is better; train "), "\(screen)")
      #expect(screen.contains("smooth=0.6"), "\(screen)")
    }
  }

  @Test func theRuntimeAsksForTicksOnlyWhileFollowing() throws {
    final class Recorder: Backend {
      var size: (width: Int, height: Int) { (100, 30) }
      var script: [Message]
      var ticking: [Bool] = []
      init(_ script: [Message]) { self.script = script }
      func nextMessage() -> Message? { script.isEmpty ? nil : script.removeFirst() }
      func draw(_ grid: Grid) {}
      func setTicking(_ on: Bool) { ticking.append(on) }
    }
    try withLog(0..<40) { path in
      let followed = Recorder([.tick, .tick])
      Runtime.run(try Self.opened(path, follow: true), on: followed)
      #expect(followed.ticking == [true, true, true])
      let still = Recorder([.key(.char("z"))])
      Runtime.run(try Self.opened(path, follow: false), on: still)
      #expect(still.ticking == [false, false])
    }
  }

  /// Keys that never leave 100 ms of silence (held down) still let the file be read.
  @Test func keysInARowStillReadTheFile() throws {
    final class Slow: Backend {
      var size: (width: Int, height: Int) { (100, 30) }
      var keys = 2
      func nextMessage() -> Message? {
        guard keys > 0 else { return nil }
        keys -= 1
        usleep(120_000)
        return .key(.char("y"))
      }
      func draw(_ grid: Grid) {}
    }
    try withLog(0..<40) { path in
      let state = try Self.opened(path, follow: true)
      try LogFixture.append(LogFixture.text(40..<45, header: false), to: path)
      let end = Runtime.run(state, on: Slow())
      #expect(Self.log(end)?.panels.first?.series.first?.count == 45)
    }
  }

  @Test func exportWritesWhatTheCommandWrites() throws {
    try withLog(0..<40) { path in
      var state = try Self.opened(path, follow: false)
      _ = press([.char("+"), .char("+")], &state)
      let effects = press([.char("e"), .enter], &state)
      guard case .writeFile(_, let contents, _, _)? = effects.first else {
        Issue.record("no file written: \(effects)")
        return
      }
      let command = AppExportTests.command(contents)
      #expect(command == ["lossscope", "log", path, "--smoother", "ema", "--smooth", "0.7"])
      let result = try run(Array(command.dropFirst()))
      #expect(result.status == 0, "\(result.stderr)")
      let withoutCommand = contents.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("# command: ") }
      #expect(withoutCommand.joined(separator: "\n") == result.stdout)
      #expect(AppExportTests.lines(contents, comments: false).count == 1 + 80)
    }
  }

  @Test func refusesStdinAndFollowWithoutLog() throws {
    #expect(throws: CLIError.self) { try TrainingLogMode.open(["-"], follow: false) }
    let result = try run(["--follow"])
    #expect(result.status != 0 && result.stderr.contains("--follow needs --log"), "\(result.stderr)")
  }
}
