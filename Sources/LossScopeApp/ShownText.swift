// Untrusted text (paths, CSV fields, .npy headers) made safe for a one-line message.

/// `text` with control characters escaped (\n, \t, \r, \u{1B} ...) and cut with an ellipsis after
/// `limit` characters, so that a hostile value can neither drive the terminal nor flood it.
func shown<S: StringProtocol>(_ text: S, limit: Int = 60) -> String {
  var out = ""
  var n = 0
  for scalar in text.unicodeScalars {
    if n == limit { return out + "…" }
    n += 1
    switch scalar {
    case "\n": out += "\\n"
    case "\t": out += "\\t"
    case "\r": out += "\\r"
    case "\\": out += "\\\\"
    default:
      let v = scalar.value
      if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 {
        out += "\\u{" + String(v, radix: 16, uppercase: true) + "}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
  }
  return out
}

/// The same for raw bytes: invalid UTF-8 shows as U+FFFD.
func shown<C: Collection>(bytes: C, limit: Int = 60) -> String where C.Element == UInt8 {
  shown(String(decoding: bytes.prefix(limit * 4 + 4), as: UTF8.self), limit: limit)
}
