// The app's GHM explorer: panels, live parameters, export, and a file's population in the ghmc view.

import Losses
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct GHMViewTests {
  @Test func explorerShowsThePanelsAndReactsToItsParameters() {
    var s = fresh()
    _ = press([.char("v")] + typed("ghm") + [.enter], &s)
    // `ghm` is both a prefix of ghmc and the explorer's name: the exact name wins.
    #expect(s.ghm != nil)
    #expect(s.selectedParameter?.spec.name == "bins")
    let text = Screen.render(s).text
    for panel in ["count of g per bin", "weight beta per bin", "reweighted gradient norm", "total weight per bin"] {
      #expect(text.contains(panel), "\(panel)")
    }
    // Bins and samples are on a log scale: + goes up the 1-2-5 ladder, > by a finer one.
    _ = press([.char("+")], &s)
    #expect(s.ghm!.last.count == 50)
    _ = press([.char(">")], &s)
    #expect(s.ghm!.last.count == 60)
    _ = press([.tab, .tab, .tab, .char("+")], &s)  // samples
    #expect(s.ghm!.binned.g.count == 200_000)
    _ = press([.char("e")], &s)
    guard case .writeFile(_, let contents, _, _)? = press([.enter], &s).first else { Issue.record("no export"); return }
    #expect(contents.contains("batch,bin,lo,hi,count,density,weight,ce_norm,focal_norm,ghm_norm,ce_total,focal_total,ghm_total"))
  }

  @Test func theGHMCViewFollowsTheExplorersPopulation() {
    var s = fresh()
    _ = press([.char("v")] + typed("ghm") + [.enter], &s)
    _ = press([.tab, .tab, .tab, .tab, .char("+")], &s)  // hard 0.02 -> 0.03
    #expect(s.ghm!.settings["hard"] == 0.03)
    let expected = s.ghm!.binned.weights(bins: 30, momentum: 0.75)
    _ = press([.char("v")] + typed("ghmc") + [.enter], &s)
    #expect(s.ghm == nil && s.activeView.info.name == "ghmc")
    let beta = s.activeView.evaluate(0.5).grad / 0.5
    #expect(abs(beta - expected[15]) <= 1e-12 * expected[15])
  }

  @Test func theAppsGHMCViewHasTheLibrarysNumbers() {
    // The slot keeps its drawn samples to re-bin them; the numbers must stay export's.
    var slot = ViewSlot(info: GHMC.info)
    var p = GHMC.info.defaults
    for (name, value) in [("bins", 10.0), ("momentum", 0.5), ("hard", 0.1), ("samples", 20000)] {
      try! slot.set(name, to: value)
      try! p.set(name, to: value)
      let reference = GHMC.info.make(p)
      for pt in [0.01, 0.3, 0.55, 0.9, 0.999] { #expect(slot.evaluate(pt) == reference.evaluate(pt), "\(name) at \(pt)") }
    }
  }

  @Test func aFilesPopulationWeighsTheGHMCView() {
    // Uniform g over 4 bins, one batch: every weight is 1 (momentum 0), so ghmc equals ce.
    let g: [Double] = [0.1, 0.3, 0.6, 0.9]
    let population = Population(g: g, batchEnds: [4], source: "test")
    var slot = ViewSlot(info: GHMC.info, population: population)
    try! slot.set("bins", to: 4)
    try! slot.set("momentum", to: 0)
    let ce = CrossEntropy.info.make(CrossEntropy.info.defaults)
    for pt in [0.05, 0.3, 0.5, 0.8] {
      #expect(slot.evaluate(pt) == ce.evaluate(pt))
    }
  }
}
