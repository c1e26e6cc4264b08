// A population of gradient norms in batches (a predictions file, or the synthetic one) and its GHM-C tables.

public struct Population: Sendable {
  /// Gradient norms g = |p - y|, batch after batch (Float: a large file must fit in memory).
  public var g: [Float]
  /// End index of each batch in `g`.
  public var batchEnds: [Int]
  public var source: String

  public init(g: [Float], batchEnds: [Int], source: String) {
    self.g = g
    self.batchEnds = batchEnds.isEmpty ? [g.count] : batchEnds
    self.source = source
  }

  public init(_ synthetic: SyntheticPopulation) {
    let (g, ends) = synthetic.generate()
    self.init(g: g.map(Float.init), batchEnds: ends,
              source: "synthetic (\(synthetic.samples) samples, hard \(synthetic.hard))")
  }

  /// One table per batch, each after its momentum update.
  public func tables(bins: Int, momentum: Double, gamma: Double) -> [[GHMBinRow]] {
    var accumulator = GHMAccumulator(bins: bins, momentum: momentum, gamma: gamma)
    var start = 0
    var tables: [[GHMBinRow]] = []
    for end in batchEnds where end > start {
      for i in start..<end { accumulator.add(g: Double(g[i])) }
      tables.append(accumulator.endBatch())
      start = end
    }
    return tables
  }

  /// The weights of the last batch: what the `ghmc` loss view applies.
  public func weights(bins: Int, momentum: Double) -> [Double] {
    tables(bins: bins, momentum: momentum, gamma: 0).last?.map(\.weight) ?? [Double](repeating: 0, count: max(1, bins))
  }
}
