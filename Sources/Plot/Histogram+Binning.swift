// Counting values into equal bins: the hot loop behind million-value histograms.

extension Histogram {
  /// Counts `values` into `bins` equal bins over [lo, hi).
  ///
  /// Values outside [lo, hi), NaN and infinities are not counted. Returns all zeros
  /// when the range is not proper; an empty array when `bins` < 1.
  public static func bin(
    _ values: UnsafeBufferPointer<Double>, bins: Int, lo: Double, hi: Double
  ) -> [Int] {
    guard bins > 0 else { return [] }
    var counts = [Int](repeating: 0, count: bins)
    let scale = Double(bins) / (hi - lo)
    guard lo.isFinite, hi.isFinite, lo < hi, scale.isFinite, scale > 0 else { return counts }
    let last = bins - 1
    counts.withUnsafeMutableBufferPointer { c in
      // Four interleaved tallies break the store-to-load chain when neighbouring values
      // fall in the same bin, which smooth or sorted data does all the time.
      var t = [Int](repeating: 0, count: 4 * bins)
      t.withUnsafeMutableBufferPointer { t in
        var i = 0
        let n = values.count
        @inline(__always) func add(_ v: Double, _ lane: Int) {
          if v >= lo && v < hi {
            // v < hi can still round up to `bins` in the product; clamp.
            let k = min(Int((v - lo) * scale), last)
            t[lane &* bins &+ k] &+= 1
          }
        }
        while i + 4 <= n {
          add(values[i], 0)
          add(values[i + 1], 1)
          add(values[i + 2], 2)
          add(values[i + 3], 3)
          i += 4
        }
        while i < n {
          add(values[i], 0)
          i += 1
        }
        for k in 0..<bins { c[k] = t[k] + t[bins + k] + t[2 * bins + k] + t[3 * bins + k] }
      }
    }
    return counts
  }

  /// Counts `values` into `bins` equal bins over [lo, hi); see the buffer version.
  public static func bin(_ values: [Double], bins: Int, lo: Double, hi: Double) -> [Int] {
    values.withUnsafeBufferPointer { bin($0, bins: bins, lo: lo, hi: hi) }
  }
}
