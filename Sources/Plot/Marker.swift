// How a canvas turns dots into glyphs: braille, half blocks, full blocks or ASCII.

/// The sub-cell resolution a canvas draws with.
///
/// All four are interchangeable behind `Canvas`; `ascii` is the fallback for fonts and
/// TTYs without braille or block characters.
public enum Marker: Sendable, Hashable, CaseIterable {
  /// 2 x 4 dots per cell from the U+2800 braille block.
  case braille
  /// 1 x 2 dots per cell: '▀', '▄' and '█'.
  case halfBlock
  /// One dot per cell: '█'.
  case block
  /// One dot per cell, each series its own ASCII glyph (`*`, `+`, `o`, ...).
  case ascii

  /// Dots per cell horizontally.
  public var dotsPerColumn: Int { self == .braille ? 2 : 1 }

  /// Dots per cell vertically.
  public var dotsPerRow: Int {
    switch self {
    case .braille: return 4
    case .halfBlock: return 2
    case .block, .ascii: return 1
    }
  }

  /// Whether everything drawn with this marker should stick to 7-bit ASCII.
  public var isASCII: Bool { self == .ascii }

  /// Glyphs for series 0-7 in `ascii` mode; later series reuse them in turn.
  public static let asciiGlyphs: [Unicode.Scalar] = ["*", "+", "o", "x", "#", "@", "%", "&"]

  /// The ASCII glyph of series number `index`.
  public static func asciiGlyph(forSeries index: Int) -> Unicode.Scalar {
    asciiGlyphs[((index % asciiGlyphs.count) + asciiGlyphs.count) % asciiGlyphs.count]
  }

  /// The glyph for a cell whose set dots are `mask` (bit layout as `dotBit`).
  ///
  /// `ascii` has no glyph of its own; the canvas stores each cell's series glyph.
  public func glyph(mask: UInt8) -> Unicode.Scalar {
    switch self {
    case .braille: return Unicode.Scalar(0x2800 | UInt32(mask))!
    case .halfBlock: return mask == 1 ? "▀" : mask == 2 ? "▄" : "█"
    case .block: return "█"
    case .ascii: return "*"
    }
  }

  /// The glyph that stands for a series in a legend.
  public func legendGlyph(series glyph: Unicode.Scalar) -> Unicode.Scalar {
    switch self {
    case .braille: return "⣿"
    case .halfBlock, .block: return "█"
    case .ascii: return glyph
    }
  }

  /// Packed table of the bit for the dot at (dx, dy) inside a cell, one byte per
  /// `dy * 2 + dx`; braille numbers its dots column-wise with the bottom row last.
  var dotBits: UInt64 {
    switch self {
    case .braille:
      // bytes: (0,0)=01 (1,0)=08 (0,1)=02 (1,1)=10 (0,2)=04 (1,2)=20 (0,3)=40 (1,3)=80
      return 0x8040_2004_1002_0801
    case .halfBlock:
      return 0x0002_0001
    case .block, .ascii:
      return 0x01
    }
  }
}
