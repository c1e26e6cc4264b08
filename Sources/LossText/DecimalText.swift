// The one decimal grammar: every number a user types or a file holds, read and refused alike.
//
//   number   = [sign] (digits ["." [digits]] | "." digits) [exponent]
//   sign     = "+" | "-"
//   exponent = ("e" | "E") [sign] digits
//
// Accepted: `.5`, `5.`, `+0.5`, `1e-5`, `1E+05`, subnormals such as `1e-310`.
// Refused, each with its reason: hexadecimal (`0x10`, `0x1p-2`), digit separators (`1_000`),
// whitespace inside the text (callers trim what their format allows around it: CSV spaces and
// quotes, a command line's spaces), `nan` and `inf` in every spelling, values beyond the largest
// double (`1e400`) and non-zero values that would round to 0 (`1e-400`).
// Formats that define their own tokens read them as the format says: a training log's `nan` and
// `inf` (written by Python's csv module and json) are non-finite points, told apart by
// `NonFinite.pythonTokens`; TensorBoard's floats are binary and never text.
// Presets are TOML, whose number grammar differs (it takes `1_000`, `0x10`, `inf`, `nan` and
// refuses `.5`, `5.`): their numbers are not left to TOML but found in the raw text and read
// here (PresetNumbers.swift), so a preset gives this grammar's verdict, `.5` and `5.` included,
// and names the line of a refusal.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public enum DecimalText {
  /// Why a text is not a number this grammar accepts.
  public enum Refusal: Error, Equatable, Sendable {
    case empty, notANumber, hexadecimal, separator, nonFinite, overflow, underflow

    /// The reason, to follow the quoted text: `"0x10" is hexadecimal; write it in decimal`.
    public var reason: String {
      switch self {
      case .empty: return "is empty"
      case .notANumber: return "is not a number"
      case .hexadecimal: return "is hexadecimal; write it in decimal"
      case .separator: return "has a digit separator '_'; write the digits alone"
      case .nonFinite: return "is not a finite number"
      case .overflow: return "is beyond the largest double (about 1.8e308)"
      case .underflow: return "is below the smallest double (about 4.9e-324) and would read as 0"
      }
    }
  }

  /// Whether `nan` and `inf` tokens are values: refused everywhere but in logs.
  public enum NonFinite: Sendable { case refused, pythonTokens }

  /// The number `text` is, or why it is none.
  public static func parse(_ text: some StringProtocol, nonFinite: NonFinite = .refused) -> Result<Double, Refusal> {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBufferPointer { buffer in
      parse(UnsafeBufferPointer(buffer), 0, buffer.count, nonFinite: nonFinite)
    }
  }

  /// The number or nil: for callers that give their own message.
  public static func value(_ text: some StringProtocol) -> Double? {
    if case .success(let v) = parse(text) { return v }
    return nil
  }

  /// The number the bytes `lo..<hi` are, or why not. Hot loops (a CSV of millions of rows) call
  /// `fastValue` first, which this falls back from.
  public static func parse(_ row: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int,
                           nonFinite: NonFinite = .refused) -> Result<Double, Refusal> {
    guard lo < hi else { return .failure(.empty) }
    if let fast = fastValue(row, lo, hi) { return .success(fast) }
    if let token = nonFiniteToken(row, lo, hi) {
      return nonFinite == .pythonTokens ? .success(token) : .failure(.nonFinite)
    }
    // Validate the grammar byte by byte; only then let Swift's correctly rounded parser read it.
    var i = lo
    if row[i] == 43 || row[i] == 45 { i += 1 }
    var digits = 0, nonZero = false, dot = false
    while i < hi {
      let b = row[i]
      if b >= 48 && b <= 57 {
        digits += 1
        if b != 48 { nonZero = true }
      } else if b == 46 && !dot {
        dot = true
      } else {
        break
      }
      i += 1
    }
    guard digits > 0 else { return .failure(classify(row, lo, hi)) }
    if i < hi && (row[i] == 101 || row[i] == 69) {
      i += 1
      if i < hi && (row[i] == 43 || row[i] == 45) { i += 1 }
      var exponentDigits = 0
      while i < hi && row[i] >= 48 && row[i] <= 57 { i += 1; exponentDigits += 1 }
      guard exponentDigits > 0 else { return .failure(classify(row, lo, hi)) }
    }
    guard i == hi else { return .failure(classify(row, lo, hi)) }
    let text = String(decoding: UnsafeBufferPointer(rebasing: row[lo..<hi]), as: UTF8.self)
    guard let value = Double(text) else { return .failure(.notANumber) }
    if value.isInfinite { return .failure(.overflow) }
    if value == 0 && nonZero { return .failure(.underflow) }
    return .success(value)
  }

  /// Why bytes that break the grammar break it: the most telling reason first.
  private static func classify(_ row: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Refusal {
    var i = lo
    if row[i] == 43 || row[i] == 45 { i += 1 }
    if i + 1 < hi && row[i] == 48 && (row[i + 1] | 0x20) == 120 { return .hexadecimal }
    if row[lo..<hi].contains(95) { return .separator }
    return .notANumber
  }

  /// `nan`, `inf`, `infinity` in any case, with a sign: what Python writes for non-finite floats.
  private static func nonFiniteToken(_ row: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Double? {
    var i = lo
    var negative = false
    if row[i] == 43 || row[i] == 45 { negative = row[i] == 45; i += 1 }
    guard hi - i >= 3 && hi - i <= 8 else { return nil }
    var word = ""
    for k in i..<hi { word.unicodeScalars.append(Unicode.Scalar(row[k] | 0x20)) }
    switch word {
    case "nan": return .nan
    case "inf", "infinity": return negative ? -.infinity : .infinity
    default: return nil
    }
  }

  /// `[+-]digits[.digits]` as the same Double a correct parser gives, without one: up to 15
  /// significant digits it is one correctly rounded division of two exact doubles (Clinger's fast
  /// path); up to 19 (what Python's repr writes) a division in Float80, whose rounding to Double is
  /// the correct one unless the quotient sits within an ulp of a halfway point. nil for anything
  /// else, which `parse` then reads the slow way.
  @inline(__always)
  public static func fastValue(_ row: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Double? {
    var i = lo
    let negative = row[i] == 45
    if negative || row[i] == 43 { i += 1 }
    var mantissa: UInt64 = 0, digits = 0, significant = 0, fraction = 0, dot = false
    while i < hi {
      let b = row[i]
      if b == 46 {
        if dot { return nil }
        dot = true
      } else {
        let d = b &- 48
        guard d < 10 else { return nil }
        digits += 1
        if mantissa > 0 || d > 0 { significant += 1 }
        guard significant <= 19 else { return nil }
        mantissa = mantissa &* 10 &+ UInt64(d)
        if dot { fraction += 1 }
      }
      i += 1
    }
    guard digits > 0 else { return nil }
    let value: Double
    if significant <= 15 && fraction <= 22 {
      value = Double(mantissa) / powersOfTen[fraction]
    } else {
      #if arch(x86_64)
        guard fraction <= 27 else { return nil }
        let wide = Float80(mantissa) / widePowersOfTen[fraction]
        let extra = Int(wide.significandBitPattern & 0x7FF)
        guard abs(extra - 0x400) > 1 else { return nil }
        value = Double(wide)
      #else
        return nil
      #endif
    }
    return negative ? -value : value
  }
}

private let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }

#if arch(x86_64)
  private let widePowersOfTen: [Float80] = (0...27).map { k in (0..<k).reduce(Float80(1)) { r, _ in r * 10 } }
#endif

extension String {
  /// The text without the spaces and tabs a command line or a prompt may leave around a value.
  public var trimmingSpaces: String {
    var s = Substring(self)
    while let c = s.first, c == " " { s.removeFirst() }
    while let c = s.last, c == " " { s.removeLast() }
    return String(s)
  }
}
