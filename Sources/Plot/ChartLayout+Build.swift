// Computing a layout: rows first, then y ticks and the gutter, then x ticks and legend.

extension ChartLayout {
  /// Lays out a chart frame in `bounds`.
  ///
  /// Order matters and avoids any circularity: rows are fixed first (titles and axis
  /// rows are one row each), which gives the plot height and so the y ticks; their
  /// labels give the gutter width, which gives the plot width and so the x ticks.
  /// When space is short, parts are dropped in this order: legend below, header,
  /// x title, x tick labels, x axis line; the y labels go when the plot would get no
  /// column at all.
  init(
    bounds: Rect, x: AxisPlan, y: AxisPlan, title: String, legend position: LegendPosition,
    legendNames: [String], gutterWidth: Int?, dotsPerColumn: Int, dotsPerRow: Int
  ) {
    self.bounds = bounds
    // MARK: Rows
    var header = !title.isEmpty || !y.title.isEmpty
    var axis = true
    var labels = x.showLabels
    var xTitle = !x.title.isEmpty
    var below = position == .below && !legendNames.isEmpty
    func used() -> Int { [header, axis, labels, xTitle, below].filter { $0 }.count }
    if bounds.height - used() < 1 { below = false }
    if bounds.height - used() < 1 { header = false }
    if bounds.height - used() < 1 { xTitle = false }
    if bounds.height - used() < 1 { labels = false }
    if bounds.height - used() < 1 { axis = false }
    let plotRows = max(0, bounds.height - used())
    var row = bounds.y
    headerRow = header ? row : nil
    row += header ? 1 : 0
    let plotY = row
    row += plotRows
    xAxisRow = axis ? row : nil
    row += axis ? 1 : 0
    xLabelRow = labels ? row : nil
    row += labels ? 1 : 0
    xTitleRow = xTitle ? row : nil
    row += xTitle ? 1 : 0

    // MARK: Y ticks and gutter
    var (yRange, yMarks) = y.ticks(count: Self.yTickCount(rows: plotRows))
    if !y.showLabels { yMarks.labels = yMarks.labels.map { _ in "" } }
    yInterval = yRange
    yTicks = yMarks
    let widest = yMarks.labels.reduce(0) { max($0, $1.unicodeScalars.count) }
    var gutter = gutterWidth ?? (widest > 0 ? widest + 2 : 1)
    if bounds.width - gutter < 1 { gutter = gutterWidth.map { max(0, min($0, bounds.width - 1)) } ?? 0 }
    self.gutterWidth = max(0, gutter)
    plot = Rect(x: bounds.x + self.gutterWidth, y: plotY,
                width: bounds.width - self.gutterWidth, height: plotRows)

    // MARK: X ticks
    var (xRange, xMarks) = x.ticks(count: Self.xTickCount(columns: plot.width))
    if !labels { xMarks.labels = xMarks.labels.map { _ in "" } }
    xInterval = xRange
    xTicks = xMarks
    xScale = x.scale
    yScale = y.scale
    self.dotsPerColumn = max(1, dotsPerColumn)
    self.dotsPerRow = max(1, dotsPerRow)

    // MARK: Legend
    let entryWidth = 2 + legendNames.reduce(0) { max($0, $1.unicodeScalars.count) }
    let inside = (position == .topRight || position == .topLeft) && !legendNames.isEmpty
      && plot.width >= 3 && plot.height >= 1
    if inside {
      let w = min(entryWidth, plot.width)
      let h = min(legendNames.count, plot.height)
      legend = Rect(x: position == .topRight ? plot.maxX - w : plot.x, y: plot.y, width: w, height: h)
    } else if below {
      legend = Rect(x: plot.x, y: row, width: plot.width, height: 1)
    } else {
      legend = nil
    }
  }

  /// Y tick target: about one labelled tick every three rows, 2 to 10.
  static func yTickCount(rows: Int) -> Int { max(2, min(10, rows / 3 + 1)) }

  /// X tick target: about one labelled tick every ten columns, 2 to 10.
  static func xTickCount(columns: Int) -> Int { max(2, min(10, columns / 10 + 1)) }
}
