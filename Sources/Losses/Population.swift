// A population of gradient norms in batches (a predictions file, or the synthetic one) and its GHM-C tables.

public struct Population: Sendable {
  /// Gradient norms g = |p - y|, batch after batch (Float: a large file must fit in memory).
  public var g: [Float]
  /// End index of each batch in `g`.
  public var batchEnds: [Int]
  public var source: String
  /// Each sample's focal norm for one gamma: re-binning after a change of bins or momentum then
  /// costs no logarithm per sample.
  public private(set) var focalCache: (gamma: Double, values: [Double])?

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

  /// Computes (once per gamma) every sample's focal norm.
  public mutating func prepareFocal(gamma: Double) {
    guard focalCache?.gamma != gamma else { return }
    focalCache = (gamma, g.map { focalNorm(g: Double($0), gamma: gamma) })
  }

  /// Bins a run of samples (with their cached focal norms, if any); the app passes one that
  /// splits the run over its cores.
  public typealias Binner = (GHMAccumulator, UnsafeBufferPointer<Float>, UnsafeBufferPointer<Double>?) -> GHMAccumulator.Partial

  /// One table per batch, each after its momentum update.
  public func tables(bins: Int, momentum: Double, gamma: Double, edges: GHMEdges = .exact, binner: Binner? = nil) -> [[GHMBinRow]] {
    var accumulator = GHMAccumulator(bins: bins, momentum: momentum, gamma: gamma, edges: edges)
    let cached = focalCache?.gamma == gamma ? focalCache?.values : nil
    let bin = binner ?? { accumulator, gs, focal in accumulator.partial(gs, focal: focal) }
    var start = 0
    var tables: [[GHMBinRow]] = []
    g.withUnsafeBufferPointer { all in
      for end in batchEnds where end > start {
        let batch = UnsafeBufferPointer(rebasing: all[start..<end])
        if let cached {
          cached.withUnsafeBufferPointer { f in
            accumulator.merge(bin(accumulator, batch, UnsafeBufferPointer(rebasing: f[start..<end])))
          }
        } else {
          accumulator.merge(bin(accumulator, batch, nil))
        }
        tables.append(accumulator.endBatch())
        start = end
      }
    }
    return tables
  }

  /// The weights of the last batch: what the `ghmc` loss view applies.
  public func weights(bins: Int, momentum: Double, edges: GHMEdges = .exact) -> [Double] {
    GHMWeights.lastBatch(of: g, batchEnds: batchEnds, bins: bins, momentum: momentum, edges: edges).weights
  }
}
