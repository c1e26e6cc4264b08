// Parsing `VIEW name=value ... + VIEW`: values, sweeps, and the message for every kind of mistake.

import Losses
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

func parseError(_ arguments: [String]) -> String? {
  do {
    _ = try ViewArguments.parse(arguments)
    return nil
  } catch {
    return error.description
  }
}

@Suite struct ViewArgumentsTests {
  @Test func readsParametersSweepsAndSeveralViews() throws {
    let requests = try ViewArguments.parse(["ce", "+", "focal", "gamma=0,0.5,2", "alpha=0.25", "axis=logit"])
    #expect(requests.map(\.info.name) == ["ce", "focal"])
    let focal = requests[1]
    #expect(focal.parameters["alpha"] == 0.25)
    #expect(focal.parameters.choice("axis") == "logit")
    #expect(focal.sweeps.map(\.name) == ["gamma"])
    #expect(focal.sweeps[0].values == [0, 0.5, 2])
    #expect(focal.expanded().map { $0.parameters["gamma"] } == [0, 0.5, 2])
    #expect(focal.summary == "focal gamma=0,0.5,2 alpha=0.25")
  }

  @Test func twoSweepsMakeEveryCombination() throws {
    let r = try ViewArguments.parse(["focal", "gamma=0,2", "alpha=0.25,0.5,1"])[0]
    let combos = r.expanded().map { [$0.parameters["gamma"], $0.parameters["alpha"]] }
    #expect(combos == [[0, 0.25], [0, 0.5], [0, 1], [2, 0.25], [2, 0.5], [2, 1]])
  }

  @Test func booleansAndChoicesAreWords() throws {
    let t = try ViewArguments.parse(["triplet", "squared=true", "soft=false"])[0]
    #expect(t.parameters.bool("squared") && !t.parameters.bool("soft"))
    let c = try ViewArguments.parse(["contrastive", "pair=dissimilar"])[0]
    #expect(c.parameters.choice("pair") == "dissimilar")
  }

  @Test func unknownViewSuggestsTheClosestName() {
    #expect(parseError(["focl"]) == "unknown view 'focl' (did you mean 'focal'?); `lossscope list` shows them all")
    #expect(parseError(["zzzzzzzz"])?.hasPrefix("unknown view 'zzzzzzzz'; ") == true)
  }

  @Test func unknownParameterListsTheValidOnes() {
    #expect(parseError(["focal", "gama=2"])
      == "focal has no parameter 'gama' (did you mean 'gamma'?); valid: axis, gamma, alpha")
    #expect(parseError(["center", "margin=1"]) == "center has no parameter 'margin'; valid: lambda")
  }

  @Test(arguments: [
    (["focal", "gamma=abc"], "gamma=abc is not a finite number"),
    (["focal", "gamma=nan"], "gamma=nan is not a finite number"),
    (["focal", "gamma=inf"], "gamma=inf is not a finite number"),
    (["focal", "gamma=-1"], "gamma=-1 is out of range: gamma must be in [0, 10]"),
    (["focal", "alpha=0"], "alpha=0 is out of range: alpha must be in (0, 1]"),
    (["focal", "gamma=11"], "gamma=11 is out of range: gamma must be in [0, 10]"),
    (["infonce", "negatives=2.5"], "negatives=2.5 is not an integer"),
    (["triplet", "squared=yes"], "squared=yes is not one of false, true"),
    (["focal", "axis=theta"], "axis=theta is not one of pt, logit"),
    (["focal", "gamma"], "expected name=value after 'focal', got 'gamma'"),
    (["focal", "=2"], "expected name=value after 'focal', got '=2'"),
    (["focal", "gamma=1", "gamma=2"], "gamma is given twice"),
    (["focal", "gamma=1,"], "gamma= is not a finite number"),
    (["focal", "axis=pt,logit"], "axis cannot be swept: plot each axis separately"),
    (["circle", "sp=0.5"], "sp applies to circle only with axis=sn (the axis is sp)"),
    (["ce", "+"], "'+' must be followed by a view"),
    ([], "name a view (see `lossscope list`)"),
  ] as [([String], String)])
  func mistakesGetOneClearLine(arguments: [String], message: String) {
    #expect(parseError(arguments) == message)
  }

  @Test func viewsOnDifferentAxesCannotShareATable() throws {
    let requests = try ViewArguments.parse(["ce", "+", "circle"])
    #expect(throws: CLIError.self) { try Sampling.sharedAxis(requests) }
    let same = try ViewArguments.parse(["ce", "+", "focal", "+", "ghmc"])
    #expect(try Sampling.sharedAxis(same).name == "pt")
  }

  @Test func gridBoundsAreChecked() throws {
    let pt = Catalog.view(named: "ce")!.axes[0]
    #expect(throws: CLIError.self) { try Sampling.grid(axis: pt, from: 0, to: 0.5, points: 10) }
    #expect(throws: CLIError.self) { try Sampling.grid(axis: pt, from: 0.5, to: 1, points: 10) }
    #expect(throws: CLIError.self) { try Sampling.grid(axis: pt, from: 0.5, to: 0.5, points: 10) }
    #expect(throws: CLIError.self) { try Sampling.grid(axis: pt, from: 0.6, to: 0.5, points: 10) }
    #expect(throws: CLIError.self) { try Sampling.grid(axis: pt, from: nil, to: nil, points: 1) }
    #expect(throws: CLIError.self) { try Sampling.grid(axis: pt, from: .nan, to: nil, points: 10) }
    let g = try Sampling.grid(axis: pt, from: nil, to: nil, points: nil)
    #expect(g == SampleGrid(from: 0.001, to: 0.999, count: 201))
  }
}
