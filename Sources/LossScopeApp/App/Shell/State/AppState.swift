// The whole state of the interactive app in one value: the shell and the mode it shows.

import Losses
import Plot
import LossData
import LossLogs
import LossText

enum Overlay: Equatable {
  case none
  /// The keys: `filter` narrows them as the user types, `top` is the first line shown.
  case help(filter: String, top: Int)
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
  case yRange
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

/// The shell: what every mode shares (size, overlays, status, lesson, markers) and the mode.
/// Only `update` changes it.
struct AppState {
  static let minimumWidth = 40
  static let minimumHeight = 12
  /// The largest screen the app allocates, whatever the terminal or the environment claims.
  static let maximumWidth = 1000
  static let maximumHeight = 500

  private(set) var mode: Mode
  /// Index into the mode's parameters.
  var selected = 0
  var marker: Marker = .braille
  /// The lesson being followed, if any.
  var lesson: LessonProgress?
  var overlay: Overlay = .none
  var status = ""
  private(set) var width: Int
  private(set) var height: Int
  var color = true
  var clock: @Sendable () -> Timestamp = { Timestamp() }
  /// Screens before (and, after an undo, after) each change: `u` and Ctrl-R.
  var past: [Snapshot] = []
  var future: [Snapshot] = []
  /// The open prompt's caret (nil: at the end), its history per kind, and where Up/Down are in it.
  var promptCaret: Int?
  var promptHistory: [String: [String]] = [:]
  var promptHistoryIndex: Int?
  /// The status the process ends with once the loop has ended (130 after Ctrl-C).
  var exitStatus: Int32 = 0
  /// The command line that writes the file being exported, shown once it is written.
  var exportCommand: String?
  /// Where `w` saves presets; set from the environment at start-up.
  var userPresetFolder = "presets-user"

  init(mode: Mode = .curves(.initial), width: Int = 80, height: Int = 24) {
    self.mode = mode
    self.width = 0
    self.height = 0
    resize(width: width, height: height)
  }

  var model: any ModeModel { mode.model }
  var tooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

  /// The selected parameter's spec and value, nil for a mode without parameters.
  var selectedParameter: (spec: ParameterSpec, value: Double)? {
    let parameters = model.parameters
    return parameters.isEmpty ? nil : parameters[min(max(selected, 0), parameters.count - 1)]
  }

  /// Rows 1 ..< height - 3 hold the panels, less four for a lesson when there is room.
  var lessonRows: Int {
    guard let lesson, height >= 24 else { return 0 }
    // The step's text wrapped to the width, a header and the question; more rows on tall screens.
    let text = Screen.wrap(lesson.current.text.joined(separator: " "), width: max(10, width - 2)).count
    return min(max(4, text + 2), height >= 30 ? 7 : 5)
  }
  var panels: Rect { Rect(x: 0, y: 1, width: width, height: max(0, height - 4 - lessonRows)) }

  // MARK: - The only ways the mode and the size change

  /// Shows `mode` instead of the current one: the picker, lessons, presets and the command line.
  mutating func open(_ mode: Mode) {
    self.mode = mode
    selected = 0
    self.mode.model.resize(width: panels.width)
  }

  /// Puts back a remembered mode (undo, redo), keeping the selection where it was.
  mutating func restore(_ mode: Mode) {
    self.mode = mode
    self.mode.model.resize(width: panels.width)
  }

  /// Changes the mode in place (a key, a parameter) through its model.
  mutating func change<R>(_ body: (inout any ModeModel) -> R) -> R {
    var model = mode.model
    let result = body(&model)
    mode = model.asMode
    return result
  }

  /// Changes the curves mode in place; nil (and nothing changes) in any other mode.
  mutating func changeCurves<R>(_ body: (inout CurvesMode) -> R) -> R? {
    guard case .curves(var curves) = mode else { return nil }
    let result = body(&curves)
    mode = .curves(curves)
    return result
  }

  mutating func resize(width: Int, height: Int) {
    self.width = min(max(0, width), Self.maximumWidth)
    self.height = min(max(0, height), Self.maximumHeight)
    let plotWidth = panels.width
    _ = change { $0.resize(width: plotWidth) }
  }
}
