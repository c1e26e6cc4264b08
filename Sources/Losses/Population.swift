// A population of gradient norms in batches (a predictions file, or the synthetic one) and its GHM-C tables.

public struct Population: Sendable {
  /// Gradient norms g = |p - y| in float64, batch after batch: the values `lossscope ghm` bins.
  public var g: [Double]
  /// End index of each batch in `g`.
  public var batchEnds: [Int]
  public var source: String
  /// Each sample's focal norm for one gamma: re-binning after a change of bins or momentum then
  /// costs no logarithm per sample.
  public private(set) var focalCache: (gamma: Double, values: [Double])?

  public init(g: [Double], batchEnds: [Int], source: String) {
    self.g = g
    self.batchEnds = batchEnds.isEmpty ? [g.count] : batchEnds
    self.source = source
  }

  public init(_ synthetic: SyntheticPopulation) {
    let (g, ends) = synthetic.generate()
    self.init(g: g, batchEnds: ends, source: synthetic.description)
  }

  /// Computes (once per gamma) every sample's focal norm.
  public mutating func prepareFocal(gamma: Double) {
    guard focalCache?.gamma != gamma else { return }
    focalCache = (gamma, g.map { focalNorm(g: $0, gamma: gamma) })
  }

  /// Bins `count` units of a batch, unit k by `unit(k)`, and returns them in unit order; the app
  /// passes one that spreads them over its cores.
  public typealias UnitMap = (_ count: Int, _ unit: (Int) -> GHMAccumulator.Partial) -> [GHMAccumulator.Partial]

  /// One table per batch, each after its momentum update: the same numbers, bit for bit, as
  /// `GHMAccumulator` fed these samples one by one.
  public func tables(bins: Int, momentum: Double, gamma: Double, edges: GHMEdges = .exact, units map: UnitMap? = nil) -> [[GHMBinRow]] {
    var accumulator = GHMAccumulator(bins: bins, momentum: momentum, gamma: gamma, edges: edges)
    let binner = accumulator  // `partial` reads only the bins and gamma
    let size = GHMAccumulator.unit
    var tables: [[GHMBinRow]] = []
    func run(_ all: UnsafeBufferPointer<Double>, _ focal: UnsafeBufferPointer<Double>?) {
      var start = 0
      for end in batchEnds where end > start && end <= all.count {
        let first = start
        let unit = { (k: Int) -> GHMAccumulator.Partial in
          let range = (first + k * size)..<min(end, first + (k + 1) * size)
          return binner.partial(UnsafeBufferPointer(rebasing: all[range]), focal: focal.map { UnsafeBufferPointer(rebasing: $0[range]) })
        }
        let count = (end - start + size - 1) / size
        for part in map?(count, unit) ?? (0..<count).map(unit) { accumulator.merge(part) }
        tables.append(accumulator.endBatch())
        start = end
      }
    }
    g.withUnsafeBufferPointer { all in
      if let cached = focalCache, cached.gamma == gamma {
        cached.values.withUnsafeBufferPointer { run(all, $0) }
      } else {
        run(all, nil)
      }
    }
    return tables
  }

  /// The weights of the last batch: what the `ghmc` loss view applies.
  public func weights(bins: Int, momentum: Double, edges: GHMEdges = .exact) -> [Double] {
    GHMWeights.lastBatch(of: g, batchEnds: batchEnds, bins: bins, momentum: momentum, edges: edges).weights
  }
}
