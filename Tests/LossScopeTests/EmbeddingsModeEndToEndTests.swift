// The embeddings mode in a real terminal: opened with --embeddings, a parameter changed, anchors
// stepped, and an export that `lossscope embeddings` of its reported command reproduces.

import Foundation
import Testing
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite(.serialized, .enabled(if: Tmux.available, "tmux is needed; .ci/run installs it"))
struct EmbeddingsModeEndToEndTests {
  let binary = lossscopeBinary.path
  let files = [EmbeddingsModeTests.root.appendingPathComponent("examples/embeddings-8d.npy").path,
               EmbeddingsModeTests.root.appendingPathComponent("examples/labels.npy").path]

  @Test func openChangeStepAndExportLikeTheCommand() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let t = try Tmux("\(binary) --embeddings \(files[0]) --labels \(files[1])", width: 120, height: 36, folder: folder)
    #expect(t.waitFor("3000 anchors at (sn_max", timeout: 90), "\(t.screen)")
    #expect(t.waitFor("#1 of 3000"), "\(t.screen)")
    // temperature is the ninth parameter: Tab eight times, then one step down the 1-2-5 ladder.
    for _ in 0..<8 { try t.send("Tab") }
    try t.send("-")
    #expect(t.waitFor("recomputed only supcon_loss", timeout: 90), "\(t.screen)")
    try t.send("]", "]")
    #expect(t.waitFor("#3 of 3000"), "\(t.screen)")
    try t.send("e")
    #expect(t.waitFor("export to:"), "\(t.screen)")
    try t.send("C-u")
    try t.send("-l", "out.csv")
    try t.send("Enter")
    #expect(t.waitFor("wrote out.csv"), "\(t.screen)")
    try t.send("q")
    #expect(t.waitFor("EXIT=0"), "\(t.screen)")
    let file = try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8)
    let command = AppExportTests.command(file)
    #expect(command.contains("--temperature") && command.contains("0.05") && command.last == "anchors", "\(command)")
    let result = try run(Array(command.dropFirst()))
    #expect(result.status == 0, "\(result.stderr)")
    // The same metadata and rows: the file is the command's output plus its `# command:` line.
    let written = file.split(separator: "\n").filter { !$0.hasPrefix("# command: ") }
    #expect(written == result.stdout.split(separator: "\n"))
    #expect(csvRows(file).rows.count == 3000)
  }

  @Test func thePickerOpensTheBundledExampleAnywhere() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let t = try Tmux(binary, folder: folder)
    #expect(t.waitFor("focal/ce"), "\(t.screen)")
    try t.send("v", "e", "m", "b", "Enter")
    #expect(t.waitFor("3000 anchors at (sn_max", timeout: 90), "\(t.screen)")
    #expect(t.waitFor("align "), "\(t.screen)")
    try t.send("q")
    #expect(t.waitFor("EXIT=0"), "\(t.screen)")
  }

  @Test func labelsAloneAndMixedOptionsAreRefused() throws {
    let alone = try run(["--labels", files[1]])
    #expect(alone.status != 0 && alone.stderr.contains("--labels goes with .npy predictions"), "\(alone.stderr)")
    let ghm = try run(["ghm", "--labels", files[1]])
    #expect(ghm.status != 0 && ghm.stderr.contains("--labels goes with .npy predictions"), "\(ghm.stderr)")
    let mixed = try run(["focal", "--embeddings", files[0], "--labels", files[1]])
    #expect(mixed.status == 1 && mixed.stderr.contains("--embeddings opens the embeddings view alone"), "\(mixed.stderr)")
    let missing = try run(["--embeddings", files[0]])
    #expect(missing.status == 1 && missing.stderr.contains("needs --labels"), "\(missing.stderr)")
  }
}
