// Reading a preset file with TOMLKit: every key checked, every mistake reported with its line.

import Losses
import TOMLKit
import LossText
import LossData
import LossLogs

enum PresetLoader {
  static let topKeys = ["name", "title", "description", "source", "view", "parameters", "views",
                        "from", "to", "log_y", "grad", "cursor", "annotations"]

  /// Parses `text` (read from `path`); errors read `path:line: message`.
  static func parse(_ text: String, path: String) throws(CLIError) -> Preset {
    let lines = LineFinder(text)
    let shownPath = path.escapedForTerminal(limit: 120)
    func fail(_ line: Int, _ message: String) -> CLIError { CLIError("\(shownPath):\(line): \(message)") }
    try TOMLPrecheck.check(text, fail: fail)
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw fail(error.source.begin.line, "TOML syntax: \(error.description)")
    } catch {
      throw fail(1, "TOML syntax: \(error)")
    }
    for key in table.keys where !topKeys.contains(key) {
      throw fail(lines.line(of: key), "unknown key '\(key.escapedForTerminal(limit: 60))' (valid: \(topKeys.joined(separator: ", ")))")
    }
    func string(_ key: String, required: Bool = false) throws(CLIError) -> String? {
      guard let value = table[key] else {
        if required { throw fail(1, "missing key '\(key)'") }
        return nil
      }
      guard let s = value.string else { throw fail(lines.line(of: key), "\(key) must be a string") }
      // Titles, sources and notes reach the terminal: no control character may pass.
      return s.escapedForTerminal(limit: 400)
    }
    func number(_ key: String) throws(CLIError) -> Double? {
      guard let value = table[key] else { return nil }
      if lines.hasNonDecimalNumber(at: lines.line(of: key)) {
        throw fail(lines.line(of: key), "\(key): write numbers in decimal (hexadecimal, octal and binary are refused everywhere)")
      }
      guard value.array == nil, value.table == nil, let x = value.double ?? value.int.map(Double.init), x.isFinite else {
        throw fail(lines.line(of: key), "\(key) must be a finite number, not \(kind(of: value))")
      }
      return x
    }
    func flag(_ key: String) throws(CLIError) -> Bool {
      guard let value = table[key] else { return false }
      guard let b = value.bool else { throw fail(lines.line(of: key), "\(key) must be true or false") }
      return b
    }

    let name = try string("name", required: true) ?? ""
    // `string` escapes control characters, so a name that changed on the way had some.
    guard !name.isEmpty, name.count <= 100, !name.contains("/"), name == table["name"]?.string else {
      throw fail(lines.line(of: "name"), "name must be 1 to 100 characters without '/' or control characters")
    }
    var preset = Preset(
      name: name, title: try string("title") ?? name, description: try string("description") ?? "",
      source: try string("source") ?? "", path: path, views: [],
      from: try number("from"), to: try number("to"), logY: try flag("log_y"), grad: try flag("grad"),
      cursor: try number("cursor"))

    if let notes = table["annotations"] {
      // `annotations = [...]` on one line, or [[annotations]] tables: errors point at either.
      let keyLine = lines.line(of: "annotations", orZero: true)
      guard let array = notes.array else {
        throw fail(keyLine > 0 ? keyLine : lines.header("[annotations]"), "annotations must be [[annotations]] tables")
      }
      for (i, element) in array.enumerated() {
        let start = keyLine > 0 ? keyLine : lines.header("[annotations]", occurrence: i)
        guard let entry = element.table, entry["x"]?.array == nil,
          let x = entry["x"]?.double ?? entry["x"]?.int.map(Double.init), x.isFinite,
          let text = entry["text"]?.string
        else { throw fail(start, "each [[annotations]] needs x = NUMBER and text = \"...\"") }
        for key in entry.keys where key != "x" && key != "text" {
          throw fail(lines.line(of: key, after: start), "unknown key '\(key)' in [[annotations]] (valid: x, text)")
        }
        preset.annotations.append((x, text.escapedForTerminal(limit: 200)))
      }
    }

