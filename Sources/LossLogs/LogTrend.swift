// The trend of the last points of a series: OLS slope, its t-statistic corrected for smoothing, and the swings around it.
//
// Slope test: ordinary least squares of the smoothed values on x over the window,
//   b = Sxy / Sxx,  SE(b) = sqrt(RSS / (n - 2) / Sxx),  t = b / SE(b).
// Smoothing makes neighbouring values correlated, which shrinks the residuals and would make any
// wiggle look significant; SE is therefore inflated by the ratio of the smoothed noise's
// long-run to marginal variance: (1 + W) / (1 - W) for the EMA (white noise through
// y_k = W y_{k-1} + (1 - W) e_k), the window length for a moving average, 1 for none.
// A series is `falling` or `rising` when |t| >= 3 AND the fitted change over the window is at least
// 1% of the window's mean magnitude (significant and large enough to matter). Otherwise it is
// `noisy` when the fitted change is 10% or more (it moves, but the slope is not significant: no
// series that moves that much is called flat), and `flat` when it is less.

import LossText
import LossData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

package struct LogTrend: Sendable {
  package enum Direction: String, Sendable { case falling, flat, rising, noisy }

  package static let tThreshold = 3.0
  package static let changeThreshold = 0.01
  /// A fitted change this large is never `flat`.
  package static let noisyThreshold = 0.10

  package var points: Int
  package var slope: Double
  package var t: Double
  /// Fitted change over the window divided by the mean magnitude.
  package var change: Double
  package var direction: Direction

  /// The trend of `ys` over `xs` (both the window), smoothed by `smoother`.
  package init(xs: [Double], ys: [Double], smoother: LogSmoother) {
    let pairs = zip(xs, ys).filter { $0.0.isFinite && $0.1.isFinite }
    points = pairs.count
    let n = Double(pairs.count)
    guard pairs.count >= 3 else {
      slope = 0; t = 0; change = 0; direction = .flat
      return
    }
    let mx = pairs.reduce(0) { $0 + $1.0 } / n, my = pairs.reduce(0) { $0 + $1.1 } / n
    var sxx = 0.0, sxy = 0.0, magnitude = 0.0
    for (x, y) in pairs {
      sxx += (x - mx) * (x - mx)
      sxy += (x - mx) * (y - my)
      magnitude += abs(y)
    }
    magnitude /= n
    guard sxx > 0 else {
      slope = 0; t = 0; change = 0; direction = .flat
      return
    }
    let b = sxy / sxx
    slope = b
    let rss = pairs.reduce(0) { acc, p in
      let r = p.1 - (my + b * (p.0 - mx))
      return acc + r * r
    }
    let inflation: Double
    switch smoother {
    case .ema(let w): inflation = (1 + w) / (1 - w)
    case .movingAverage(let k): inflation = Double(max(1, k))
    case .none: inflation = 1
    }
    let se = sqrt(rss / (n - 2) / sxx * inflation)
    // A noiseless line has se = 0: its t is infinite in the slope's direction.
    let tValue = se > 0 ? b / se : (b == 0 ? 0 : b < 0 ? -Double.infinity : .infinity)
    t = tValue
    let span = (pairs.map(\.0).max() ?? 0) - (pairs.map(\.0).min() ?? 0)
    let relative = magnitude > 0 ? b * span / magnitude : 0
    change = relative
    if abs(tValue) >= Self.tThreshold && abs(relative) >= Self.changeThreshold {
      direction = b < 0 ? .falling : .rising
    } else {
      direction = abs(relative) >= Self.noisyThreshold ? .noisy : .flat
    }
  }

  /// `falling (better) slope -0.0012/step t=-8.4 change -12%`: the numbers behind the word,
  /// which says whether the move is the good way when the goal is known.
  package func evidence(_ axis: LogAxis, goal: LogGoal? = nil) -> String {
    let percent = (change * 1000).rounded() / 10
    var word = direction.rawValue
    if let goal, direction == .falling || direction == .rising {
      word += (direction == .falling) == (goal == .min) ? " (better)" : " (worse)"
    }
    return "\(word) slope \(LogTrend.short(slope))/\(axis.rawValue) t=\(LogTrend.short(t)) change \(percent > 0 ? "+" : "")\(NumberText.shortest(percent))%"
  }

  /// Four significant digits, enough for evidence.
  package static func short(_ x: Double) -> String {
    guard x.isFinite, x != 0 else { return NumberText.shortest(x) }
    let digits = 3 - Int(floor(log10(abs(x))))
    let scale = pow(10, Double(min(max(digits, -300), 300)))
    return NumberText.shortest((x * scale).rounded() / scale)
  }
}
