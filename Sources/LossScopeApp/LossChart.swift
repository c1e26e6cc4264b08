// Loss views as charts: the series, axes and panels that `plot` prints and the TUI shows.

import Losses
import Plot

/// One curve ready to draw: legend name, samples, and how it should look.
struct CurveSeries {
  var name: String
  var curve: Curve
  var dimmed = false
}

enum LossChart {
  /// Every series of the requests on `grid`, one per swept value, named by what tells them apart.
  static func series(_ requests: [ViewRequest], grid: SampleGrid) -> [CurveSeries] {
    requests.flatMap { request in
      request.expanded().map { parameters, _ in
        CurveSeries(name: legendName(request, parameters), curve: Curve(view: request.info.make(parameters), grid: grid))
      }
    }
  }

  /// `focal gamma=0.5`: the view plus the parameters the user set or swept.
  static func legendName(_ request: ViewRequest, _ parameters: Parameters) -> String {
    let named = request.userSet.filter { $0 != "axis" }
    let values = parameters.active.filter { named.contains($0.spec.name) }.map { "\($0.spec.name)=\($0.spec.format($0.value))" }
    return ([request.info.name] + values).joined(separator: " ")
  }

  /// The loss chart, with a gradient chart below sharing the x axis when `grad` is set.
  static func stack(
    _ series: [CurveSeries], axis: AxisSpec, title: String, logY: Bool, marker: Marker, grad: Bool,
    cursor: Double? = nil, annotations: [(x: Double, y: Double, text: String)] = []
  ) -> ChartStack {
    let scale: Scale = logY ? .log10 : .linear
    func chart(_ yTitle: String, _ values: (Curve) -> [Double]) -> Chart {
      var chart = Chart(
        series.prefix(8).map { Series($0.name, xs: $0.curve.xs, ys: values($0.curve), dimmed: $0.dimmed) },
        title: title, xAxis: Axis(axis.label), yAxis: Axis(yTitle, range: .clipped, scale: scale),
        marker: marker)
      if let cursor { chart.verticalLines = [ReferenceLine(cursor)] }
      return chart
    }
    var loss = chart("loss", \.loss)
    loss.annotations = annotations.map { Annotation(x: $0.x, y: $0.y, $0.text) }
    // Beyond three entries a legend inside the plot covers the curves: it goes below instead.
    if series.count > 3 { loss.legend = .below }
    guard grad else { return ChartStack([loss]) }
    var gradient = chart("grad", \.grad)
    gradient.title = ""
    gradient.legend = .hidden
    return ChartStack([loss, gradient], weights: [3, 2])
  }
}