    var entries: [(view: String, line: Int, parameters: TOMLTable?, parametersLine: Int)] = []
    if table["view"] != nil {
      if table["views"] != nil { throw fail(lines.line(of: "views"), "use either view or [[views]], not both") }
      let parameters = table["parameters"]
      if parameters != nil && parameters?.table == nil { throw fail(lines.line(of: "parameters"), "parameters must be a table") }
      entries.append((try string("view", required: true) ?? "", lines.line(of: "view"), parameters?.table, lines.header("parameters")))
    } else if let views = table["views"] {
      guard let array = views.array else { throw fail(lines.line(of: "views"), "views must be [[views]] tables") }
      guard !array.isEmpty else { throw fail(lines.line(of: "views"), "views is empty: give at least one [[views]] table with view = \"NAME\"") }
      for (i, element) in array.enumerated() {
        let start = lines.header("[views]", occurrence: i)
        guard let entry = element.table else { throw fail(start, "each [[views]] entry must be a table") }
        for key in entry.keys where key != "view" && key != "parameters" {
          throw fail(lines.line(of: key, after: start), "unknown key '\(key)' in [[views]] (valid: view, parameters)")
        }
        guard let view = entry["view"]?.string else { throw fail(start, "each [[views]] entry needs view = \"NAME\"") }
        entries.append((view, lines.line(of: "view", after: start), entry["parameters"]?.table,
                        lines.header("views.parameters", after: start)))
      }
    } else {
      throw fail(1, "missing view = \"NAME\" or [[views]] tables")
    }

    for entry in entries {
      var arguments: [String] = []
      if let parameters = entry.parameters {
        for key in parameters.keys {
          let line = lines.line(of: key, after: entry.parametersLine)
          let shownKey = key.escapedForTerminal(limit: 60)
          if lines.hasNonDecimalNumber(at: line) {
            throw fail(line, "\(shownKey): write numbers in decimal (hexadecimal, octal and binary are refused everywhere)")
          }
          if let list = parameters[key]?.array, list.count < 2 {
            throw fail(line, "\(shownKey) = [...] sweeps a list of at least two values; write \(shownKey) = VALUE for one")
          }
          guard let text = valueText(parameters[key]) else {
            throw fail(line, "\(shownKey) must be a number, true/false, a word or a list of numbers")
          }
          arguments.append("\(key)=\(text)")
        }
      }
      if let plane = PlaneInfo.named(entry.view) {
        if preset.plane != nil { throw fail(entry.line, "a preset holds one 2-D view") }
        do {
          preset.plane = try PlaneRequest.parse([plane.name] + arguments)
        } catch {
          throw fail(entry.parametersLine, error.description)
        }
        continue
      }
      guard let info = Catalog.view(named: entry.view) else {
        throw fail(entry.line, ViewArguments.unknownView(entry.view).description)
      }
      var request = ViewRequest(info: info)
      for argument in arguments {
        let key = String(argument.prefix { $0 != "=" })
        do { try request.apply(argument) } catch { throw fail(lines.line(of: key, after: entry.parametersLine), error.description) }
      }
      do { try request.checkAxisParameters() } catch { throw fail(entry.line, error.description) }
      preset.views.append(request)
    }
    if preset.plane != nil && !preset.views.isEmpty { throw fail(1, "a 2-D view cannot be combined with other views") }
    try checkRange(preset, lines: lines, fail: fail)
    return preset
  }

  /// from, to and cursor checked against the views' shared axis, each reported at its own line.
  private static func checkRange(_ preset: Preset, lines: LineFinder, fail: (Int, String) -> CLIError) throws(CLIError) {
    if let plane = preset.plane {
      for key in ["from", "to", "cursor"] where (key == "from" ? preset.from : key == "to" ? preset.to : preset.cursor) != nil {
        throw fail(lines.line(of: key), "\(key) does not apply to the 2-D view \(plane.info.name)")
      }
      return
    }
    guard let first = preset.views.first else { return }
    let axis = first.axis
    for view in preset.views.dropFirst() where view.axis.name != axis.name {
      throw fail(1, "\(first.info.name) is on axis \(axis.name) but \(view.info.name) is on \(view.axis.name); they cannot share one x axis")
    }
    for (key, value) in [("from", preset.from), ("to", preset.to), ("cursor", preset.cursor)] {
      if let value, !axis.contains(value) {
        throw fail(lines.line(of: key), "\(key) = \(NumberText.shortest(value)) is outside the \(axis.name) domain \(axis.domainText)")
      }
    }
    if let from = preset.from, let to = preset.to, from >= to {
      throw fail(lines.line(of: "to"), "from (\(NumberText.shortest(from))) must be less than to (\(NumberText.shortest(to)))")
    }
  }

  /// What a TOML value is, for "must be a number, not ...".
  static func kind(of value: TOMLValueConvertible) -> String {
    if value.array != nil { return "a list" }
    if value.table != nil { return "a table" }
    if value.string != nil { return "a string" }
    if value.bool != nil { return "true/false" }
    return "that value"
  }

  /// The value as a user would type it after `name=`: numbers, booleans, words, comma lists.
  static func valueText(_ value: TOMLValueConvertible?) -> String? {
    guard let value else { return nil }
    if let b = value.bool { return b ? "true" : "false" }
    if let i = value.int { return String(i) }
    if let d = value.double { return d.description }
    if let s = value.string { return s }
    if let array = value.array {
      // Only plain values in a list: a nested list is not a number.
      let items = array.map { $0.array == nil && $0.table == nil ? valueText($0) : nil }
      guard !items.isEmpty, items.allSatisfy({ $0 != nil && !$0!.contains(",") }) else { return nil }
      return items.map { $0! }.joined(separator: ",")
    }
    return nil
  }
}

