// `lossscope plot` as a user runs it: size, characters, colour, and questions about the picture.

import Foundation
import Testing
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct PlotCommandTests {
  @Test func outputFitsTheRequestedSize() throws {
    for (w, h) in [(100, 30), (40, 12), (160, 48)] {
      let r = try run(["plot", "ce", "+", "focal", "--grad", "--width", "\(w)", "--height", "\(h)"])
      #expect(r.status == 0)
      let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
      #expect(lines.count == h)
      #expect(lines.allSatisfy { $0.unicodeScalars.count <= w })
    }
  }

  @Test func notATerminalMeans100x30WithoutColour() throws {
    let r = try run(["plot", "focal"])
    #expect(r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().count == 30)
    #expect(!r.stdout.contains("\u{1B}["))
  }

  @Test func colourOnlyWhenAskedOrOnATerminal() throws {
    #expect(try run(["plot", "focal", "--color", "always"]).stdout.contains("\u{1B}["))
    let never = try run(["plot", "focal", "--color", "never"])
    #expect(!never.stdout.contains("\u{1B}["))
  }

  @Test func asciiMarkerPrintsOnlyASCII() throws {
    let r = try run(["plot", "focal", "gamma=0,0.5,1,2,5", "--grad", "--marker", "ascii", "--width", "90"])
    #expect(r.status == 0)
    let ascii = r.stdout.unicodeScalars.allSatisfy { $0.isASCII }
    #expect(ascii)
    // Five series, five glyphs.
    for glyph in ["*", "+", "o", "x", "#"] { #expect(r.stdout.contains(glyph)) }
  }

  /// Columns of the plot area where both glyphs appear, with the topmost row of each.
  func rows(of glyphs: (Character, Character), in text: String) -> [(column: Int, a: Int, b: Int)] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
    let width = lines.map(\.count).max() ?? 0
    var result: [(Int, Int, Int)] = []
    for c in 0..<width {
      let column = lines.map { c < $0.count ? $0[c] : " " }
      if let a = column.firstIndex(of: glyphs.0), let b = column.firstIndex(of: glyphs.1) { result.append((c, a, b)) }
    }
    return result
  }

  @Test func focalLiesBelowCrossEntropyRightOfOneHalf() throws {
    // ce is '*', focal '+'; the x axis spans exactly [0, 1] over the plot columns.
    let r = try run(["plot", "ce", "+", "focal", "--marker", "ascii", "--width", "101", "--height", "40",
                     "--from", "0.5", "--to", "0.999"])
    // The first three rows hold the title and the legend, whose glyphs are not curve points.
    let body = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(3).joined(separator: "\n")
    let pairs = rows(of: ("*", "+"), in: body).filter { $0.column > 8 }
    #expect(pairs.count > 20)
    // A larger row index is lower on the screen: focal's loss is smaller.
    #expect(pairs.allSatisfy { $0.b >= $0.a }, "\(pairs)")
    #expect(pairs.contains { $0.b > $0.a })
  }

  @Test func badViewFailsLikeExport() throws {
    let r = try run(["plot", "focl"])
    #expect(r.status != 0 && r.stdout.isEmpty)
    #expect(r.stderr.contains("did you mean 'focal'?"))
    let tooSmall = try run(["plot", "focal", "--width", "3"])
    #expect(tooSmall.status != 0 && tooSmall.stdout.isEmpty)
    let many = try run(["plot", "focal", "gamma=0,1,2,3,4,5,6,7,8"])
    #expect(many.status != 0 && many.stderr.contains("at most 8 series"))
  }
}
