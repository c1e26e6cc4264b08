// The CSV reader's own decimal parsing gives exactly strtod's Double, for every form it accepts.

import Foundation
import Testing

@testable import LossScopeApp

@Suite struct CSVNumberTests {
  func parsed(_ text: String) -> Double? {
    let bytes = Array(text.utf8) + [0]
    return bytes.withUnsafeBufferPointer { parseNumber($0, 0..<(bytes.count - 1)) }
  }

  func strtodValue(_ text: String) -> Double {
    text.withCString { strtod($0, nil) }
  }

  @Test func shortAndLongDecimalsEqualStrtod() {
    var rng = SystemRandomNumberGenerator()
    var texts: [String] = ["0", "1", "0.5", "-0", "-0.25", "+0.125", "1.", ".5", "0.1", "0.9", "0.30000000000000004",
                           "0.0028131729923188686", "0.99999999999999989", "1.0000000000000000", "0.000000000000000000000000001"]
    for _ in 0..<20_000 {
      let x = Double.random(in: 0...1, using: &rng)
      texts.append("\(x)")  // Swift's shortest form, up to 17 digits
      texts.append("\(Double(Float(x)))")  // a float32 widened: Python's repr of a numpy float32 list
      texts.append(String(Float(x)))  // a float32's own shortest form
      let digits = Int.random(in: 1...19, using: &rng)
      texts.append("0." + String((0..<digits).map { _ in "0123456789".randomElement(using: &rng)! }))
    }
    var mismatches: [String] = []
    for t in texts where !t.contains("e") {
      if parsed(t) != strtodValue(t) || parsed(t)?.sign != strtodValue(t).sign { mismatches.append(t) }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
  }

  @Test func whatIsNotEntirelyANumberIsNil() {
    for t in ["", "-", ".", "abc", "0.5x", "1..2", "0x", "nan", "0.5 1", "--1"] { #expect(parsed(t) == nil, "\(t)") }
    #expect(parsed(" 0.5 ") == 0.5 && parsed("\"0.25\"") == 0.25 && parsed("1e-3") == 0.001 && parsed("0x1p-2") == 0.25)
  }
}
