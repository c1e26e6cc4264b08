// Where a chart's legend goes and what it notes: never over a curve, and clipped series said so.

import LossText

extension Chart {
  /// The layout with the legend settled: notes for clipped series, then an inside legend moved
  /// to the other top corner when a curve passes under it, and below the plot when both do.
  func placedLayout(_ make: (LegendPosition, [String]) -> ChartLayout) -> ChartLayout {
    func settled(_ position: LegendPosition) -> ChartLayout {
      let plain = make(position, [])
      let notes = clipNotes(plain)
      guard notes.contains(where: { !$0.isEmpty }) else { return plain }
      // The notes change the legend's size, which can change the rows and so the y range once.
      let noted = make(position, notes)
      let again = clipNotes(noted)
      return again == notes ? noted : make(position, again)
    }
    let first = settled(legend)
    guard legend == .topRight || legend == .topLeft, series.contains(where: { !$0.name.isEmpty }) else { return first }
    if let box = first.legend, !covers(box, first) { return first }
    let other = settled(legend == .topRight ? .topLeft : .topRight)
    if let box = other.legend, !covers(box, other) { return other }
    return settled(.below)
  }

  /// Per series, "" or a note saying how far beyond the y range it goes: `(↑ to 6.91)`.
  func clipNotes(_ layout: ChartLayout) -> [String] {
    let (up, down) = marker.isASCII ? ("^", "v") : ("↑", "↓")
    return series.map { s in
      guard !s.name.isEmpty, let (low, high) = beyond(s, layout) else { return "" }
      let parts = [high.map { "\(up) to \(NumberText.compact($0))" },
                   low.map { "\(down) to \(NumberText.compact($0))" }].compactMap { $0 }
      return parts.isEmpty ? "" : "(" + parts.joined(separator: ", ") + ")"
    }
  }

  /// The lowest value below and the highest above the y range among the points inside the x
  /// range, or nil when the series stays inside.
  func beyond(_ s: Series, _ layout: ChartLayout) -> (low: Double?, high: Double?)? {
    let y = layout.yInterval, x = layout.xInterval
    let slack = 1e-9 * max(abs(y.lo), abs(y.hi))
    var low: Double?, high: Double?
    for i in 0..<s.count {
      let v = s.ys[i], u = s.xs[i]
      guard v.isFinite, layout.yScale.accepts(v), u >= x.lo, u <= x.hi else { continue }
      if v > y.hi + slack { high = max(high ?? v, v) }
      if v < y.lo - slack { low = min(low ?? v, v) }
    }
    return low == nil && high == nil ? nil : (low, high)
  }

  /// Whether any series, as the canvas draws it, passes through `box`.
  func covers(_ box: Rect, _ layout: ChartLayout) -> Bool {
    let plot = layout.plot
    let columns = plot.width * layout.dotsPerColumn, rows = plot.height * layout.dotsPerRow
    guard columns > 1, rows > 1 else { return false }
    let xa = layout.xScale.transform(layout.xInterval.lo), xb = layout.xScale.transform(layout.xInterval.hi)
    let ya = layout.yScale.transform(layout.yInterval.lo), yb = layout.yScale.transform(layout.yInterval.hi)
    let kx = Double(columns - 1) / (xb - xa), ky = Double(rows - 1) / (yb - ya)
    guard kx.isFinite, ky.isFinite else { return false }
    // The box in dot units, half a dot wider on each side for the canvas's rounding.
    let left = Double((box.x - plot.x) * layout.dotsPerColumn) - 0.5
    let right = Double((box.maxX - plot.x) * layout.dotsPerColumn) - 0.5
    let top = Double((box.y - plot.y) * layout.dotsPerRow) - 0.5
    let bottom = Double((box.maxY - plot.y) * layout.dotsPerRow) - 0.5
    func dot(_ i: Int, _ s: Series) -> (Double, Double)? {
      guard layout.xScale.accepts(s.xs[i]), layout.yScale.accepts(s.ys[i]) else { return nil }
      let c = (layout.xScale.transform(s.xs[i]) - xa) * kx, r = (yb - layout.yScale.transform(s.ys[i])) * ky
      return c.isFinite && r.isFinite ? (c, r) : nil
    }
    for s in series {
      var previous: (Double, Double)?
      for i in 0..<s.count {
        let p = dot(i, s)
        if let p {
          if let q = previous, s.connected {
            if Self.segment(q, p, meets: (left, right, top, bottom)) { return true }
          } else if p.0 >= left && p.0 <= right && p.1 >= top && p.1 <= bottom {
            return true
          }
        }
        previous = p
      }
    }
    return false
  }

  /// Liang-Barsky: whether the segment from `a` to `b` meets the box.
  static func segment(
    _ a: (Double, Double), _ b: (Double, Double), meets box: (left: Double, right: Double, top: Double, bottom: Double)
  ) -> Bool {
    let dx = b.0 - a.0, dy = b.1 - a.1
    var t0 = 0.0, t1 = 1.0
    for (p, q) in [(-dx, a.0 - box.left), (dx, box.right - a.0), (-dy, a.1 - box.top), (dy, box.bottom - a.1)] {
      if p == 0 {
        if q < 0 { return false }
      } else {
        let t = q / p
        if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
        if t0 > t1 { return false }
      }
    }
    return true
  }
}
