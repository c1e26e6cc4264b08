// The 16 ANSI terminal colours plus the terminal's own default foreground.

/// A foreground colour from the 16-colour ANSI palette.
///
/// Sixteen colours is what every terminal and curses build supports; richer palettes
/// would need capability detection, which belongs to the backend, not to `Plot`.
public enum Color: UInt8, Sendable, Hashable, CaseIterable {
  /// The terminal's default foreground.
  case `default`
  case black, red, green, yellow, blue, magenta, cyan, white
  case brightBlack, brightRed, brightGreen, brightYellow
  case brightBlue, brightMagenta, brightCyan, brightWhite

  /// The SGR parameter that selects this colour as foreground: 39, 30-37 or 90-97.
  public var sgrForeground: Int {
    if self == .default { return 39 }
    let index = Int(rawValue) - 1
    return index < 8 ? 30 + index : 90 + index - 8
  }

  /// The ANSI palette index 0-15, or nil for the terminal default.
  public var paletteIndex: Int? {
    self == .default ? nil : Int(rawValue) - 1
  }

  /// Colours given to series that do not choose one, in order.
  ///
  /// Chosen to stay distinct on both dark and light backgrounds; plain white and black
  /// are left out because one of them vanishes on either.
  public static let seriesPalette: [Color] = [
    .cyan, .magenta, .yellow, .green, .red, .blue, .brightCyan, .brightMagenta,
  ]
}
