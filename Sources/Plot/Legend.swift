// A chart's legend as text: what the series names share said once, each entry whole, placed in cells.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import LossText

/// One placed piece of a legend: a series' glyph and text, or the shared header.
public struct LegendEntry: Sendable, Hashable {
  /// The series whose glyph is drawn at (x, y), its text two cells on; nil for the header text.
  public var series: Int?
  /// The text, whole.
  public var text: String
  /// Column of the glyph (of the text, for the header).
  public var x: Int
  /// Row.
  public var y: Int

  public init(series: Int?, text: String, x: Int, y: Int) {
    self.series = series
    self.text = text
    self.x = x
    self.y = y
  }

  /// Cells the entry takes: glyph, space and text.
  var width: Int { (series == nil ? 0 : 2) + text.unicodeScalars.count }
}

/// What a legend says before it is placed: a shared header and one text per named series.
public struct LegendContent: Sendable, Hashable {
  /// What every name starts with (`focal gamma =`), or "".
  public var header: String
  /// Series index and the rest of its name (`0.5`), with a note when the series is clipped.
  public var items: [(series: Int, text: String)]

  public static func == (a: LegendContent, b: LegendContent) -> Bool {
    a.header == b.header && a.items.map(\.series) == b.items.map(\.series) && a.items.map(\.text) == b.items.map(\.text)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(header)
    for item in items {
      hasher.combine(item.series)
      hasher.combine(item.text)
    }
  }

  static let empty = LegendContent(header: "", items: [])

  var isEmpty: Bool { items.isEmpty }

  /// The names of series (empty ones stay out), with what they share said once: the longest
  /// common prefix that ends at a space or `=`, and the longest common suffix that starts at a
  /// space. `focal gamma=0 alpha=1`, `focal gamma=0.5 alpha=1` give `focal alpha=1, gamma =`,
  /// `0`, `0.5`.
  public init(names: [String], notes: [String] = []) {
    let named = names.enumerated().filter { !$0.element.isEmpty }.map { ($0.offset, Array($0.element.unicodeScalars)) }
    var prefix: [Unicode.Scalar] = [], suffix: [Unicode.Scalar] = []
    if named.count >= 2 {
      func common(_ lists: [[Unicode.Scalar]]) -> [Unicode.Scalar] {
        var shared = lists[0]
        for list in lists.dropFirst() {
          var n = 0
          while n < shared.count && n < list.count && shared[n] == list[n] { n += 1 }
          shared = Array(shared.prefix(n))
        }
        return shared
      }
      let head = common(named.map(\.1))
      prefix = head.lastIndex(where: { $0 == " " || $0 == "=" }).map { Array(head.prefix($0 + 1)) } ?? []
      let tail = Array(common(named.map { $0.1.reversed() }).reversed())
      suffix = tail.firstIndex(of: " ").map { Array(tail.suffix(from: $0)) } ?? []
      // Every name must keep something of its own.
      if !named.allSatisfy({ $0.1.count > prefix.count + suffix.count }) { (prefix, suffix) = ([], []) }
    }
    let text = { (scalars: ArraySlice<Unicode.Scalar>) in String(String.UnicodeScalarView(scalars)) }
    let head = text(prefix[...]).trimmingSpaces, tail = text(suffix[...]).trimmingSpaces
    if head.hasSuffix("=") {
      // `focal gamma=`: the swept name last, beside its values.
      var words = head.split(separator: " ").map(String.init)
      let swept = String(words.removeLast().dropLast())
      if !tail.isEmpty { words.append(tail) }
      header = (words.isEmpty ? "" : words.joined(separator: " ") + ", ") + swept + " ="
    } else {
      header = [head, tail].filter { !$0.isEmpty }.joined(separator: ", ")
    }
    items = named.map { index, name in
      let own = text(name[prefix.count..<(name.count - suffix.count)])
      let note = index < notes.count ? notes[index] : ""
      return (index, note.isEmpty ? own : own + " " + note)
    }
  }

  init(header: String, items: [(series: Int, text: String)]) {
    self.header = header
    self.items = items
  }

  /// Entries flowing left to right from (x, y), wrapped at `width` columns; the header first.
  func flow(x: Int, y: Int, width: Int) -> [LegendEntry] {
    var pieces: [LegendEntry] = []
    if !header.isEmpty { pieces.append(LegendEntry(series: nil, text: header, x: 0, y: 0)) }
    pieces += items.map { LegendEntry(series: $0.series, text: $0.text, x: 0, y: 0) }
    var col = 0
    var row = 0
    for i in pieces.indices {
      if col > 0 && col + pieces[i].width > width {
        col = 0
        row += 1
      }
      pieces[i].x = x + col
      pieces[i].y = y + row
      col += pieces[i].width + 2
    }
    return pieces
  }

  /// Entries one per row in a box at (x, y): the header, then each series.
  func column(x: Int, y: Int) -> [LegendEntry] {
    var pieces: [LegendEntry] = []
    if !header.isEmpty { pieces.append(LegendEntry(series: nil, text: header, x: x, y: y)) }
    for item in items {
      pieces.append(LegendEntry(series: item.series, text: item.text, x: x, y: y + pieces.count))
    }
    return pieces
  }

  /// Width and height of `column`.
  var boxSize: (width: Int, height: Int) {
    let entries = column(x: 0, y: 0)
    return (entries.map(\.width).max() ?? 0, entries.count)
  }

  /// Rows `flow` takes at `width` columns.
  func flowRows(width: Int) -> Int {
    guard !isEmpty else { return 0 }
    return (flow(x: 0, y: 0, width: max(1, width)).map(\.y).max() ?? 0) + 1
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    var s = Substring(self)
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}
