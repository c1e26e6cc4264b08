// Packed text attributes of a cell: foreground colour plus bold, dim and reverse bits.

/// Foreground colour and attributes of a cell.
///
/// Packed into two bytes so a `Cell` stays at eight bytes and a full-screen grid fits in
/// a few cache-friendly kilobytes.
public struct Style: Sendable, Hashable {
  /// Foreground colour.
  public var fg: Color
  private var flags: UInt8

  private static let boldBit: UInt8 = 1
  private static let dimBit: UInt8 = 2
  private static let reverseBit: UInt8 = 4

  /// Creates a style; everything off by default.
  public init(fg: Color = .default, bold: Bool = false, dim: Bool = false, reverse: Bool = false) {
    self.fg = fg
    flags = (bold ? Self.boldBit : 0) | (dim ? Self.dimBit : 0) | (reverse ? Self.reverseBit : 0)
  }

  /// The terminal's default look.
  public static let plain = Style()

  /// Bold (bright) text.
  public var bold: Bool {
    get { flags & Self.boldBit != 0 }
    set { set(Self.boldBit, newValue) }
  }

  /// Faint text, used for ghost series and cursors.
  public var dim: Bool {
    get { flags & Self.dimBit != 0 }
    set { set(Self.dimBit, newValue) }
  }

  /// Swapped foreground and background.
  public var reverse: Bool {
    get { flags & Self.reverseBit != 0 }
    set { set(Self.reverseBit, newValue) }
  }

  /// True when no attribute or colour is set.
  public var isPlain: Bool { self == .plain }

  private mutating func set(_ bit: UInt8, _ on: Bool) {
    flags = on ? flags | bit : flags & ~bit
  }
}
