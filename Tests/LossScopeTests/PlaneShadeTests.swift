// The 2-D views' shading asked about cell by cell: circle-plane's shade follows the exported loss.

import Foundation
import Losses
import Plot
import Testing

@testable import LossScopeApp
import LossText
@testable import LossData
@testable import LossLogs

@Suite struct PlaneShadeTests {
  static let settings: [(margin: String, scale: String)] = [
    ("0.25", "256"), ("0.9", "256"), ("0.25", "1"), ("0.5", "32"), ("0.05", "1024"), ("0.9", "4"),
  ]

  /// Renders circle-plane and returns, for every plot cell showing a shade (not a curve or the
  /// contour), the level its glyph stands for and the loss at the cell's centre.
  func shadedCells(_ request: PlaneRequest, width: Int, height: Int, marker: Marker)
    -> (cells: [(level: Int, loss: Double)], plot: RegionPlot, total: Int)
  {
    var grid = Grid(width: width, height: height)
    request.render(into: &grid, in: grid.bounds, marker: marker)
    var plot = request.regionPlot()
    plot.shading = marker == .ascii ? .ascii : .unicode
    let layout = plot.layout(in: grid.bounds.splitBottom(2).rest)
    let ramp = RegionPlot.ramp(levels: plot.thresholds.count + 1, ascii: marker == .ascii)
    var cells: [(Int, Double)] = []
    for row in layout.plot.y..<layout.plot.maxY {
      for col in layout.plot.x..<layout.plot.maxX {
        guard let level = ramp.firstIndex(of: grid[col, row].glyph) else { continue }
        cells.append((level, request.circle.loss(sn: layout.x(atColumn: col), sp: layout.y(atRow: row))))
      }
    }
    return (cells, plot, layout.plot.area)
  }

