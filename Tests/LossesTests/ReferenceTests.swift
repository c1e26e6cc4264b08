// Each view against the LOSSES.md formula typed out directly (no stability tricks) at moderate values.

import Losses
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct ReferenceTests {
  @Test(arguments: allSettings.filter { $0.0 != "ghmc" && $0.0 != "ghmr" && $0.1["axis"] != "logit" })
  func matchesTheFormulaAsWritten(view: String, settings: [String: String]) {
    let b = build(view, settings)
    var numbers: [String: Double] = [:]
    for key in settings.keys where key != "axis" { numbers[key] = b.parameters[key] }
    let axis = b.axis
    let angular = view == "arcface" || view == "cosface" || view == "sphereface"
    // The plain formulas lose relative accuracy where the loss underflows towards 0, and the
    // angular grads come from a finite difference, so small values are compared absolutely.
    let tolerance: Double = angular ? 1e-5 : 1e-10
    let gradFloor: Double = angular ? 1e-7 : 1e-13
    for x in interior(axis.from, axis.to, count: 57) {
      let (loss, grad) = naive(view, numbers, axis.name, x)
      guard loss.isFinite, grad.isFinite, loss < 1e12 else { continue }
      let got = b(x)
      #expect(close(got.loss, loss, rel: tolerance) || abs(got.loss - loss) < 1e-13,
              "\(view) \(settings) x \(x): loss \(got.loss) vs \(loss)")
      #expect(close(got.grad, grad, rel: tolerance) || abs(got.grad - grad) < gradFloor,
              "\(view) \(settings) x \(x): grad \(got.grad) vs \(grad)")
    }
  }
}
