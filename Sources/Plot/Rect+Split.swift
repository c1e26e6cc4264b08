// Carving rectangles: insets, splitting off rows or columns, and weighted stacks.

extension Rect {
  // MARK: - Insets

  /// Shrinks every side by `n` cells (never below zero size).
  public func inset(by n: Int) -> Rect {
    inset(top: n, left: n, bottom: n, right: n)
  }

  /// Shrinks each side by its own amount (never below zero size).
  public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
    let w = max(0, width - left - right)
    let h = max(0, height - top - bottom)
    return Rect(x: x + min(left, width), y: y + min(top, height), width: w, height: h)
  }

  // MARK: - Splits

  /// Splits off the top `rows` rows (clamped to the height).
  public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
    let n = min(max(0, rows), height)
    return (Rect(x: x, y: y, width: width, height: n),
            Rect(x: x, y: y + n, width: width, height: height - n))
  }

  /// Splits off the bottom `rows` rows (clamped to the height).
  public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
    let n = min(max(0, rows), height)
    return (Rect(x: x, y: y, width: width, height: height - n),
            Rect(x: x, y: maxY - n, width: width, height: n))
  }

  /// Splits off the left `columns` columns (clamped to the width).
  public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
    let n = min(max(0, columns), width)
    return (Rect(x: x, y: y, width: n, height: height),
            Rect(x: x + n, y: y, width: width - n, height: height))
  }

  /// Splits off the right `columns` columns (clamped to the width).
  public func splitRight(_ columns: Int) -> (rest: Rect, right: Rect) {
    let n = min(max(0, columns), width)
    return (Rect(x: x, y: y, width: width - n, height: height),
            Rect(x: maxX - n, y: y, width: n, height: height))
  }

  // MARK: - Stacks

  /// Stacks rectangles top to bottom with heights proportional to `weights`.
  ///
  /// Rows are handed out with exact integer arithmetic, so the parts always tile the
  /// rectangle without gaps or overlap whatever the weights.
  public func rows(weights: [Int]) -> [Rect] {
    Self.shares(total: height, weights: weights).map { start, size in
      Rect(x: x, y: y + start, width: width, height: size)
    }
  }

  /// Places rectangles left to right with widths proportional to `weights`.
  public func columns(weights: [Int]) -> [Rect] {
    Self.shares(total: width, weights: weights).map { start, size in
      Rect(x: x + start, y: y, width: size, height: height)
    }
  }

  private static func shares(total: Int, weights: [Int]) -> [(Int, Int)] {
    let clean = weights.map { max(0, $0) }
    let sum = clean.reduce(0, +)
    guard sum > 0 else { return clean.map { _ in (0, 0) } }
    var result: [(Int, Int)] = []
    var acc = 0
    for w in clean {
      let start = total * acc / sum
      acc += w
      result.append((start, total * acc / sum - start))
    }
    return result
  }
}
