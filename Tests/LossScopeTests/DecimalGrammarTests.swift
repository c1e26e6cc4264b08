// The one decimal grammar: the same verdict for the same text wherever a number is read, and
// exactly the Double a correct parser (strtod in the C locale) gives for every text it accepts.

import Foundation
import Testing

@testable import LossData
@testable import LossText
@testable import Plot

@Suite struct DecimalGrammarTests {
  func cell(_ text: String) -> Result<Double, DecimalText.Refusal> {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { CSVScanner.number($0, 0..<bytes.count) }
  }

  func strtodValue(_ text: String) -> Double {
    text.withCString { strtod($0, nil) }
  }

  @Test func acceptedTextsEqualStrtod() {
    var rng = SeededGenerator(state: 1)
    var texts: [String] = ["0", "1", "0.5", "-0", "-0.25", "+0.125", "1.", ".5", "0.1", "0.9", "0.30000000000000004",
                           "0.0028131729923188686", "0.99999999999999989", "1.0000000000000000", "0.000000000000000000000000001",
                           "1e-5", "1E+05", "2.5e-308", "4.9e-324", "1.7976931348623157e308", "123456789012345678901234567890"]
    for _ in 0..<20_000 {
      let x = Double.random(in: 0...1, using: &rng)
      texts.append("\(x)")
      texts.append("\(Double(Float(x)))")
      texts.append(String(Float(x)))
      let digits = Int.random(in: 1...19, using: &rng)
      texts.append("0." + String((0..<digits).map { _ in "0123456789".randomElement(using: &rng)! }))
      texts.append("\(Double.random(in: -1e300...1e300, using: &rng))")
    }
    var mismatches: [String] = []
    for t in texts {
      let v = try? cell(t).get()
      if v != strtodValue(t) || v?.sign != strtodValue(t).sign { mismatches.append(t) }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
  }

  /// The policy written at the top of DecimalText.swift, case by case.
  @Test func theOddNumbersGetTheirVerdicts() {
    let verdicts: [(String, Result<Double, DecimalText.Refusal>)] = [
      ("0x10", .failure(.hexadecimal)), ("0x1p-2", .failure(.hexadecimal)), ("-0X1", .failure(.hexadecimal)),
      ("1_0", .failure(.separator)), (".5", .success(0.5)), ("5.", .success(5)), ("+0.5", .success(0.5)),
      ("1e-400", .failure(.underflow)), ("1e400", .failure(.overflow)), ("-1e400", .failure(.overflow)),
      ("nan", .failure(.nonFinite)), ("inf", .failure(.nonFinite)), ("-Infinity", .failure(.nonFinite)),
      ("NaN", .failure(.nonFinite)), ("", .failure(.empty)), ("-", .failure(.notANumber)), (".", .failure(.notANumber)),
      ("1e", .failure(.notANumber)), ("1..2", .failure(.notANumber)), ("--1", .failure(.notANumber)),
      ("\t1", .failure(.notANumber)), ("\u{0B}1", .failure(.notANumber)), ("\u{0C}1", .failure(.notANumber)),
      ("0.5x", .failure(.notANumber)), ("1 2", .failure(.notANumber)), ("1e-310", .success(1e-310)), ("0e-400", .success(0)),
    ]
    for (text, expected) in verdicts {
      #expect(DecimalText.parse(text) == expected, "\(text)")
    }
    // Logs read Python's non-finite tokens as points; everything else the same.
    #expect(DecimalText.parse("nan", nonFinite: .pythonTokens).map(\.isNaN) == .success(true))
    #expect(DecimalText.parse("-inf", nonFinite: .pythonTokens) == .success(-.infinity))
    #expect(DecimalText.parse("0x10", nonFinite: .pythonTokens) == .failure(.hexadecimal))
  }

  @Test func cellsAllowSpacesAndQuotesAroundTheNumberOnly() {
    #expect(cell(" 0.5 ") == .success(0.5) && cell("\"0.25\"") == .success(0.25) && cell(" \" 2 \" ") == .success(2))
    #expect(cell("0x1p-2") == .failure(.hexadecimal) && cell("\"\"") == .failure(.empty))
  }
}

/// A name holding ESC, a C1 control, U+202E or U+2066 is shown escaped wherever it is drawn:
/// the grid itself never holds one, whichever caller forgot.
@Suite struct EscapedNamesTests {
  @Test func noGridCellHoldsAControlOrABidiMark() {
    var grid = Grid(width: 40, height: 1)
    _ = grid.put("a\u{1B}[2Jb\u{9B}c\u{202E}d\u{2066}e", x: 0, y: 0)
    let text = grid.lines().joined()
    #expect(!text.unicodeScalars.contains { TerminalEscape.needsEscape($0) })
    #expect(text.hasPrefix("a\\e[2Jb\\u{9b}c\\u{202e}d\\u{2066}e"))
  }

  @Test func csvCellsAndCommentsStayOneCellAndOneLine() {
    #expect(CSVText.cell("lo\u{202E}ss") == "lo\\u{202e}ss")
    #expect(CSVText.cell("a,b\"c") == "\"a,b\"\"c\"")
    #expect(CSVText.cell("x\ny") == "x\\ny")
    #expect(CSVText.comment("run\r\n# header,x") == "run\\r\\n# header,x")
  }

  @Test func theLogChartShowsATagEscaped() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lossscope-esc-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("m\u{2066}.csv").path
    try "step,lo\u{202E}ss\n1,1\n2,0.5\n3,0.4\n".write(toFile: path, atomically: true, encoding: .utf8)
    let r = try run(["log", path, "--plot", "--width", "200", "--height", "12"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!r.stdout.unicodeScalars.contains { TerminalEscape.needsEscape($0) && $0 != "\n" })
    #expect(r.stdout.contains("lo\\u{202e}ss"), "\(r.stdout)")
  }
}

/// Readout digits are the exact binary value rounded once, as printf and Python round it.
@Suite struct NumberTextTests {
  @Test func significantDigitsRoundTheExactValue() {
    #expect(NumberText.significant(2 * 0.05 * 0.95 * 0.95) == "0.0902")  // 0.0902499999... in binary
    #expect(NumberText.significant(0.95) == "0.950" && NumberText.significant(3) == "3.00")
    #expect(NumberText.significant(0.00005) == "5.00e-05" && NumberText.significant(1234567) == "1.23e+06")
    #expect(NumberText.significant(999.5) == "1000" && NumberText.significant(-0.0290) == "-0.0290")
    #expect(NumberText.significant(0.000123456, digits: 4) == "0.0001235")
  }
}
