// The one key table: every binding, its action and its help text; `?` is generated from it.

import LossData
import LossLogs
import LossText

enum Action: Equatable, Sendable {
  case quit, help
  case nextParameter, previousParameter
  case stepUp, stepDown, coarseUp, coarseDown, fineUp, fineDown
  case typeValue, resetParameter, resetAll
  case cursorLeft, cursorRight, cursorFarLeft, cursorFarRight
  case toggleLogY, cycleMarker
  case chooseView, addView, nextView, pinGhost, toggleSweep, removeSeries
  case zoomIn, zoomOut, zoomReset
  case export, savePreset
  case nextStep, previousStep, lessons
  /// A 2-D view's point, moved by Up and Down there.
  case pointUp, pointDown, pointUpFast, pointDownFast
  case undo, redo
  case findCrossing, findCrossingBack, findExtremum, togglePanel
  case cycleYRange
  case nextAnchor, previousAnchor

  /// What the action works on, for "a 2-D view has no ..." messages.
  var noun: String {
    switch self {
    case .zoomIn, .zoomOut, .zoomReset: return "zoom"
    case .toggleSweep: return "sweep"
    case .pinGhost: return "ghost"
    case .addView, .nextView, .removeSeries: return "other series"
    case .toggleLogY: return "log-y"
    default: return "such key"
    }
  }
}

struct Binding: Sendable {
  let keys: [Key]
  let label: String
  let action: Action
  let help: String
}

