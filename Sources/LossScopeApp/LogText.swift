// Text from a user's log file made safe for one line on a terminal: control characters escaped, length capped.

enum LogText {
  /// `text` with control characters as `\n`, `\t`, `\u{1b}`…, and at most `limit` characters.
  static func escaped(_ text: some StringProtocol, limit: Int = 80) -> String {
    var out = ""
    var count = 0
    for scalar in text.unicodeScalars {
      if count >= limit {
        out += "..."
        break
      }
      switch scalar {
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\\": out += "\\\\"
      default:
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 {
          out += "\\u{\(String(v, radix: 16))}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
      count += 1
    }
    return out
  }

  /// Bytes that may not be UTF-8, escaped the same way (invalid sequences become U+FFFD).
  static func escaped(bytes: some Collection<UInt8>, limit: Int = 80) -> String {
    escaped(String(decoding: bytes.prefix(limit * 4), as: UTF8.self), limit: limit)
  }
}

extension LogText {
  /// `text` without surrounding spaces and double quotes (CSV header cells).
  static func trimmed(_ text: String) -> String {
    var s = Substring(text)
    while let c = s.first, c == " " || c == "\"" || c == "\r" { s = s.dropFirst() }
    while let c = s.last, c == " " || c == "\"" || c == "\r" { s = s.dropLast() }
    return String(s)
  }
}
