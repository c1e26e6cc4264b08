// The app's `e` writes what `lossscope export` writes for the command line it reports, at any size.

import Foundation
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct AppExportTests {
  /// Setups reached by keys from the default screen (focal gamma 2 with ce).
  static let setups: [(String, [Key])] = [
    ("default", []),
    ("sweep of one view", [.char("x"), .char("s")]),
    ("sweep beside a reference", [.char("+"), .char("s")]),
    ("zoomed with a ghost", [.char("z"), .char("z"), .right, .char("z"), .char("g"), .char("K")]),
    ("another view and an added one", [.char("v")] + typed("anchor") + [.enter, .char("a")] + typed("ce") + [.enter]),
    ("logit axis", [.tab, .tab, .char("+")]),
    ("distance axis", [.char("v")] + typed("triplet") + [.enter, .char("+"), .char("s")]),
    ("2-D view", [.char("v")] + typed("circle-plane") + [.enter, .char("+")]),
  ]

  static func exported(_ keys: [Key], width: Int, height: Int) -> String {
    var s = fresh(width: width, height: height)
    _ = press(keys + [.char("e")], &s)
    guard case .writeFile(_, let contents, _, _)? = press([.enter], &s).first else { return "" }
    return contents
  }

  /// The words of the `# command:` line; the setups above need no shell quoting.
  static func command(_ text: String) -> [String] {
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("# command: ") }) else { return [] }
    return line.dropFirst("# command: ".count).split(separator: " ").map(String.init)
  }

  static func lines(_ text: String, comments: Bool) -> [String] {
    text.split(separator: "\n").map(String.init).filter { $0.hasPrefix("#") == comments }
  }

  @Test(arguments: setups.indices)
  func theSameFileAtEverySizeEqualsExport(_ index: Int) throws {
    let (name, keys) = Self.setups[index]
    let small = Self.exported(keys, width: 80, height: 24)
    let large = Self.exported(keys, width: 200, height: 60)
    #expect(!small.isEmpty, "\(name): nothing exported")
    #expect(small == large, "\(name): the file depends on the terminal size")
    let words = Self.command(small)
    #expect(words.prefix(2) == ["lossscope", "export"], "\(name): no command line in \(small.prefix(300))")
    let result = try run(Array(words.dropFirst()))
    #expect(result.status == 0, "\(name): \(words.joined(separator: " ")): \(result.stderr)")
    // Header and every data row are identical; each of export's metadata lines is in the app's file.
    #expect(Self.lines(small, comments: false) == Self.lines(result.stdout, comments: false), "\(name)")
    let appMetadata = Set(Self.lines(small, comments: true))
    for line in Self.lines(result.stdout, comments: true) { #expect(appMetadata.contains(line), "\(name): missing \(line)") }
  }

  @Test func aSweepKeepsItsOwnColumn() {
    let text = Self.exported([.char("x"), .char("s")], width: 80, height: 24)
    #expect(Self.lines(text, comments: false).first == "gamma,pt,loss,grad")
    #expect(Self.command(text).contains("gamma=0,0.5,1,2,5"))
  }

  @Test func theStatusLineShowsTheCommand() {
    var s = fresh()
    _ = press([.char("e"), .enter], &s)
    _ = update(&s, .fileWritten(path: "f.csv"))
    #expect(s.status == "wrote f.csv (the same as: lossscope export focal gamma=2 alpha=1 + ce)")
  }
}
