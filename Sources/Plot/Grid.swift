// A width x height buffer of cells that every widget draws into; writes are clipped.

import LossText

/// A rectangle of cells that widgets draw into and a backend blits to the terminal.
///
/// Cells live in one flat row-major array. Every write is clipped to the grid (and to an
/// optional clip rectangle), so a widget given a tiny or off-screen area cannot trap.
/// Each Unicode scalar takes exactly one column: `Plot` draws no wide or combining
/// characters, and text passed in is assumed to be the same.
public struct Grid: Sendable {
  /// Number of columns.
  public let width: Int
  /// Number of rows.
  public let height: Int
  /// The cells, row after row.
  public internal(set) var cells: [Cell]

  /// Creates a grid filled with `fill`; negative sizes become zero.
  public init(width: Int, height: Int, fill: Cell = .blank) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: fill, count: self.width * self.height)
  }

  /// The whole grid as a rectangle at the origin.
  public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  /// The cell at column `x`, row `y`.
  ///
  /// Reading outside the grid gives a blank cell and writing outside is ignored, so
  /// callers never need to bounds-check.
  public subscript(x: Int, y: Int) -> Cell {
    get {
      guard x >= 0, x < width, y >= 0, y < height else { return .blank }
      return cells[y * width + x]
    }
    set {
      guard x >= 0, x < width, y >= 0, y < height else { return }
      cells[y * width + x] = newValue
    }
  }

  // MARK: - Drawing

  /// Writes `text` from column `x` on row `y`, one scalar per column.
  ///
  /// Scalars that fall outside the grid or outside `clip` are skipped; the rest are
  /// still written, so text running off an edge is cut, not shifted.
  /// - Returns: the column just after the text, as if nothing had been clipped.
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil
  ) -> Int {
    let box = clip.map { $0.intersection(bounds) } ?? bounds
    var col = x
    guard y >= box.y, y < box.maxY else { return x + text.unicodeScalars.count }
    let row = y * width
    for scalar in text.unicodeScalars {
      // The last line of defence: a control or bidi mark a caller forgot to escape is drawn as
      // its visible escape, so no text in a grid can drive the terminal that shows it.
      guard TerminalEscape.needsEscape(scalar) else {
        if col >= box.x && col < box.maxX { cells[row + col] = Cell(scalar, style: style) }
        col += 1
        continue
      }
      for piece in TerminalEscape.piece(scalar).unicodeScalars {
        if col >= box.x && col < box.maxX { cells[row + col] = Cell(piece, style: style) }
        col += 1
      }
    }
    return col
  }

  /// Writes one glyph at (x, y) if it lies inside the grid and `clip`.
  public mutating func put(
    _ glyph: Unicode.Scalar, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil
  ) {
    if let clip, !clip.contains(x: x, y: y) { return }
    self[x, y] = Cell(glyph, style: style)
  }

  /// Sets every cell of `rect` (clipped to the grid) to `cell`.
  public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
    let box = rect.intersection(bounds)
    guard !box.isEmpty else { return }
    cells.withUnsafeMutableBufferPointer { buffer in
      for row in box.y..<box.maxY {
        let start = row * width + box.x
        buffer[start..<(start + box.width)].update(repeating: cell)
      }
    }
  }

  /// Resets every cell to `cell`.
  public mutating func clear(with cell: Cell = .blank) {
    fill(bounds, with: cell)
  }
}
