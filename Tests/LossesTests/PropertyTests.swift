// Random in-range parameters and x for every view: finite, non-negative, grad = finite difference.

import Losses
import PropertyBased
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Places each parameter at a fraction of its range (rounded for integers, picked for choices),
/// log-spaced over wide positive ranges so temperature 0.001..10 is explored at every scale.
func parameters(_ info: ViewInfo, at fractions: [Double]) -> Parameters {
  var p = info.defaults
  for (i, spec) in info.parameterSpecs.enumerated() {
    let f = fractions[i % fractions.count]
    var value: Double
    if !spec.isNumeric {
      value = min(Double(spec.options.count - 1), (f * Double(spec.options.count)).rounded(.down))
    } else if spec.lower > 0 && spec.upper / spec.lower > 100 {
      value = spec.lower * exp(f * log(spec.upper / spec.lower))
    } else {
      value = spec.lower + f * (spec.upper - spec.lower)
    }
    if spec.name == "samples" { value = 5000 }  // sampling noise only; keeps the test quick
    if spec.kind == .integer { value = value.rounded() }
    if spec.lowerOpen && value <= spec.lower { value = spec.lower.nextUp }
    if spec.upperOpen && value >= spec.upper { value = spec.upper.nextDown }
    value = min(max(value, spec.lower), spec.upper)
    try! p.set(spec.name, to: value, view: info.name)
  }
  return p
}

@Suite struct PropertyTests {
  @Test func randomParametersGiveFiniteNonNegativeValuesAndMatchingGradients() async {
    let views = Catalog.views
    await propertyCheck(
      count: 400, input: Gen.int(in: 0...(views.count - 1)), Gen.double(in: 0...1).array(of: 8),
      Gen.double(in: 0...1)
    ) { index, fractions, fx in
      let info = views[index]
      let p = parameters(info, at: fractions)
      let axis = info.axis(of: p)
      let built = Built(info: info, parameters: p, view: info.make(p))
      let x = axis.from + fx * (axis.to - axis.from)
      let point = built(x)
      #expect(point.loss.isFinite && point.grad.isFinite, "\(info.name) \(p.summary) at \(x)")
      #expect(point.loss >= 0 && point.grad >= 0, "\(info.name) \(p.summary) at \(x)")
      let chain = axis.name == "pt" || axis.name == "p" ? x * (1 - x) : 1
      let f = frozenLoss(built, at: x) ?? { built($0).loss }
      // Steep settings (scale 1024, temperature 0.001) defeat every finite-difference step far
      // from the minimum; those points are covered by ReferenceTests and the facts instead.
      // A large loss leaves round-off of about 1e-13 loss in a difference at step 1e-3 (nce's
      // noise term, up to 1e8, does not move with x), so that much is allowed on top.
      if case .disagrees(let fd) = FiniteDifference.check(f, grad: point.grad, at: x, chain: chain),
        point.grad < 1e6, point.loss < 1e6,
        abs(fd - point.grad) > 1e-4 * max(fd, point.grad) + 1e-8 + 1e-12 * point.loss
      {
        Issue.record("\(info.name) \(p.summary) axis=\(axis.name) at \(x): grad \(point.grad), finite difference \(fd)")
      }
    }
  }
}
