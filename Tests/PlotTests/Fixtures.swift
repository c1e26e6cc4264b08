// Shared test data: loss-like curves, deterministic random values and grid helpers.

import Plot
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum Fixtures {
  /// pt from 0 to 1 inclusive (pt = 0 gives an infinite CE loss, as in the app).
  static func pts(_ n: Int = 201) -> [Double] { (0..<n).map { Double($0) / Double(n - 1) } }

  /// Cross-entropy -log(pt).
  static func crossEntropy(_ pts: [Double]) -> [Double] { pts.map { -log($0) } }

  /// Focal loss -(1 - pt)^2 log(pt).
  static func focal(_ pts: [Double]) -> [Double] { pts.map { -(1 - $0) * (1 - $0) * log($0) } }

  /// Deterministic standard-normal values (LCG + Box-Muller), so snapshots are stable.
  static func normals(_ n: Int, seed: UInt64 = 7) -> [Double] {
    var state = seed
    func uniform() -> Double {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return (Double(state >> 11) + 0.5) / Double(UInt64(1) << 53)
    }
    return (0..<n).map { _ in (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform()) }
  }

  /// The loss chart used by several tests.
  static func lossChart(marker: Marker = .braille) -> Chart {
    let pts = pts()
    var chart = Chart(
      [Series("CE", xs: pts, ys: crossEntropy(pts)), Series("focal", xs: pts, ys: focal(pts))],
      title: "Loss vs pt", xAxis: Axis("pt"), yAxis: Axis("loss", range: .clipped), marker: marker)
    chart.verticalLines = [ReferenceLine(0.9, label: "pt=0.9")]
    return chart
  }

  /// Renders into a fresh grid of the given size.
  static func grid(_ width: Int, _ height: Int, _ draw: (inout Grid) -> Void) -> Grid {
    var grid = Grid(width: width, height: height)
    draw(&grid)
    return grid
  }
}

/// Natural log under a name that does not clash inside closures.
func _log(_ v: Double) -> Double { log(v) }

extension Grid {
  /// Whether any cell inside `rect` shows `glyph`.
  func contains(_ glyph: Unicode.Scalar, in rect: Rect) -> Bool {
    for y in rect.y..<rect.maxY {
      for x in rect.x..<rect.maxX where self[x, y].glyph == glyph { return true }
    }
    return false
  }
}
