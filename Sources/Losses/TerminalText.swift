// Untrusted text made safe to print: control characters escaped, long text cut with an ellipsis.

extension String {
  /// The text with every control character (C0, DEL, C1, line separators, bidi overrides)
  /// written as a visible escape (`\n`, `\t`, `\e`, `\u{9b}`), cut to `limit` characters with `…`.
  /// Messages, chart titles and the app echo files and arguments through this, so that no byte
  /// of them can move the cursor, change colours or split a message over two lines.
  public func escapedForTerminal(limit: Int = 200) -> String {
    var out = ""
    var count = 0
    for scalar in unicodeScalars {
      let piece: String
      switch scalar.value {
      case 0x0A: piece = "\\n"
      case 0x0D: piece = "\\r"
      case 0x09: piece = "\\t"
      case 0x1B: piece = "\\e"
      // U+FFFD stands for bytes that were not UTF-8: a binary file's bytes are shown as escapes.
      case 0x00..<0x20, 0x7F..<0xA0, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069, 0xFEFF, 0xFFFD:
        piece = "\\u{" + String(scalar.value, radix: 16) + "}"
      default: piece = String(scalar)
      }
      if count + piece.count > limit {
        out += "…"
        return out
      }
      out += piece
      count += piece.count
    }
    return out
  }
}
