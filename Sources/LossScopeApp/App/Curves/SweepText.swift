// What `=` accepts beyond one value: a list `0,0.5,1,2,5` or a range `0.05..1` (`:n` values,
// geometric for log-scale parameters), each value checked as a typed one is.

import Losses
import LossData
import LossLogs
import LossText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `x` rounded to 12 significant digits: 0.1 * 7 is 0.7000000000000001, which no user typed.
func tidy(_ x: Double) -> Double {
  guard x.isFinite, x != 0 else { return x }
  let exponent = Int(log10(abs(x)).rounded(.down))
  let digits = 11 - exponent
  let scale = pow(10, Double(abs(digits)))
  let rounded = digits >= 0 ? (x * scale).rounded() / scale : (x / scale).rounded() * scale
  return rounded.isFinite ? rounded : x
}

enum SweepText {
  static let defaultCount = 5

  /// True when the text asks for several values rather than one.
  static func isList(_ text: String) -> Bool { text.contains(",") || text.contains("..") }

  /// The values `text` names for `spec`, in order, without repeats.
  static func parse(_ text: String, _ spec: ParameterSpec, limit: Int) throws(CLIError) -> [Double] {
    var values: [Double] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false).map({ String($0).trimmingCharacters(in: " ") }) {
      if let dots = part.range(of: "..") {
        values += try range(String(part[..<dots.lowerBound]), String(part[dots.upperBound...]), spec)
      } else {
        values.append(try number(part, spec))
      }
    }
    var unique: [Double] = []
    for v in values where !unique.contains(v) { unique.append(v) }
    guard unique.count >= 2 else { throw CLIError("\(spec.name)=\(text) names one value: type it without a comma") }
    guard unique.count <= limit else { throw CLIError("\(spec.name)=\(text) names \(unique.count) values; at most \(limit) fit") }
    return unique
  }

  private static func number(_ text: String, _ spec: ParameterSpec) throws(CLIError) -> Double {
    do { return try spec.parse(text) } catch { throw CLIError(error.description) }
  }

  /// `a..b` or `a..b:n`: n values from a to b, evenly or (log scale) geometrically spaced.
  private static func range(_ lo: String, _ rest: String, _ spec: ParameterSpec) throws(CLIError) -> [Double] {
    let parts = rest.split(separator: ":", maxSplits: 1).map(String.init)
    let a = try number(lo, spec), b = try number(parts.first ?? "", spec)
    var n = defaultCount
    if parts.count == 2 {
      guard let count = Int(parts[1]), count >= 2, count <= 100 else {
        throw CLIError("\(spec.name): the count after ':' must be a whole number from 2 to 100, not '\(parts[1])'")
      }
      n = count
    }
    guard a != b else { throw CLIError("\(spec.name): the range \(lo)..\(parts.first ?? "") is empty") }
    let geometric = spec.scale == .log && a > 0 && b > 0
    var values: [Double] = []
    for i in 0..<n {
      let t = Double(i) / Double(n - 1)
      var v = i == n - 1 ? b : tidy(geometric ? a * pow(b / a, t) : a + t * (b - a))
      if spec.kind == .integer { v = v.rounded() }
      // Round-off must not leave the range the user typed.
      v = min(max(v, min(a, b)), max(a, b))
      if spec.contains(v) { values.append(v) }
    }
    return values
  }
}
