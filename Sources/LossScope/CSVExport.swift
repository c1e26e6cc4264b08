// The CSV that `export` and the TUI write: `#` metadata, a header, one row per x (long format for several series).

import Losses

enum CSVExport {
  static let version = "0.1.0"

  /// Writes the table for `requests` on `grid`. One view: `<axis>,loss,grad`, with the swept
  /// parameters as leading columns. Several views: a leading `series` column naming each.
  static func write(_ requests: [ViewRequest], grid: SampleGrid, to sink: ByteSink) {
    let axis = requests[0].axis
    sink.append("# lossscope \(version)\n")
    for request in requests { metadata(request, to: sink) }
    sink.append("# axis: \(axis.name), \(grid.count) points from \(formatNumber(grid.from)) to \(formatNumber(grid.to))\n")
    sink.append("# grad: \(axis.gradMeaning)\n")

    let single = requests.count == 1
    var header = single ? requests[0].sweeps.map(\.name) : ["series"]
    header += [axis.name, "loss", "grad"]
    sink.append(header.joined(separator: ",") + "\n")

    for request in requests {
      for (parameters, swept) in request.expanded() {
        var prefix = single ? swept.map(formatNumber).joined(separator: ",") : seriesName(request.info, parameters)
        if !prefix.isEmpty { prefix += "," }
        rows(request.info.make(parameters), grid: grid, prefix: prefix, to: sink)
      }
    }
  }

  /// `focal gamma=2 alpha=1`: the view and every active parameter, the `series` column's value.
  static func seriesName(_ info: ViewInfo, _ parameters: Parameters) -> String {
    let summary = parameters.summary
    return summary.isEmpty ? info.name : "\(info.name) \(summary)"
  }

  private static func metadata(_ request: ViewRequest, to sink: ByteSink) {
    let info = request.info
    sink.append("# view: \(info.name) (\(info.title))\n")
    sink.append("# formula: \(info.formula)\n")
    var values = request.parameters.active.map { ($0.spec.name, $0.spec.format($0.value)) }
    for (name, swept) in request.sweeps {
      guard let i = values.firstIndex(where: { $0.0 == name }) else { continue }
      let spec = request.parameters.specs[request.parameters.index(of: name)!]
      values[i].1 = swept.map(spec.format).joined(separator: ",")
    }
    if !values.isEmpty {
      sink.append("# parameters: " + values.map { "\($0)=\($1)" }.joined(separator: " ") + "\n")
    }
    if !info.notes.isEmpty { sink.append("# notes: \(info.notes)\n") }
    sink.append("# source: \(info.source)\n")
  }

  private static func rows(_ view: any LossView, grid: SampleGrid, prefix: String, to sink: ByteSink) {
    for i in 0..<grid.count {
      let x = grid.x(i)
      let point = view.evaluate(x)
      if !prefix.isEmpty { sink.append(prefix) }
      sink.append(number: x)
      sink.append(byte: UInt8(ascii: ","))
      sink.append(number: point.loss)
      sink.append(byte: UInt8(ascii: ","))
      sink.append(number: point.grad)
      sink.append(byte: UInt8(ascii: "\n"))
    }
  }
}
