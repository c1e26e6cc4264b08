// TensorBoard's EMA against its formula and the issue's test vector; the centred moving average by hand.

import Foundation
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct LogSmoothingTests {
  /// The formula written out plainly: last = W last + (1 - W) v over finite values, divided by 1 - W^k.
  func reference(_ values: [Double], _ w: Double) -> [Double] {
    if values.allSatisfy({ $0 == values.first }) { return values }
    var last = 0.0, k = 0.0, out: [Double] = []
    for v in values {
      if !v.isFinite { out.append(v); continue }
      last = w * last + (1 - w) * v
      k += 1
      out.append(last / (1 - pow(w, k)))
    }
    return out
  }

  @Test func issueVector() {
    let s = LogSmoother.ema(weight: 0.6).apply([1, 0, 1, 0])
    #expect(s[0] == 1)
    #expect(abs(s[1] - 0.375) < 1e-15)
    #expect(abs(s[2] - 0.544 / 0.784) < 1e-15)  // 0.693877...
    #expect(abs(s[2] - 0.6938775510204082) < 1e-15)
    #expect(abs(s[3] - 0.375) < 1e-15)  // (0.544 * 0.6) / (1 - 0.6^4) = 0.3264 / 0.8704
  }

  @Test func constantSeriesUnchanged() {
    for w in [0.0, 0.6, 0.9, 0.999] {
      #expect(LogSmoother.ema(weight: w).apply(Array(repeating: 0.1, count: 50)) == Array(repeating: 0.1, count: 50))
    }
  }

  @Test func nonFinitePassesThroughWithoutAdvancing() {
    let s = LogSmoother.ema(weight: 0.6).apply([1, .nan, 0, .infinity, 1, 0])
    let without = LogSmoother.ema(weight: 0.6).apply([1, 0, 1, 0])
    #expect(s[1].isNaN && s[3] == .infinity)
    #expect([s[0], s[2], s[4], s[5]] == without)
  }

  @Test func matchesFormulaOnNoisyCurves() {
    var rng = LogTestRandom(seed: 7)
    for w in [0.0, 0.3, 0.6, 0.95, 0.999] {
      let values = (0..<500).map { i in 1 / (1 + Double(i) / 50) + 0.05 * rng.normal() }
      let got = LogSmoother.ema(weight: w).apply(values)
      let want = reference(values, w)
      #expect(zip(got, want).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) })
    }
    // W = 0 is no smoothing at all.
    let values = (0..<20).map { Double($0 * $0) }
    #expect(LogSmoother.ema(weight: 0).apply(values) == values)
  }

  @Test func streamingEMAMatchesWholeSeries() {
    var state = LogSmoother.EMA(weight: 0.8)
    let values: [Double] = [3, 1, 4, 1, 5, .nan, 9, 2, 6]
    let streamed = values.map { state.next($0) }
    let whole = LogSmoother.ema(weight: 0.8).apply(values)
    #expect(zip(streamed, whole).allSatisfy { ($0.isNaN && $1.isNaN) || $0 == $1 })
  }

  @Test func centredMovingAverage() {
    let s = LogSmoother.movingAverage(window: 3).apply([1, 2, 6, 4, 10])
    // Ends average what exists: (1+2)/2, (1+2+6)/3, (2+6+4)/3, (6+4+10)/3, (4+10)/2.
    #expect(s == [1.5, 3, 4, 20.0 / 3, 7])
    let even = LogSmoother.movingAverage(window: 4).apply([0, 4, 8, 12, 16])
    // Two on the left, one on the right.
    #expect(even == [2, 4, 6, 10, 12])
    let gap = LogSmoother.movingAverage(window: 3).apply([1, .nan, 3])
    #expect(gap[0] == 1 && gap[1].isNaN && gap[2] == 3)
    #expect(LogSmoother.movingAverage(window: 1).apply([5, 7]) == [5, 7])
    #expect(LogSmoother.none.apply([5, .nan]).count == 2)
  }
}

/// A small deterministic generator for test data (LogTestRandom64, Box-Muller normals).
struct LogTestRandom {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }
  mutating func normal() -> Double {
    let u = max(uniform(), 1e-300), v = uniform()
    return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
  }
}