  @Test(arguments: settings)
  func circleShadeIsOrderedAsTheLossWithTheBoundaryOnAStep(margin: String, scale: String) throws {
    let request = try #require(try PlaneRequest.parse(["circle-plane", "margin=\(margin)", "scale=\(scale)"]))
    for (w, h, marker) in [(80, 24, Marker.ascii), (120, 40, .braille), (60, 30, .halfBlock)] {
      let (cells, plot, total) = shadedCells(request, width: w, height: h, marker: marker)
      #expect(cells.count * 2 > total, "most cells are shaded")
      let edges = plot.thresholds
      #expect(edges.count >= 4 && edges[0] == 1e-3 && edges[1] == log(2.0))
      #expect(zip(edges, edges.dropFirst()).allSatisfy { $0 < $1 })
      for (level, loss) in cells {
        #expect(level == plot.level(of: loss), "loss \(loss) drawn at level \(level)")
        if loss < 1e-3 { #expect(level == 0) }
        if loss >= 1e-3 && loss < log(2.0) { #expect(level == 1) }
        if loss >= log(2.0) { #expect(level >= 2) }
      }
      // Monotone: a larger loss never has a lighter shade.
      let sorted = cells.sorted { $0.loss < $1.loss }
      #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0.level <= $1.level })
      // Above the boundary the loss spreads over several shades.
      #expect(Set(cells.filter { $0.loss >= log(2.0) }.map(\.level)).count >= 2)
    }
  }

  @Test func circleShadeMatchesExportCellForCell() throws {
    // Plot 21 x 21 cells: cell centres are exactly the export grid's (sn, sp) = (i/20, j/20).
    let request = try #require(try PlaneRequest.parse(["circle-plane", "margin=0.9", "scale=256"]))
    var plot = request.regionPlot()
    plot.shading = .ascii
    let rect = try #require((20...40).map { Rect(width: 26, height: $0) }
      .first { plot.layout(in: $0.splitBottom(2).rest).plot.height == 21 })
    let layout = plot.layout(in: rect.splitBottom(2).rest)
    try #require(layout.plot.width == 21 && layout.plot.height == 21)
    var grid = Grid(width: rect.width, height: rect.height)
    request.render(into: &grid, in: rect, marker: .ascii)
    let r = try run(["export", "circle-plane", "margin=0.9", "scale=256", "--grid", "21"])
    let (_, rows) = csvRows(r.stdout)
    #expect(rows.count == 441)
    let ramp = RegionPlot.ramp(levels: plot.thresholds.count + 1, ascii: true)
    var compared = 0
    for row in rows {
      let i = Int((Double(row[0])! * 20).rounded()), j = Int((Double(row[1])! * 20).rounded())
      let cell = grid[layout.plot.x + i, layout.plot.maxY - 1 - j].glyph
      guard let level = ramp.firstIndex(of: cell) else { continue }
      #expect(level == plot.level(of: Double(row[2])!), "sn \(row[0]) sp \(row[1]) loss \(row[2])")
      compared += 1
    }
    #expect(compared > 300)
    // At margin 0.9 the darkest shade holds the largest losses, not 2.75e-63.
    #expect(grid.text.contains("loss:"))
  }

  @Test func theKeyGivesEveryLevelsRange() throws {
    let request = try #require(try PlaneRequest.parse(["circle-plane"]))
    var grid = Grid(width: 100, height: 30)
    request.render(into: &grid, in: grid.bounds, marker: .ascii)
    let key = grid.lines()[28]
    #expect(key.contains("' ' < 0.001") && key.contains(". 0.001-0.693") && key.contains(": 0.693-"))
    #expect(key.hasSuffix("-480") || key.contains("-480 "), "\(key)")
    // Different parameters, different levels.
    let other = try #require(try PlaneRequest.parse(["circle-plane", "margin=0.9"]))
    #expect(PlaneRequest.lossLevels(other.circle) != PlaneRequest.lossLevels(request.circle))
  }

  @Test func marginsShadeEachBandOnItsOwn() throws {
    let request = try #require(try PlaneRequest.parse(["margins"]))
    #expect(request.margins.cosMargin == 0.35 && request.margins.arcMargin == 0.5)
    var grid = Grid(width: 100, height: 40)
    request.render(into: &grid, in: grid.bounds, marker: .ascii)
    let plot = request.regionPlot()
    let layout = plot.layout(in: grid.bounds.splitBottom(2).rest)
    let ramp = RegionPlot.ramp(levels: 4, ascii: true)
    var seen = Set<Int>()
    for row in layout.plot.y..<layout.plot.maxY {
      for col in layout.plot.x..<layout.plot.maxX {
        guard let level = ramp.firstIndex(of: grid[col, row].glyph) else { continue }
        let t1 = layout.x(atColumn: col), t2 = layout.y(atRow: row)
        #expect(level == request.margins.bands(theta1: t1, theta2: t2), "\(t1) \(t2)")
        seen.insert(level)
      }
    }
    #expect(seen == [0, 1, 2, 3])
    #expect(grid.lines()[38].contains(". CosFace band (m_cos 0.35)") && grid.lines()[38].contains(": ArcFace band (m_arc 0.5 rad)"))
  }

  @Test func marksAreExplainedByTheirNumbers() throws {
    let request = try #require(try PlaneRequest.parse(["circle-plane"]))
    let r = 2.0.squareRoot() * 0.25
    let marks = [Annotation(x: 0.45, y: 0.75, "A"), Annotation(x: 0.15, y: 0.35, "B"), Annotation(x: 0, y: 1 - r, "T"),
                 Annotation(x: r / 2.0.squareRoot(), y: 1 - r / 2.0.squareRoot(), "T'"), Annotation(x: 0.3, y: 0.7, "")]
    let loss = { (sn: Double, sp: Double) in NumberText.significant(request.circle.loss(sn: sn, sp: sp)) }
    #expect(request.markNotes(marks) == "A loss \(loss(0.45, 0.75)), B \(loss(0.15, 0.35)); T, T' on the circle (loss log 2)")
    // At 80 columns the legend row has room for it.
    var grid = Grid(width: 80, height: 24)
    request.render(into: &grid, in: grid.bounds, marker: .braille, marks: marks)
    #expect(grid.lines()[23].contains("T, T' on the circle"))
  }
}
