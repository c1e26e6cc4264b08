// The diagnosis of a train/val pair: a verdict from the two trends judged by the metric's goal, flags for NaN, spikes and oscillation, and the numbers.
//
// Each series' trend (LogTrend: falling, rising, flat or noisy) is read through its own goal
// (LogGoal): for a loss falling is better, for an accuracy rising is (a pair may hold both: a
// training loss with a held-out accuracy). Then, in this order:
//
// | rule | train            | val                  | verdict        |
// | 1    | goal unknown     |                      | unjudged       |
// | 2    | < 5 points       | or < 5 points        | too-few-points |
// | 3    | worse            | anything             | diverging      |
// | 4    | noisy            | anything             | noisy          |
// | 5    | better or flat   | noisy                | noisy          |
// | 6    | better           | better               | learning       |
// | 7    | better           | flat or worse        | overfitting    |
// | 8    | flat             | better               | data-problem   |
// | 9    | flat             | flat                 | plateau        |
// | 10   | flat             | worse                | overfitting    |
// Without val: better `learning`, flat `plateau`, worse `diverging`, noisy `noisy`.
// Rule 10: training has stopped improving and val gets worse; the gap between them widens as in
// rule 7, so it is overfitting too (late, once the training loss has reached its floor).
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
  package enum Verdict: String, Sendable {
    case learning, overfitting, dataProblem = "data-problem", plateau, diverging, noisy
    case tooFewPoints = "too-few-points", unjudged

    /// A judgement of the run, as opposed to saying why there is none (the app announces only these).
    package var stands: Bool { self != .tooFewPoints && self != .unjudged }
  }

  /// A series' trend read through its goal.
  package enum Move: Sendable { case better, flat, worse, noisy }

  /// No verdict from fewer points than this in either series' window.
  package static let minimumPoints = 5

  package var run: String
  package var pair: LogPair
  /// Which way is good for train and for val (nil: unknown).
  package var goal: LogGoal?
  package var valGoal: LogGoal?
  package var verdict: Verdict
  package var flags: [String]
  package var evidence: String
  /// Why there is no verdict yet: `val has 2 points in the window, needs 5`.
  package var shortfall: String?

  /// Judges `pair` on the last `window` points (default: a quarter of the shorter series, at
  /// least 5) of the series smoothed by `smoother`; the longer series covers the same x span.
  /// `goal`, `valGoal`: which way is good (nil: not judged); `note` is said first in the evidence.
  package init(run: String, pair: LogPair, train: LogSeries, val: LogSeries?, smoother: LogSmoother, window: Int?, axis: LogAxis,
               goal: LogGoal?, valGoal: LogGoal?, note: String? = nil) {
    self.run = run
    self.pair = pair
    self.goal = goal
    self.valGoal = valGoal
    let shorter = min(train.count, val?.count ?? Int.max)
    let n = min(shorter, window ?? max(Self.minimumPoints, shorter / 4))
    let shortest = val.map { $0.count < train.count ? $0 : train } ?? train
    let startX = shortest.count > 0 ? shortest.xs[shortest.count - max(n, 1)] : 0
    func windowed(_ s: LogSeries) -> (xs: [Double], raw: [Double], smooth: [Double], from: Int) {
      let smooth = smoother.apply(s.values)
      var from = s.xs.firstIndex { $0 >= startX } ?? s.count
      if window == nil { from = min(from, max(0, s.count - min(Self.minimumPoints, s.count))) }  // at least 5 points (when there are)
      return (Array(s.xs[from...]), Array(s.values[from...]), Array(smooth[from...]), from)
    }
    let tw = windowed(train)
    let trainTrend = LogTrend(xs: tw.xs, ys: tw.smooth, smoother: smoother)
    let vw = val.map(windowed)
    let valTrend = vw.map { LogTrend(xs: $0.xs, ys: $0.smooth, smoother: smoother) }
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
    var parts = note.map { [$0] } ?? []
    let short = [("train", trainTrend)] + (valTrend.map { [("val", $0)] } ?? [])
    let few = short.filter { $0.1.points < Self.minimumPoints }
    let unknown = goal == nil ? pair.train : val != nil && valGoal == nil ? pair.val : nil
    if let unknown {
      verdict = .unjudged
      parts.append("direction unknown: not judged (say --goal \(unknown)=min or =max)")
    } else if !few.isEmpty {
      verdict = .tooFewPoints
    } else {
      verdict = Self.verdict(Self.move(trainTrend.direction, goal), valTrend.map { Self.move($0.direction, valGoal) })
    }
    if let goal, val == nil || valGoal == goal {
      parts.append(goal.said)
    } else {
      if let goal { parts.append("train " + goal.said) }
      if let valGoal, val != nil { parts.append("val " + valGoal.said) }
    }
    if verdict == .tooFewPoints {
      let needs = few.map { "\($0.0) has \($0.1.points) point\($0.1.points == 1 ? "" : "s") in the window, needs \(Self.minimumPoints)" }
      shortfall = needs.joined(separator: "; ")
      parts += needs
    } else {
      parts += short.map { "\($0.0) " + $0.1.evidence(axis, goal: $0.0 == "train" ? goal : valGoal) + " over \($0.1.points) points" }
    }
    parts.append("smoother \(smoother.summary)")
    evidence = parts.joined(separator: "; ")
  }

  /// Judged by the goal the pair's names say.
  package init(run: String, pair: LogPair, train: LogSeries, val: LogSeries?, smoother: LogSmoother, window: Int?, axis: LogAxis) {
    self.init(run: run, pair: pair, train: train, val: val, smoother: smoother, window: window, axis: axis,
              goal: LogGoal.of(pair.train), valGoal: pair.val.flatMap(LogGoal.of))
  }

  /// A trend's direction read through the goal.
  package static func move(_ direction: LogTrend.Direction, _ goal: LogGoal?) -> Move {
    switch direction {
    case .flat: return .flat
    case .noisy: return .noisy
    case .falling: return goal == .max ? .worse : .better
    case .rising: return goal == .max ? .better : .worse
    }
  }

  /// Rules 3 to 10 of the table above.
  package static func verdict(_ train: Move, _ val: Move?) -> Verdict {
    switch (train, val) {
    case (.worse, _): return .diverging
    case (.noisy, _), (_, .noisy?): return .noisy
    case (.better, nil), (.better, .better?): return .learning
    case (.better, _): return .overfitting
    case (.flat, nil), (.flat, .flat?): return .plateau
    case (.flat, .better?): return .dataProblem
    case (.flat, .worse?): return .overfitting
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
