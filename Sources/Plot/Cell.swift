// One character cell of a grid: a single Unicode scalar and its style.

/// One character cell: a glyph and its style.
///
/// The glyph is a `Unicode.Scalar`, not a `Character`, so a cell is a fixed eight bytes
/// with no heap storage; every glyph `Plot` draws is a single scalar one column wide.
public struct Cell: Sendable, Hashable {
  /// The character shown.
  public var glyph: Unicode.Scalar
  /// How it is shown.
  public var style: Style

  /// Creates a cell; a plain space by default.
  public init(_ glyph: Unicode.Scalar = " ", style: Style = .plain) {
    self.glyph = glyph
    self.style = style
  }

  /// A plain space.
  public static let blank = Cell()
}
