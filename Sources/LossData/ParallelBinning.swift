// GHM binning split over the cores: halves binned at once, then added up in a fixed order.

import Dispatch
import Losses

package enum ParallelBinning {
  /// Bins `gs` in two halves on two cores; the merge order is fixed, so results do not depend on timing.
  package static func partial<G>(_ accumulator: GHMAccumulator, _ gs: UnsafeBufferPointer<G>, focal: UnsafeBufferPointer<Double>?,
                         _ bin: (GHMAccumulator, UnsafeBufferPointer<G>, UnsafeBufferPointer<Double>?) -> GHMAccumulator.Partial)
    -> GHMAccumulator.Partial
  {
    let half = gs.count / 2
    guard half >= 50_000 else { return bin(accumulator, gs, focal) }
    let pieces = [0..<half, half..<gs.count]
    nonisolated(unsafe) var parts = [GHMAccumulator.Partial?](repeating: nil, count: 2)
    nonisolated(unsafe) let gs = gs, focal = focal, bin = bin
    parts.withUnsafeMutableBufferPointer { out in
      nonisolated(unsafe) let out = out
      DispatchQueue.concurrentPerform(iterations: 2) { k in
        let range = pieces[k]
        out[k] = bin(accumulator, UnsafeBufferPointer(rebasing: gs[range]), focal.map { UnsafeBufferPointer(rebasing: $0[range]) })
      }
    }
    var total = GHMAccumulator.Partial(bins: accumulator.bins.count)
    for part in parts { if let part { total.add(part) } }
    return total
  }

  /// The binner for a population in memory (Float samples).
  package static func population(_ accumulator: GHMAccumulator, _ gs: UnsafeBufferPointer<Float>, _ focal: UnsafeBufferPointer<Double>?)
    -> GHMAccumulator.Partial
  {
    partial(accumulator, gs, focal: focal) { a, g, f in a.partial(g, focal: f) }
  }
}
