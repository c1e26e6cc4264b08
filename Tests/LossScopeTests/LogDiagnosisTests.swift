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
    #expect(d.evidence.contains("train falling slope -"))
    #expect(d.evidence.contains("val rising slope "))
    #expect(d.evidence.contains("t="))
    #expect(!d.evidence.contains(","))
    #expect(d.csvRow.hasPrefix("r,loss,val_loss,overfitting,,train falling"))
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
    #expect(LogPairing.pairs(["epoch_x", "train_loss", "val_loss", "val_acc"]) == [LogPair(train: "train_loss", val: "val_loss")])
    #expect(LogPairing.pairs(["Loss/train", "Loss/val"]) == [LogPair(train: "Loss/train", val: "Loss/val")])
    #expect(LogPairing.pairs(["loss", "learning_rate", "eval_loss"]) == [LogPair(train: "loss", val: "eval_loss")])
    #expect(LogPairing.pairs(["train/acc", "validation/acc"]) == [LogPair(train: "train/acc", val: "validation/acc")])
    #expect(LogPairing.pairs(["loss", "test_accuracy"]) == [LogPair(train: "loss", val: nil)])
    #expect(LogPairing.pairs(["train_loss", "val"]) == [LogPair(train: "train_loss", val: "val")])
    #expect(LogPairing.pairs(["loss", "eval/loss_epoch"]) == [LogPair(train: "loss", val: "eval/loss_epoch")])
    #expect(LogPairing.pairs(["loss", "lr"]) == [LogPair(train: "loss", val: nil)])
    #expect(LogPairing.pairs(["accuracy"]) == [LogPair(train: "accuracy", val: nil)])
    #expect(LogPairing.pairs(["a", "b"], train: "b", val: "a") == [LogPair(train: "b", val: "a")])
    #expect(!LogPairing.isHeldOut("interval_loss") && LogPairing.isHeldOut("loss_val"))
    #expect(LogPairing.selected("val_loss", ["*loss"]) && !LogPairing.selected("lr", ["*loss"]))
  }
}
