// The 2-D views' keys at every width: each shade's level is on the key rows, or a `…` says that
// something is left out; nothing is dropped silently.

import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct PlaneKeyTests {
  @Test(arguments: [40, 50, 60, 80, 120])
  func everyLevelIsShownOrMarked(width: Int) throws {
    for words in [["circle-plane", "margin=0.9"], ["circle-plane"], ["margins", "kind=all"]] {
      let r = try run(["plot"] + words + ["--width", "\(width)", "--height", "16", "--color", "never", "--marker", "braille"])
      #expect(r.status == 0, "\(r.stderr)")
      let rows = r.stdout.split(separator: "\n").suffix(2).joined(separator: "\n")
      let expected = words[0] == "margins" ? ["CosFace band", "ArcFace band", "both"] : ["< 0.001", "0.001–0.693", "0.693–"]
      for entry in expected {
        #expect(rows.contains(entry) || rows.contains("…"), "\(words) at \(width): \(rows)")
      }
      if words[0] == "circle-plane" && width >= 50 {
        // The levels above log 2 reach the largest loss: the last one is on screen.
        #expect(rows.contains("97.3") || words.count == 1 || rows.contains("…"), "\(rows)")
      }
    }
  }
}
