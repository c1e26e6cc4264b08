// A series reduced to the min and max of each pixel column, in memory bounded by the column count whatever the length.
//
// Columns cover [start, start + columns * width). A point beyond either end doubles the width
// and merges neighbouring columns pairwise, the old range becoming one half of the new, so the
// envelope can grow point by point while a run is followed, without knowing the x range ahead.

import LossData

package struct LogEnvelope: Sendable {
  /// Number of columns (even, at least 2).
  package let columns: Int
  package private(set) var start = 0.0
  package private(set) var width = 0.0
  package private(set) var lo: [Double]
  package private(set) var hi: [Double]
  /// The smallest and largest x that fell in each column: a column is drawn where its points
  /// are, not at its centre (two points at steps 3 and 4 must not read as 3.5 and 4.5).
  package private(set) var xlo: [Double]
  package private(set) var xhi: [Double]
  /// Finite points added; non-finite ones are counted apart (the `nan` flag needs them).
  package private(set) var count = 0
  package private(set) var nonFinite = 0
  private var firstX: Double?

  package init(columns: Int) {
    self.columns = max(2, columns + columns % 2)
    lo = Array(repeating: .infinity, count: self.columns)
    hi = Array(repeating: -.infinity, count: self.columns)
    xlo = lo
    xhi = hi
  }

  package init(columns: Int, xs: [Double], ys: [Double]) {
    self.init(columns: columns)
    for (x, y) in zip(xs, ys) { add(x: x, y: y) }
  }

  package mutating func add(x: Double, y: Double) {
    guard x.isFinite else { return }
    guard y.isFinite else { nonFinite += 1; return }
    if width == 0 {
      // Until a second x arrives the scale is unknown: then one column per gap between the two.
      if let f = firstX, x != f {
        width = abs(x - f)
        start = min(f, x)
        let first = (lo[0], hi[0])
        lo[0] = .infinity; hi[0] = -.infinity
        xlo[0] = .infinity; xhi[0] = -.infinity
        while max(f, x) >= start + Double(columns) * width { width *= 2 }
        put(f, first.0); put(f, first.1)
      } else {
        firstX = x
        lo[0] = min(lo[0], y); hi[0] = max(hi[0], y)
        count += 1
        return
      }
    }
    while x < start || x >= start + Double(columns) * width { grow(left: x < start) }
    put(x, y)
    count += 1
  }

  private mutating func put(_ x: Double, _ y: Double) {
    let c = min(columns - 1, max(0, Int((x - start) / width)))
    if y < lo[c] { lo[c] = y }
    if y > hi[c] { hi[c] = y }
    if x < xlo[c] { xlo[c] = x }
    if x > xhi[c] { xhi[c] = x }
  }

  /// Doubles the width: columns 2j and 2j+1 become one, in the right half when growing left.
  private mutating func grow(left: Bool) {
    let half = columns / 2
    var newLo = Array(repeating: Double.infinity, count: columns)
    var newHi = Array(repeating: -Double.infinity, count: columns)
    var newXlo = newLo, newXhi = newHi
    let offset = left ? half : 0
    for j in 0..<half {
      newLo[offset + j] = min(lo[2 * j], lo[2 * j + 1])
      newHi[offset + j] = max(hi[2 * j], hi[2 * j + 1])
      newXlo[offset + j] = min(xlo[2 * j], xlo[2 * j + 1])
      newXhi[offset + j] = max(xhi[2 * j], xhi[2 * j + 1])
    }
    xlo = newXlo
    xhi = newXhi
    if left { start -= Double(columns) * width }
    width *= 2
    lo = newLo
    hi = newHi
  }

  /// The envelope as points to draw: each filled column's centre at its min then its max.
  package var outline: (xs: [Double], ys: [Double]) {
    var xs: [Double] = [], ys: [Double] = []
    for c in 0..<columns where lo[c] <= hi[c] {
      let x = width == 0 ? (firstX ?? 0) : xlo[c] <= xhi[c] ? (xlo[c] + xhi[c]) / 2 : start + (Double(c) + 0.5) * width
      xs += [x, x]
      ys += [lo[c], hi[c]]
    }
    return (xs, ys)
  }
}
