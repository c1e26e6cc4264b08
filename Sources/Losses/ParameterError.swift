// Why a parameter could not be set: each case reads as a one-line message for the user.

import LossText

public enum ParameterError: Error, Equatable, CustomStringConvertible {
  case unknownParameter(view: String, name: String, valid: [String])
  case notANumber(name: String, text: String, expected: String)
  case outOfRange(name: String, text: String, range: String)
  case notOnThisAxis(name: String, axis: String)

  public var description: String {
    switch self {
    case .unknownParameter(let view, let rawName, let valid):
      let name = rawName.escapedForTerminal(limit: 60)
      let list = valid.isEmpty ? "it has none" : "valid: " + valid.joined(separator: ", ")
      return "\(view) has no parameter '\(name)' (\(list))"
    case .notANumber(let name, let text, let expected):
      return "\(name)=\(text.escapedForTerminal(limit: 60)) is not \(expected)"
    case .outOfRange(let name, let text, let range):
      return "\(name)=\(text.escapedForTerminal(limit: 60)) is out of range: \(name) must be in \(range)"
    case .notOnThisAxis(let name, let axis):
      return "\(name) does not apply on axis=\(axis)"
    }
  }
}

extension ParameterSpec {
  /// Reads a value as typed by a user, checking kind and range; NaN and infinities are refused.
  public func parse(_ text: String) throws(ParameterError) -> Double {
    let trimmed = text.trimmingSpaces
    let names = options
    if !names.isEmpty {
      guard let i = names.firstIndex(where: { $0 == trimmed.lowercased() }) else {
        throw .notANumber(name: name, text: text, expected: "one of " + names.joined(separator: ", "))
      }
      return Double(i)
    }
    let value: Double
    switch DecimalText.parse(trimmed) {
    case .success(let v): value = v
    case .failure(let why):
      let plain = why == .notANumber || why == .empty || why == .nonFinite
      throw .notANumber(name: name, text: text, expected: (kind == .integer ? "an integer" : "a finite number") + (plain ? "" : ": it \(why.reason)"))
    }
    if kind == .integer && value.rounded() != value {
      throw .notANumber(name: name, text: text, expected: "an integer")
    }
    guard contains(value) else { throw .outOfRange(name: name, text: text, range: rangeText) }
    return value
  }
}


