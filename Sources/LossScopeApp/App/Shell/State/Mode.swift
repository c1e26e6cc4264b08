// The screen's content: one of a closed set of mode models, and the one switch that opens them.

import Losses
import Plot
import LossData
import LossLogs
import LossText

/// What every mode gives the shell. The shell (title, parameter bar, status line, overlays,
/// lessons, help) knows modes only through this; each mode keeps its derived data (series,
/// bins, tables) up to date when its inputs change, so that drawing a frame computes nothing.
protocol ModeModel {
  /// The title bar's description of what is shown, e.g. `focal gamma=2 alpha=1  vs ce  on pt`.
  var title: String { get }
  /// The parameters the keys change, in the order of the parameter bar.
  var parameters: [(spec: ParameterSpec, value: Double)] { get }
  /// Sets one parameter (already checked against its spec); returns a status line, or nil.
  mutating func set(_ name: String, to value: Double) throws(ParameterError) -> String?
  /// A key the mode reads before the shared key table (a 2-D view's Up/Down moves its point).
  func overrides(_ key: Key) -> Action?
  /// Carries out an action that belongs to modes (cursor, zoom, sweep, views, ...); `selected`
  /// is the parameter the shell has selected.
  mutating func perform(_ action: Action, selected: ParameterSpec?) -> ModeReply
  /// The mode's own actions (those of `KeyMap.modeOnly` it carries out): the help lists them first.
  var keys: [Action] { get }
  /// The x axis that added views must share; nil when the mode has none.
  var axisName: String? { get }
  /// The population a ghmc view or the GHM explorer opened from here takes (the explorer's own,
  /// handed on by the curve views opened from it), if any.
  var ghmInput: GHMInput? { get }
  /// Several values typed at `=` (`0,0.5,1`, `0.05..1:5`, or a 2-D view's `sn,sp`).
  mutating func typedList(_ spec: ParameterSpec?, _ text: String) -> ModeReply
  /// A click or wheel turn at screen cell (x, y) inside the panels `rect`.
  mutating func pointer(x: Int, y: Int, button: MouseButton, in rect: Rect, marker: Marker) -> ModeReply
  /// `lo,hi` typed after `Y`.
  mutating func typedYRange(_ text: String) -> ModeReply
  /// The panels, drawn from the mode's derived data.
  func render(into grid: inout Grid, in rect: Rect, marker: Marker)
  /// The line under the parameter bar: what the cursor or point reads.
  func readout(marker: Marker) -> String
  /// What `e` writes, with the command line that writes the same without the app.
  func export() -> ModeExport
  /// Words that change whenever what is shown changes (not the cursor): undo remembers by them.
  var undoKey: String { get }
  /// The preset `w` saves (PresetWriter writes it).
  func preset(name: String) -> PresetFile
  /// The plotting area's width changed: resample what is drawn (the export does not depend on it).
  mutating func resize(width: Int)
  /// Itself, as a case of the closed set.
  var asMode: Mode { get }
  /// Whether the runtime should send `.tick` about every 100 ms (a followed file), and the work
  /// a tick asks for.
  var wantsTicks: Bool { get }
  func tick() -> [Effect]
  /// Work asked for by this mode has finished: a status line, or nil.
  mutating func finished(_ outcome: WorkOutcome) -> String?
  /// Long work the last change needs (a recomputation over all pairs), handed to the runtime
  /// once: `update` asks after every message.
  mutating func takeWork() -> [Work]
}

extension ModeModel {
  var axisName: String? { nil }
  var ghmInput: GHMInput? { nil }
  var wantsTicks: Bool { false }
  func tick() -> [Effect] { [] }
  mutating func finished(_ outcome: WorkOutcome) -> String? { nil }
  mutating func takeWork() -> [Work] { [] }
  mutating func typedList(_ spec: ParameterSpec?, _ text: String) -> ModeReply { .notHere("a list of values needs the curves view") }
  mutating func typedYRange(_ text: String) -> ModeReply { .notHere("no y range to set here") }
  mutating func pointer(x: Int, y: Int, button: MouseButton, in rect: Rect, marker: Marker) -> ModeReply { .notHere("") }
}

extension Mode {
  /// The curves mode, for what only it does: sweeps, and views chosen into it.
  var curves: CurvesMode? {
    if case .curves(let c) = self { return c }
    return nil
  }
}

