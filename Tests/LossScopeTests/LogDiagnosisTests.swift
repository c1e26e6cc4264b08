// Each verdict and flag on generated logs whose answer is known by construction, clean and noisy; pairing by name.

import Foundation
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct LogDiagnosisTests {
  /// A series of 200 steps: `f(step)` plus normal noise of standard deviation `noise`.
  func series(_ name: String, noise: Double, seed: UInt64, _ f: (Double) -> Double) -> LogSeries {
    var rng = LogTestRandom(seed: seed)
    let xs = (0..<200).map(Double.init)
    return LogSeries(metric: name, xs: xs, values: xs.map { f($0) + noise * rng.normal() })
  }

  let falling: (Double) -> Double = { 2 * exp(-$0 / 100) + 0.1 }
  let falling2: (Double) -> Double = { 2.2 * exp(-$0 / 100) + 0.3 }
  let flat: (Double) -> Double = { _ in 0.7 }
  let uShape: (Double) -> Double = { 0.5 + 0.5 * pow(($0 - 100) / 100, 2) }  // falls, then rises
  let rising: (Double) -> Double = { 0.5 * exp($0 / 80) }

  func diagnose(_ train: LogSeries, _ val: LogSeries?, smoother: LogSmoother = .ema(weight: 0.6)) -> LogDiagnosis {
    LogDiagnosis(run: "r", pair: LogPair(train: train.metric, val: val?.metric), train: train, val: val,
                 smoother: smoother, window: nil, axis: .step)
  }

  @Test(arguments: [0.0, 0.01, 0.05])
  func verdicts(noise: Double) {
    let cases: [((Double) -> Double, ((Double) -> Double)?, LogDiagnosis.Verdict)] = [
      (falling, falling2, .learning), (falling, uShape, .overfitting), (falling, flat, .overfitting),
      (flat, falling, .dataProblem), (flat, flat, .plateau), (rising, rising, .diverging),
      (falling, nil, .learning), (flat, nil, .plateau), (rising, nil, .diverging),
    ]
    for seed in UInt64(1)...5 {
      for (i, (t, v, verdict)) in cases.enumerated() {
        let d = diagnose(series("loss", noise: noise, seed: seed, t), v.map { series("val_loss", noise: noise, seed: seed + 100, $0) })
        #expect(d.verdict == verdict, "case \(i) noise \(noise) seed \(seed): \(d.evidence)")
        #expect(d.flags.isEmpty, "case \(i) noise \(noise) seed \(seed): \(d.flags)")
      }
    }
  }

  @Test func verdictsWithOtherSmoothers() {
    for smoother in [LogSmoother.none, .movingAverage(window: 9), .ema(weight: 0.9)] {
      let learning = diagnose(series("loss", noise: 0.02, seed: 3, falling), series("val_loss", noise: 0.02, seed: 4, falling2), smoother: smoother)
      #expect(learning.verdict == .learning)
      let plateau = diagnose(series("loss", noise: 0.02, seed: 3, flat), series("val_loss", noise: 0.02, seed: 4, flat), smoother: smoother)
      #expect(plateau.verdict == .plateau, "\(smoother): \(plateau.evidence)")
    }
  }

  @Test func nanFlag() {
    var train = series("loss", noise: 0.01, seed: 1, falling)
    train.values[50] = .nan
    #expect(diagnose(train, nil).flags == ["nan"])
    var val = series("val_loss", noise: 0.01, seed: 2, falling2)
    val.values[199] = .infinity
    #expect(diagnose(series("loss", noise: 0.01, seed: 1, falling), val).flags == ["nan"])
  }

  @Test func spikeFlag() {
    var train = series("loss", noise: 0.01, seed: 1, flat)
    train.values[180] = 3
    #expect(diagnose(train, nil).flags.contains("spike"))
    // A spike before the window is history, not a flag.
    var early = series("loss", noise: 0.01, seed: 1, flat)
    early.values[20] = 3
    #expect(!diagnose(early, nil).flags.contains("spike"))
  }

  @Test func oscillatingFlag() {
    for noise in [0.0, 0.02] {
      let train = series("loss", noise: noise, seed: 9) { 0.7 + ($0.truncatingRemainder(dividingBy: 2) == 0 ? 0.2 : -0.2) }
      let d = diagnose(train, series("val_loss", noise: noise, seed: 10, flat))
      #expect(d.verdict == .plateau)
      #expect(d.flags == ["oscillating"], "\(d.evidence)")
    }
  }

  @Test func evidenceHasBothSlopesAndNoComma() {
    let d = diagnose(series("loss", noise: 0.01, seed: 1, falling), series("val_loss", noise: 0.01, seed: 2, uShape))
    #expect(d.evidence.hasPrefix("lower is better; "))
    #expect(d.evidence.contains("train falling (better) slope -"))
    #expect(d.evidence.contains("val rising (worse) slope "))
    #expect(d.evidence.contains("t="))
    #expect(!d.evidence.contains(","))
    #expect(d.csvRow.hasPrefix("r,loss,val_loss,overfitting,,lower is better; train falling"))
  }

  @Test func trendTStatisticByHand() {
    // y = 10 - x plus residuals +-1 alternating, on x = 0...5. By hand: Sxx = 17.5,
    // sum (x - 2.5) e = -3, so b = -1 - 3/17.5; RSS = 6 - 3^2/17.5; t = b / sqrt(RSS / 4 / Sxx).
    let xs: [Double] = [0, 1, 2, 3, 4, 5]
    let ys = zip(xs, [1.0, -1, 1, -1, 1, -1]).map { 10 - $0 + $1 }
    let b = -1 - 3 / 17.5, rss = 6 - 9 / 17.5
    let t = b / (rss / 4 / 17.5).squareRoot()
    let plain = LogTrend(xs: xs, ys: ys, smoother: .none)
    #expect(abs(plain.slope - b) < 1e-12 && abs(plain.t - t) < 1e-9)
    // The EMA's correlation inflates the standard error by sqrt((1 + W) / (1 - W)) = 2 at W = 0.6.
    let ema = LogTrend(xs: xs, ys: ys, smoother: .ema(weight: 0.6))
    #expect(abs(ema.t - t / 2) < 1e-9)
    #expect(plain.direction == .falling)
  }

  @Test func pairing() {
    #expect(LogPairing.pairs(["loss", "val_loss"]) == [LogPair(train: "loss", val: "val_loss")])
    // A held-out metric without a partner of its name goes with the training loss.
    #expect(LogPairing.pairs(["epoch_x", "train_loss", "val_loss", "val_acc"]) == [LogPair(train: "train_loss", val: "val_loss"), LogPair(train: "train_loss", val: "val_acc")])
    #expect(LogPairing.pairs(["Loss/train", "Loss/val"]) == [LogPair(train: "Loss/train", val: "Loss/val")])
    #expect(LogPairing.pairs(["loss", "learning_rate", "eval_loss"]) == [LogPair(train: "loss", val: "eval_loss")])
    #expect(LogPairing.pairs(["train/acc", "validation/acc"]) == [LogPair(train: "train/acc", val: "validation/acc")])
    #expect(LogPairing.pairs(["loss", "test_accuracy"]) == [LogPair(train: "loss", val: "test_accuracy")])
    #expect(LogPairing.pairs(["val_acc"]) == [LogPair(train: "val_acc", val: nil)])
    #expect(LogPairing.pairs(["train_loss", "val"]) == [LogPair(train: "train_loss", val: "val")])
    #expect(LogPairing.pairs(["loss", "eval/loss_epoch"]) == [LogPair(train: "loss", val: "eval/loss_epoch")])
    #expect(LogPairing.pairs(["loss", "lr"]) == [LogPair(train: "loss", val: nil)])
    #expect(LogPairing.pairs(["accuracy"]) == [LogPair(train: "accuracy", val: nil)])
    #expect(LogPairing.pairs(["a", "b"], train: "b", val: "a") == [LogPair(train: "b", val: "a")])
    #expect(!LogPairing.isHeldOut("interval_loss") && LogPairing.isHeldOut("loss_val"))
    #expect(LogPairing.selected("val_loss", ["*loss"]) && !LogPairing.selected("lr", ["*loss"]))
  }

  // MARK: - Direction, enough points, flat or noisy

  /// `1 - loss / 3`: an accuracy that moves as the loss does, the other way.
  func mirrored(_ f: @escaping (Double) -> Double) -> (Double) -> Double { { 1 - f($0) / 3 } }

  @Test(arguments: [0.0, 0.01])
  func accuraciesAreJudgedHigherIsBetter(noise: Double) {
    let cases: [((Double) -> Double, ((Double) -> Double)?, LogDiagnosis.Verdict)] = [
      (falling, falling2, .learning), (falling, uShape, .overfitting), (flat, flat, .plateau), (rising, rising, .diverging),
      (falling, nil, .learning), (rising, nil, .diverging),
    ]
    for seed in UInt64(1)...3 {
      for (i, (t, v, verdict)) in cases.enumerated() {
        let d = diagnose(series("accuracy", noise: noise / 3, seed: seed, mirrored(t)),
                         v.map { series("val_accuracy", noise: noise / 3, seed: seed + 100, mirrored($0)) })
        #expect(d.verdict == verdict, "case \(i) noise \(noise) seed \(seed): \(d.evidence)")
        #expect(d.goal == .max && d.evidence.hasPrefix("higher is better; "))
      }
    }
    let improving = diagnose(series("accuracy", noise: 0, seed: 1, mirrored(falling)), nil)
    #expect(improving.evidence.contains("train rising (better) slope"), "\(improving.evidence)")
  }

  @Test func aMetricOfUnknownDirectionIsShownButNotJudged() {
    let train = series("reward", noise: 0.01, seed: 1, falling)
    let d = diagnose(train, nil)
    #expect(d.verdict == .unjudged && !d.verdict.stands)
    #expect(d.evidence.contains("direction unknown"), "\(d.evidence)")
    let judged = LogDiagnosis(run: "r", pair: LogPair(train: "reward", val: nil), train: train, val: nil, smoother: .ema(weight: 0.6),
                              window: nil, axis: .step, goal: .max, valGoal: nil)
    #expect(judged.verdict == .diverging)
    // A training loss with a held-out accuracy: each by its own goal.
    let loss = series("loss", noise: 0.01, seed: 1, falling)
    let worse = diagnose(loss, series("eval_accuracy", noise: 0.003, seed: 2, mirrored(uShape)))
    #expect(worse.verdict == .overfitting && worse.evidence.hasPrefix("train lower is better; val higher is better; "), "\(worse.evidence)")
    #expect(diagnose(loss, series("eval_accuracy", noise: 0.003, seed: 2, mirrored(falling2))).verdict == .learning)
  }

  @Test func noVerdictFromFewerThanFivePoints() {
    let train = series("loss", noise: 0.01, seed: 1, falling)
    for n in 1...4 {
      let val = LogSeries(metric: "val_loss", xs: (0..<n).map { Double($0 * 50 + 49) }, values: (0..<n).map { 1 + Double($0) })
      let d = diagnose(train, val)
      #expect(d.verdict == .tooFewPoints && !d.verdict.stands)
      let needs = "val has \(n) point\(n == 1 ? "" : "s") in the window, needs 5"
      #expect(d.shortfall == needs && d.evidence.contains(needs), "\(d.evidence)")
      #expect(!d.evidence.contains("train has"))
    }
    let short = LogSeries(metric: "loss", xs: [0, 1, 2], values: [3, 2, 1])
    #expect(diagnose(short, nil).shortfall == "train has 3 points in the window, needs 5")
    let five = LogSeries(metric: "val_loss", xs: [100, 120, 140, 160, 180], values: [2, 1.8, 1.6, 1.4, 1.2])
    #expect(diagnose(train, five).verdict == .learning)
    // An explicit window of fewer points is too few as well.
    let d = LogDiagnosis(run: "r", pair: LogPair(train: "loss", val: nil), train: train, val: nil, smoother: .none, window: 3, axis: .step)
    #expect(d.verdict == .tooFewPoints && d.shortfall == "train has 3 points in the window, needs 5")
  }

  @Test func aSeriesThatMovesTenPercentIsNeverFlat() {
    var noisy = 0
    for seed in UInt64(1)...300 {
      var rng = LogTestRandom(seed: seed)
      let n = 5 + Int(rng.uniform() * 40)
      var level = 1.0
      var ys: [Double] = []
      for _ in 0..<n {
        level *= exp(0.1 * rng.normal())
        ys.append(level * (rng.uniform() < 0.05 ? 3 : 1))  // a random walk with spikes
      }
      let trend = LogTrend(xs: (0..<n).map(Double.init), ys: LogSmoother.ema(weight: 0.6).apply(ys), smoother: .ema(weight: 0.6))
      if abs(trend.change) >= 0.1 { #expect(trend.direction != .flat, "seed \(seed): \(trend.evidence(.step))") }
      if trend.direction == .noisy { noisy += 1; #expect(abs(trend.t) < 3 && abs(trend.change) >= 0.1) }
    }
    #expect(noisy > 10)
    // A spike at the end: a large fitted change, a slope that is not significant.
    var spike = Array(repeating: 0.5, count: 30)
    for i in spike.indices { spike[i] += i % 2 == 0 ? 0.01 : -0.01 }
    spike[27] = 5
    let d = diagnose(LogSeries(metric: "loss", xs: (0..<30).map(Double.init), values: spike), nil, smoother: .none)
    #expect(d.verdict == .noisy, "\(d.evidence)")
  }

  @Test func everyCombinationFollowsTheTable() {
    typealias M = LogDiagnosis.Move
    let table: [(M, M?, LogDiagnosis.Verdict)] = [
      (.worse, nil, .diverging), (.worse, .better, .diverging), (.worse, .flat, .diverging), (.worse, .worse, .diverging), (.worse, .noisy, .diverging),
      (.noisy, nil, .noisy), (.noisy, .better, .noisy), (.noisy, .flat, .noisy), (.noisy, .worse, .noisy), (.noisy, .noisy, .noisy),
      (.better, .noisy, .noisy), (.flat, .noisy, .noisy),
      (.better, nil, .learning), (.better, .better, .learning), (.better, .flat, .overfitting), (.better, .worse, .overfitting),
      (.flat, .better, .dataProblem), (.flat, nil, .plateau), (.flat, .flat, .plateau), (.flat, .worse, .overfitting),
    ]
    for (train, val, verdict) in table {
      #expect(LogDiagnosis.verdict(train, val) == verdict, "\(train) \(String(describing: val))")
    }
  }
}
