// The one decimal grammar: the same verdict for the same text wherever a number is read, and
// exactly the Double a correct parser (strtod in the C locale) gives for every text it accepts.

import Foundation
import Testing

@testable import LossData
@testable import LossText

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
