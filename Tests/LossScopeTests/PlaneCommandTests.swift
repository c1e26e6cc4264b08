// The 2-D views on the command line and in the app: CSV, pictures, keys.

import Foundation
import Losses
import Plot
import SnapshotTesting
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct PlaneCommandTests {
  @Test func exportCirclePlaneBoundaries() throws {
    let r = try run(["export", "circle-plane", "margin=0.4", "scale=80"])
    #expect(r.status == 0)
    let (header, rows) = csvRows(r.stdout)
    #expect(header == ["curve", "sn", "sp"])
    #expect(rows.filter { $0[0] == "circle" }.count >= 100 && rows.filter { $0[0] == "linear" }.count >= 100)
    for row in rows where row[0] == "circle" {
      let sn = Double(row[1])!, sp = Double(row[2])!
      #expect(abs(sn * sn + (sp - 1) * (sp - 1) - 2 * 0.4 * 0.4) < 1e-14)
    }
    #expect(r.stdout.contains("# parameters: margin=0.4 scale=80"))
  }

  @Test func exportCirclePlaneGrid() throws {
    let r = try run(["export", "circle-plane", "--grid", "5"])
    let (header, rows) = csvRows(r.stdout)
    #expect(header == ["sn", "sp", "loss"])
    #expect(rows.count == 25)
    let corner = rows.first { $0[0] == "1" && $0[1] == "0" }!
    // sn = 1, sp = 0, m = 0.25: a_n = 1.25, a_p = 1.25, t = 256 (1.25 * 0.75 + 1.25 * 0.75) = 480.
    #expect(abs(Double(corner[2])! - 480) < 1e-9)
  }

  @Test func exportMargins() throws {
    let r = try run(["export", "margins", "kind=arcface", "arc-margin=0.5"])
    let (header, rows) = csvRows(r.stdout)
    #expect(header == ["curve", "theta1", "theta2"])
    #expect(Set(rows.map { $0[0] }) == ["softmax", "arcface-1", "arcface-2"])
    #expect(r.stdout.contains("# parameters: cos-margin=0.35 arc-margin=0.5 scale=64 kind=arcface"))
    let old = try run(["export", "margins", "margin=0.5"])
    #expect(old.status != 0 && old.stderr.contains("valid: cos-margin, arc-margin, scale, kind"), "\(old.stderr)")
  }

  @Test(arguments: [
    (["export", "margins", "--grid", "4"], "--grid is for circle-plane only"),
    (["export", "circle-plane", "margin=2"], "margin=2 is out of range"),
    (["export", "circle-plane", "margin=0.1,0.2"], "a 2-D view takes one value"),
    (["export", "circle-plane", "+", "ce"], "cannot share a chart"),
    (["export", "ce", "+", "circle-plane"], "cannot share a chart"),
    (["export", "margins", "kind=both"], "kind=both is not one of all, softmax, cosface, arcface"),
    (["plot", "circle-plne"], "did you mean 'circle-plane'?"),
  ] as [([String], String)])
  func planeMistakes(arguments: [String], message: String) throws {
    let r = try run(arguments)
    #expect(r.status != 0 && r.stdout.isEmpty)
    #expect(r.stderr.contains(message), "\(r.stderr)")
  }

  @Test func drawnCircleBoundaryPassesThroughThePredictedCells() {
    let request = try! #require(try PlaneRequest.parse(["circle-plane"]))
    var grid = Grid(width: 100, height: 40)
    let body = Rect(x: 0, y: 0, width: 100, height: 39)
    request.render(into: &grid, in: body, marker: .braille)
    // The picture keeps its last two rows for the shade key and the curve legend.
    let layout = request.regionPlot().layout(in: body.splitBottom(2).rest)
    let r = 2.0.squareRoot() * 0.25
    for k in 0...20 {
      let phi = Double.pi / 2 * Double(k) / 20
      let sn = r * cos(phi), sp = 1 - r * sin(phi)
      let col = try! #require(layout.column(forX: sn)), row = try! #require(layout.row(forY: sp))
      // The braille overlay has 2x4 dots per cell and rounds on its own grid, so the curve may sit
      // in a neighbouring cell; the region's zero contour (•) is the same circle.
      let near = (-1...1).flatMap { dx in (-1...1).map { dy in grid[col + dx, row + dy].glyph.value } }
      #expect(near.contains { (0x2801...0x28FF).contains($0) || $0 == 0x2022 }, "no curve near (\(sn), \(sp))")
    }
  }

  @Test func circlePlaneSnapshots() {
    for (w, h) in [(80, 24), (120, 40)] {
      let request = try! #require(try PlaneRequest.parse(["circle-plane"]))
      var grid = Grid(width: w, height: h)
      request.render(into: &grid, in: grid.bounds, marker: .braille)
      assertSnapshot(of: grid.text, as: .lines, named: "\(w)x\(h)")
    }
  }

  @Test func marginsSnapshots() {
    for (w, h) in [(80, 24), (120, 40)] {
      let request = try! #require(try PlaneRequest.parse(["margins", "kind=all"]))
      var grid = Grid(width: w, height: h)
      request.render(into: &grid, in: grid.bounds, marker: .ascii)
      assertSnapshot(of: grid.text, as: .lines, named: "\(w)x\(h)")
    }
  }

  @Test func planeModeInTheApp() {
    var s = fresh()
    _ = press([.char("v")] + typed("circle-plane") + [.enter], &s)
    #expect(s.plane?.info.name == "circle-plane")
    #expect(s.selectedParameter?.spec.name == "margin")
    _ = press([.up, .right, .char("+")], &s)
    #expect(abs(s.plane!.y - 0.71) < 1e-12 && abs(s.plane!.x - 0.31) < 1e-12)
    #expect(s.plane!.request.parameters["margin"] == 0.3)
    let text = Screen.render(s).text
    #expect(text.contains("sn 0.310 sp 0.710"))
    #expect(text.contains("a_p 0.590 a_n 0.610"))
    _ = press([.char("e")], &s)
    guard case .writeFile(_, let contents, _, _)? = press([.enter], &s).first else { Issue.record("no export"); return }
    #expect(contents.contains("curve,sn,sp\ncircle,"))
    _ = press([.char("v")] + typed("marg") + [.enter], &s)
    #expect(s.plane?.info.name == "margins")
    #expect(Screen.render(s).text.contains("theta1 60.0 theta2 90.0 | softmax: class 1"))
    _ = press([.char("v")] + typed("focal") + [.enter], &s)
    #expect(s.plane == nil && s.activeView.info.name == "focal")
  }
}
