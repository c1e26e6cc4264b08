// Drawing a region plot: sample the field per cell, shade by level, mark the zero contour.

extension RegionPlot {
  /// Lays out and draws the plot in `rect` (cleared first; nothing is written outside).
  public func render(into grid: inout Grid, in rect: Rect) {
    let clip = rect.intersection(grid.bounds)
    guard !clip.isEmpty else { return }
    grid.fill(clip)
    let layout = layout(in: rect)
    let ascii = shading == .ascii
    layout.drawFrame(into: &grid, title: title, xTitle: xTitle, yTitle: yTitle,
                     glyphs: BoxGlyphs.forASCII(ascii))
    let plot = layout.plot
    let box = plot.intersection(clip)
    guard !box.isEmpty else { return }

    let values = sample(layout)
    let ramp: [Unicode.Scalar] = ascii ? [" ", ".", ":", "="] : [" ", "░", "▒", "▓"]
    var lo = Double.infinity
    var hi = -Double.infinity
    for v in values where v.isFinite {
      lo = min(lo, v)
      hi = max(hi, v)
    }
    if let fixed = levelRange { (lo, hi) = (fixed.lo, fixed.hi) }
    let span = hi - lo
    let contour = showContour
      ? contourMask(values.map { $0 - contourLevel }, columns: plot.width, rows: plot.height) : []
    let contourGlyph: Unicode.Scalar = ascii ? "#" : "•"
    let steps = thresholds.isEmpty ? [] : Self.ramp(levels: thresholds.count + 1, ascii: ascii)
    for row in box.y..<box.maxY {
      for col in box.x..<box.maxX {
        let i = (row - plot.y) * plot.width + (col - plot.x)
        let v = values[i]
        guard !v.isNaN else { continue }
        if !steps.isEmpty {
          let k = level(of: v)
          let color = levelColor(k, of: steps.count)
          grid[col, row] = !contour.isEmpty && contour[i]
            ? Cell(contourGlyph, style: Style(fg: color, bold: true)) : Cell(steps[k], style: Style(fg: color))
          continue
        }
        guard v.isFinite else { continue }
        let level = span > 0 ? min(0.999_999, max(0, (v - lo) / span)) : 0.5
        let color = colors.isEmpty ? Color.default : colors[Int(level * Double(colors.count))]
        if !contour.isEmpty && contour[i] {
          grid[col, row] = Cell(contourGlyph, style: Style(fg: color, bold: true))
        } else {
          grid[col, row] = Cell(ramp[Int(level * Double(ramp.count))], style: Style(fg: color))
        }
      }
    }
    drawOverlays(into: &grid, layout: layout, clip: box)
  }

  // MARK: - Sampling

  /// Field values at every plot cell centre, row-major from the top row.
  func sample(_ layout: ChartLayout) -> [Double] {
    let plot = layout.plot
    var out = [Double](repeating: .nan, count: plot.area)
    guard !out.isEmpty else { return out }
    let xs = (plot.x..<plot.maxX).map { layout.x(atColumn: $0) }
    let ys = (plot.y..<plot.maxY).map { layout.y(atRow: $0) }
    switch field {
    case .function(let f):
      for r in 0..<plot.height {
        for c in 0..<plot.width { out[r * plot.width + c] = f(xs[c], ys[r]) }
      }
    case .samples(let values, let columns, let rows):
      guard columns > 0, rows > 0, values.count >= columns * rows else { return out }
      func nearest(_ v: Double, _ range: Interval, _ n: Int) -> Int {
        let f = range.span != 0 ? (v - range.lo) / range.span : 0
        let k = (f * Double(n - 1)).rounded()
        return k.isFinite ? Int(max(0, min(Double(n - 1), k))) : 0
      }
      for r in 0..<plot.height {
        let sr = nearest(ys[r], y, rows)
        for c in 0..<plot.width {
          out[r * plot.width + c] = values[sr * columns + nearest(xs[c], x, columns)]
        }
      }
    }
    return out
  }

  /// Cells on the zero contour: a cell with value exactly 0, and of every pair of
  /// right or lower neighbours with opposite signs, the one nearer zero (so the line is
  /// one cell thick rather than two).
  func contourMask(_ values: [Double], columns: Int, rows: Int) -> [Bool] {
    var mask = [Bool](repeating: false, count: values.count)
    func mark(_ i: Int, _ j: Int) {
      let a = values[i]
      let b = values[j]
      // Opposite strict signs (NaN compares false and never marks).
      guard (a < 0 && b > 0) || (a > 0 && b < 0), a.isFinite, b.isFinite else { return }
      mask[abs(a) <= abs(b) ? i : j] = true
    }
    for r in 0..<rows {
      for c in 0..<columns {
        let i = r * columns + c
        if values[i] == 0 { mask[i] = true }
        if c + 1 < columns { mark(i, i + 1) }
        if r + 1 < rows { mark(i, i + columns) }
      }
    }
    return mask
  }

  // MARK: - Overlays

  private func drawOverlays(into grid: inout Grid, layout: ChartLayout, clip: Rect) {
    guard !overlays.isEmpty else { return }
    let marker = shading == .ascii ? Marker.ascii : overlayMarker
    var canvas = Canvas(columns: layout.plot.width, rows: layout.plot.height, marker: marker,
                        x: layout.xInterval, y: layout.yInterval)
    for (index, s) in overlays.enumerated() {
      canvas.plot(xs: s.xs, ys: s.ys, style: s.style(index: index),
                  glyph: s.asciiGlyph(index: index), connected: s.connected)
    }
    canvas.render(into: &grid, x: layout.plot.x, y: layout.plot.y, clip: clip)
  }
}
