// The real binary in a real terminal (tmux): keys, export, resize, quit, signals, and refusals.

import Foundation
import Testing
@testable import LossData
@testable import LossLogs
@testable import LossText

#if canImport(Glibc)
  import Glibc
#endif

@Suite(.serialized, .enabled(if: Tmux.available, "tmux is needed; .ci/run installs it"))
struct EndToEndTests {
  let binary = lossscopeBinary.path

  @Test func changeGammaExportResizeAndQuit() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let t = try Tmux(binary, folder: folder)
    #expect(t.waitFor("focal/ce L 0.0100 g 0.0290"), "\(t.screen)")
    try t.send("+")
    #expect(t.waitFor("gamma=2.5 [0, 10]"), "\(t.screen)")
    // 0.1^2.5 = 0.00316
    #expect(t.waitFor("focal/ce L 0.00316"), "\(t.screen)")

    try t.send("e")
    #expect(t.waitFor("export to: lossscope-"))
    try t.send("Enter")
    #expect(t.waitFor("wrote lossscope-"), "\(t.screen)")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }
    #expect(files.count == 1)
    let text = try String(contentsOfFile: folder.appendingPathComponent(files[0]).path, encoding: .utf8)
    let (header, rows) = csvRows(text)
    #expect(header == ["series", "pt", "loss", "grad"])
    var checked = 0
    for row in rows where row[0] == "focal gamma=2.5 alpha=1" {
      let pt = Double(row[1])!, loss = Double(row[2])!, grad = Double(row[3])!
      let q = 1 - pt
      #expect(abs(loss - (-Foundation.pow(q, 2.5) * Foundation.log(pt))) <= 1e-14 * max(1, loss))
      #expect(abs(grad - Foundation.pow(q, 2.5) * (q - 2.5 * pt * Foundation.log(pt))) <= 1e-14 * max(1, grad))
      checked += 1
    }
    #expect(checked > 200)

    try t.resize(100, 30)
    #expect(t.waitFor("100x30"), "\(t.screen)")
    try t.resize(30, 10)
    #expect(t.waitFor("terminal too small"), "\(t.screen)")
    try t.resize(120, 40)
    #expect(t.waitFor("120x40"))
    #expect(t.waitFor("focal/ce L 0.00316"))
    try t.send("q")
    #expect(t.waitFor("EXIT=0"), "\(t.screen)")
    #expect(t.waitFor("icanon echo"), "\(t.screen)")
    #expect(!t.screen.contains("-icanon") && !t.screen.contains("-echo"), "\(t.screen)")
  }

  @Test func sigtermRestoresTheTerminal() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let t = try Tmux(binary, folder: folder)
    #expect(t.waitFor("focal/ce"))
    let pid = try #require(try t.programPID())
    kill(pid, SIGTERM)
    #expect(t.waitFor("EXIT=143"), "\(t.screen)")
    #expect(t.waitFor("icanon echo"), "\(t.screen)")
    #expect(!t.screen.contains("-icanon") && !t.screen.contains("-echo"), "\(t.screen)")
  }

  @Test func dumbOrMissingTermIsRefusedWithoutTouchingTheTerminal() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let dumb = try Tmux("TERM=dumb \(binary)", folder: folder)
    #expect(dumb.waitFor("EXIT=1"), "\(dumb.screen)")
    #expect(dumb.screen.contains("TERM=dumb cannot draw the interactive view"))
    #expect(dumb.screen.contains("lossscope plot"))
    let unset = try Tmux("env -u TERM \(binary)", folder: folder)
    #expect(unset.waitFor("EXIT=1"), "\(unset.screen)")
    #expect(unset.screen.contains("TERM is not set"))
  }

  @Test func notATerminalPointsToPlot() throws {
    let r = try run([])
    #expect(r.status != 0)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.contains("needs a terminal") && r.stderr.contains("lossscope plot"))
  }
}
