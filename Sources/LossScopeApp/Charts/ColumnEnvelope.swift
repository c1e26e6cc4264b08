// A curve reduced to what a screen can show: per dot column, its first, lowest, highest and last sample.

import Losses
import LossData
import LossLogs
import LossText

/// The points of one drawn curve, in x order.
struct PlotPoints: Equatable {
  var xs: [Double] = []
  var ys: [Double] = []
}

/// `plot --points 100000000` evaluates every point, but keeps only an envelope per dot column:
/// memory is bounded by the screen, and a spike one sample wide still reaches its column's
/// extreme. Consecutive columns stay joined because each keeps its first and last sample.
struct ColumnEnvelope {
  /// Dot columns the x range is divided into (the picture's width in dots is an upper bound).
  let columns: Int
  private(set) var loss: PlotPoints
  private(set) var grad: PlotPoints
  private var lossColumn: Column
  private var gradColumn: Column

  /// Samples of one column: first, min, max and last, each with its x; NaN samples break nothing.
  private struct Column {
    var index = -1
    var first = (x: Double.nan, y: Double.nan), last = (x: Double.nan, y: Double.nan)
    var low = (x: Double.nan, y: Double.infinity), high = (x: Double.nan, y: -Double.infinity)
    var count = 0

    mutating func add(_ x: Double, _ y: Double) {
      if count == 0 { first = (x, y) }
      last = (x, y)
      count += 1
      if y < low.y { low = (x, y) }
      if y > high.y { high = (x, y) }
    }

    /// First, then min and max in x order, then last, without repeating a sample.
    func flush(into points: inout PlotPoints) {
      guard count > 0 else { return }
      var picks = [first]
      let middle = [low, high].filter { $0.y.isFinite }.sorted { $0.x < $1.x }
      for p in middle + [last] where !(p.x == picks[picks.count - 1].x) { picks.append(p) }
      for p in picks {
        points.xs.append(p.x)
        points.ys.append(p.y)
      }
    }
  }

  init(columns: Int) {
    self.columns = max(1, columns)
    loss = PlotPoints()
    grad = PlotPoints()
    lossColumn = Column()
    gradColumn = Column()
  }

  /// The largest number of points `points(view:grid:columns:)` keeps per curve.
  static func capacity(columns: Int) -> Int { 4 * max(1, columns) }

  /// Every sample of `view` on `grid`, evaluated `chunk` at a time, reduced to the envelope.
  static func points(view: any LossView, grid: SampleGrid, columns: Int, chunk: Int = 4096)
    -> (loss: PlotPoints, grad: PlotPoints)
  {
    var envelope = ColumnEnvelope(columns: columns)
    let size = max(1, min(chunk, grid.count))
    var xs = [Double](repeating: 0, count: size)
    var loss = xs, grad = xs
    var start = 0
    while start < grid.count {
      let n = min(size, grid.count - start)
      for i in 0..<n { xs[i] = grid.x(start + i) }
      xs.withUnsafeBufferPointer { x in
        loss.withUnsafeMutableBufferPointer { l in
          grad.withUnsafeMutableBufferPointer { g in
            view.evaluate(UnsafeBufferPointer(rebasing: x[0..<n]), loss: UnsafeMutableBufferPointer(rebasing: l[0..<n]),
                          grad: UnsafeMutableBufferPointer(rebasing: g[0..<n]))
          }
        }
      }
      for i in 0..<n {
        envelope.add(index: start + i, of: grid, loss: loss[i], grad: grad[i])
      }
      start += n
    }
    envelope.finish()
    return (envelope.loss, envelope.grad)
  }

  /// Adds sample `index` of `grid`; samples must arrive in index order.
  mutating func add(index: Int, of grid: SampleGrid, loss y: Double, grad g: Double) {
    let x = grid.x(index)
    // Column by index, not by x: exact, and the same for any x range.
    let column = grid.count > 1 ? Int((Double(index) * Double(columns) / Double(grid.count - 1)).rounded(.down)) : 0
    let c = min(columns - 1, column)
    if c != lossColumn.index {
      lossColumn.flush(into: &loss)
      gradColumn.flush(into: &grad)
      lossColumn = Column(index: c)
      gradColumn = Column(index: c)
    }
    lossColumn.add(x, y)
    gradColumn.add(x, g)
  }

  mutating func finish() {
    lossColumn.flush(into: &loss)
    gradColumn.flush(into: &grad)
    lossColumn = Column()
    gradColumn = Column()
  }
}
