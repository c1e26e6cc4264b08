// One `name=value` word of a command line: split once, and its name checked against a view's
// parameters with one message, for curve views, 2-D views and preset overrides alike.

import Losses
import LossText
import LossData
import LossLogs

struct NameValue {
  let name: String
  let text: String

  /// Splits `word`, written after `context` (a view's name, or `--preset`).
  init(_ word: String, after context: String) throws(CLIError) {
    guard let eq = word.firstIndex(of: "="), eq != word.startIndex else {
      throw CLIError("expected name=value after '\(context)', got '\(word.escapedForTerminal(limit: 80))'")
    }
    name = String(word[..<eq])
    text = String(word[word.index(after: eq)...])
  }

  /// The spec this word names in `parameters` of `view`, or why there is none.
  func spec(in parameters: Parameters, view: String) throws(CLIError) -> ParameterSpec {
    try Self.spec(named: name, in: parameters, view: view)
  }

  /// The spec named `name` in `parameters` of `view`, or why there is none (with the closest name).
  static func spec(named name: String, in parameters: Parameters, view: String) throws(CLIError) -> ParameterSpec {
    guard let index = parameters.index(of: name) else {
      let valid = parameters.specs.map(\.name)
      let hint = closest(to: name, among: valid).map { " (did you mean '\($0)'?)" } ?? ""
      let list = valid.isEmpty ? "it has no parameters" : "valid: " + valid.joined(separator: ", ")
      throw CLIError("\(view) has no parameter '\(name.escapedForTerminal(limit: 60))'\(hint); \(list)")
    }
    return parameters.specs[index]
  }

  /// The message for a parameter named twice.
  var givenTwice: CLIError { Self.givenTwice(name) }

  static func givenTwice(_ name: String) -> CLIError { CLIError("\(name.escapedForTerminal(limit: 60)) is given twice") }
}
