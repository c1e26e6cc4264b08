// Loss views as charts: the series, axes and panels that `plot` prints and the TUI shows.

import Losses
import Plot
import LossText
import LossData
import LossLogs

/// One curve ready to draw: legend name, loss and gradient points, and how it should look.
struct CurveSeries {
  var name: String
  var loss: PlotPoints
  var grad: PlotPoints
  var dimmed = false

  init(name: String, curve: Curve, dimmed: Bool = false) {
    self.name = name
    loss = PlotPoints(xs: curve.xs, ys: curve.loss)
    grad = PlotPoints(xs: curve.xs, ys: curve.grad)
    self.dimmed = dimmed
  }

  init(name: String, loss: PlotPoints, grad: PlotPoints, dimmed: Bool = false) {
    self.name = name
    self.loss = loss
    self.grad = grad
    self.dimmed = dimmed
  }
}

enum LossChart {
  /// Why a y range cannot be drawn, as one line, or nil when it can.
  static func checkYRange(min lo: Double?, max hi: Double?, logY: Bool) -> String? {
    for (flag, value) in [("--ymin", lo), ("--ymax", hi)] {
      guard let value else { continue }
      if !value.isFinite { return "\(flag) must be a finite number (got \(NumberText.shortest(value)))" }
      if logY && value <= 0 { return "\(flag) must be positive on a log axis (got \(NumberText.shortest(value)))" }
    }
    if let lo, let hi, !(lo < hi) { return "--ymin (\(NumberText.shortest(lo))) must be less than --ymax (\(NumberText.shortest(hi)))" }
    return nil
  }

  /// Every series of the requests on `grid`, one per swept value, named by what tells them apart.
  /// Each keeps at most `ColumnEnvelope.capacity(columns:)` points, whatever the grid's size.
  static func series(_ requests: [ViewRequest], grid: SampleGrid, columns: Int) -> [CurveSeries] {
    requests.flatMap { request in
      request.expanded().map { parameters, _ in
        let (loss, grad) = ColumnEnvelope.points(view: request.info.make(parameters), grid: grid, columns: columns)
        return CurveSeries(name: legendName(request, parameters), loss: loss, grad: grad)
      }
    }
  }

  /// `focal gamma=0.5`: the view plus the parameters the user set or swept.
  static func legendName(_ request: ViewRequest, _ parameters: Parameters) -> String {
    let values = parameters.active.filter { !$0.spec.isAxis && request.userSet.contains($0.spec.name) }.map { "\($0.spec.name)=\($0.spec.format($0.value))" }
    return ([request.info.name] + values).joined(separator: " ")
  }

  /// The loss chart, with a gradient chart below sharing the x axis when `grad` is set; `yMin`
  /// and `yMax` fix the loss axis's ends (check them with `checkYRange` first).
  static func stack(
    _ series: [CurveSeries], axis: AxisSpec, title: String, logY: Bool, marker: Marker, grad: Bool,
    cursor: Double? = nil, annotations: [(x: Double, y: Double, text: String)] = [],
    yMin: Double? = nil, yMax: Double? = nil, yFull: Bool = false
  ) -> ChartStack {
    let scale: Scale = logY ? .log10 : .linear
    func chart(_ yTitle: String, _ points: (CurveSeries) -> PlotPoints) -> Chart {
      var chart = Chart(
        series.prefix(8).map { Series($0.name, xs: points($0).xs, ys: points($0).ys, dimmed: $0.dimmed) },
        title: title, xAxis: Axis(axis.label), yAxis: Axis(yTitle, range: .clipped, scale: scale),
        marker: marker)
      if let cursor { chart.verticalLines = [ReferenceLine(cursor)] }
      return chart
    }
    var loss = chart("loss", \.loss)
    // The user's ends replace the clipped auto range; series beyond them are marked by the chart.
    if yMin != nil || yMax != nil { loss.yAxis.range = .bounded(lo: yMin, hi: yMax) } else if yFull { loss.yAxis.range = .auto }
    loss.annotations = annotations.map { Annotation(x: $0.x, y: $0.y, $0.text) }
    // Beyond three entries a legend inside the plot covers the curves: it goes below instead.
    if series.count > 3 { loss.legend = .below }
    guard grad else { return ChartStack([loss]) }
    var gradient = chart("grad", \.grad)
    gradient.title = ""
    gradient.legend = .hidden
    // The weights share plot rows (ChartStack takes titles and axes off first): the loss gets two thirds.
    return ChartStack([loss, gradient], weights: [2, 1])
  }
}
