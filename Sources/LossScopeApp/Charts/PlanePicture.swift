// The 2-D views as pictures: shading by loss or band with its key, boundaries, and labelled marks.

import Losses
import Plot
import LossText
import LossData
import LossLogs

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension PlaneRequest {
  /// The plane drawn into `rect`: shaded by loss (circle-plane) or by margin band (margins), the
  /// boundary curves, a key row saying what each shade means, a legend row with the curves and
  /// what the labelled marks are, and the marks themselves.
  func render(into grid: inout Grid, in rect: Rect, marker: Marker, marks: [Annotation] = []) {
    guard rect.height > 3 else { return }
    let (body, rows) = rect.splitBottom(2)
    var plot = regionPlot()
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
    grid.fill(rows)
    // The curves' legend is short: what of the key does not fit its row continues after it.
    let curvesWidth = boundaries.reduce(0) { $0 + 2 + $1.name.count + 3 }
    let overflow = drawKey(plot, into: &grid, x: rows.x + 1, y: rows.y, maxX: rows.maxX, ascii: marker == .ascii,
                           next: (rows.x + 1 + curvesWidth, rows.y + 1))
    var x = rows.x + 1
    for (i, curve) in boundaries.enumerated() {
      let glyph: String = marker == .ascii ? String(Marker.asciiGlyph(forSeries: i)) : "━"
      let entry = glyph + " " + curve.name
      // An entry is never cut: what does not fit is replaced by one `…`.
      guard x + entry.count + (i == boundaries.count - 1 ? 0 : 2) <= rows.maxX else {
        grid.put("…", x: min(x, rows.maxX - 1), y: rows.y + 1)
        break
      }
      x = grid.put(entry + "   ", x: x, y: rows.y + 1, style: Style(fg: Color.seriesPalette[i % Color.seriesPalette.count]))
    }
    let note = markNotes(marks)
    if !overflow && !note.isEmpty && x + note.unicodeScalars.count <= rows.maxX { grid.put(note, x: x, y: rows.y + 1) }
  }

  /// The shaded field with its levels: circle-plane's loss at each cell (the number that
  /// `export circle-plane --grid N` writes there), margins' bands.
  func regionPlot() -> RegionPlot {
    if kind == .circle {
      let plane = circle
      var plot = RegionPlot(x: Interval(0, 1), y: Interval(0, 1), title: "circle loss (shade) and boundaries",
                            xTitle: "sn", yTitle: "sp") { sn, sp in plane.loss(sn: sn, sp: sp) }
      plot.thresholds = Self.lossLevels(plane)
      // The boundary is where the loss is log 2 (decision 0), at every scale.
      plot.contourLevel = log(2.0)
      plot.colors = RegionPlot.coolToWarm
      return plot
    }
    let plane = margins
    var plot = RegionPlot(x: Interval(0, 180), y: Interval(0, 180), title: "margin bands (shade): neither class wins there",
                          xTitle: "theta1 (deg)", yTitle: "theta2 (deg)") { a, b in Double(plane.bands(theta1: a, theta2: b)) }
    // Values 0 (outside), 1 (CosFace's band), 2 (ArcFace's), 3 (both): one shade each.
    plot.thresholds = [0.5, 1.5, 2.5]
    plot.showContour = false
    return plot
  }

  /// Loss level edges for the circle plane: below 1e-3 (negligible), up to log 2 (the boundary),
  /// then three even levels up to the largest loss in the square, at (sn, sp) = (1, 0) since the
  /// loss rises with sn and falls with sp. Even steps, because above the boundary the loss grows
  /// about linearly with the distance from it (scale x decision): the bands come out of similar
  /// width, where steps by ratio would squeeze the lower ones into the contour.
  static func lossLevels(_ plane: CirclePlane) -> [Double] {
    let boundary = log(2.0), top = plane.loss(sn: 1, sp: 0)
    let inner = [1.0, 2.0].map { boundary + (top - boundary) * $0 / 3 }.map { roundedTo2Digits($0) }
    var edges = [1e-3, boundary]
    for edge in inner where edge > edges[edges.count - 1] && edge < top { edges.append(edge) }
    return edges
  }

  private static func roundedTo2Digits(_ v: Double) -> Double {
    guard v > 0, v.isFinite else { return v }
    let unit = pow(10, floor(log10(v)) - 1)
    return (v / unit).rounded() * unit
  }

  /// One row: what each shade means, with each level's loss range (or band) in full. Entries that
  /// do not fit continue at `next` (after the curves' legend); one that fits nowhere leaves `…`,
  /// so that no level is dropped silently. Returns whether `next` was used.
  @discardableResult
  private func drawKey(_ plot: RegionPlot, into grid: inout Grid, x: Int, y: Int, maxX: Int, ascii: Bool,
                       next: (x: Int, y: Int)) -> Bool {
    var at = (x: x, y: y), used = false
    func place(_ glyph: String, _ color: Color, _ text: String, _ grid: inout Grid) -> Bool {
      let width = 2 + glyph.count + 1 + text.count
      if at.x + width > maxX && !used {
        used = true
        at = next
      }
      guard at.x + width <= maxX else {
        // Fits on neither row: the key row ends with a mark that something is left out.
        grid.put("…", x: maxX - 1, y: y)
        return false
      }
      at.x = grid.put("  " + glyph, x: at.x, y: at.y, style: Style(fg: color))
      at.x = grid.put(" " + text, x: at.x, y: at.y)
      return true
    }
    let dash = ascii ? "-" : "–"
    var parts: [(Unicode.Scalar, Color, String)]
    if kind == .circle {
      let top = circle.loss(sn: 1, sp: 0)
      parts = plot.key.enumerated().map { i, level in
        let number = RegionPlot.levelText
        let text = i == 0 ? "< \(number(level.hi))"
          : level.hi.isInfinite ? "\(number(level.lo))\(dash)\(number(top))"
          : "\(number(level.lo))\(dash)\(number(level.hi))"
        return (level.glyph, level.color, text)
      }
      at.x = grid.put("loss:", x: x, y: y, style: Style(bold: true))
      for (glyph, color, text) in parts {
        // A blank shade is shown as a quoted space so that it reads as a level.
        guard place(glyph == " " ? "' '" : String(glyph), color, text, &grid) else { break }
      }
      return used
    }
    let plane = margins
    parts = []
    let key = plot.key
    if plane.kind.showsCosFace {
      parts.append((key[1].glyph, key[1].color, "CosFace band (m_cos \(RegionPlot.levelText(plane.cosMargin)))"))
    }
    if plane.kind.showsArcFace {
      parts.append((key[2].glyph, key[2].color, "ArcFace band (m_arc \(RegionPlot.levelText(plane.arcMargin)) rad)"))
    }
    if plane.kind == .all { parts.append((key[3].glyph, key[3].color, "both")) }
    guard !parts.isEmpty else { return false }
    at.x = grid.put("shade:", x: x, y: y, style: Style(bold: true))
    for (glyph, color, text) in parts {
      guard place(String(glyph), color, text, &grid) else { break }
    }
    return used
  }

  /// The plane's (x, y) at a screen cell of `rect` (as `render` lays it out), nil off the plot.
  func point(atColumn column: Int, row: Int, in rect: Rect) -> (Double, Double)? {
    guard rect.height > 3 else { return nil }
    let layout = regionPlot().layout(in: rect.splitBottom(2).0)
    let plot = layout.plot
    guard column >= plot.x, column < plot.maxX, row >= plot.y, row < plot.maxY else { return nil }
    return (layout.x(atColumn: column), layout.y(atRow: row))
  }

  /// What the labelled marks are, from the numbers at each: `A loss 22.9, B 1.23e-20; T, T' on
  /// the circle (loss log 2)`. The legend row shows it when it fits; the app's status line can too.
  func markNotes(_ marks: [Annotation]) -> String {
    guard kind == .circle else { return "" }
    let plane = circle
    let labelled = marks.filter { !$0.text.isEmpty }
    guard !labelled.isEmpty else { return "" }
    let on = labelled.filter { abs(plane.decision(sn: $0.x, sp: $0.y)) < 1e-9 }.map(\.text)
    let off = labelled.filter { abs(plane.decision(sn: $0.x, sp: $0.y)) >= 1e-9 }.enumerated()
      .map { i, mark in "\(mark.text)\(i == 0 ? " loss" : "") \(NumberText.significant(plane.loss(sn: mark.x, sp: mark.y)))" }
    var text = off.joined(separator: ", ")
    if !on.isEmpty { text += (text.isEmpty ? "" : "; ") + on.joined(separator: ", ") + " on the circle (loss log 2)" }
    return text
  }
}
