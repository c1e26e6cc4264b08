// What the TOML parser must never see: control characters, malformed headers, a '}' for a value.

import LossData
import LossLogs
import LossText

/// toml++ (inside TOMLKit) asserts, and so kills the process, on a few malformed inputs instead
/// of reporting them (found by FuzzTests); these checks run first and name the line.
enum TOMLPrecheck {
  /// TOML allows no control character but tab and line ends anywhere; refusing them first also
  /// keeps them away from the C++ parser, whose key parser asserts on some (`[[\u{7f}]]`).
  static func check(_ text: String, fail: (Int, String) -> CLIError) throws(CLIError) {
    var line = 1, column = 0
    var previous: Unicode.Scalar = " "
    for scalar in text.unicodeScalars {
      column += 1
      if scalar == "\n" {
        line += 1
        column = 0
      } else if previous == "\r" {
        throw fail(line, "a carriage return not followed by a line feed, at column \(column - 1)")
      }
      let v = scalar.value
      if (v < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || v == 0x7F {
        throw fail(line, "control character U+\(String(v, radix: 16, uppercase: true)) at column \(column); TOML allows only tab and line ends")
      }
      previous = scalar
    }
    if previous == "\r" { throw fail(line, "a carriage return not followed by a line feed") }
    let scan = scan(text)
    if let line = scan.braceLine { throw fail(line, "'}' where a value is expected") }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for n in scan.headerLines where n <= lines.count {
      if !isTableHeader(lines[n - 1].drop { $0 == " " || $0 == "\t" }) {
        throw fail(n, "malformed table header: write [name], [[name]] or [a.b] with bare or quoted names")
      }
    }
  }

  /// Outside strings and comments: the line of a `}` right after `[` or `,` (`x = [}]`), which
  /// the C++ parser asserts on instead of reporting, and the lines that start a table header
  /// (a `[` where a statement starts, not inside a value).
  static func scan(_ text: String) -> (braceLine: Int?, headerLines: [Int]) {
    let scalars = Array(text.unicodeScalars)
    var i = 0, line = 1, depth = 0
    var headerLines: [Int] = []
    var last: Unicode.Scalar = "\n"
    func at(_ k: Int) -> Unicode.Scalar? { k < scalars.count ? scalars[k] : nil }
    while i < scalars.count {
      let c = scalars[i]
      if c == "\n" { line += 1 }
      if c == "#" {
        while i < scalars.count && scalars[i] != "\n" { i += 1 }
        continue
      }
      if c == "\"" || c == "'" {
        let triple = at(i + 1) == c && at(i + 2) == c
        i += triple ? 3 : 1
        while i < scalars.count {
          if scalars[i] == "\n" { line += 1 }
          if c == "\"" && scalars[i] == "\\" { i += 2; continue }
          if scalars[i] == c && (!triple || (at(i + 1) == c && at(i + 2) == c)) { break }
          if !triple && scalars[i] == "\n" { break }
          i += 1
        }
        i += triple ? 3 : 1
        last = "x"
        continue
      }
      if c == "}" && (last == "[" || last == ",") { return (line, headerLines) }
      if c == "[" && depth == 0 && last == "\n" {
        headerLines.append(line)
        while i < scalars.count && scalars[i] != "\n" { i += 1 }
        continue
      }
      if c == "[" || c == "{" { depth += 1 }
      if c == "]" || c == "}" { depth = max(0, depth - 1) }
      if c == "\n" && depth == 0 {
        last = "\n"
      } else if c != " " && c != "\t" && c != "\n" && c != "\r" {
        last = c
      }
      i += 1
    }
    return (nil, headerLines)
  }

  /// `[key]`, `[[key]]` or dotted keys, bare (A-Z a-z 0-9 _ -) or quoted, then only a comment.
  /// Checked before the C++ parser sees it, which asserts on a header such as `[!]`.
  static func isTableHeader(_ line: Substring) -> Bool {
    var rest = Array(line.unicodeScalars)[...]
    let double = rest.starts(with: ["[", "["])
    rest = rest.dropFirst(double ? 2 : 1)
    func skipSpace() { while let c = rest.first, c == " " || c == "\t" { rest = rest.dropFirst() } }
    func key() -> Bool {
      guard let first = rest.first else { return false }
      if first == "\"" || first == "'" {
        rest = rest.dropFirst()
        while let c = rest.first, c != first {
          if first == "\"" && c == "\\" { rest = rest.dropFirst() }
          rest = rest.dropFirst()
        }
        guard rest.first == first else { return false }
        rest = rest.dropFirst()
        return true
      }
      let bare = rest.prefix { ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
      rest = rest.dropFirst(bare.count)
      return !bare.isEmpty
    }
    repeat {
      skipSpace()
      guard key() else { return false }
      skipSpace()
      guard rest.first == "." else { break }
      rest = rest.dropFirst()
    } while true
    guard rest.starts(with: double ? ["]", "]"] : ["]"]) else { return false }
    rest = rest.dropFirst(double ? 2 : 1)
    skipSpace()
    return rest.isEmpty || rest.first == "#"
  }
}
