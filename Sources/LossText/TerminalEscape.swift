// The one escaper: untrusted text (a file's name, a tag, a CSV cell) made safe for a terminal line.

extension StringProtocol {
  /// The text with every control character written as a visible escape and cut after `limit`
  /// characters of output with `…`. Escaped: C0 and DEL and C1 (`\n`, `\r`, `\t`, `\e`, else
  /// `\u{9b}`), line and paragraph separators, the bidirectional marks, embeddings, overrides and isolates
  /// (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), the BOM and U+FFFD (bytes that were not UTF-8).
  /// Every message, chart title, legend and screen shows names through this, so no byte of them
  /// can move the cursor, change colours, reorder the line or split it in two. A backslash stays
  /// as it is, so escaping is idempotent: a message whose names were escaped can be escaped again
  /// as a whole at the edge without doubling anything.
  public func escapedForTerminal(limit: Int = 200) -> String {
    var out = ""
    var count = 0
    for scalar in unicodeScalars {
      let piece = TerminalEscape.piece(scalar)
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

/// Bytes that may not be UTF-8, escaped the same way (an invalid sequence shows as `\u{fffd}`).
public func escapedForTerminal<C: Collection>(bytes: C, limit: Int = 200) -> String where C.Element == UInt8 {
  String(decoding: bytes.prefix(limit * 4 + 4), as: UTF8.self).escapedForTerminal(limit: limit)
}

public enum TerminalEscape {
  /// True for a scalar that must never reach a terminal as it is.
  @inlinable
  public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00..<0x20, 0x7F..<0xA0, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069, 0xFEFF, 0xFFFD: return true
    default: return false
    }
  }

  /// One scalar as it is shown.
  public static func piece(_ scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x0A: return "\\n"
    case 0x0D: return "\\r"
    case 0x09: return "\\t"
    case 0x1B: return "\\e"
    default:
      return needsEscape(scalar) ? "\\u{" + String(scalar.value, radix: 16) + "}" : String(scalar)
    }
  }
}
