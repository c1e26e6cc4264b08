// Plain ASCII for terminals whose locale cannot show braille or box drawing (LANG=C), or on request.

import LossData
import LossLogs
import LossText

/// Whether to draw with ASCII only, and the ASCII stand-in for each glyph the charts use.
public enum AsciiFallback {
  /// LOSSSCOPE_ASCII=1 forces ASCII and LOSSSCOPE_ASCII=0 forces Unicode; otherwise the locale
  /// decides (the first of LC_ALL, LC_CTYPE, LANG that is set must name UTF-8). With none set,
  /// Unicode is kept: minimal containers and CI often set nothing yet show UTF-8 fine.
  public static var enabled: Bool {
    if let force = TerminalInfo.environment("LOSSSCOPE_ASCII"), !force.isEmpty { return force != "0" }
    for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
      guard let value = TerminalInfo.environment(name), !value.isEmpty else { continue }
      let lower = value.lowercased()
      return !(lower.contains("utf-8") || lower.contains("utf8"))
    }
    return false
  }

  /// One printable ASCII character for `scalar`, which takes one cell as the original did.
  public static func glyph(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    let v = scalar.value
    if v < 0x80 { return scalar }
    switch v {
    case 0x2800: return " "
    case 0x2801...0x28FF:
      // Braille: dots 1, 2, 4, 5 (bits 0, 1, 3, 4) are the top half of the cell.
      let top = v & 0b0001_1011 != 0, bottom = v & 0b1110_0100 != 0
      return top && bottom ? ":" : top ? "'" : "."
    case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550, 0x2574, 0x2576, 0x2578, 0x257A:
      return "-"
    case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551, 0x2575, 0x2577, 0x2579, 0x257B:
      return "|"
    case 0x2500...0x257F: return "+"
    case 0x2580: return "\""
    case 0x2581...0x2583: return "_"
    case 0x2591: return "."
    case 0x2592: return ":"
    case 0x2584...0x259F: return "#"
    case 0x25B2, 0x25B3, 0x2191: return "^"
    case 0x25BC, 0x25BD, 0x2193: return "v"
    case 0x25C0, 0x25C1, 0x2190: return "<"
    case 0x25B6, 0x25B7, 0x2192: return ">"
    case 0x2022, 0x25CF, 0x25CB, 0x00B0: return "o"
    case 0x00B7, 0x2026: return "."
    case 0x2013, 0x2014, 0x2212: return "-"
    case 0x00D7: return "x"
    case 0x00A0: return " "
    default: return greek[v] ?? "?"
    }
  }

  /// The Greek letters of parameter symbols, by their Latin look-alike.
  private static let greek: [UInt32: Unicode.Scalar] = [
    0x3B1: "a", 0x3B2: "b", 0x3B3: "g", 0x3B4: "d", 0x3B5: "e", 0x3B7: "h", 0x3B8: "t", 0x3BA: "k",
    0x3BB: "l", 0x3BC: "m", 0x3BD: "v", 0x3BE: "x", 0x3C0: "p", 0x3C1: "r", 0x3C3: "s", 0x3C4: "t",
    0x3C6: "f", 0x3C7: "x", 0x3C8: "y", 0x3C9: "w", 0x394: "D", 0x3A3: "S",
  ]

  /// A whole line in ASCII.
  public static func line(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { out.append(glyph(scalar)) }
    return String(out)
  }
}
