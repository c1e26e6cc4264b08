// A view sampled on an evenly spaced grid: the numbers that export writes and plot draws.

/// The grid x_i = A + i (B - A) / (N - 1), i = 0 ..< N, with the last point exactly B.
public struct SampleGrid: Sendable, Equatable {
  public let from: Double
  public let to: Double
  public let count: Int

  public init(from: Double, to: Double, count: Int) {
    self.from = from
    self.to = to
    self.count = count
  }

  @inlinable
  public func x(_ i: Int) -> Double {
    i == count - 1 ? to : from + Double(i) * (to - from) / Double(count - 1)
  }

  public var xs: [Double] { (0..<count).map(x) }
}

/// One view evaluated on a grid.
public struct Curve: Sendable {
  public let xs: [Double]
  public let loss: [Double]
  public let grad: [Double]

  public init(view: any LossView, grid: SampleGrid) {
    let n = max(0, grid.count)
    var loss = [Double](repeating: 0, count: n), grad = [Double](repeating: 0, count: n)
    let xs = (0..<n).map(grid.x)
    xs.withUnsafeBufferPointer { x in
      loss.withUnsafeMutableBufferPointer { l in
        grad.withUnsafeMutableBufferPointer { g in view.evaluate(x, loss: l, grad: g) }
      }
    }
    self.xs = xs
    self.loss = loss
    self.grad = grad
  }
}
