// The 2-D views on the command line: parameters, CSV of boundary points or a loss grid, and the plot.

import Losses
import Plot

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
      guard let eq = argument.firstIndex(of: "="), eq != argument.startIndex else {
        throw CLIError("expected name=value after '\(info.name)', got '\(argument)'")
      }
      let key = String(argument[..<eq]), text = String(argument[argument.index(after: eq)...])
      guard request.parameters.index(of: key) != nil else {
        let valid = info.parameters.map(\.name)
        let hint = closest(to: key, among: valid).map { " (did you mean '\($0)'?)" } ?? ""
        throw CLIError("\(info.name) has no parameter '\(key)'\(hint); valid: " + valid.joined(separator: ", "))
      }
      if seen.contains(key) { throw CLIError("\(key) is given twice") }
      if text.contains(",") { throw CLIError("\(key): a 2-D view takes one value, not a sweep") }
      do { try request.parameters.set(key, text: text, view: info.name) } catch { throw CLIError(error.description) }
      seen.append(key)
    }
    return request
  }

  var circle: CirclePlane { CirclePlane(parameters) }
  var margins: MarginPlane { MarginPlane(parameters) }

  var boundaries: [BoundaryCurve] {
    info.name == CirclePlane.info.name ? circle.boundaries() : margins.boundaries()
  }

  // MARK: - CSV

  func writeCSV(grid: Int?, to sink: ByteSink) throws(CLIError) {
    if let grid {
      guard info.name == CirclePlane.info.name else { throw CLIError("--grid is for circle-plane only") }
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
          sink.append("\(formatNumber(sn)),\(formatNumber(sp)),\(formatNumber(plane.loss(sn: sn, sp: sp)))\n")
        }
      }
      return
    }
    sink.append(info.columns.joined(separator: ",") + "\n")
    for curve in boundaries {
      for (x, y) in zip(curve.xs, curve.ys) { sink.append("\(curve.name),\(formatNumber(x)),\(formatNumber(y))\n") }
    }
  }

  // MARK: - Picture

  /// The plane drawn into `rect`: shaded level, boundary curves, a legend row, and optional marks.
  func render(into grid: inout Grid, in rect: Rect, marker: Marker, marks: [Annotation] = []) {
    guard rect.height > 2 else { return }
    let (body, legendRow) = rect.splitBottom(1)
    var plot: RegionPlot
    if info.name == CirclePlane.info.name {
      let plane = circle
      plot = RegionPlot(x: Interval(0, 1), y: Interval(0, 1), title: "circle loss level (shade) and boundaries",
                        xTitle: "sn", yTitle: "sp") { sn, sp in plane.decision(sn: sn, sp: sp) }
      // Shade characters carry the level in mono; with colour the ramp shows it too.
      plot.colors = RegionPlot.coolToWarm
    } else {
      let plane = margins
      plot = RegionPlot(x: Interval(0, 180), y: Interval(0, 180), title: "margin band of \(plane.kind == "all" ? "arcface" : plane.kind) (shade)",
                        xTitle: "theta1 (deg)", yTitle: "theta2 (deg)") { a, b in plane.band(theta1: a, theta2: b) > 0 ? 1 : 0 }
      // Only the band is shaded, lightly, so the boundary curves stay readable; they are drawn as overlays.
      plot.levelRange = Interval(0, 3)
      plot.showContour = false
    }
    plot.shading = marker == .ascii ? .ascii : .unicode
    plot.overlayMarker = marker
    plot.overlays = boundaries.enumerated().map { i, c in
      Series(c.name, xs: c.xs, ys: c.ys, color: Color.seriesPalette[i % Color.seriesPalette.count])
    }
    plot.render(into: &grid, in: body)
    let layout = plot.layout(in: body)
    for mark in marks {
      if let col = layout.column(forX: mark.x), let row = layout.row(forY: mark.y) {
        grid.put(marker == .ascii ? "O" : "●", x: col, y: row, style: Style(bold: true))
        grid.put(mark.text, x: col + 1, y: row, style: Style(bold: true), clip: layout.plot)
      }
    }
    var x = legendRow.x + 1
    for (i, curve) in boundaries.enumerated() {
      let glyph: String = marker == .ascii ? String(Marker.asciiGlyph(forSeries: i)) : "━"
      x = grid.put(glyph + " " + curve.name + "   ", x: x, y: legendRow.y,
                   style: Style(fg: Color.seriesPalette[i % Color.seriesPalette.count]))
    }
  }
}
