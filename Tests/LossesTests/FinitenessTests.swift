// Loss and grad stay finite and non-negative over the whole axis at every parameter extreme.

import Losses
import Testing

/// The corners of a view's parameter box: all low, all high, and each parameter alone at either
/// end, for every option of every choice (axis, pair, squared, soft).
func extremeSettings(_ info: ViewInfo) -> [Parameters] {
  let specs = info.parameterSpecs
  func ends(_ s: ParameterSpec) -> [Double] {
    if !s.isNumeric { return Array(0..<s.options.count).map(Double.init) }
    var lo = s.lowerOpen ? s.lower.nextUp : s.lower
    var hi = s.upperOpen ? s.upper.nextDown : s.upper
    // The population size changes sampling noise, not arithmetic; 10^7 samples would only slow the test.
    if s.name == "samples" { (lo, hi) = (1000, 200_000) }
    return [lo, hi]
  }
  var result: [Parameters] = []
  let choices = specs.filter { !$0.isNumeric }
  var choiceCombos: [[String: Double]] = [[:]]
  for c in choices {
    choiceCombos = choiceCombos.flatMap { combo in ends(c).map { combo.merging([c.name: $0]) { $1 } } }
  }
  let numeric = specs.filter(\.isNumeric)
  for combo in choiceCombos {
    var cornerSets: [[String: Double]] = [
      Dictionary(uniqueKeysWithValues: numeric.map { ($0.name, ends($0)[0]) }),
      Dictionary(uniqueKeysWithValues: numeric.map { ($0.name, ends($0)[1]) }),
    ]
    for s in numeric { for v in ends(s) { cornerSets.append([s.name: v]) } }
    for corner in cornerSets {
      var p = info.defaults
      for (name, value) in combo.merging(corner, uniquingKeysWith: { $1 }) {
        try! p.set(name, to: value, view: info.name)
      }
      result.append(p)
    }
  }
  return result
}

@Suite struct FinitenessTests {
  @Test(arguments: Catalog.views.map(\.name))
  func finiteAtTheExtremes(name: String) {
    let info = Catalog.view(named: name)!
    for p in extremeSettings(info) {
      let view = info.make(p)
      for x in edgePoints(info.axis(of: p)) {
        let point = view.evaluate(x)
        let ok = point.loss.isFinite && point.grad.isFinite && point.loss >= 0 && point.grad >= 0
        #expect(ok, "\(name) \(p.summary) axis=\(info.axis(of: p).name) x=\(x): loss \(point.loss) grad \(point.grad)")
        if !ok { return }
      }
    }
  }

  @Test func extremeSettingsCoverBothEnds() {
    let focal = extremeSettings(Catalog.view(named: "focal")!)
    #expect(focal.contains { $0["gamma"] == 10 && $0["alpha"] == 1 })
    #expect(focal.contains { $0["alpha"] == Double.leastNonzeroMagnitude })
    #expect(focal.contains { $0.choice("axis") == "logit" && $0["gamma"] == 0 })
  }
}
