// A preset: a named setup of views and parameters from a TOML file, and where it came from.

import Losses
import LossText
import LossData
import LossLogs

struct Preset {
  var name: String
  var title: String
  var description: String
  var source: String
  /// The file it was read from.
  var path: String
  var isUser = false
  var views: [ViewRequest]
  var plane: PlaneRequest?
  var from: Double?
  var to: Double?
  var logY = false
  var grad = false
  var cursor: Double?
  /// Notes pinned on the first view's loss curve: (x, text).
  var annotations: [(x: Double, text: String)] = []
  /// The line of each top-level key in the file, for `place(of:)`.
  var lines: [String: Int] = [:]

  /// Applies command-line `name=value` overrides to every view that has the parameter.
  mutating func override(_ arguments: [String]) throws(CLIError) {
    var seen: Set<String> = []
    for argument in arguments {
      let word = try NameValue(argument, after: "--preset")
      let name = word.name
      guard seen.insert(name).inserted else { throw word.givenTwice }
      var applied = false
      for i in views.indices where views[i].parameters.index(of: name) != nil {
        views[i].replace(name)
        try views[i].apply(argument)
        applied = true
      }
      if var plane, plane.parameters.index(of: name) != nil {
        do { try plane.parameters.set(name, text: word.text, view: plane.info.name) } catch {
          throw CLIError(error.description)
        }
        self.plane = plane
        applied = true
      }
      if !applied { throw CLIError("preset \(self.name) has no view with a parameter '\(name.escapedForTerminal(limit: 60))'") }
    }
  }
}

/// What a command works on: the views (or a 2-D view) from the arguments, or from a preset with
/// the arguments as overrides.
struct Selection {
  var views: [ViewRequest] = []
  var plane: PlaneRequest?
  var preset: Preset?

  init(spec: [String], preset name: String?) throws(CLIError) {
    if let name {
      var preset = try PresetStore.find(name)
      try preset.override(spec)
      views = preset.views
      plane = preset.plane
      self.preset = preset
      return
    }
    if let plane = try PlaneRequest.parse(spec) {
      self.plane = plane
      return
    }
    views = try ViewArguments.parse(spec)
  }
}
