// The views of issue #26 against their formulas evaluated to 50 digits (Tests/Scripts/losses_reference.py).

import Losses
import Testing

@Suite struct HighPrecisionTests {
  /// The view a reference row names; asl1 is ghmr with every bin weighing 1, its ASL1 alone.
  static func view(_ name: String, _ settings: [String: String]) -> (LossView, AxisSpec) {
    guard name == "asl1" else {
      let b = build(name, settings)
      return (b.view, b.axis)
    }
    let mu = Double(settings["mu"] ?? "0.02")!
    return (GHMR(mu: mu, weights: [1]), GHMR.info.axes[0])
  }

  @Test func everyRowAgreesWithItsFiftyDigitValue() {
    var worst: (loss: Double, grad: Double) = (0, 0)
    for row in highPrecisionReferences {
      let (v, axis) = Self.view(row.view, row.settings)
      guard let x = Double(row.x), let loss = Double(row.loss), let grad = Double(row.grad) else {
        Issue.record("unreadable row \(row)")
        continue
      }
      #expect(axis.contains(x), "\(row.view) \(row.settings) x \(row.x) outside \(axis.domainText)")
      let got = v.evaluate(x)
      let lossError = abs(got.loss - loss) / max(abs(loss), 1e-300)
      // Where grad is |p - q| (label smoothing's pt - (1 - e + e/K), a soft target's p - q), it is a
      // difference of numbers near 1 whose target carries up to half an ulp of 1e-16 from its parameters.
      let difference = ["label-smoothing", "qfl", "varifocal"].contains(row.view) ? 1e-16 : 0
      let gradError = max(0, abs(got.grad - grad) - difference) / max(abs(grad), 1e-300)
      worst = (max(worst.loss, lossError), max(worst.grad, gradError))
      #expect(lossError <= 1e-13, "\(row.view) \(row.settings) x \(row.x): loss \(got.loss) vs \(loss)")
      #expect(gradError <= 1e-13, "\(row.view) \(row.settings) x \(row.x): grad \(got.grad) vs \(grad)")
    }
    print("worst relative errors: loss \(worst.loss), grad \(worst.grad)")
  }
}
