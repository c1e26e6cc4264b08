// The line-drawing characters of axes and markers, in Unicode and in plain ASCII.

/// Glyphs for axes, marker lines and annotation points.
struct BoxGlyphs: Sendable {
  let vertical: Unicode.Scalar
  let horizontal: Unicode.Scalar
  let corner: Unicode.Scalar
  let yTick: Unicode.Scalar
  let xTick: Unicode.Scalar
  let cursorVertical: Unicode.Scalar
  let cursorHorizontal: Unicode.Scalar
  let point: Unicode.Scalar

  static let unicode = BoxGlyphs(
    vertical: "│", horizontal: "─", corner: "└", yTick: "┤", xTick: "┬",
    cursorVertical: "┊", cursorHorizontal: "┈", point: "●")

  static let ascii = BoxGlyphs(
    vertical: "|", horizontal: "-", corner: "+", yTick: "|", xTick: "+",
    cursorVertical: ":", cursorHorizontal: ".", point: "O")

  static func forASCII(_ ascii: Bool) -> BoxGlyphs { ascii ? .ascii : .unicode }
}
