// The app in tmux given signals, Ctrl-Z, pastes, absurd sizes and a C locale: the terminal always comes back.

import Foundation
import Testing
@testable import LossData
@testable import LossLogs
@testable import LossText

#if canImport(Glibc)
  import Glibc
#endif

@Suite(.serialized, .enabled(if: Tmux.available, "tmux is needed; .ci/run installs it"))
struct TerminalSignalTests {
  let binary = lossscopeBinary.path

  /// The pane after the app ended: its exit status, a sane tty, and the app's screen gone.
  func expectRestored(_ t: Tmux, status: Int32) {
    #expect(t.waitFor("EXIT=\(status)"), "\(t.screen)")
    #expect(t.waitFor("icanon echo"), "\(t.screen)")
    #expect(!t.screen.contains("-icanon") && !t.screen.contains("-echo"), "\(t.screen)")
    // The alternate screen is left: the app's frame is not what the pane shows.
    #expect(!t.screen.contains("? help") && !t.screen.contains("focal/ce"), "\(t.screen)")
    // Mouse reporting is off again: tmux knows whether the pane's program asked for it.
    let mouse = try? t.tmux(["display", "-p", "-t", "e2e", "#{mouse_any_flag}"])
    #expect(mouse?.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "\(mouse?.stdout ?? "")")
  }

  @Test(arguments: [SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGTERM, SIGHUP, SIGINT])
  func everyTerminatingSignalRestoresTheTerminal(signal: Int32) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let t = try Tmux(binary, folder: folder)
    #expect(t.waitFor("focal/ce"), "\(t.screen)")
    let pid = try #require(try t.programPID())
    kill(pid, signal)
    expectRestored(t, status: 128 + signal)
  }

  /// A crash (here sent with kill; a trap or a bad access takes the same handler) still gives
  /// the terminal back before the process dies of it.
  @Test(arguments: [SIGSEGV, SIGILL, SIGABRT])
  func aCrashSignalRestoresTheTerminal(signal: Int32) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let t = try Tmux("SWIFT_BACKTRACE=enable=no \(binary) 2>/dev/null", folder: folder)
    #expect(t.waitFor("focal/ce"), "\(t.screen)")
    let on = try? t.tmux(["display", "-p", "-t", "e2e", "#{mouse_any_flag}"])
    #expect(on?.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1", "the app asks for the mouse")
    let pid = try #require(try t.programPID())
    kill(pid, signal)
    expectRestored(t, status: 128 + signal)
  }

  @Test func ctrlZSuspendsWithTheTerminalRestoredAndFgRedraws() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // An interactive shell, for job control.
    let t = try Tmux("PS1='$ ' bash --norc --noprofile -i", folder: folder)
    try t.send("\(binary)", "Enter")
    #expect(t.waitFor("focal/ce L 0.0100"), "\(t.screen)")
    try t.send("C-z")
    #expect(t.waitFor("Stopped"), "\(t.screen)")
    try t.send("stty -a | tr ' ;' '\\n\\n' | grep -cx -- -icanon", "Enter")
    #expect(t.waitFor("\n0\n"), "\(t.screen)")
    #expect(!t.screen.contains("? help"), "\(t.screen)")
    // Cleared first, so that the next "Stopped" the test waits for is a new one.
    try t.send("clear; fg", "Enter")
    #expect(t.waitFor("focal/ce L 0.0100"), "\(t.screen)")
    try t.send("+")
    #expect(t.waitFor("focal/ce L 0.00316"), "\(t.screen)")
    // SIGTSTP from elsewhere (kill -TSTP) suspends the same way.
    // The pane runs sh, which runs bash, which runs the app.
    let shell = try t.tmux(["list-panes", "-t", "e2e", "-F", "#{pane_pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let bash = try spawn(["pgrep", "-P", shell, "-x", "bash"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let app = try spawn(["pgrep", "-P", bash, "-x", "lossscope"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let pid = try #require(Int32(app), "no app under bash \(bash)")
    kill(pid, SIGTSTP)
    #expect(t.waitFor("Stopped"), "\(t.screen)")
    try t.send("fg", "Enter")
    #expect(t.waitFor("focal/ce L 0.00316"), "\(t.screen)")
    try t.send("q")
    let end = Date().addingTimeInterval(10)
    while t.screen.contains("focal/ce") && Date() < end { usleep(50_000) }
    try t.send("echo DONE=$?", "Enter")
    #expect(t.waitFor("DONE=0"), "\(t.screen)")
  }

  @Test func aPasteIsTextInAPromptAndNothingElsewhere() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let t = try Tmux(binary, folder: folder)
    #expect(t.waitFor("focal/ce L 0.0100"), "\(t.screen)")
    try t.tmux(["set-buffer", "qq++v"])
    try t.tmux(["paste-buffer", "-p", "-t", "e2e"])
    try t.send("+")  // a key after the paste: the paste changed nothing, this changes gamma once
    #expect(t.waitFor("gamma=2.5 [0, 10]"), "\(t.screen)")
    try t.send("e")
    #expect(t.waitFor("export to:"), "\(t.screen)")
    try t.tmux(["set-buffer", "a\nq\u{1B}[31m" + String(repeating: "x", count: 1000)])
    try t.tmux(["paste-buffer", "-p", "-t", "e2e"])
    // The caret ends after the paste, so the line shows its end; Home shows its start.
    #expect(t.waitFor("export to: xxxxxxxxxxxxxxxx"), "\(t.screen)")
    try t.send("Home")
    #expect(t.waitFor(".csvaq[31mxxxx"), "\(t.screen)")
    #expect(!t.screen.contains("qq++v"), "\(t.screen)")
    try t.send("Escape")
    #expect(t.waitFor("cancelled"), "\(t.screen)")
    try t.send("q")
    expectRestored(t, status: 0)
  }

  @Test func hugeLinesAndColumnsInTheEnvironmentAreIgnored() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let t = try Tmux("COLUMNS=20000 LINES=20000 \(binary)", folder: folder)
    #expect(t.waitFor("120x40"), "\(t.screen)")
    try t.send("q")
    expectRestored(t, status: 0)
  }

  @Test func aCLocaleDrawsASCII() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let t = try Tmux("LC_ALL=C LANG=C \(binary)", folder: folder)
    #expect(t.waitFor("focal/ce"), "\(t.screen)")
    #expect(t.screen.unicodeScalars.allSatisfy { $0.isASCII }, "\(t.screen)")
    try t.send("q")
    expectRestored(t, status: 0)
  }
}
