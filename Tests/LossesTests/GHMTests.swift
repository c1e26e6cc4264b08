// GHM-C's bins, weights and momentum checked on populations small enough to count by hand.

import Losses

#if canImport(Glibc)
  import Glibc
#endif
import Testing

@Suite struct GHMTests {
  @Test func binsFollowTheEdgesExactly() {
    let bins = GHMBins(count: 30)
    #expect(bins.index(of: 0) == 0)
    #expect(bins.index(of: 1.0 / 30) == 1)  // e_1 <= g belongs to bin 1
    #expect(bins.index(of: (1.0 / 30).nextDown) == 0)
    #expect(bins.index(of: 1) == 29)  // the last edge is 1 + 1e-6
    #expect(bins.index(of: 1 + 2e-6) == nil && bins.index(of: -1e-12) == nil)
    for i in 0..<30 { #expect(bins.index(of: bins.edge(i)) == i) }
  }

  @Test func weightsWithoutMomentumAreNOverCountTimesNonEmptyBins() {
    // M = 4: g = 0.1, 0.1, 0.1 (bin 0), 0.6 (bin 2); N = 4, n = 2.
    var h = GHMHarmonizer(bins: 4, momentum: 0)
    let w = h.update(counts: GHMBins(count: 4).counts(of: [0.1, 0.1, 0.1, 0.6]))
    let expected: [Double] = [4.0 / 6.0, 0, 2, 0]
    #expect(w == expected)
  }

  @Test func momentumAccumulatesNonEmptyBinsOnly() {
    var h = GHMHarmonizer(bins: 2, momentum: 0.75)
    // Batch 1: counts [3, 1] -> acc = [0.75, 0.25], weights 4/acc/2.
    let first: [Double] = [4 / 0.75 / 2, 4 / 0.25 / 2]
    #expect(h.update(counts: [3, 1]) == first)
    // Batch 2: counts [2, 0] -> acc[0] = 0.75*0.75 + 0.25*2 = 1.0625, acc[1] untouched.
    let w = h.update(counts: [2, 0])
    let accumulated: [Double] = [0.75 * 0.75 + 0.25 * 2, 0.25]
    let second: [Double] = [2 / 1.0625, 0]
    #expect(h.accumulated == accumulated)
    #expect(w == second)
  }

  @Test func tableRowsHaveTheDocumentedColumns() {
    var acc = GHMAccumulator(bins: 2, momentum: 0, gamma: 2)
    let rows = acc.add(batch: [0.1, 0.2, 0.9])
    #expect(rows.map(\.count) == [2, 1])
    let densities: [Double] = [4.0 / 3.0, 2.0 / 3.0], weights: [Double] = [0.75, 1.5]
    #expect(rows.map(\.density) == densities)
    #expect(rows.map(\.weight) == weights)
    #expect(rows[0].ceNorm == 0.25 && rows[1].ceNorm == 0.75)
    #expect(abs(rows[0].ceTotal - 0.3) < 1e-15 && rows[1].ceTotal == 0.9)
    #expect(abs(rows[0].ghmTotal - 0.75 * 0.3) < 1e-15)
    #expect(rows[1].lo == 0.5 && rows[1].hi == 1 + 1e-6)
  }

  @Test func theFastKernelBinsExactlyLikeTheEdges() {
    for m in [1, 3, 7, 30, 100, 1000] {
      let bins = GHMBins(count: m)
      // Every edge, its neighbours, and a spread of values, out-of-range ones included.
      var gs = bins.edges.flatMap { [$0.nextDown, $0, $0.nextUp] } + (0...997).map { Double($0) / 997 }
      gs += [-0.5, 1 + 1e-6, 2, 1]
      let accumulator = GHMAccumulator(bins: m, momentum: 0, gamma: 2)
      let p = gs.withUnsafeBufferPointer { accumulator.partial($0) }
      #expect(p.counts == bins.counts(of: gs), "M = \(m)")
      #expect(p.rejected == gs.filter { bins.index(of: $0) == nil }.count)
      // A cache of focal norms gives the same sums as computing them.
      let cache = gs.map { focalNorm(g: $0, gamma: 2) }
      let q = gs.withUnsafeBufferPointer { g in cache.withUnsafeBufferPointer { accumulator.partial(g, focal: $0) } }
      #expect(q.sumFocal == p.sumFocal)
    }
  }

  @Test func focalNormIsFocalsGradientAtPtOneMinusG() {
    let focal = Catalog.view(named: "focal")!
    var p = focal.defaults
    try! p.set("gamma", to: 2)
    let view = focal.make(p)
    for g in [0.001, 0.1, 0.5, 0.9, 0.999] {
      #expect(close(focalNorm(g: g, gamma: 2), view.evaluate(1 - g).grad, rel: 1e-12))
    }
  }

  @Test func syntheticPopulationIsDeterministicAndConvergedLooking() {
    let a = SyntheticPopulation().generate(), b = SyntheticPopulation().generate()
    #expect(a.g == b.g && a.batchEnds == b.batchEnds)
    let easy = a.g.filter { $0 < 0.1 }.count, outliers = a.g.filter { $0 > 0.9 }.count
    #expect(easy > a.g.count * 8 / 10)
    #expect(outliers > 0 && outliers < a.g.count / 20)
  }

  @Test func mmdetEdgesAndNormsAreFloat32() {
    let bins = GHMBins(count: 10, edges: .mmdet)
    #expect(bins.edges[1] == Double(Float(1) / Float(10)))
    #expect(bins.edges[10] == Double(Float(1) + Float(1e-6)))
    // 1 - 0.9: 0.09999999999999998 in float64 (bin 0), 0.10000002 in float32 (bin 1, as in mmdetection).
    #expect(GHMBins(count: 10).index(of: GradientNorm(logits: false)(0.9, 1)) == 0)
    #expect(bins.index(of: GradientNorm(logits: false, edges: .mmdet)(0.9, 1)) == 1)
    #expect(bins.index(of: GradientNorm(logits: false, edges: .mmdet)(0.1, 0)) == 1)
    #expect(bins.index(of: 1) == 9 && bins.index(of: 1.000001) == nil)
  }

  @Test func gradientNormChecksEachPairOnce() {
    let p = GradientNorm(logits: false), z = GradientNorm(logits: true)
    #expect(p(0.25, 1) == 0.75 && p(0.25, 0) == 0.25)
    #expect(p(1.5, 0).isNaN && p(0.5, 2).isNaN && p(.nan, 0).isNaN && z(.infinity, 1).isNaN)
    #expect(z(0, 1) == 0.5 && z(-800, 1) == 1 && z(800, 1) == 0)
    #expect(p.problem(0.5, 2) == "label 2 is not 0 or 1")
    #expect(p.problem(1.5, 0) == "probability 1.5 is outside [0, 1]")
    #expect(z.problem(.infinity, 0) == "logit inf is not finite" || z.problem(.infinity, 0)?.hasPrefix("logit") == true)
    #expect(p.problem(0.5, 1) == nil)
  }

  @Test func everyPopulationGetsItsWeightsFromOnePath() {
    let synthetic = SyntheticPopulation(samples: 20_000, hard: 0.05)
    let (g, ends) = synthetic.generate()
    // The weights by hand: each batch through the harmonizer, in order.
    var harmonizer = GHMHarmonizer(bins: 30, momentum: 0.75)
    var expected: [Double] = []
    var start = 0
    for end in ends {
      expected = harmonizer.update(counts: harmonizer.bins.counts(of: g[start..<end]))
      start = end
    }
    #expect(synthetic.weights(bins: 30, momentum: 0.75) == expected)
    #expect(GHMWeights.lastBatch(of: g, batchEnds: ends, bins: 30, momentum: 0.75).weights == expected)
    let population = Population(synthetic)
    let tables = population.tables(bins: 30, momentum: 0.75, gamma: 2)
    #expect(tables.last?.map(\.weight) == population.weights(bins: 30, momentum: 0.75))
    #expect(tables.last?.map(\.count) == GHMWeights.lastBatch(of: population.g, batchEnds: ends, bins: 30, momentum: 0.75).counts)
  }

  @Test func logOneMinusIsAsExactAsLog1p() throws {
    var rng = SeededGenerator(state: 20261202)
    var worst = 0.0
    for _ in 0..<100_000 {
      let g = Double.random(in: 0..<0.15, using: &rng)
      let reference = log1p(-g)
      worst = max(worst, abs(logOneMinus(g) - reference) / reference.ulp.magnitude)
    }
    for g in [0.0, 0.03125.nextDown, 0.03125, 0.125.nextDown, 0.125, 1e-300, 0.5, 0.999999] where g > 0 {
      worst = max(worst, abs(logOneMinus(g) - log1p(-g)) / log1p(-g).ulp.magnitude)
    }
    #expect(worst <= 2, "worst error \(worst) ulp")
    #expect(logOneMinus(0) == 0)
  }
}
