// Smoothing a metric series: TensorBoard's debiased EMA exactly, a centred moving average, or none.
//
// EMA (TensorBoard's classic scalar chart smoothing, weight W in [0, 0.999]):
//   last_k = W last_{k-1} + (1 - W) v_k,   last_0 = 0,   smoothed_k = last_k / (1 - W^k)
// where k counts only finite values: a NaN or infinity is passed through unchanged and does not
// advance the average. The division by 1 - W^k removes the bias towards the zero start, so the
// first value is kept as it is. A series whose values are all equal is returned unchanged (the
// debiased average equals it mathematically; this makes it exact in floating point too).
// Check: [1, 0, 1, 0] at W = 0.6 gives [1, 0.375, 0.693877..., 0.375].

import Losses
import LossText
import LossData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a series is smoothed.
package enum LogSmoother: Sendable, Equatable {
  case ema(weight: Double)
  /// Centred moving average of `window` points (fewer at the ends).
  case movingAverage(window: Int)
  case none

  package static let defaultWeight = 0.6
  package static let weightRange = 0.0...0.999

  /// `series` smoothed; the same length, non-finite values in place.
  package func apply(_ values: [Double]) -> [Double] {
    switch self {
    case .ema(let w): return Self.ema(values, weight: w)
    case .movingAverage(let n): return Self.centred(values, window: n)
    case .none: return values
    }
  }

  /// `ema 0.6`, `ma 9`, `none`: how CSV metadata and the evidence name it.
  package var summary: String {
    switch self {
    case .ema(let w): return "ema \(NumberText.shortest(w))"
    case .movingAverage(let n): return "ma \(n)"
    case .none: return "none"
    }
  }

  package static func ema(_ values: [Double], weight w: Double) -> [Double] {
    guard let first = values.first, !values.allSatisfy({ $0 == first }) else { return values }
    var state = EMA(weight: w)
    return values.map { state.next($0) }
  }

  /// TensorBoard's EMA one value at a time, for following a live file. It differs from the
  /// whole-series form only for a series that is constant so far: there the average already
  /// equals the constant up to rounding.
  package struct EMA: Sendable {
    package let weight: Double
    private var last = 0.0
    private var count = 0.0

    package init(weight: Double) { self.weight = weight }

    package mutating func next(_ v: Double) -> Double {
      guard v.isFinite else { return v }
      last = last * weight + (1 - weight) * v
      count += 1
      let debias = weight == 1 ? 1 : 1 - pow(weight, count)
      return last / debias
    }
  }

  /// Mean of the finite values among the `window` points centred on each one; a non-finite value
  /// stays as it is. For an even window the extra point is taken on the left.
  package static func centred(_ values: [Double], window: Int) -> [Double] {
    let n = values.count, w = max(1, window)
    let left = w / 2, right = w - 1 - left
    // Prefix sums of finite values and of their count make each mean O(1).
    var sum = [0.0], finite = [0]
    sum.reserveCapacity(n + 1)
    finite.reserveCapacity(n + 1)
    for v in values {
      sum.append(sum[sum.count - 1] + (v.isFinite ? v : 0))
      finite.append(finite[finite.count - 1] + (v.isFinite ? 1 : 0))
    }
    return values.indices.map { i in
      guard values[i].isFinite else { return values[i] }
      let lo = max(0, i - left), hi = min(n, i + right + 1)
      return (sum[hi] - sum[lo]) / Double(finite[hi] - finite[lo])
    }
  }
}

