// The whole state of the interactive app in one value; only `update` changes it.

import Losses
import Plot

enum Overlay: Equatable {
  case none
  case help
  /// The view list: `adding` puts the choice beside the others instead of replacing the active view.
  case picker(adding: Bool, filter: String, selection: Int)
  /// `fresh`: the text is the prefilled value, and the first character typed replaces it.
  case prompt(Prompt, text: String, fresh: Bool = false)
  case confirmOverwrite(path: String, contents: String)
}

enum Prompt: Equatable {
  case value(parameter: String)
  case exportPath
  case presetName
}

/// Local date and time, injected so that export names are testable.
struct Timestamp: Equatable, Sendable {
  var year = 2026, month = 1, day = 1, hour = 0, minute = 0, second = 0

  /// `20261122-174502`.
  var compact: String {
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(year)\(two(month))\(two(day))-\(two(hour))\(two(minute))\(two(second))"
  }
}

struct AppState {
  static let minimumWidth = 40
  static let minimumHeight = 12
  static let maxSeries = 8

  /// `views[active]` is edited with the keys; the first other view is the reference of the ratios.
  var views: [ViewSlot]
  var active = 0
  /// Index into the active view's editable parameters.
  var selected = 0
  var cursor: Double
  var from: Double
  var to: Double
  var logY = false
  var marker: Marker = .braille
  var ghost: ViewSlot?
  var sweep = false
  /// Exact sweep values from a preset (focal-fig1's gammas) instead of steps around the value.
  var presetSweep: (name: String, values: [Double])?
  /// A 2-D view (circle-plane, margins) shown instead of the curves when set.
  var plane: PlaneSlot?
  /// The GHM explorer, shown instead of the curves when set.
  var ghm: GHMSlot?
  /// The population of a predictions file (`lossscope --predictions`), used by ghm and ghmc.
  var population: Population?
  /// What a new ghmc view weighs with: the file's population, else the explorer's synthetic one
  /// once it has been opened (nil: the view's own synthetic population).
  var currentPopulation: Population? { population ?? ghm?.population }
  /// The lesson being followed, if any.
  var lesson: LessonProgress?
  var overlay: Overlay = .none
  var status = ""
  var width: Int
  var height: Int
  var color = true
  var clock: @Sendable () -> Timestamp = { Timestamp() }
  /// Where `w` saves presets; set from the environment at start-up.
  var userPresetFolder = "presets-user"

  init(views: [ViewSlot], width: Int = 80, height: Int = 24) {
    self.views = views.isEmpty ? AppState.defaultViews : views
    let axis = self.views[0].axis
    from = axis.from
    to = axis.to
    cursor = AppState.defaultCursor(axis)
    self.width = width
    self.height = height
  }

  /// Focal loss (gamma 2) with cross-entropy as the reference: the first screen.
  static var defaultViews: [ViewSlot] {
    [ViewSlot(info: Focal.info), ViewSlot(info: CrossEntropy.info)]
  }

  static func defaultCursor(_ axis: AxisSpec) -> Double {
    axis.name == "pt" ? 0.9 : (axis.from + axis.to) / 2
  }

  var activeView: ViewSlot { views[active] }
  var axis: AxisSpec { activeView.axis }
  var reference: ViewSlot? { views.indices.first { $0 != active }.map { views[$0] } }
  var tooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

  /// The parameters the keys change: the plane's when one is shown, else the active view's.
  var editable: [(spec: ParameterSpec, value: Double)] {
    if let ghm { return ghm.parameters.active }
    return plane.map { p in p.parameters.active } ?? activeView.editable
  }

  /// The selected parameter's spec and value, nil for a view without parameters.
  var selectedParameter: (spec: ParameterSpec, value: Double)? {
    let editable = self.editable
    return editable.isEmpty ? nil : editable[min(selected, editable.count - 1)]
  }

  /// The title's name for what is shown.
  var shownName: String {
    if let ghm { return "ghm " + ghm.parameters.summary }
    if let plane { return plane.info.name + " " + plane.parameters.summary }
    return activeView.name
  }
}
