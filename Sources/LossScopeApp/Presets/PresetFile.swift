// A preset file as one typed value: what PresetLoader decodes from TOML and PresetWriter encodes.

import Losses
import LossText

/// The keys of a preset file, typed: the views with their parameters (a list sweeps one), the
/// x range, the cursor, the chart's switches and the notes. Lines are those of the text it was
/// read from (0 for one made to be written), so that every later refusal can name its line.
struct PresetFile: Equatable {
  var name: String
  var title: String?
  var description: String?
  var source: String?
  /// One view is written `view = "NAME"` with a `[parameters]` table, several as `[[views]]`.
  var views: [View] = []
  var from: Double?
  var to: Double?
  var cursor: Double?
  var logY: Bool?
  var grad: Bool?
  var annotations: [Annotation] = []
  /// `#` lines written above the keys, saying what the file is (or is not); never read back.
  var comments: [String] = []
  /// The line of each top-level key in the text it was read from.
  var lines: [String: Int] = [:]

  /// The keys a preset file may hold at its top level.
  static let topKeys = ["name", "title", "description", "source", "view", "parameters", "views",
                        "from", "to", "log_y", "grad", "cursor", "annotations"]

  /// A view by name with its parameters, in the order TOML holds them (by name).
  struct View: Equatable {
    var view: String
    var parameters: [Parameter] = []
    /// The lines of `view =` and of its parameters' table header.
    var line = 0
    var parametersLine = 0
  }

  struct Parameter: Equatable {
    var name: String
    var value: Value
    var line = 0
  }

  /// A parameter's value as the file holds it: a number (read by the decimal grammar), true or
  /// false, a word (a choice's option), or a list of values that sweeps the parameter.
  enum Value: Equatable {
    case number(Double)
    case flag(Bool)
    case word(String)
    case list([Value])
  }

  /// A note pinned on the first view's curve at x.
  struct Annotation: Equatable {
    var x: Double
    var text: String
    var line = 0
  }

  /// The line of a top-level key, or 1 when the file has no such key.
  func line(of key: String) -> Int { lines[key] ?? 1 }
}

// MARK: - Made from what the app shows

extension PresetFile {
  /// What `w` saves: the name doubles as its title, `description` is what the app showed.
  static func saved(name: String, description: String) -> PresetFile {
    PresetFile(name: name, title: name, description: description, source: "saved by the user",
               comments: ["Saved from the LossScope app."])
  }
}

extension PresetFile.View {
  /// A view with every active parameter (the axis choice too), `sweep` as the list of its values.
  init(_ name: String, _ parameters: Parameters, sweep: Sweep? = nil) {
    view = name
    self.parameters = parameters.active.map { spec, value in
      let values = sweep?.name == spec.name ? sweep!.values : [value]
      let typed = values.map { PresetFile.Value($0, spec) }
      return PresetFile.Parameter(name: spec.name, value: typed.count == 1 ? typed[0] : .list(typed))
    }
  }
}

extension PresetFile.Value {
  /// `value` of `spec` as a preset holds it: numbers as numbers, booleans as true/false, options as words.
  init(_ value: Double, _ spec: ParameterSpec) {
    switch spec.kind {
    case .real, .integer: self = .number(value)
    case .boolean: self = .flag(value != 0)
    case .choice, .axis: self = .word(spec.format(value))
    }
  }

  /// The value as a user would type it after `name=`, for messages: `2`, `true`, `similar`, `0,1`.
  var shown: String {
    switch self {
    case .number(let x): return NumberText.shortest(x)
    case .flag(let b): return b ? "true" : "false"
    case .word(let s): return s
    case .list(let items): return items.map(\.shown).joined(separator: ",")
    }
  }
}

// MARK: - Encoding

/// A key spelled at run time: parameter names are data.
private struct PresetKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(_ name: String) { stringValue = name }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

extension PresetFile: Encodable {
  func encode(to encoder: any Encoder) throws {
    var keys = encoder.container(keyedBy: PresetKey.self)
    try keys.encode(name, forKey: PresetKey("name"))
    try keys.encodeIfPresent(title, forKey: PresetKey("title"))
    try keys.encodeIfPresent(description, forKey: PresetKey("description"))
    try keys.encodeIfPresent(source, forKey: PresetKey("source"))
    try keys.encodeIfPresent(from, forKey: PresetKey("from"))
    try keys.encodeIfPresent(to, forKey: PresetKey("to"))
    try keys.encodeIfPresent(cursor, forKey: PresetKey("cursor"))
    try keys.encodeIfPresent(logY, forKey: PresetKey("log_y"))
    try keys.encodeIfPresent(grad, forKey: PresetKey("grad"))
    if views.count == 1 {
      try keys.encode(views[0].view, forKey: PresetKey("view"))
      if !views[0].parameters.isEmpty { try keys.encode(ParameterTable(views[0].parameters), forKey: PresetKey("parameters")) }
    } else if !views.isEmpty {
      try keys.encode(views, forKey: PresetKey("views"))
    }
    if !annotations.isEmpty { try keys.encode(annotations, forKey: PresetKey("annotations")) }
  }
}

extension PresetFile.View: Encodable {
  func encode(to encoder: any Encoder) throws {
    var keys = encoder.container(keyedBy: PresetKey.self)
    try keys.encode(view, forKey: PresetKey("view"))
    if !parameters.isEmpty { try keys.encode(ParameterTable(parameters), forKey: PresetKey("parameters")) }
  }
}

/// A view's parameters as one TOML table, `name = value` each.
private struct ParameterTable: Encodable {
  let parameters: [PresetFile.Parameter]
  init(_ parameters: [PresetFile.Parameter]) { self.parameters = parameters }

  func encode(to encoder: any Encoder) throws {
    var keys = encoder.container(keyedBy: PresetKey.self)
    for p in parameters { try keys.encode(p.value, forKey: PresetKey(p.name)) }
  }
}

extension PresetFile.Value: Encodable {
  func encode(to encoder: any Encoder) throws {
    if case .list(let items) = self {
      var list = encoder.unkeyedContainer()
      for item in items { try list.encode(item) }
      return
    }
    var one = encoder.singleValueContainer()
    switch self {
    // Whole numbers as integers (`bins = 30`); PresetWriter respells the rest shortest.
    case .number(let x) where x == x.rounded() && abs(x) < 1e15 && !(x == 0 && x.sign == .minus): try one.encode(Int(x))
    case .number(let x): try one.encode(x)
    case .flag(let b): try one.encode(b)
    case .word(let s): try one.encode(s)
    case .list: break
    }
  }
}

extension PresetFile.Annotation: Encodable {
  func encode(to encoder: any Encoder) throws {
    var keys = encoder.container(keyedBy: PresetKey.self)
    try keys.encode(x, forKey: PresetKey("x"))
    try keys.encode(text, forKey: PresetKey("text"))
  }
}
