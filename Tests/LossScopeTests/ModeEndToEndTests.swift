// The app's modes in a real terminal: switches that used to crash or draw the wrong screen, and an
// export that is the same file at every terminal size.

import Foundation
import Testing
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite(.serialized, .enabled(if: Tmux.available, "tmux is needed; .ci/run installs it"))
struct ModeEndToEndTests {
  let binary = lossscopeBinary.path

  /// Quits and checks that the process ended with 0 and gave the terminal back.
  func quitCleanly(_ t: Tmux) throws {
    try t.send("q")
    #expect(t.waitFor("EXIT=0"), "\(t.screen)")
    #expect(t.waitFor("icanon echo"), "\(t.screen)")
    #expect(!t.screen.contains("-icanon") && !t.screen.contains("-echo"), "\(t.screen)")
  }

  @Test func choosingAViewDuringTheTemperatureLessonShowsIt() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let t = try Tmux("\(binary) learn temperature", folder: folder)
    #expect(t.waitFor("InfoNCE's temperature, step 1/"), "\(t.screen)")
    try t.send("v")
    #expect(t.waitFor("choose a view"), "\(t.screen)")
    try t.send("Enter")
    #expect(t.waitFor("LossScope  ce"), "\(t.screen)")
    // The lesson's question stays, and it cannot be answered on this view: no reveal, no crash.
    #expect(t.waitFor("pt 0.900 │ ce L 0.105"), "\(t.screen)")
    try t.send("-")
    #expect(t.waitFor("LossScope  ce  on logit"), "\(t.screen)")
    try quitCleanly(t)
  }

  @Test func everyLessonThenThePicker() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let t = try Tmux(binary, folder: folder)
    #expect(t.waitFor("focal/ce"), "\(t.screen)")
    try t.send("t", "t", "t", "t")
    #expect(t.waitFor("InfoNCE's temperature"), "\(t.screen)")
    try t.send("v")
    try t.send("m", "a", "r", "g", "Enter")
    #expect(t.waitFor("LossScope  margins"), "\(t.screen)")
    try t.send("v", "f", "o", "c", "a", "l", "Enter")
    #expect(t.waitFor("LossScope  focal gamma=2"), "\(t.screen)")
    try quitCleanly(t)
  }

  @Test func aLessonStartedFromTheGHMExplorerTakesTheScreen() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let t = try Tmux(binary, folder: folder)
    #expect(t.waitFor("focal/ce"), "\(t.screen)")
    try t.send("v", "g", "h", "m", "Enter")
    #expect(t.waitFor("count of g per bin"), "\(t.screen)")
    try t.send("t")
    #expect(t.waitFor("Easy examples dominate cross-entropy"), "\(t.screen)")
    #expect(t.waitFor("LossScope  ce"), "\(t.screen)")
    #expect(!t.screen.contains("count of g per bin"), "\(t.screen)")
    // The cursor keys answer: the lesson's first question is answered by moving to pt 0.9.
    try t.send("L", "L", "L", "L")
    #expect(t.waitFor("pt 0.900"), "\(t.screen)")
    #expect(t.waitFor("easy examples outweigh one hard example"), "\(t.screen)")
    try quitCleanly(t)
  }

  /// The same keys at two sizes write the same file, which `lossscope export` of its reported
  /// command line reproduces row for row.
  @Test func exportIsTheSameAtEverySize() throws {
    var files: [String] = []
    for (w, h) in [(80, 24), (200, 60)] {
      let folder = try temporaryFolder()
      defer { try? FileManager.default.removeItem(at: folder) }
      let t = try Tmux(binary, width: w, height: h, folder: folder)
      #expect(t.waitFor("focal/ce"), "\(t.screen)")
      try t.send("s", "z", "g", "+", "e")
      #expect(t.waitFor("export to:"), "\(t.screen)")
      try t.send("C-u")
      try t.send("-l", "out.csv")
      try t.send("Enter")
      #expect(t.waitFor("wrote out.csv"), "\(t.screen)")
      files.append(try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8))
      try quitCleanly(t)
    }
    #expect(files.count == 2 && files[0] == files[1])
    let command = AppExportTests.command(files[0])
    let result = try run(Array(command.dropFirst()))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(AppExportTests.lines(files[0], comments: false) == AppExportTests.lines(result.stdout, comments: false))
  }
}
