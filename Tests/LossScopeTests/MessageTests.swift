// Messages that echo untrusted text stay one short, escaped line; numbers are read one way everywhere.

import Foundation
import Losses
import Testing

@testable import LossScopeApp
import LossText
@testable import LossData
@testable import LossLogs

/// True when `text` is one line with no byte below 0x20 but the final newline, and no DEL or C1 control.
func isOneCleanLine(_ text: String) -> Bool {
  guard text.hasSuffix("\n") else { return false }
  return !text.dropLast().unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }
}

@Suite struct MessageTests {
  @Test func escapingShowsControlsAndCutsLongText() {
    #expect("a\nb\u{1B}[31m\u{9B}\t\u{7F}".escapedForTerminal() == "a\\nb\\e[31m\\u{9b}\\t\\u{7f}")
    #expect("ok é ⣿".escapedForTerminal() == "ok é ⣿")
    let long = String(repeating: "7", count: 10_000).escapedForTerminal(limit: 50)
    #expect(long.count == 51 && long.hasSuffix("…"))
    #expect("\u{202E}evil".escapedForTerminal() == "\\u{202e}evil")
  }

  @Test(arguments: [
    ["export", "focal", "gamma=\u{1B}]0;x\u{07}\n2"],
    ["export", "foc\u{1B}[2Jal"],
    ["plot", "focal", "g\u{1B}m=1"],
    ["export", "--preset", "no\nsuch"],
    ["export", "focal", "--from", "1\n2"],
    ["export", "focal", "-o", "/nonexistent/\u{1B}[31m/x.csv"],
    ["export", "focal", "--bogus\u{1B}"],
  ])
  func untrustedTextIsEscapedInOneLine(arguments: [String]) throws {
    let r = try run(arguments)
    #expect(r.status == 1 || r.status == 2, "\(r.status)")
    #expect(isOneCleanLine(r.stderr), "\(r.stderr.debugDescription)")
    #expect(r.stdout.isEmpty)
  }

  @Test func aHugeValueGivesAShortMessage() throws {
    let r = try run(["export", "focal", "gamma=" + String(repeating: "9", count: 10_000) + "x"])
    #expect(r.status == 1 && r.stderr.utf8.count < 300 && r.stderr.contains("…"), "\(r.stderr.utf8.count)")
  }

  @Test func hexadecimalIsRefusedEverywhere() throws {
    for arguments in [["focal", "gamma=0x1p1"], ["focal", "gamma=-0x1p1"], ["focal", "gamma= 0X2"], ["focal", "--from", "0x1p-2"], ["focal", "--to", "-0x1p-1"]] {
      let r = try run(["export"] + arguments)
      #expect(r.status != 0 && isOneCleanLine(r.stderr) && r.stderr.contains("0"), "\(arguments): \(r.stderr)")
    }
    var p = Catalog.view(named: "focal")!.defaults
    #expect(throws: ParameterError.self) { try p.set("gamma", text: "0x1p1") }
    #expect(DecimalText.value("2e-1") == 0.2 && DecimalText.value("0x10") == nil && DecimalText.value("inf") == nil)
  }

  @Test func aNonIntegerWhereAnIntegerIsNeededSaysSo() throws {
    let bins = try run(["export", "ghmc", "bins=2.5"])
    #expect(bins.stderr == "Error: bins=2.5 is not an integer\n")
    let points = try run(["export", "focal", "--points", "2.5"])
    #expect(points.stderr.contains("'2.5' is not an integer"), "\(points.stderr)")
    let grid = try run(["export", "circle-plane", "--grid", "1e3"])
    #expect(grid.stderr.contains("is not an integer") || grid.stderr.contains("'1e3'"), "\(grid.stderr)")
  }

  @Test func repeatingAnOptionIsRefusedLikeRepeatingAParameter() throws {
    let twice = try run(["export", "focal", "--from", "0.1", "--from=0.2"])
    #expect(twice.status == 1 && twice.stderr == "Error: --from is given twice; give each option once\n")
    let param = try run(["export", "focal", "gamma=1", "gamma=2"])
    #expect(param.status == 1 && param.stderr.contains("gamma is given twice"))
    let preset = try run(["export", "--preset", "retinanet", "gamma=1", "gamma=2"])
    #expect(preset.status == 1 && preset.stderr.contains("gamma is given twice"), "\(preset.stderr)")
    // A negative value after an option is its value, not an option.
    let negative = try run(["export", "triplet", "--from", "0.5", "--to", "2", "--points", "3"])
    #expect(negative.status == 0, "\(negative.stderr)")
    #expect(ArgumentChecks.repeatedOption(["--to", "-1", "--from", "-1"]) == nil)
    #expect(ArgumentChecks.repeatedOption(["-o", "a", "-ob"]) == "-o")
    #expect(ArgumentChecks.repeatedOption(["--predictions", "a", "--predictions", "b"]) == nil)
  }

  @Test(arguments: ["circle-plane", "margins"])
  func planesRefuseARange(view: String) throws {
    for command in ["export", "plot"] {
      for option in [["--from", "0.1"], ["--to", "0.5"], ["--points", "10"]] {
        let r = try run([command, view] + option)
        #expect(r.status == 1 && r.stderr.contains("\(option[0]) does not apply to the 2-D view \(view)"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
      }
    }
  }
}

@Suite struct AsciiFallbackTests {
  @Test func plotUnderACLocaleIsASCIIAndTheVariableForcesEitherWay() throws {
    let c = try run(["plot", "focal", "--width", "60", "--height", "15"], environment: ["LC_ALL": "C", "LANG": "C"])
    #expect(c.status == 0 && c.stdout.unicodeScalars.allSatisfy { $0.isASCII } && c.stdout.contains("+"), "\(c.stdout)")
    let forcedOff = try run(["plot", "focal", "--width", "60", "--height", "15"], environment: ["LC_ALL": "C", "LOSSSCOPE_ASCII": "0"])
    #expect(forcedOff.stdout.contains("│"))
    let forcedOn = try run(["plot", "focal", "gamma=0,1", "--width", "60", "--height", "15"], environment: ["LC_ALL": "C.UTF-8", "LOSSSCOPE_ASCII": "1"])
    #expect(forcedOn.stdout.unicodeScalars.allSatisfy { $0.isASCII }, "\(forcedOn.stdout)")
    let utf8 = try run(["plot", "focal", "--width", "60", "--height", "15"], environment: ["LC_ALL": "C.UTF-8"])
    #expect(!utf8.stdout.unicodeScalars.allSatisfy { $0.isASCII })
  }

  @Test func glyphsMapToOneASCIICharacterEach() {
    #expect(AsciiFallback.line("┌─┐│⣿⠉⣀⠀█▁γ") == "+-+|:'. #_g")
  }
}
