// Turning a grid into plain text lines or ANSI-coloured lines for a terminal or a test.

extension Grid {
  // MARK: - Plain text

  /// The grid as plain text, one string per row, styles dropped.
  ///
  /// Trailing spaces are trimmed from every row so snapshots and literal-row tests do not
  /// depend on invisible padding; a row of spaces becomes "".
  public func lines() -> [String] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(width * 3)
    return (0..<height).map { row in
      let start = row * width
      var end = start + width
      while end > start && cells[end - 1].glyph == " " { end -= 1 }
      bytes.removeAll(keepingCapacity: true)
      for i in start..<end { Self.appendUTF8(cells[i].glyph, to: &bytes) }
      return String(decoding: bytes, as: UTF8.self)
    }
  }

  /// The rows of `lines()` joined by newlines (no trailing newline).
  public var text: String { lines().joined(separator: "\n") }

  // MARK: - ANSI

  /// The grid as rows carrying SGR escape codes.
  ///
  /// Codes are emitted only where the style changes along a row, and a row that ends
  /// in a non-plain style is closed with a reset so styles never leak into the next
  /// line. Trailing spaces are trimmed unless they are reversed (and so visible).
  public func ansiLines() -> [String] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(width * 6)
    return (0..<height).map { row in
      let start = row * width
      var end = start + width
      while end > start && cells[end - 1].glyph == " " && !cells[end - 1].style.reverse {
        end -= 1
      }
      bytes.removeAll(keepingCapacity: true)
      var current = Style.plain
      for i in start..<end {
        let cell = cells[i]
        if cell.style != current {
          Self.appendSGR(cell.style, to: &bytes)
          current = cell.style
        }
        Self.appendUTF8(cell.glyph, to: &bytes)
      }
      if current != .plain { Self.appendSGR(.plain, to: &bytes) }
      return String(decoding: bytes, as: UTF8.self)
    }
  }

  // MARK: - Bytes

  // Rows are assembled as UTF-8 bytes and decoded once: appending scalars to a String
  // one at a time costs several times more per cell.
  @inline(__always)
  private static func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
    let v = scalar.value
    if v < 0x80 {
      bytes.append(UInt8(v))
    } else if v < 0x800 {
      bytes.append(UInt8(0xC0 | v >> 6))
      bytes.append(UInt8(0x80 | v & 0x3F))
    } else if v < 0x10000 {
      bytes.append(UInt8(0xE0 | v >> 12))
      bytes.append(UInt8(0x80 | v >> 6 & 0x3F))
      bytes.append(UInt8(0x80 | v & 0x3F))
    } else {
      bytes.append(UInt8(0xF0 | v >> 18))
      bytes.append(UInt8(0x80 | v >> 12 & 0x3F))
      bytes.append(UInt8(0x80 | v >> 6 & 0x3F))
      bytes.append(UInt8(0x80 | v & 0x3F))
    }
  }

  /// Appends one SGR sequence that fully selects `style`, starting from a reset so the
  /// previous style's attributes never need to be tracked and switched off.
  private static func appendSGR(_ style: Style, to bytes: inout [UInt8]) {
    bytes.append(contentsOf: [0x1B, UInt8(ascii: "["), UInt8(ascii: "0")])
    if style.bold { bytes.append(contentsOf: [UInt8(ascii: ";"), UInt8(ascii: "1")]) }
    if style.dim { bytes.append(contentsOf: [UInt8(ascii: ";"), UInt8(ascii: "2")]) }
    if style.reverse { bytes.append(contentsOf: [UInt8(ascii: ";"), UInt8(ascii: "7")]) }
    if style.fg != .default {
      let code = style.fg.sgrForeground
      bytes.append(UInt8(ascii: ";"))
      bytes.append(UInt8(ascii: "0") + UInt8(code / 10))
      bytes.append(UInt8(ascii: "0") + UInt8(code % 10))
    }
    bytes.append(UInt8(ascii: "m"))
  }
}
