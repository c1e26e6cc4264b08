// GHM-C statistics per bin for a population that arrives in batches: what `lossscope ghm` writes.
//
// For each batch, after its momentum update: count r_i, density r_i / (N w) with w = 1/M, weight
// beta_i, the reweighted gradient norm at the bin centre c (CE: c; focal: |dFL/dz| at pt = 1 - c,
// alpha 1; GHM-C: beta_i c) and the totals over the bin's samples (sum g; sum of focal's norm at
// each g; beta_i sum g).

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public struct GHMBinRow: Sendable, Equatable {
  public var bin: Int
  public var lo: Double
  public var hi: Double
  public var count: Int
  public var density: Double
  public var weight: Double
  public var ceNorm: Double
  public var focalNorm: Double
  public var ghmNorm: Double
  public var ceTotal: Double
  public var focalTotal: Double
  public var ghmTotal: Double
}

/// Feeds batches of gradient norms through GHM-C's bins and momentum, one table per batch, in
/// float64. Samples are binned as they come (`add(g:)`, `add(_:)`) or as whole units binned
/// elsewhere (`partial`, then `merge` in unit order), so a batch of any size takes constant
/// memory; every way sums the same units in the same order (GHMLanes.swift), so a table does not
/// depend on how its samples were read.
public struct GHMAccumulator: Sendable {
  public private(set) var harmonizer: GHMHarmonizer
  public let gamma: Double
  /// Samples per unit: a batch's sums are those of its units of this many samples, in order.
  public static let unit = 1 << 16
  /// Samples given one at a time wait here and are binned this many at a time.
  static let buffered = 1 << 10
  // The batch so far: its closed units' counts and sums, added in unit order.
  private var counts: [Int]
  private var sumG: [Double]
  private var sumFocal: [Double]
  /// The unit being filled.
  private var open: GHMLanes
  private var waiting: [Double] = []
  /// A unit shorter than `unit` was merged: only the end of the batch may follow.
  private var closedEarly = false

  public init(bins: Int, momentum: Double, gamma: Double, edges: GHMEdges = .exact) {
    harmonizer = GHMHarmonizer(bins: bins, momentum: momentum, edges: edges)
    self.gamma = gamma
    let m = harmonizer.bins.count
    counts = [Int](repeating: 0, count: m)
    sumG = [Double](repeating: 0, count: m)
    sumFocal = [Double](repeating: 0, count: m)
    open = GHMLanes(bins: m)
    waiting.reserveCapacity(Self.buffered)
  }

  public var bins: GHMBins { harmonizer.bins }

  /// Takes one sample of the current batch; g outside the edges is ignored.
  public mutating func add(g: Double) {
    waiting.append(g)
    if waiting.count == Self.buffered { flush() }
  }

  /// Takes samples of the current batch, in order (`focal`: their focal norms, if cached).
  public mutating func add(_ gs: UnsafeBufferPointer<Double>, focal: UnsafeBufferPointer<Double>? = nil) {
    flush()
    bin(gs, focal: focal)
  }

  /// Bins a whole batch and closes it.
  public mutating func add<C: Collection>(batch gs: C) -> [GHMBinRow] where C.Element == Double {
    Array(gs).withUnsafeBufferPointer { add($0) }
    return endBatch()
  }

  private mutating func flush() {
    guard !waiting.isEmpty else { return }
    var samples: [Double] = []
    swap(&samples, &waiting)
    samples.withUnsafeBufferPointer { bin($0, focal: nil) }
    samples.removeAll(keepingCapacity: true)
    swap(&samples, &waiting)
  }

  private mutating func bin(_ gs: UnsafeBufferPointer<Double>, focal: UnsafeBufferPointer<Double>?) {
    precondition(!closedEarly || gs.isEmpty, "samples after a short unit: a batch's units are all full but its last")
    var at = 0
    while at < gs.count {
      let end = at + min(gs.count - at, Self.unit - open.samples)
      open.add(UnsafeBufferPointer(rebasing: gs[at..<end]), focal: focal.map { UnsafeBufferPointer(rebasing: $0[at..<end]) },
               edges: bins, gamma: gamma)
      at = end
      if open.samples == Self.unit { closeUnit() }
    }
  }

  private mutating func closeUnit() {
    take(open.folded())
    open.reset()
  }

  private mutating func take(_ p: Partial) {
    for i in 0..<bins.count {
      counts[i] += p.counts[i]
      sumG[i] += p.sumG[i]
      sumFocal[i] += p.sumFocal[i]
    }
  }

  /// Closes the current batch: the momentum update, then its table; the next batch starts empty.
  /// A batch without samples changes nothing and has no non-empty bin.
  public mutating func endBatch() -> [GHMBinRow] {
    flush()
    if open.samples > 0 { closeUnit() }
    let m = bins.count
    let weights = harmonizer.update(counts: counts)
    let total = Double(counts.reduce(0, +))
    let rows = (0..<m).map { i in
      let centre = (Double(i) + 0.5) / Double(m)
      return GHMBinRow(
        bin: i, lo: bins.edge(i), hi: bins.edge(i + 1), count: counts[i],
        density: total > 0 ? Double(counts[i]) * Double(m) / total : 0, weight: weights[i],
        ceNorm: centre, focalNorm: focalNorm(g: centre, gamma: gamma), ghmNorm: weights[i] * centre,
        ceTotal: sumG[i], focalTotal: sumFocal[i], ghmTotal: weights[i] * sumG[i])
    }
    for i in 0..<m {
      counts[i] = 0
      sumG[i] = 0
      sumFocal[i] = 0
    }
    open.reset()
    closedEarly = false
    return rows
  }

  /// One unit's counts and sums, binned independently of the running batch so that the units of
  /// a large file can be binned on several cores and merged in order.
  public struct Partial: Sendable {
    public var counts: [Int]
    public var sumG: [Double]
    public var sumFocal: [Double]
    /// Samples binned, and samples outside [0, e_M) left out.
    public var samples: Int
    public var rejected: Int

    public init(counts: [Int], sumG: [Double], sumFocal: [Double], samples: Int, rejected: Int) {
      self.counts = counts
      self.sumG = sumG
      self.sumFocal = sumFocal
      self.samples = samples
      self.rejected = rejected
    }
  }

  /// Bins one unit, at most `unit` samples (values outside [0, e_M) are counted as rejected),
  /// without touching the batch. `focal`, when given, holds each sample's focal norm already.
  public func partial(_ gs: UnsafeBufferPointer<Double>, focal: UnsafeBufferPointer<Double>? = nil) -> Partial {
    precondition(gs.count <= Self.unit, "a unit holds at most \(Self.unit) samples")
    var lanes = GHMLanes(bins: bins.count)
    lanes.add(gs, focal: focal, edges: bins, gamma: gamma)
    return lanes.folded()
  }

  /// Adds the next unit of the current batch, binned by `partial`: all of a batch's units are
  /// full (`unit` samples) but its last, and they come in order.
  public mutating func merge(_ p: Partial) {
    flush()
    precondition(open.samples == 0 && !closedEarly, "a unit merges at a unit boundary, after full units only")
    take(p)
    if p.samples > 0 && p.samples < Self.unit { closedEarly = true }
  }

  /// Samples given to the current, unfinished batch (binned, or waiting to be).
  public var pending: Int { counts.reduce(0, +) + open.samples + waiting.count }
}