/// Finds the line of a key or table header in TOML text, for error messages.
struct LineFinder {
  let lines: [Substring]

  init(_ text: String) { lines = text.split(separator: "\n", omittingEmptySubsequences: false) }

  /// 1-based line of the first `key =` at or after line `after` (`after`, or 0 with `orZero`, when not found).
  func line(of key: String, after: Int = 1, orZero: Bool = false) -> Int {
    for i in max(0, after - 1)..<lines.count {
      let trimmed = lines[i].drop { $0 == " " || $0 == "\t" }
      if trimmed.hasPrefix(key) {
        let rest = trimmed.dropFirst(key.count).drop { $0 == " " || $0 == "\t" }
        if rest.hasPrefix("=") { return i + 1 }
      }
    }
    return orZero ? 0 : after
  }

  /// Whether the value on a `key = value` line holds a TOML 0x, 0o or 0b integer, which a
  /// command line or the app would refuse (the line's text, outside quotes).
  func hasNonDecimalNumber(at line: Int) -> Bool {
    guard line >= 1, line <= lines.count, let eq = lines[line - 1].firstIndex(of: "=") else { return false }
    var quoted: Character?
    var previous: Character = " "
    for c in lines[line - 1][lines[line - 1].index(after: eq)...] {
      if let q = quoted {
        if c == q { quoted = nil }
      } else if c == "\"" || c == "'" {
        quoted = c
      } else if c == "#" {
        return false
      } else if previous == "0", "xXoObB".contains(c) {
        return true
      }
      previous = c
    }
    return false
  }

  /// 1-based line of a `[name]` (or `[[name]]` when name is `[views]`) header.
  func header(_ name: String, after: Int = 1, occurrence: Int = 0) -> Int {
    var seen = 0
    for i in max(0, after - 1)..<lines.count {
      let trimmed = lines[i].drop { $0 == " " || $0 == "\t" }
      if trimmed.hasPrefix("[\(name)]") {
        if seen == occurrence { return i + 1 }
        seen += 1
      }
    }
    return after
  }
}
