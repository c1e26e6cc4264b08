// The real loop with scripted keys through the text backend: keys in, frames and files out.

import Foundation
import Losses
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct RuntimeTests {
  @Test func gammaKeysChangeTheReadout() {
    let backend = TextBackend(width: 120, height: 40, script: [.key(.char("+")), .key(.char("+"))])
    let final = Runtime.run(fresh(), on: backend)
    #expect(final.activeView.parameters["gamma"] == 3)
    #expect(backend.frames.count == 3)
    #expect(backend.lastScreen.contains("gamma=3 [0, 10]"))
    #expect(backend.lastScreen.contains("focal/ce L 0.00100"))
  }

  @Test func quitStopsTheLoop() {
    let backend = TextBackend(width: 80, height: 24, script: [.key(.char("q")), .key(.char("+"))])
    let final = Runtime.run(fresh(), on: backend)
    #expect(final.activeView.parameters["gamma"] == 2)
  }

  @Test func shrinkingBelowTheMinimumAndBack() {
    let backend = TextBackend(width: 80, height: 24, script: [
      .resize(width: 30, height: 10), .resize(width: 100, height: 30),
    ])
    Runtime.run(fresh(), on: backend)
    #expect(backend.frames[1].text.contains("terminal too small"))
    #expect(backend.frames[2].text.contains("focal/ce"))
    #expect(backend.frames[2].width == 100 && backend.frames[2].height == 30)
  }

  @Test func exportWritesTheVisibleSeriesAndNeverOverwritesUnasked() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lossscope-rt-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("curves.csv").path
    let erase = Array(repeating: Message.key(.backspace), count: 40)
    let typePath = path.map { Message.key(.char($0)) }
    let script: [Message] = [.key(.char("e"))] + erase + typePath + [.key(.enter)]
      + [.key(.char("+")), .key(.char("e"))] + erase + typePath + [.key(.enter), .key(.char("n"))]
    let backend = TextBackend(width: 120, height: 40, script: script)
    Runtime.run(fresh(), on: backend)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    // The first export (gamma 2) is kept: the second was refused with `n`.
    #expect(text.contains("# parameters: axis=pt gamma=2 alpha=1"))
    #expect(backend.lastScreen.contains("not written"))
    let (header, rows) = csvRows(text)
    #expect(header == ["series", "pt", "loss", "grad"])
    for row in rows where row[0] == "focal gamma=2 alpha=1" {
      let pt = Double(row[1])!, loss = Double(row[2])!
      // Focal loss by hand: -(1 - pt)^2 log pt.
      #expect(abs(loss - (-(1 - pt) * (1 - pt) * Foundation.log(pt))) <= 1e-15 * max(1, loss))
    }
    // export's default grid, whatever the terminal's width.
    #expect(rows.filter { $0[0] == "ce" }.count == 201)
  }
}
