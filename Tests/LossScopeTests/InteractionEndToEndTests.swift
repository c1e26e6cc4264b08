// The questions a user brings, answered in a few keys, in a real terminal (tmux).

import Foundation
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite(.serialized, .enabled(if: Tmux.available, "tmux is needed; .ci/run installs it"))
struct InteractionEndToEndTests {
  let binary = lossscopeBinary.path

  func start(_ arguments: String = "", width: Int = 120, height: Int = 40) throws -> (Tmux, URL) {
    let folder = try temporaryFolder()
    let t = try Tmux("\(binary) \(arguments)", width: width, height: height, folder: folder)
    return (t, folder)
  }

  @Test func focalFigureOneInOneKey() throws {
    let (t, folder) = try start()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(t.waitFor("focal/ce L 0.0100"), "\(t.screen)")
    try t.send("s")  // gamma 2 sweeps 0, 0.5, 1, 2, 5: the paper's Fig. 1
    #expect(t.waitFor("focal/ce L by gamma: 0 1.00, 0.5 0.316, 1 0.100, 2 0.0100, 5 1.00e-05"), "\(t.screen)")
    try t.send("q")
    #expect(t.waitFor("EXIT=0"))
  }

  @Test func temperatureFromOneToATenthInThreeKeys() throws {
    let (t, folder) = try start("infonce temperature=1")
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(t.waitFor("temperature=1 "), "\(t.screen)")
    try t.send("-", "-", "-")  // 1, 0.5, 0.2, 0.1 along 1-2-5
    #expect(t.waitFor("temperature=0.1 "), "\(t.screen)")
    try t.send("q")
    #expect(t.waitFor("EXIT=0"))
  }

  @Test func theGradientCrossingInTwoKeys() throws {
    let (t, folder) = try start()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(t.waitFor("focal/ce L 0.0100"), "\(t.screen)")
    try t.send("d", "f")  // search the gradient panel, jump to the crossing
    #expect(t.waitFor("crossing of focal and ce (gradient) at pt 0.2"), "\(t.screen)")
    #expect(t.waitFor("pt 0.298"), "\(t.screen)")
    try t.send("q")
    #expect(t.waitFor("EXIT=0"))
  }

  @Test func threeChangesUndone() throws {
    let (t, folder) = try start()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(t.waitFor("gamma=2 [0, 10]"), "\(t.screen)")
    try t.send("+", "s", "z")
    #expect(t.waitFor("L by gamma: 0 "), "\(t.screen)")
    try t.send("u")
    #expect(t.waitFor("undid --from"), "\(t.screen)")
    try t.send("u")
    #expect(t.waitFor("undid gamma=0,1,2,2.5,5"), "\(t.screen)")
    try t.send("u")
    #expect(t.waitFor("undid gamma=2.5"), "\(t.screen)")
    #expect(t.waitFor("gamma=2 [0, 10]"), "\(t.screen)")
    try t.send("C-r")
    #expect(t.waitFor("gamma=2.5 [0, 10]"), "\(t.screen)")
    try t.send("q")
    #expect(t.waitFor("EXIT=0"))
  }

  @Test func theLastBindingOfTheHelpAt80x24() throws {
    let (t, folder) = try start(width: 80, height: 24)
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(t.waitFor("focal/ce"), "\(t.screen)")
    try t.send("?")
    #expect(t.waitFor("keys 1-"), "\(t.screen)")
    try t.send("End")
    let last = KeyMap.bindings.last { !KeyMap.modeOnly.contains($0.action) }?.help ?? "?"
    #expect(t.waitFor(String(last.prefix(30))), "\(t.screen)")
    try t.send("Escape", "q")
    #expect(t.waitFor("EXIT=0"))
  }

  @Test func aSweepOnTheCommandLineOpensAsASweep() throws {
    let (t, folder) = try start("focal gamma=0,1,3 + ce")
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(t.waitFor("focal/ce L by gamma: 0 1.00, 1 0.100, 3 0.00100"), "\(t.screen)")
    try t.send("q")
    #expect(t.waitFor("EXIT=0"))
  }
}