/// The answer of a mode to an action: done (with a status line or none), or not in this mode.
enum ModeReply: Equatable {
  case done(String?)
  case notHere(String)
}

/// A file the app writes on `e`, and how to write the same from the command line.
struct ModeExport {
  var contents: String
  var command: String
}

/// The closed set of screens. Adding one: a new model, a case here and a line in `model`.
enum Mode {
  case curves(CurvesMode)
  case ghm(GHMMode)
  case plane(PlaneMode)
  case log(TrainingLogMode)
  case embeddings(EmbeddingsMode)

  /// The one switch over the modes.
  var model: any ModeModel {
    get {
      switch self {
      case .curves(let m): return m
      case .ghm(let m): return m
      case .plane(let m): return m
      case .log(let m): return m
      case .embeddings(let m): return m
      }
    }
    set { self = newValue.asMode }
  }

  /// What can be opened: the one list the command line, the picker, presets and lessons pick from.
  enum Request {
    /// Words as on the command line: `ghm`, `embeddings name=value...`, a 2-D view or curve views.
    case words([String])
    /// Parsed views or a preset, with its range, cursor and log-y.
    case selection(Selection)
    /// The GHM explorer over a predictions file's population, or (nil) the built-in one.
    case ghm(GHMInput?)
    case plane(PlaneInfo)
    /// One curve view at its defaults (the picker's choice when the mode cannot take it).
    case curve(ViewInfo)
    case log(paths: [String], follow: Bool)
    case embeddings(path: String, labels: [String], others: Bool)
    /// The bundled example embeddings.
    case exampleEmbeddings
  }

  /// The one function that opens a mode; `ghmInput` is the population of the mode it opens from
  /// (a predictions file's, or the explorer's), which ghmc views and the explorer weigh with.
  static func open(_ request: Request, ghmInput: GHMInput?) throws(CLIError) -> Mode {
    switch request {
    case .words(let words):
      if words == ["ghm"] { return .ghm(GHMMode(ghmInput)) }
      if words.first == "embeddings" { return .embeddings(try EmbeddingsMode.make(Array(words.dropFirst()))) }
      return try make(Selection(spec: words, preset: nil), ghmInput: ghmInput)
    case .selection(let selection): return try make(selection, ghmInput: ghmInput)
    case .ghm(let input): return .ghm(GHMMode(input ?? ghmInput))
    case .plane(let info): return .plane(PlaneMode(PlaneRequest(info: info, parameters: info.defaults)))
    case .curve(let info): return .curves(CurvesMode([ViewRequest(info: info)], ghmInput: ghmInput))
    case .log(let paths, let follow): return .log(try TrainingLogMode.open(paths, follow: follow))
    case .embeddings(let path, let labels, let others): return .embeddings(try EmbeddingsMode.open(path, labels: labels, others: others))
    case .exampleEmbeddings:
      guard let mode = EmbeddingsMode.example() else { throw CLIError("the bundled example could not be read") }
      return .embeddings(mode)
    }
  }

  /// A mode from parsed views or a preset, with the preset's range, cursor and log-y.
  private static func make(_ selection: Selection, ghmInput: GHMInput?) throws(CLIError) -> Mode {
    if let plane = selection.plane { return .plane(PlaneMode(plane)) }
    let requests = selection.views
    guard !requests.isEmpty else { throw CLIError("no view to show: name one (see `lossscope list`)") }
    for (i, request) in requests.enumerated() where i > 0 && !request.sweeps.isEmpty || request.sweeps.count > 1 {
      throw CLIError("the app sweeps one parameter of the first view; \(request.info.name) sweeps \(request.sweeps.map(\.name).joined(separator: " and ")) (`lossscope plot` draws any sweep)")
    }
    let series = (requests[0].sweeps.first?.values.count ?? 1) + requests.count - 1
    if series > CurvesMode.maxSeries { throw CLIError("the app draws at most \(CurvesMode.maxSeries) series; this asks for \(series)") }
    let axis = try Sampling.sharedAxis(requests)
    try Sampling.checkDomains(requests, from: selection.preset?.from ?? axis.from, to: selection.preset?.to ?? axis.to)
    var curves = CurvesMode(requests, ghmInput: ghmInput)
    if let preset = selection.preset {
      curves.show(from: preset.from ?? curves.from, to: preset.to ?? curves.to)
      if let x = preset.cursor { curves.place(cursor: x) }
      curves.logY = preset.logY
    }
    return .curves(curves)
  }
}
