// A set of embeddings ready for pair statistics: rows L2-normalised in float64, labels, classes.
//
// Rows are stored padded to a multiple of 4 columns with zeros, so the similarity kernel runs
// whole SIMD steps; the zeros add exact zeros to every dot product.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a matrix and its labels cannot be analysed; each case reads as one line for the user.
public enum EmbeddingError: Error, Equatable, CustomStringConvertible {
  case tooFew(Int)
  case shape(values: Int, dim: Int, labels: Int)
  case notFinite(row: Int, column: Int)
  case zeroRow(Int)
  case oneClass(count: Int, label: Int64)

  public var description: String {
    switch self {
    case .tooFew(let n): return "\(n) embedding\(n == 1 ? "" : "s"): at least 2 are needed to form a pair"
    case .shape(let values, let dim, let labels):
      return "\(values) values do not make \(labels) rows of dimension \(dim)"
    case .notFinite(let row, let column): return "row \(row), column \(column) is not a finite number"
    case .zeroRow(let row): return "row \(row) is all zeros: its direction (and every cosine similarity with it) is undefined"
    case .oneClass(let count, let label):
      return "all \(count) labels are the same (\(label)): there are no negative pairs, so no loss compares anything"
    }
  }
}

public struct EmbeddingSet: Sendable {
  /// Number of rows N.
  public let count: Int
  /// Dimension D of the input rows.
  public let dim: Int
  /// Columns per stored row (D rounded up to a multiple of 4).
  let stride: Int
  /// Normalised rows, row-major, `stride` values each.
  let rows: [Double]
  /// One label per row.
  public let labels: [Int64]
  /// Number of distinct labels.
  public let classes: Int

  /// Normalises `values` (N x D, row-major) and checks labels; throws for anything that would
  /// make a similarity undefined or the analysis empty. When D is a multiple of 4 the values are
  /// normalised where they lie (pass them with `consume` to keep one copy of a large matrix).
  public init(values: consuming [Double], dim: Int, labels: [Int64]) throws(EmbeddingError) {
    let n = labels.count
    guard dim > 0, values.count == n * dim else { throw .shape(values: values.count, dim: dim, labels: n) }
    guard n >= 2 else { throw .tooFew(n) }
    let stride = (dim + 3) / 4 * 4
    var rows: [Double]
    if stride == dim {
      rows = consume values
    } else {
      rows = [Double](repeating: 0, count: n * stride)
      for i in 0..<n {
        for k in 0..<dim { rows[i * stride + k] = values[i * dim + k] }
      }
    }
    for i in 0..<n {
      let base = i * stride
      var sum = 0.0, scale = 0.0
      for k in 0..<dim {
        let x = rows[base + k]
        guard x.isFinite else { throw .notFinite(row: i, column: k) }
        sum += x * x
        scale = max(scale, abs(x))
      }
      guard scale > 0 else { throw .zeroRow(i) }
      // A squared norm that overflowed or underflowed is taken again on the row divided by its
      // largest entry, so rows of 1e200 or 1e-200 normalise like any other.
      if !(sum.isNormal && sum < 1e300) {
        sum = 0
        for k in 0..<dim {
          let x = rows[base + k] / scale
          sum += x * x
        }
        let root = sum.squareRoot()
        for k in 0..<dim { rows[base + k] = rows[base + k] / scale / root }
      } else {
        let norm = sum.squareRoot()
        for k in 0..<dim { rows[base + k] /= norm }
      }
    }
    let distinct = Set(labels)
    guard distinct.count > 1 else { throw .oneClass(count: n, label: labels[0]) }
    self.count = n
    self.dim = dim
    self.stride = stride
    self.rows = rows
    self.labels = labels
    classes = distinct.count
  }

  /// Cosine similarity of rows i and j (both in range), summed in the kernel's order.
  public func similarity(_ i: Int, _ j: Int) -> Double {
    rows.withUnsafeBufferPointer { EmbeddingKernel.dot($0, i, j, stride: stride) }
  }

  /// The normalised row i (D values), for drawing or export.
  public func normalised(_ i: Int) -> ArraySlice<Double> { rows[(i * stride)..<(i * stride + dim)] }
}
