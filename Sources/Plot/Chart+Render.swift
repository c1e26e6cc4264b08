// Drawing a chart: frame, marker lines, series on a canvas, annotations and legend.

extension Chart {
  // MARK: - Render

  /// Lays out and draws the chart in `rect`. The rect is cleared first; nothing is
  /// written outside it.
  public func render(into grid: inout Grid, in rect: Rect) {
    render(into: &grid, layout: layout(in: rect))
  }

  /// Draws the chart with a layout computed by this chart's `layout(in:)` (or
  /// `alignedLayouts`). The layout's bounds are cleared first.
  public func render(into grid: inout Grid, layout: ChartLayout) {
    let clip = layout.bounds.intersection(grid.bounds)
    guard !clip.isEmpty else { return }
    grid.fill(clip)
    let glyphs = BoxGlyphs.forASCII(marker.isASCII)
    layout.drawFrame(into: &grid, title: title, xTitle: xAxis.title, yTitle: yAxis.title,
                     glyphs: glyphs)
    let plotClip = layout.plot.intersection(clip)
    drawReferenceLines(into: &grid, layout: layout, glyphs: glyphs, clip: plotClip)

    var canvas = Canvas(
      columns: layout.plot.width, rows: layout.plot.height, marker: marker,
      x: layout.xInterval, y: layout.yInterval, xScale: layout.xScale, yScale: layout.yScale)
    for (index, s) in series.enumerated() {
      canvas.plot(xs: s.xs, ys: s.ys, style: s.style(index: index), glyph: s.asciiGlyph(index: index),
                  connected: s.connected)
    }
    canvas.render(into: &grid, x: layout.plot.x, y: layout.plot.y, clip: plotClip)

    drawClipMarks(into: &grid, layout: layout, clip: plotClip)
    drawAnnotations(into: &grid, layout: layout, glyphs: glyphs, clip: plotClip)
    drawLegend(into: &grid, layout: layout, clip: clip)
  }

  // MARK: - Parts

  private func drawReferenceLines(
    into grid: inout Grid, layout: ChartLayout, glyphs: BoxGlyphs, clip: Rect
  ) {
    let plot = layout.plot
    for line in verticalLines {
      guard let col = layout.column(forX: line.value) else { continue }
      for row in plot.y..<plot.maxY {
        grid.put(glyphs.cursorVertical, x: col, y: row, style: line.style, clip: clip)
      }
      guard !line.label.isEmpty else { continue }
      // Top row, or just under the legend if it would cover the label there.
      let width = line.label.unicodeScalars.count
      let start = col + 1 + width <= plot.maxX ? col + 1 : col - width
      var row = plot.y
      if let legend = layout.legend,
        !legend.intersection(Rect(x: start, y: row, width: width, height: 1)).isEmpty
      {
        row = legend.maxY
      }
      grid.put(line.label, x: start, y: row, style: line.style, clip: clip)
    }
    for line in horizontalLines {
      guard let row = layout.row(forY: line.value) else { continue }
      for col in plot.x..<plot.maxX {
        grid.put(glyphs.cursorHorizontal, x: col, y: row, style: line.style, clip: clip)
      }
      let width = line.label.unicodeScalars.count
      grid.put(line.label, x: plot.maxX - width, y: row, style: line.style, clip: clip)
    }
  }

  private func drawAnnotations(
    into grid: inout Grid, layout: ChartLayout, glyphs: BoxGlyphs, clip: Rect
  ) {
    for note in annotations {
      guard let col = layout.column(forX: note.x), let row = layout.row(forY: note.y) else {
        continue
      }
      let style = Style(fg: note.color, bold: true)
      grid.put(glyphs.point, x: col, y: row, style: style, clip: clip)
      let width = note.text.unicodeScalars.count
      let start = col + 2 + width <= layout.plot.maxX ? col + 2 : col - 1 - width
      grid.put(note.text, x: start, y: row, style: Style(fg: note.color), clip: clip)
    }
  }

  private func drawLegend(into grid: inout Grid, layout: ChartLayout, clip: Rect) {
    guard let rect = layout.legend else { return }
    let box = rect.intersection(clip)
    grid.fill(box)
    // An entry wider than the whole chart is the only one that can be cut: it ends in an
    // ellipsis then, so the cut shows.
    func text(_ t: String, from x: Int) -> String {
      let room = rect.maxX - x
      let scalars = t.unicodeScalars
      guard scalars.count > room, room > 0 else { return t }
      return String(String.UnicodeScalarView(scalars.prefix(room - 1))) + (marker.isASCII ? "~" : "…")
    }
    for entry in layout.legendEntries {
      guard let index = entry.series, series.indices.contains(index) else {
        grid.put(text(entry.text, from: entry.x), x: entry.x, y: entry.y, clip: box)
        continue
      }
      let s = series[index]
      grid.put(marker.legendGlyph(series: s.asciiGlyph(index: index)), x: entry.x, y: entry.y,
               style: s.style(index: index), clip: box)
      grid.put(text(entry.text, from: entry.x + 2), x: entry.x + 2, y: entry.y, clip: box)
    }
  }

  /// An arrow in the top (bottom) row at every column where a series is beyond the y range,
  /// so a clipped curve does not look as if it ended at the edge.
  private func drawClipMarks(into grid: inout Grid, layout: ChartLayout, clip: Rect) {
    let (up, down): (Unicode.Scalar, Unicode.Scalar) = marker.isASCII ? ("^", "v") : ("↑", "↓")
    let plot = layout.plot
    guard plot.height > 0 else { return }
    for (index, s) in series.enumerated() where beyond(s, layout) != nil {
      let style = Style(fg: s.style(index: index).fg, bold: true)
      let y = layout.yInterval
      for i in 0..<s.count where s.ys[i].isFinite && layout.yScale.accepts(s.ys[i]) {
        guard let col = layout.column(forX: s.xs[i]) else { continue }
        if s.ys[i] > y.hi { grid.put(up, x: col, y: plot.y, style: style, clip: clip) }
        if s.ys[i] < y.lo { grid.put(down, x: col, y: plot.maxY - 1, style: style, clip: clip) }
      }
    }
  }
}
