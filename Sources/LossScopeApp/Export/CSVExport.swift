// The CSV that `export` and the TUI write: `#` metadata, a header, one row per x (long format for several series).

import Dispatch
import Losses
import LossText
import LossData
import LossLogs

enum CSVExport {
  static let version = "0.1.0"

  /// One block of rows: which view made it, the values that start each row, and the curve.
  struct Block {
    let info: ViewInfo
    let parameters: Parameters
    let view: any LossView
    /// Leading cells of every row (swept values, or the series name), without the trailing comma.
    let prefix: [String]
  }

  /// Writes the table for `requests` on `grid`. One view: `<axis>,loss,grad`, with the swept
  /// parameters as leading columns. Several views: a leading `series` column naming each.
  /// `extras` are the app's own `#` lines (its command line, ghosts), written after the version.
  static func write(_ requests: [ViewRequest], grid: SampleGrid, to sink: ByteSink, extras: [String] = []) {
    let single = requests.count == 1
    var blocks: [Block] = []
    var used: [String: Int] = [:]
    for request in requests {
      for (parameters, swept) in request.expanded() {
        var name = seriesName(request.info, parameters)
        // The same view twice (focal + focal) still gets a series name of its own.
        used[name, default: 0] += 1
        if let n = used[name], n > 1 { name += " #\(n)" }
        let prefix = single ? swept.map(NumberText.shortest) : [name]
        blocks.append(Block(info: request.info, parameters: parameters, view: request.info.make(parameters), prefix: prefix))
      }
    }
    let leading = single ? requests[0].sweeps.map(\.name) : ["series"]
    var described: [String] = []
    for request in requests { described += metadata(request.info, request.parameters, sweeps: request.sweeps) }
    write(blocks, leading: leading, metadata: extras + described, axis: requests[0].axis, grid: grid, to: sink)
  }

  /// Writes named series (the TUI's visible curves): three columns for one, long format for more.
  static func write(series: [(name: String, info: ViewInfo, parameters: Parameters, view: any LossView)],
                    axis: AxisSpec, grid: SampleGrid, to sink: ByteSink, extras: [String] = []) {
    let single = series.count == 1
    var used: [String: Int] = [:]
    let blocks = series.map { s -> Block in
      let n = used[s.name, default: 0] + 1
      used[s.name] = n
      let name = n > 1 ? "\(s.name) #\(n)" : s.name
      return Block(info: s.info, parameters: s.parameters, view: s.view, prefix: single ? [] : [name])
    }
    var described: [String] = []
    for s in series {
      if !single { described.append("# series: \(s.name)") }
      described += metadata(s.info, s.parameters, sweeps: [])
    }
    write(blocks, leading: single ? [] : ["series"], metadata: extras + described, axis: axis, grid: grid, to: sink)
  }

  /// `focal gamma=2 alpha=1`: the view and every active parameter, the `series` column's value.
  static func seriesName(_ info: ViewInfo, _ parameters: Parameters) -> String {
    let summary = parameters.summary
    return summary.isEmpty ? info.name : "\(info.name) \(summary)"
  }

  private static func write(
    _ blocks: [Block], leading: [String], metadata: [String], axis: AxisSpec, grid: SampleGrid, to sink: ByteSink
  ) {
    sink.append("# lossscope \(version)\n")
    for line in metadata { sink.append(line + "\n") }
    sink.append("# axis: \(axis.name), \(grid.count) points from \(NumberText.shortest(grid.from)) to \(NumberText.shortest(grid.to))\n")
    sink.append("# grad: \(axis.gradMeaning)\n")
    sink.append((leading + [axis.name, "loss", "grad"]).joined(separator: ",") + "\n")
    for block in blocks {
      let prefix = block.prefix.isEmpty ? "" : block.prefix.joined(separator: ",") + ","
      rows(block.view, grid: grid, prefix: prefix, to: sink)
    }
  }

  private static func metadata(_ info: ViewInfo, _ parameters: Parameters, sweeps: [(name: String, values: [Double])]) -> [String] {
    var lines = ["# view: \(info.name) (\(info.title))", "# formula: \(info.formula)"]
    let values = parameters.active.map { spec, value -> String in
      let swept = sweeps.first { $0.name == spec.name }?.values
      return "\(spec.name)=" + (swept ?? [value]).map(spec.format).joined(separator: ",")
    }
    if !values.isEmpty { lines.append("# parameters: " + values.joined(separator: " ")) }
    if !info.notes.isEmpty { lines.append("# notes: \(info.notes)") }
    lines.append("# source: \(info.source)")
    return lines
  }

  /// Rows in chunks formatted on every core, written in order: formatting the shortest
  /// round-trip digits is most of the cost of a million-row export.
  private static func rows(_ view: any LossView, grid: SampleGrid, prefix: String, to sink: ByteSink) {
    let chunkRows = 16_384
    let chunks = (grid.count + chunkRows - 1) / chunkRows
    let batch = 8
    var start = 0
    while start < chunks {
      let count = min(batch, chunks - start)
      let first = start
      nonisolated(unsafe) var pieces = [[UInt8]](repeating: [], count: count)
      pieces.withUnsafeMutableBufferPointer { out in
        nonisolated(unsafe) let out = out
        DispatchQueue.concurrentPerform(iterations: count) { k in
          let lo = (first + k) * chunkRows, hi = min(grid.count, lo + chunkRows)
          out[k] = formatRows(view, grid: grid, range: lo..<hi, prefix: prefix)
        }
      }
      for piece in pieces { sink.append(bytes: piece) }
      start += count
    }
  }

  private static func formatRows(_ view: any LossView, grid: SampleGrid, range: Range<Int>, prefix: String) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(range.count * 64)
    let prefixBytes = Array(prefix.utf8)
    for i in range {
      let x = grid.x(i)
      let point = view.evaluate(x)
      bytes.append(contentsOf: prefixBytes)
      appendNumber(x, to: &bytes)
      bytes.append(UInt8(ascii: ","))
      appendNumber(point.loss, to: &bytes)
      bytes.append(UInt8(ascii: ","))
      appendNumber(point.grad, to: &bytes)
      bytes.append(UInt8(ascii: "\n"))
    }
    return bytes
  }

  @inline(__always)
  private static func appendNumber(_ x: Double, to bytes: inout [UInt8]) {
    var text = NumberText.shortest(x)
    text.withUTF8 { bytes.append(contentsOf: $0) }
  }
}
