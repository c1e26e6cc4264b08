// In-place quickselect for the quartiles behind clipped auto ranges.

/// Order statistics without a full sort.
///
/// Clipped ranges need two quartiles of a few thousand values on every redraw;
/// quickselect finds them in linear time, where sorting would dominate the frame.
enum Quantile {
  /// The value at fraction `p` (0...1) of `values` by nearest rank; reorders `values`.
  static func select(_ values: inout [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return .nan }
    let k = min(values.count - 1, max(0, Int((p * Double(values.count - 1)).rounded())))
    return values.withUnsafeMutableBufferPointer { a in
      var lo = 0
      var hi = a.count - 1
      while lo < hi {
        // Median of three as pivot keeps sorted input (a smooth curve) linear.
        let mid = lo + (hi - lo) / 2
        if a[mid] < a[lo] { a.swapAt(mid, lo) }
        if a[hi] < a[lo] { a.swapAt(hi, lo) }
        if a[hi] < a[mid] { a.swapAt(hi, mid) }
        let pivot = a[mid]
        var i = lo
        var j = hi
        while i <= j {
          while a[i] < pivot { i += 1 }
          while a[j] > pivot { j -= 1 }
          if i <= j {
            a.swapAt(i, j)
            i += 1
            j -= 1
          }
        }
        if k <= j {
          hi = j
        } else if k >= i {
          lo = i
        } else {
          return a[k]
        }
      }
      return a[k]
    }
  }
}
