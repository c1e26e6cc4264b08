// A series kept only as its picture: envelopes of the raw and the EMA-smoothed values, fed one point at a time.
//
// Memory is two envelopes, whatever the number of points: what `--plot` alone needs for a
// 10-million-row log, and what an app mode following a run redraws from every frame.

import LossData

package struct LogTrack: Sendable {
  package private(set) var raw: LogEnvelope
  package private(set) var smooth: LogEnvelope
  private var ema: LogSmoother.EMA?
  package private(set) var count = 0

  /// `smoother` must be `.ema` or `.none`: a centred average needs points not yet read.
  package init(columns: Int, smoother: LogSmoother) {
    raw = LogEnvelope(columns: columns)
    smooth = LogEnvelope(columns: columns)
    if case .ema(let w) = smoother { ema = LogSmoother.EMA(weight: w) }
  }

  /// Whether `smoother` can be applied point by point.
  package static func streams(_ smoother: LogSmoother) -> Bool {
    if case .movingAverage = smoother { return false }
    return true
  }

  package mutating func add(x: Double, y: Double) {
    raw.add(x: x, y: y)
    smooth.add(x: x, y: ema?.next(y) ?? y)
    count += 1
  }

  /// The track of a whole series (any smoother).
  package init(columns: Int, series: LogSeries, smoother: LogSmoother) {
    self.init(columns: columns, smoother: .none)
    let smoothed = smoother.apply(series.values)
    for i in 0..<series.count {
      raw.add(x: series.xs[i], y: series.values[i])
      smooth.add(x: series.xs[i], y: smoothed[i])
    }
    count = series.count
  }
}
