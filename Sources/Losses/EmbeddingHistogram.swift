// Counts of positive and negative pairs by similarity in equal bins over [-1, 1].
//
// Bin k covers lo_k <= s < hi_k with lo_k = (2k - bins) / bins (one rounding, so the printed
// edges are the ones tested against); the last bin is closed at 1 and s is clamped to [-1, 1].

public struct EmbeddingHistogram: Sendable, Equatable {
  public var positive: [Int]
  public var negative: [Int]

  public init(bins: Int) {
    positive = [Int](repeating: 0, count: max(1, bins))
    negative = positive
  }

  public var bins: Int { positive.count }

  /// Left edge of bin k (k = bins gives 1, the right edge of the last).
  public static func edge(_ k: Int, bins: Int) -> Double { Double(2 * k - bins) / Double(bins) }

  public func lo(_ k: Int) -> Double { Self.edge(k, bins: bins) }
  public func hi(_ k: Int) -> Double { Self.edge(k + 1, bins: bins) }

  /// The bin of similarity s: the arithmetic guess, corrected against the edges themselves.
  @inline(__always)
  public static func bin(_ s: Double, bins: Int) -> Int {
    let x = min(1, max(-1, s))
    var k = min(bins - 1, max(0, Int(((x + 1) * Double(bins) / 2).rounded(.down))))
    if k > 0 && x < edge(k, bins: bins) {
      k -= 1
    } else if k < bins - 1 && x >= edge(k + 1, bins: bins) {
      k += 1
    }
    return k
  }

  mutating func merge(_ other: EmbeddingHistogram) {
    for k in positive.indices {
      positive[k] += other.positive[k]
      negative[k] += other.negative[k]
    }
  }
}
