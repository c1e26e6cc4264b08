// `lossscope list`: every view named, one view in full, and the help.

import Losses
import Testing
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct ListTests {
  @Test func listNamesEveryViewWithItsFormula() throws {
    let r = try run(["list"])
    #expect(r.status == 0)
    for info in Catalog.views {
      #expect(r.stdout.contains(info.name) && r.stdout.contains(info.formula), "\(info.name)")
    }
    #expect(r.stdout.contains("gamma=2 [0, 10]; alpha=1 (0, 1]"))
  }

  @Test func listOfOneViewIsComplete() throws {
    let r = try run(["list", "circle"])
    #expect(r.status == 0)
    for text in ["Circle loss", "margin", "default 0.25, [0, 1]", "(axis=sn only)", "held constant",
                 "Sun et al. 2020", "grad = |dL/dsp| = scale a_p sigmoid(.)"] {
      #expect(r.stdout.contains(text), "missing \(text)")
    }
    #expect(try run(["list", "nope"]).status != 0)
  }

  @Test func helpNamesTheSubcommands() throws {
    let r = try run(["--help"])
    for name in ["list", "export", "plot"] { #expect(r.stdout.contains(name)) }
  }
}