enum KeyMap {
  static let bindings: [Binding] = [
    Binding(keys: [.char("q")], label: "q", action: .quit, help: "quit"),
    Binding(keys: [.char("?")], label: "?", action: .help, help: "this help (Esc closes any overlay or prompt)"),
    Binding(keys: [.tab], label: "Tab", action: .nextParameter, help: "select the next parameter"),
    Binding(keys: [.backTab], label: "Shift-Tab", action: .previousParameter, help: "select the previous parameter"),
    Binding(keys: [.char("+"), .char("k"), .up], label: "+ k Up", action: .stepUp, help: "raise the selected parameter one step"),
    Binding(keys: [.char("-"), .char("j"), .down], label: "- j Down", action: .stepDown, help: "lower it one step"),
    Binding(keys: [.char("K")], label: "K", action: .coarseUp, help: "raise it ten steps (a decade on a log scale)"),
    Binding(keys: [.char("J")], label: "J", action: .coarseDown, help: "lower it ten steps (a decade on a log scale)"),
    Binding(keys: [.char(">")], label: ">", action: .fineUp, help: "raise it a tenth of a step"),
    Binding(keys: [.char("<")], label: "<", action: .fineDown, help: "lower it a tenth of a step"),
    Binding(keys: [.char("=")], label: "=", action: .typeValue, help: "type a value, a list a,b,c or a range a..b:n (a sweep)"),
    Binding(keys: [.char("r")], label: "r", action: .resetParameter, help: "reset the selected parameter"),
    Binding(keys: [.char("R")], label: "R", action: .resetAll, help: "reset every parameter of the view"),
    Binding(keys: [.left, .char("h")], label: "Left h", action: .cursorLeft, help: "move the cursor left"),
    Binding(keys: [.right, .char("l")], label: "Right l", action: .cursorRight, help: "move the cursor right"),
    Binding(keys: [], label: "Up Down", action: .pointUp, help: "in a 2-D view: move the point up or down (Left/Right: sideways)"),
    Binding(keys: [], label: "Shift-arrows PgUp PgDn", action: .pointUpFast, help: "in a 2-D view: move the point ten times faster (= types sn,sp)"),
    Binding(keys: [.char("H"), .home], label: "H Home", action: .cursorFarLeft, help: "move the cursor ten steps left"),
    Binding(keys: [.char("L"), .end], label: "L End", action: .cursorFarRight, help: "move the cursor ten steps right"),
    Binding(keys: [.char("y")], label: "y", action: .toggleLogY, help: "log-y on/off"),
    Binding(keys: [.char("m")], label: "m", action: .cycleMarker, help: "markers: braille, half block, block, ASCII"),
    Binding(keys: [.char("v")], label: "v", action: .chooseView, help: "choose the view (type to filter)"),
    Binding(keys: [.char("a")], label: "a", action: .addView, help: "add a view on the same axis as a series"),
    Binding(keys: [.char("c")], label: "c", action: .nextView, help: "edit the next added view's parameters"),
    Binding(keys: [.char("g")], label: "g", action: .pinGhost, help: "pin a dim ghost of the current curve (several; x removes)"),
    Binding(keys: [.char("s")], label: "s", action: .toggleSweep, help: "sweep the selected parameter at nice values (on/off)"),
    Binding(keys: [.char("x")], label: "x", action: .removeSeries, help: "remove a series: sweep, last ghost, then the last added view"),
    Binding(keys: [.char("z")], label: "z", action: .zoomIn, help: "zoom x in around the cursor (and y, when its range is typed)"),
    Binding(keys: [.char("Z")], label: "Z", action: .zoomOut, help: "zoom x out"),
    Binding(keys: [.char("0")], label: "0", action: .zoomReset, help: "reset the x range"),
    Binding(keys: [.char("e")], label: "e", action: .export, help: "export every visible series to CSV"),
    Binding(keys: [.char("t")], label: "t", action: .lessons, help: "lessons: start the next topic (again: the one after, then off)"),
    Binding(keys: [.char("n"), .char(" ")], label: "n Space", action: .nextStep, help: "lesson: next step"),
    Binding(keys: [.char("p")], label: "p", action: .previousStep, help: "lesson: previous step"),
    Binding(keys: [.char("w")], label: "w", action: .savePreset, help: "save this setup as a preset of yours (name prompted)"),
    Binding(keys: [.char("u")], label: "u", action: .undo, help: "undo the last change of parameters, views, sweep or range"),
    Binding(keys: [.char("\u{12}")], label: "Ctrl-R", action: .redo, help: "redo what u undid"),
    Binding(keys: [.char("f")], label: "f", action: .findCrossing, help: "cursor to the next crossing with the reference"),
    Binding(keys: [.char("F")], label: "F", action: .findCrossingBack, help: "cursor to the previous crossing"),
    Binding(keys: [.char("E")], label: "E", action: .findExtremum, help: "cursor to the next extremum of the active view"),
    Binding(keys: [.char("d")], label: "d", action: .togglePanel, help: "f, F and E search the loss or the gradient panel"),
    Binding(keys: [.char("Y")], label: "Y", action: .cycleYRange, help: "y range: clipped, every value, typed lo,hi (then z zooms y too)"),
    Binding(keys: [.char("]")], label: "]", action: .nextAnchor, help: "embeddings: select the next hardest anchor (by circle loss)"),
    Binding(keys: [.char("[")], label: "[", action: .previousAnchor, help: "embeddings: select the previous, harder anchor"),
  ]

  static func action(for key: Key) -> Action? {
    if key == .interrupt { return .quit }
    return bindings.first { $0.keys.contains(key) }?.action
  }

  /// Keys of a mode with a point on a plane: arrows move it (Up and Down instead of stepping the
  /// parameter), Shift-arrows and PgUp/PgDn ten times faster.
  static func pointAction(for key: Key) -> Action? {
    switch key {
    case .up: return .pointUp
    case .down: return .pointDown
    case .shiftUp, .pageUp: return .pointUpFast
    case .shiftDown, .pageDown: return .pointDownFast
    case .shiftLeft: return .cursorFarLeft
    case .shiftRight: return .cursorFarRight
    default: return nil
    }
  }

  /// Actions that only some modes have: the help lists them under the mode that does.
  static let modeOnly: [Action] = [
    .cursorLeft, .cursorRight, .cursorFarLeft, .cursorFarRight, .toggleLogY, .addView, .nextView, .pinGhost,
    .toggleSweep, .removeSeries, .zoomIn, .zoomOut, .zoomReset, .pointUp, .pointDown, .pointUpFast, .pointDownFast,
    .findCrossing, .findCrossingBack, .findExtremum, .togglePanel, .cycleYRange, .nextAnchor, .previousAnchor,
  ]
}
