// Drawing a layout's frame: titles, axis lines, tick marks and tick labels.

extension ChartLayout {
  /// Draws titles, axes, ticks and tick labels, clipped to `bounds` and the grid.
  ///
  /// Y labels are right-aligned against the axis and skipped when two ticks land on
  /// one row; x labels are centred under their tick, kept inside `bounds`, and skipped
  /// when they would touch the previous label.
  func drawFrame(
    into grid: inout Grid, title: String, xTitle: String, yTitle: String, glyphs: BoxGlyphs
  ) {
    let clip = bounds.intersection(grid.bounds)
    guard !clip.isEmpty else { return }
    let titleStyle = Style(bold: true)

    // MARK: Header
    if let row = headerRow {
      let end = grid.put(yTitle, x: bounds.x, y: row, style: titleStyle, clip: clip)
      if !title.isEmpty {
        var start = plot.x + (plot.width - title.unicodeScalars.count) / 2
        if !yTitle.isEmpty { start = max(start, end + 1) }
        grid.put(title, x: max(start, bounds.x), y: row, style: titleStyle, clip: clip)
      }
    }

    // MARK: Y axis
    if gutterWidth >= 1 && plot.height > 0 {
      let col = plot.x - 1
      for row in plot.y..<plot.maxY { grid.put(glyphs.vertical, x: col, y: row, clip: clip) }
      let labelClip = Rect(x: bounds.x, y: plot.y, width: gutterWidth - 1, height: plot.height)
        .intersection(clip)
      var lastRow = Int.min
      for (value, label) in zip(yTicks.values, yTicks.labels) {
        guard let row = row(forY: value) else { continue }
        grid.put(glyphs.yTick, x: col, y: row, clip: clip)
        if !label.isEmpty && row != lastRow {
          grid.put(label, x: col - 1 - label.unicodeScalars.count, y: row, clip: labelClip)
          lastRow = row
        }
      }
    }

    // MARK: X axis
    if let row = xAxisRow {
      if gutterWidth >= 1 { grid.put(glyphs.corner, x: plot.x - 1, y: row, clip: clip) }
      for col in plot.x..<plot.maxX { grid.put(glyphs.horizontal, x: col, y: row, clip: clip) }
      for value in xTicks.values {
        if let col = column(forX: value) { grid.put(glyphs.xTick, x: col, y: row, clip: clip) }
      }
    }
    if let row = xLabelRow {
      var free = bounds.x
      for (value, label) in zip(xTicks.values, xTicks.labels) {
        guard let col = column(forX: value), !label.isEmpty else { continue }
        let width = label.unicodeScalars.count
        // Centre the digits, not the minus sign, under the tick.
        let negative = label.unicodeScalars.first == "-"
        let offset = negative ? 1 + (width - 2) / 2 : (width - 1) / 2
        let start = min(max(col - offset, bounds.x), bounds.maxX - width)
        guard start >= free else { continue }
        grid.put(label, x: start, y: row, clip: clip)
        free = start + width + 1
      }
    }
    if let row = xTitleRow {
      let start = plot.x + (plot.width - xTitle.unicodeScalars.count) / 2
      grid.put(xTitle, x: max(bounds.x, start), y: row, style: titleStyle, clip: clip)
    }
  }
}
