// The 2-D views on the command line: parameters, and CSV of boundary points or a loss grid.

import Losses
import Plot
import LossText
import LossData
import LossLogs

struct PlaneRequest {
  let info: PlaneInfo
  var parameters: Parameters

  /// `circle-plane margin=0.4`: the name first, then name=value pairs (no sweeps: one plane at a time).
  static func parse(_ arguments: [String]) throws(CLIError) -> PlaneRequest? {
    guard let name = arguments.first, let info = PlaneInfo.named(name) else { return nil }
    var request = PlaneRequest(info: info, parameters: info.defaults)
    var seen: [String] = []
    for argument in arguments.dropFirst() {
      if argument == "+" { throw CLIError("\(info.name) is a 2-D view and cannot share a chart with others") }
      let word = try NameValue(argument, after: info.name)
      let key = word.name, text = word.text
      _ = try word.spec(in: request.parameters, view: info.name)
      if seen.contains(key) { throw word.givenTwice }
      if text.contains(",") { throw CLIError("\(key): a 2-D view takes one value, not a sweep") }
      do { try request.parameters.set(key, text: text, view: info.name) } catch { throw CLIError(error.description) }
      seen.append(key)
    }
    return request
  }

  /// Sets a parameter to a preset's typed value: one value, as a 2-D view takes no sweep.
  mutating func assign(_ name: String, _ value: PresetFile.Value) throws(CLIError) {
    let spec = try NameValue.spec(named: name, in: parameters, view: info.name)
    if case .list = value { throw CLIError("\(name): a 2-D view takes one value, not a sweep") }
    do { try parameters.set(name, to: try spec.value(of: value), view: info.name) } catch { throw CLIError(error.description) }
  }

  var kind: PlaneKind { info.kind }
  var circle: CirclePlane { CirclePlane(parameters) }
  var margins: MarginPlane { MarginPlane(parameters) }

  var boundaries: [BoundaryCurve] {
    switch kind {
    case .circle: return circle.boundaries()
    case .margins: return margins.boundaries()
    }
  }

  // MARK: - CSV

  func writeCSV(grid: Int?, to sink: ByteSink) throws(CLIError) {
    if let grid {
      guard kind == .circle else { throw CLIError("--grid is for circle-plane only") }
      guard grid >= 2 && grid <= 10_000 else { throw CLIError("--grid must be between 2 and 10000 (got \(grid))") }
    }
    sink.append("# lossscope \(CSVExport.version)\n# view: \(info.name) (\(info.title))\n")
    sink.append("# formula: \(info.formula)\n# parameters: \(parameters.summary)\n# source: \(info.source)\n")
    if let grid {
      sink.append("# loss on a \(grid) x \(grid) grid over [0, 1]^2\nsn,sp,loss\n")
      let plane = circle
      for j in 0..<grid {
        let sp = Double(j) / Double(grid - 1)
        for i in 0..<grid {
          let sn = Double(i) / Double(grid - 1)
          sink.append("\(NumberText.shortest(sn)),\(NumberText.shortest(sp)),\(NumberText.shortest(plane.loss(sn: sn, sp: sp)))\n")
        }
      }
      return
    }
    sink.append(info.columns.joined(separator: ",") + "\n")
    for curve in boundaries {
      for (x, y) in zip(curve.xs, curve.ys) { sink.append("\(curve.name),\(NumberText.shortest(x)),\(NumberText.shortest(y))\n") }
    }
  }
}
