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
    legendContent content: LegendContent, gutterWidth: Int?, dotsPerColumn: Int, dotsPerRow: Int
  ) {
    self.bounds = bounds
    // MARK: Rows
    var header = !title.isEmpty || !y.title.isEmpty
    var axis = true
    var labels = x.showLabels
    var xTitle = !x.title.isEmpty
    // A legend below wraps to as many rows as its entries need, over the whole width.
    let flowWidth = max(1, bounds.width - 1)
    var below = position == .below && !content.isEmpty ? content.flowRows(width: flowWidth) : 0
    func used() -> Int { [header, axis, labels, xTitle].filter { $0 }.count + below }
    while bounds.height - used() < 1 && below > 0 { below -= 1 }
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
    // Inside only when the whole box fits with a column to spare; otherwise no legend here, and
    // `Chart.layout` asks again with the legend below.
    let (w, h) = content.boxSize
    let inside = (position == .topRight || position == .topLeft) && !content.isEmpty
      && w < plot.width && h < plot.height
    if inside {
      let box = Rect(x: position == .topRight ? plot.maxX - w : plot.x, y: plot.y, width: w, height: h)
      legend = box
      legendEntries = content.column(x: box.x, y: box.y)
    } else if below > 0 {
      legend = Rect(x: bounds.x, y: row, width: bounds.width, height: below)
      legendEntries = content.flow(x: bounds.x + 1, y: row, width: flowWidth).filter { $0.y < row + below }
    } else {
      legend = nil
      legendEntries = []
    }
  }

  /// Y tick target: about one labelled tick every three rows, 2 to 10.
  static func yTickCount(rows: Int) -> Int { max(2, min(10, rows / 3 + 1)) }

  /// X tick target: about one labelled tick every ten columns, 2 to 10.
  static func xTickCount(columns: Int) -> Int { max(2, min(10, columns / 10 + 1)) }
}
