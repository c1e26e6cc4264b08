// Drawing a histogram: frame, then one bar per column with an eighth-block top.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Histogram {
  /// Lays out and draws the histogram in `rect` (cleared first; nothing is written
  /// outside it).
  public func render(into grid: inout Grid, in rect: Rect) {
    let clip = rect.intersection(grid.bounds)
    guard !clip.isEmpty else { return }
    grid.fill(clip)
    let layout = layout(in: rect)
    layout.drawFrame(into: &grid, title: title, xTitle: xTitle, yTitle: yTitle,
                     glyphs: BoxGlyphs.forASCII(ascii))
    let plot = layout.plot
    let box = plot.intersection(clip)
    guard !box.isEmpty, !counts.isEmpty else { return }

    let bins = counts.count
    let range = edges
    let binWidth = range.span / Double(bins)
    let yLo = layout.yScale.transform(layout.yInterval.lo)
    let ySpan = layout.yScale.transform(layout.yInterval.hi) - yLo
    let eighths = plot.height * 8
    let style = Style(fg: color)
    // A column's value range is half a column either side of its centre.
    let halfColumn = plot.width > 1 ? range.span / Double(plot.width - 1) / 2 : range.span / 2
    for col in box.x..<box.maxX {
      let centre = layout.x(atColumn: col)
      var first = Int(((centre - halfColumn - range.lo) / binWidth).rounded(.down))
      var last = Int(((centre + halfColumn - range.lo) / binWidth).rounded(.down))
      if plot.width >= bins {
        // Wide plots: each column shows the one bin under its centre, so bars keep
        // their own widths instead of bleeding into neighbours.
        first = Int(((centre - range.lo) / binWidth).rounded(.down))
        last = first
      }
      first = max(0, min(bins - 1, first))
      last = max(first, min(bins - 1, last))
      var count = 0
      for k in first...last { count = max(count, counts[k]) }
      guard count > 0 else { continue }
      let value = logCounts ? log10(1 + Double(count)) : Double(count)
      let fraction = ySpan > 0 ? (value - yLo) / ySpan : 0
      var height = Int((fraction * Double(eighths)).rounded())
      height = max(1, min(eighths, height))
      drawBar(into: &grid, column: col, bottom: plot.maxY - 1, eighths: height, style: style,
              clip: box)
    }
  }

  /// One bar from `bottom` upward, `eighths` eighth-rows tall.
  private func drawBar(
    into grid: inout Grid, column: Int, bottom: Int, eighths: Int, style: Style, clip: Rect
  ) {
    let full = ascii ? (eighths + 4) / 8 : eighths / 8
    for k in 0..<full {
      grid.put(ascii ? "#" : "█", x: column, y: bottom - k, style: style, clip: clip)
    }
    if ascii {
      if full == 0 { grid.put("_", x: column, y: bottom, style: style, clip: clip) }
    } else if eighths % 8 > 0 {
      let top = Unicode.Scalar(0x2580 + UInt32(eighths % 8))!
      grid.put(top, x: column, y: bottom - full, style: style, clip: clip)
    }
  }
}
