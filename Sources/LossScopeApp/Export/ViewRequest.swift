// Parses `VIEW [name=value ...] [+ VIEW ...]` into views, fixed parameters and sweeps.

import Losses
import LossText
import LossData
import LossLogs

/// One view as the user asked for it: fixed parameter values and the parameters swept with a
/// comma list (`gamma=0,0.5,1`), in the order given.
struct ViewRequest {
  let info: ViewInfo
  var parameters: Parameters
  var sweeps: [(name: String, values: [Double])] = []

  init(info: ViewInfo) {
    self.info = info
    parameters = info.defaults
  }

  var axis: AxisSpec { info.axis(of: parameters) }

  /// `focal gamma=0,0.5,1 alpha=1`: the view with every active parameter, sweeps as lists.
  var summary: String {
    let values = parameters.active.filter { !$0.spec.isAxis }.map { spec, value -> String in
      let swept = sweeps.first { $0.name == spec.name }?.values
      return "\(spec.name)=" + (swept ?? [value]).map(spec.format).joined(separator: ",")
    }
    return ([info.name] + values).joined(separator: " ")
  }

  /// Every combination of the swept values (the first sweep varies slowest), one per series.
  func expanded() -> [(parameters: Parameters, swept: [Double])] {
    var result: [(Parameters, [Double])] = [(parameters, [])]
    for (name, values) in sweeps {
      result = result.flatMap { p, swept in
        values.map { value -> (Parameters, [Double]) in
          var q = p
          try? q.set(name, to: value, view: info.name)  // checked when parsed
          return (q, swept + [value])
        }
      }
    }
    return result
  }

  /// Applies one `name=value` or `name=v1,v2,...` argument.
  mutating func apply(_ argument: String) throws(CLIError) {
    let word = try NameValue(argument, after: info.name)
    let name = word.name, text = word.text
    let spec = try word.spec(in: parameters, view: info.name)
    if userSet.contains(name) { throw word.givenTwice }
    var values: [Double] = []
    if text.contains("..") {
      // A range `a..b[:n]`, as the app's `=` takes it (geometric on a log scale).
      values = try SweepText.parse(text, spec, limit: 100)
    } else {
      for part in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
        do { values.append(try spec.parse(part)) } catch { throw CLIError(error.description) }
      }
    }
    try assign(spec, values, shown: text)
  }

  /// Sets a parameter to a preset's typed value: a list sweeps it.
  mutating func assign(_ name: String, _ value: PresetFile.Value) throws(CLIError) {
    let spec = try NameValue.spec(named: name, in: parameters, view: info.name)
    if userSet.contains(name) { throw NameValue.givenTwice(name) }
    var items = [value]
    if case .list(let list) = value { items = list }
    var values: [Double] = []
    for item in items {
      do { values.append(try spec.value(of: item)) } catch { throw CLIError(error.description) }
    }
    try assign(spec, values, shown: value.shown)
  }

  /// One value fixes the parameter, several sweep it; each is already checked against `spec`.
  /// `shown` is how the values were written, for messages.
  private mutating func assign(_ spec: ParameterSpec, _ values: [Double], shown: String) throws(CLIError) {
    let name = spec.name
    if Set(values).count < values.count {
      throw CLIError("\(name)=\(shown.escapedForTerminal(limit: 80)) lists a value twice: each sweep value makes one series")
    }
    if values.count > 1 {
      if spec.isAxis { throw CLIError("\(name) cannot be swept: plot each axis separately") }
      sweeps.append((name, values))
    } else {
      try? parameters.set(name, to: values[0], view: info.name)
    }
    userSet.append(name)
  }

  /// The parameters named on the command line, fixed or swept, in order.
  private(set) var userSet: [String] = []

  /// Forgets an earlier value of `name` so that a later one (a command-line override) may replace it.
  mutating func replace(_ name: String) {
    userSet.removeAll { $0 == name }
    sweeps.removeAll { $0.name == name }
  }

  /// Refuses a parameter that only matters on another axis, so nothing is silently ignored.
  func checkAxisParameters() throws(CLIError) {
    let axis = self.axis.name
    for name in userSet {
      guard let i = parameters.index(of: name), let only = parameters.specs[i].onlyOnAxis, only != axis
      else { continue }
      throw CLIError("\(name) applies to \(info.name) only with axis=\(only) (the axis is \(axis))")
    }
  }
}

enum ViewArguments {
  /// Splits the arguments at `+` and reads each group as a view with its parameters.
  static func parse(_ arguments: [String]) throws(CLIError) -> [ViewRequest] {
    var groups: [[String]] = [[]]
    for argument in arguments {
      if argument == "+" { groups.append([]) } else { groups[groups.count - 1].append(argument) }
    }
    var requests: [ViewRequest] = []
    for group in groups {
      guard let name = group.first else {
        throw CLIError(arguments.isEmpty ? "name a view (see `lossscope list`)" : "'+' must be followed by a view")
      }
      guard let info = Catalog.view(named: name) else {
        if PlaneInfo.named(name) != nil { throw CLIError("\(name) is a 2-D view and cannot share a chart with others") }
        throw unknownView(name)
      }
      var request = ViewRequest(info: info)
      for argument in group.dropFirst() { try request.apply(argument) }
      try request.checkAxisParameters()
      requests.append(request)
    }
    return requests
  }

  static func unknownView(_ name: String) -> CLIError {
    let names = Catalog.views.map(\.name) + PlaneInfo.all.map(\.name)
    let hint = closest(to: name.lowercased(), among: names).map { " (did you mean '\($0)'?)" } ?? ""
    return CLIError("unknown view '\(name.escapedForTerminal(limit: 60))'\(hint); `lossscope list` shows them all")
  }
}
