// The repository documents itself: docs/views.md is the program's own reference, and nothing a
// user reads points outside the repository.

import Foundation
import Losses
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct DocsTests {
  /// The checkout's root, found from this file's path.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  @Test func theReferencePageIsWhatListPrints() throws {
    let committed = try String(contentsOf: Self.root.appendingPathComponent("docs/views.md"), encoding: .utf8)
    let same = committed == ViewText.reference()
    #expect(same, "docs/views.md drifted: regenerate it with `swift run lossscope list --markdown > docs/views.md`")
    let printed = try run(["list", "--markdown"])
    let printedSame = printed.stdout == committed
    #expect(printed.status == 0 && printedSame)
  }

  @Test func theReferenceHasEveryViewParameterAndConvention() {
    let text = ViewText.reference()
    for info in Catalog.views {
      #expect(text.contains("## \(info.name)\n"), "\(info.name)")
      #expect(text.contains(info.formula) && text.contains(info.source), "\(info.name)")
      for spec in info.parameterSpecs { #expect(text.contains("  \(spec.name.padded(12)) default"), "\(info.name) \(spec.name)") }
      for axis in info.axes { #expect(text.contains("grad = \(axis.gradMeaning)"), "\(info.name) \(axis.name)") }
      if !info.conventions.isEmpty { #expect(text.contains(info.conventions), "\(info.name)") }
    }
    for name in ["contrastive", "arcface", "triplet", "ranked-list", "lifted", "anchor", "label-smoothing", "poly1", "asl",
                 "qfl", "varifocal", "smooth-l1", "huber", "ghmr", "sphereface", "supcon"] {
      #expect(!(Catalog.view(named: name)?.conventions.isEmpty ?? true), "\(name) says how it differs from the libraries")
    }
  }

  @Test func helpAndReadmePointOnlyInsideTheRepository() throws {
    let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
    var texts = [("README.md", readme)]
    for command in [["--help"], ["list", "--help"], ["export", "--help"], ["plot", "--help"], ["ghm", "--help"], ["learn", "--help"]] {
      texts.append((command.joined(separator: " "), try run(command).stdout))
    }
    for (name, text) in texts {
      for outside in ["LOSSES.md", "NCURSES.md", "../shared"] { #expect(!text.contains(outside), "\(name) mentions \(outside)") }
    }
  }
}
