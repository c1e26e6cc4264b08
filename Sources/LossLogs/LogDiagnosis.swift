// The diagnosis of a train/val pair: a verdict from the two trends, flags for NaN, spikes and oscillation, and the numbers.
//
// | train   | val            | verdict      |
// | falling | falling        | learning     |
// | falling | flat or rising | overfitting  |
// | flat    | falling        | data-problem |
// | flat    | flat           | plateau      |
// | rising  | rising         | diverging    |
// Not in the table: train rising with val falling or flat is `diverging` (training itself goes
// wrong); train flat with val rising is `overfitting` (val gets worse on fixed training loss).
// Without val: falling `learning`, flat `plateau`, rising `diverging`.
//
// Flags, on the raw values: `nan` when any value of either series is NaN or infinite; `spike`
// when a window point lies more than 10 robust standard deviations (1.4826 MAD of the 20 points
// before it) from their median; `oscillating` when the series is flat, the residuals of the line
// fit alternate (lag-1 autocorrelation <= -0.5) and their spread is at least 5% of the level.

import LossData
import LossText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

package struct LogDiagnosis: Sendable {
  package enum Verdict: String, Sendable { case learning, overfitting, dataProblem = "data-problem", plateau, diverging }

  package var run: String
  package var pair: LogPair
  package var verdict: Verdict
  package var flags: [String]
  package var evidence: String

  /// Judges `pair` on the last `window` points (default: a quarter of the shorter series, at
  /// least 5) of the series smoothed by `smoother`; the longer series covers the same x span.
  package init(run: String, pair: LogPair, train: LogSeries, val: LogSeries?, smoother: LogSmoother, window: Int?, axis: LogAxis) {
    self.run = run
    self.pair = pair
    let shorter = min(train.count, val?.count ?? Int.max)
    let n = min(shorter, window ?? max(5, shorter / 4))
    let shortest = val.map { $0.count < train.count ? $0 : train } ?? train
    let startX = shortest.count > 0 ? shortest.xs[shortest.count - max(n, 1)] : 0
    func windowed(_ s: LogSeries) -> (xs: [Double], raw: [Double], smooth: [Double], from: Int) {
      let smooth = smoother.apply(s.values)
      var from = s.xs.firstIndex { $0 >= startX } ?? s.count
      from = min(from, max(0, s.count - min(5, s.count)))  // at least 5 points (when there are)
      return (Array(s.xs[from...]), Array(s.values[from...]), Array(smooth[from...]), from)
    }
    let tw = windowed(train)
    let trainTrend = LogTrend(xs: tw.xs, ys: tw.smooth, smoother: smoother)
    let vw = val.map(windowed)
    let valTrend = vw.map { LogTrend(xs: $0.xs, ys: $0.smooth, smoother: smoother) }
    verdict = Self.verdict(trainTrend.direction, valTrend?.direction)
    var flags: [String] = []
    if train.values.contains(where: { !$0.isFinite }) || val?.values.contains(where: { !$0.isFinite }) == true {
      flags.append("nan")
    }
    if Self.hasSpike(train.values, from: tw.from) || val.map({ Self.hasSpike($0.values, from: vw?.from ?? 0) }) == true {
      flags.append("spike")
    }
    if (trainTrend.direction == .flat && Self.oscillates(tw.xs, tw.raw))
      || (valTrend?.direction == .flat && vw.map { Self.oscillates($0.xs, $0.raw) } == true)
    {
      flags.append("oscillating")
    }
    self.flags = flags
    func said(_ trend: LogTrend) -> String { trend.evidence(axis) + (trend.points >= 3 ? " over \(trend.points) points" : "") }
    var parts = ["train " + said(trainTrend)]
    if let valTrend { parts.append("val " + said(valTrend)) }
    parts.append("smoother \(smoother.summary)")
    evidence = parts.joined(separator: "; ")
  }

  package static func verdict(_ train: LogTrend.Direction, _ val: LogTrend.Direction?) -> Verdict {
    switch (train, val) {
    case (.rising, _): return .diverging
    case (.falling, nil), (.falling, .falling?): return .learning
    case (.falling, _): return .overfitting
    case (.flat, .falling?): return .dataProblem
    case (.flat, .rising?): return .overfitting
    case (.flat, _): return .plateau
    }
  }

  /// A point from `from` on far outside the spread of the 20 finite points before it.
  package static func hasSpike(_ values: [Double], from: Int) -> Bool {
    for i in max(from, 5)..<max(values.count, max(from, 5)) where values[i].isFinite {
      let before = values[max(0, i - 20)..<i].filter(\.isFinite).sorted()
      guard before.count >= 5 else { continue }
      let median = before[before.count / 2]
      let mad = before.map { abs($0 - median) }.sorted()[before.count / 2]
      let spread = max(1.4826 * mad, 1e-9 * abs(median))
      if spread > 0 && abs(values[i] - median) > 10 * spread { return true }
    }
    return false
  }

  /// Residuals of the line fit that alternate in sign and are large next to the level.
  package static func oscillates(_ xs: [Double], _ ys: [Double]) -> Bool {
    let pairs = zip(xs, ys).filter { $0.0.isFinite && $0.1.isFinite }
    guard pairs.count >= 6 else { return false }
    let n = Double(pairs.count)
    let mx = pairs.reduce(0) { $0 + $1.0 } / n, my = pairs.reduce(0) { $0 + $1.1 } / n
    let sxx = pairs.reduce(0) { $0 + ($1.0 - mx) * ($1.0 - mx) }
    let b = sxx > 0 ? pairs.reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / sxx : 0
    let r = pairs.map { $0.1 - (my + b * ($0.0 - mx)) }
    let ss = r.reduce(0) { $0 + $1 * $1 }
    guard ss > 0 else { return false }
    let lag1 = zip(r, r.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 } / ss
    let level = pairs.reduce(0) { $0 + abs($1.1) } / n
    return lag1 <= -0.5 && sqrt(ss / n) >= 0.05 * level
  }

  /// `run,train,val,verdict,flags,evidence`, the row `--diagnose` prints.
  package var csvRow: String {
    [run, pair.train, pair.val ?? "", verdict.rawValue, flags.joined(separator: "+"), evidence].map { CSVText.cell($0) }.joined(separator: ",")
  }
}
