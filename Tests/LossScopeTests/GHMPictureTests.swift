// GHM's panels and its one-line measure: panels apart, legends off the curves, and GHM-C's weight per bin flat.

import Foundation
import Losses
import Plot
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct GHMPictureTests {
  func builtIn(momentum: Double) -> [GHMBinRow] {
    var population = Population(SyntheticPopulation())
    population.prepareFocal(gamma: 2)
    return population.tables(bins: 30, momentum: momentum, gamma: 2, units: ParallelBinning.units).last ?? []
  }

  /// Coefficient of variation typed out plainly, as the independent side.
  func cv(_ values: [Double]) -> Double {
    let mean = values.reduce(0, +) / Double(values.count)
    return (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot() / mean
  }

  @Test func ghmcWeightPerBinIsFlatOnTheBuiltInPopulation() {
    // Without momentum: every non-empty bin weighs N / n exactly.
    let plain = builtIn(momentum: 0)
    let spread = GHMSpread(plain)
    let filled = plain.filter { $0.count > 0 }
    let n = Double(filled.count), total = Double(filled.reduce(0) { $0 + $1.count })
    for row in filled { #expect(abs(row.weight * Double(row.count) - total / n) < 1e-9 * total) }
    #expect(spread.ghm.cv < 1e-12 && abs(spread.ghm.ratio - 1) < 1e-12)
    #expect(abs(spread.ce.cv - cv(filled.map { Double($0.count) })) < 1e-12)
    #expect(spread.ce.cv > 2 && spread.ce.ratio > 1000)
    #expect(GHMPicture.spreadText(plain).contains("GHM-C 0 (0 = flat)"))
    // With the default momentum over ten batches it stays near flat, far flatter than CE and focal.
    let moving = GHMSpread(builtIn(momentum: 0.75))
    #expect(moving.ghm.cv < 0.5 && moving.ghm.cv * 10 < moving.ce.cv && moving.ghm.cv * 4 < moving.focal.cv)
  }

  @Test func momentumOnOneBatchMakesTheWeightsOneOverOneMinusMuLarger() {
    let gs = (0..<1000).map { Double($0 % 97) / 97 }
    var plain = GHMAccumulator(bins: 10, momentum: 0, gamma: 2)
    var moving = GHMAccumulator(bins: 10, momentum: 0.75, gamma: 2)
    let a = plain.add(batch: gs), b = moving.add(batch: gs)
    for (p, m) in zip(a, b) where p.count > 0 { #expect(abs(m.weight / p.weight - 4) < 1e-12) }
    #expect(GHMSpread.momentumFactor(momentum: 0.75, batches: 1) == 4)
    // Three equal batches: 1 / (1 - 0.75^3).
    _ = moving.add(batch: gs)
    let third = moving.add(batch: gs)
    for (p, m) in zip(a, third) where p.count > 0 {
      #expect(abs(m.weight / p.weight - GHMSpread.momentumFactor(momentum: 0.75, batches: 3)) < 1e-12)
    }
    #expect(GHMPicture.momentumNote(momentum: 0.75, batches: 1).contains("x4.00 = 1/(1 - mu^k)"))
    #expect(GHMPicture.momentumNote(momentum: 0, batches: 5).isEmpty)
  }

  @Test(arguments: [(80, 20), (100, 28), (120, 38)])
  func panelsStayApartAndLegendsOffTheCurves(width: Int, height: Int) {
    let rows = builtIn(momentum: 0.75)
    var grid = Grid(width: width, height: height)
    GHMPicture.render(rows, into: &grid, in: grid.bounds, momentum: 0.75, batches: 10)
    let rects = GHMPicture.layout(grid.bounds)
    // The two columns left of each right-hand panel stay blank: no bar runs into its labels.
    for right in [rects[1], rects[3]] {
      for y in right.y..<right.maxY {
        for x in (right.x - 2)..<right.x { #expect(grid[x, y].glyph == " ", "(\(x), \(y))") }
      }
    }
    // An inside legend hides nothing: without it, its cells are blank.
    let (_, charts) = GHMPicture.panels(rows, momentum: 0.75, batches: 10)
    for (chart, rect) in zip(charts, rects.dropFirst()) {
      let layout = chart.layout(in: rect)
      guard let legend = layout.legend, legend.y < layout.plot.maxY else { continue }
      var bare = layout
      bare.legend = nil
      bare.legendEntries = []
      var plain = Grid(width: width, height: height)
      chart.render(into: &plain, layout: bare)
      for y in legend.y..<legend.maxY {
        for x in legend.x..<legend.maxX { #expect(plain[x, y].glyph == " ", "\(chart.title) (\(x), \(y))") }
      }
      for entry in layout.legendEntries { #expect(grid.lines()[entry.y].contains(entry.text)) }
    }
  }
}
