// An axis-aligned rectangle of cells, with non-negative size, and set operations on it.

/// A rectangle of cells: origin at the top-left, y growing downwards.
///
/// Width and height are clamped to zero so arithmetic on tiny areas never produces a
/// negative size that a loop would trip over.
public struct Rect: Sendable, Hashable {
  /// Left column.
  public var x: Int
  /// Top row.
  public var y: Int
  /// Number of columns, never negative.
  public var width: Int
  /// Number of rows, never negative.
  public var height: Int

  /// Creates a rectangle; negative sizes become zero.
  public init(x: Int = 0, y: Int = 0, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  /// One past the right column.
  public var maxX: Int { x + width }
  /// One past the bottom row.
  public var maxY: Int { y + height }
  /// True when the rectangle holds no cell.
  public var isEmpty: Bool { width == 0 || height == 0 }
  /// Number of cells.
  public var area: Int { width * height }

  /// Whether the cell at (x, y) lies inside.
  public func contains(x px: Int, y py: Int) -> Bool {
    px >= x && px < maxX && py >= y && py < maxY
  }

  /// The cells in both rectangles; empty (at this origin) when they do not overlap.
  public func intersection(_ other: Rect) -> Rect {
    let left = max(x, other.x)
    let top = max(y, other.y)
    let right = min(maxX, other.maxX)
    let bottom = min(maxY, other.maxY)
    guard right > left, bottom > top else { return Rect(x: left, y: top, width: 0, height: 0) }
    return Rect(x: left, y: top, width: right - left, height: bottom - top)
  }
}
