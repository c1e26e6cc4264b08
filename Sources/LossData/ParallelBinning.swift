// GHM binning split over the cores: units binned at once, handed back in unit order.

import Dispatch
import Losses

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

package enum ParallelBinning {
  /// Units a round bins at once: their partial tables wait here to be merged in order, so memory
  /// stays bounded (64 units of 1000 bins: 1.5 MB) whatever the file's size.
  package static let round = 64

  /// Cores that bin a file's units at once (8 at most: reading, not binning, limits them then).
  package static let cores = max(1, min(8, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))

  /// `unit(0) ... unit(count - 1)` on every core, returned in unit order: the merge order is
  /// fixed, so results do not depend on timing. The population's `UnitMap`.
  package static func units(_ count: Int, _ unit: (Int) -> GHMAccumulator.Partial) -> [GHMAccumulator.Partial] {
    guard count > 1 else { return (0..<count).map(unit) }
    nonisolated(unsafe) var parts = [GHMAccumulator.Partial?](repeating: nil, count: count)
    nonisolated(unsafe) let unit = unit
    parts.withUnsafeMutableBufferPointer { out in
      nonisolated(unsafe) let out = out
      DispatchQueue.concurrentPerform(iterations: count) { k in out[k] = unit(k) }
    }
    return parts.map { $0! }
  }
}
