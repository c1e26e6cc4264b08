// The numbers of a preset's TOML text, found in the raw text and read by the one decimal grammar.

import LossText

/// TOML has its own number grammar (`1_000`, `0x10`, `inf` and `nan` are numbers; `.5` and `5.`
/// are not), so a preset's numbers are not left to TOML: every bare value is found in the raw
/// text, where its line is known, and read by `DecimalText` as a parameter on the command line
/// is. A refused one names its line and the grammar's reason; an accepted one is respelled in its
/// shortest round-trip form before the TOML parser sees the text, so that the value TOML reads is
/// the grammar's value (and `.5` is read as 0.5, as everywhere else).
enum PresetNumbers {
  /// A bare value in the text: a number, or what is written where one could be.
  struct Token {
    /// 1-based line.
    let line: Int
    /// The key it is the value of (the innermost), for messages.
    let key: String
    /// Where it is, in unicode scalars of the text.
    let range: Range<Int>
    let text: String
  }

  /// Refuses the first number the grammar refuses, at its line; returns the text with every
  /// accepted number spelled as TOML reads the grammar's value.
  static func check(_ text: String, fail: (Int, String) -> CLIError) throws(CLIError) -> String {
    var replacements: [(Range<Int>, String)] = []
    for token in tokens(in: text) {
      switch DecimalText.parse(token.text) {
      case .success(let value):
        let spelled = spelling(value)
        if spelled != token.text { replacements.append((token.range, spelled)) }
      case .failure(let why):
        let key = token.key.isEmpty ? "" : "\(token.key.escapedForTerminal(limit: 60)): "
        throw fail(token.line, "\(key)'\(token.text.escapedForTerminal(limit: 40))' \(why.reason)")
      }
    }
    return replaced(text, replacements)
  }

  /// The text with every number respelled in its shortest round-trip form: toml++ writes
  /// doubles with 17 significant digits (`0.1` as `0.10000000000000001`).
  static func respelled(_ text: String) -> String {
    var replacements: [(Range<Int>, String)] = []
    for token in tokens(in: text) {
      guard case .success(let value) = DecimalText.parse(token.text) else { continue }
      let spelled = spelling(value)
      if spelled != token.text { replacements.append((token.range, spelled)) }
    }
    return replaced(text, replacements)
  }

  /// A TOML spelling of `value` that reads back as exactly `value`: `2`, `0.5`, `1e-320`, `-0.0`.
  static func spelling(_ value: Double) -> String {
    value == 0 && value.sign == .minus ? "-0.0" : NumberText.shortest(value)
  }

  private static func replaced(_ text: String, _ replacements: [(Range<Int>, String)]) -> String {
    guard !replacements.isEmpty else { return text }
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var at = 0
    for (range, spelled) in replacements {
      out.append(contentsOf: scalars[at..<range.lowerBound])
      out.append(contentsOf: spelled.unicodeScalars)
      at = range.upperBound
    }
    out.append(contentsOf: scalars[at...])
    return String(out)
  }

  // MARK: - Finding them

  /// Every bare value that is written as a number could be (it starts with a digit, a sign or a
  /// dot, or is `nan`/`inf` in any case): outside strings, comments and table headers, after a
  /// key's `=`, in arrays and in inline tables. `true`, `false` and other words are left to TOML.
  static func tokens(in text: String) -> [Token] {
    enum Expect { case statement, key, value, afterValue }
    let scalars = Array(text.unicodeScalars)
    var tokens: [Token] = []
    var i = 0, line = 1
    var expect = Expect.statement
    var open: [Unicode.Scalar] = []
    var key = ""
    func at(_ k: Int) -> Unicode.Scalar? { k < scalars.count ? scalars[k] : nil }
    /// Skips a string starting at `i` (basic or literal, single or triple), counting its lines.
    func skipString(_ quote: Unicode.Scalar) -> String {
      let triple = at(i + 1) == quote && at(i + 2) == quote
      var content = String.UnicodeScalarView()
      i += triple ? 3 : 1
      while i < scalars.count {
        let c = scalars[i]
        if c == "\n" {
          if !triple { return String(content) }
          line += 1
        }
        if quote == "\"" && c == "\\" {
          content.append(c)
          if let next = at(i + 1) { content.append(next) }
          if at(i + 1) == "\n" { line += 1 }
          i += 2
          continue
        }
        if c == quote && (!triple || (at(i + 1) == quote && at(i + 2) == quote)) {
          i += triple ? 3 : 1
          return String(content)
        }
        content.append(c)
        i += 1
      }
      return String(content)
    }
    while i < scalars.count {
      let c = scalars[i]
      if c == "\n" {
        line += 1
        i += 1
        if open.isEmpty { expect = .statement }
        continue
      }
      if c == " " || c == "\t" || c == "\r" { i += 1; continue }
      if c == "#" {
        while i < scalars.count && scalars[i] != "\n" { i += 1 }
        continue
      }
      switch expect {
      case .statement:
        if c == "[" {
          // A table header holds names, not values.
          while i < scalars.count && scalars[i] != "\n" {
            if scalars[i] == "\"" || scalars[i] == "'" { _ = skipString(scalars[i]) } else { i += 1 }
          }
        } else {
          key = ""
          expect = .key
        }
      case .key:
        if c == "=" {
          expect = .value
          i += 1
        } else if c == "\"" || c == "'" {
          key += skipString(c)
        } else if c == "}" {
          _ = open.popLast()
          expect = .afterValue
          i += 1
        } else {
          key.unicodeScalars.append(c)
          i += 1
        }
      case .value:
        switch c {
        case "\"", "'":
          _ = skipString(c)
          expect = .afterValue
        case "[":
          open.append(c)
          i += 1
        case "{":
          open.append(c)
          key = ""
          expect = .key
          i += 1
        case "]", "}":
          _ = open.popLast()
          expect = .afterValue
          i += 1
        default:
          let start = i
          while i < scalars.count, !" \t\r\n,]}#".unicodeScalars.contains(scalars[i]) { i += 1 }
          let word = String(String.UnicodeScalarView(scalars[start..<i]))
          if looksNumeric(word) { tokens.append(Token(line: line, key: key, range: start..<i, text: word)) }
          expect = .afterValue
        }
      case .afterValue:
        if c == "," {
          if open.last == "{" {
            key = ""
            expect = .key
          } else if open.last == "[" {
            expect = .value
          }
        } else if c == "]" || c == "}" {
          _ = open.popLast()
        }
        // Anything else is a TOML syntax error, which the TOML parser reports.
        i += 1
      }
    }
    return tokens
  }

  /// Whether a bare word is written where a number is: a digit, sign or dot first, or a
  /// non-finite word (`nan`, `-inf`, `Infinity`), which TOML reads as a number too.
  static func looksNumeric(_ word: String) -> Bool {
    guard let first = word.unicodeScalars.first else { return false }
    if ("0"..."9").contains(first) || first == "+" || first == "-" || first == "." { return true }
    return ["nan", "inf", "infinity"].contains(word.lowercased())
  }
}
