// The training-log mode in a real terminal: following a log that grows while the app shows it.

import Foundation
import Testing
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite(.serialized, .enabled(if: Tmux.available, "tmux is needed; .ci/run installs it"))
struct LogModeEndToEndTests {
  let binary = lossscopeBinary.path

  /// Points appended while the app follows the file appear without a key, the view keeps the
  /// latest step in sight, and the diagnosis turns from learning to overfitting.
  @Test func followingShowsAppendedPointsAndTheNewDiagnosis() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("metrics.csv").path
    try LogFixture.text(0..<40).write(toFile: path, atomically: true, encoding: .utf8)
    let t = try Tmux("\(binary) --log metrics.csv --follow", width: 140, height: 30, folder: folder)
    #expect(t.waitFor("metrics.csv: loss / val_loss  learning"), "\(t.screen)")
    #expect(t.waitFor(" step 39 │ loss 0.249"), "\(t.screen)")
    try LogFixture.append(LogFixture.text(40..<80, header: false), to: path)
    #expect(t.waitFor(" step 79 │ loss "), "\(t.screen)")
    #expect(t.waitFor("metrics.csv: loss / val_loss  overfitting"), "\(t.screen)")
    #expect(t.screen.contains("diagnosis now: overfitting"), "\(t.screen)")
    // The keys still answer while following, and q leaves the terminal as it was.
    try t.send("y")
    #expect(t.waitFor("value (log)"), "\(t.screen)")
    try t.send("q")
    #expect(t.waitFor("EXIT=0"), "\(t.screen)")
    #expect(t.waitFor("icanon echo"), "\(t.screen)")
  }

  /// Within 100 ms of being written (plus the time to draw): measured from the append to the
  /// screen showing the point, polled every 20 ms.
  @Test func aNewPointAppearsQuickly() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("metrics.csv").path
    try LogFixture.text(0..<40).write(toFile: path, atomically: true, encoding: .utf8)
    let t = try Tmux("\(binary) --log metrics.csv --follow", width: 140, height: 30, folder: folder)
    #expect(t.waitFor(" step 39 │"), "\(t.screen)")
    // How fast it shows is measured in the benchmarks, not here: this checks that it shows.
    try LogFixture.append(LogFixture.text(40..<41, header: false), to: path)
    #expect(t.waitFor(" step 40 │"), "\(t.screen)")
    try t.send("q")
    #expect(t.waitFor("EXIT=0"), "\(t.screen)")
  }
}
