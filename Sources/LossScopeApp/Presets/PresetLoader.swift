// Reading a preset file: text checked, numbers read by the one grammar, TOMLKit's table decoded into a PresetFile.
//
// Every key is checked and every mistake reported with its line.

import Losses
import TOMLKit
import LossText
import LossData
import LossLogs

enum PresetLoader {
  /// Parses `text` (read from `path`) into a preset; every error reads `path:line: message`.
  static func parse(_ text: String, path: String) throws(CLIError) -> Preset {
    let shownPath = path.escapedForTerminal(limit: 120)
    func fail(_ line: Int, _ message: String) -> CLIError { CLIError("\(shownPath):\(line): \(message)") }
    let file = try decode(text, fail: fail)
    return try Preset(file, path: path, fail: fail)
  }

  /// The one place a preset's text becomes a typed value.
  static func decode(_ text: String, fail: (Int, String) -> CLIError) throws(CLIError) -> PresetFile {
    let lines = LineFinder(text)
    try TOMLPrecheck.check(text, fail: fail)
    let numbersRead = try PresetNumbers.check(text, fail: fail)
    let table: TOMLTable
    do {
      table = try TOMLTable(string: numbersRead)
    } catch let error as TOMLParseError {
      throw fail(error.source.begin.line, "TOML syntax: \(error.description)")
    } catch {
      throw fail(1, "TOML syntax: \(error)")
    }
    for key in table.keys where !PresetFile.topKeys.contains(key) {
      throw fail(lines.line(of: key), "unknown key '\(key.escapedForTerminal(limit: 60))' (valid: \(PresetFile.topKeys.joined(separator: ", ")))")
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
      guard value.array == nil, value.table == nil, let x = value.double ?? value.int.map(Double.init), x.isFinite else {
        throw fail(lines.line(of: key), "\(key) must be a finite number, not \(kind(of: value))")
      }
      return x
    }
    func flag(_ key: String) throws(CLIError) -> Bool? {
      guard let value = table[key] else { return nil }
      guard let b = value.bool else { throw fail(lines.line(of: key), "\(key) must be true or false") }
      return b
    }

    let name = try string("name", required: true) ?? ""
    // `string` escapes control characters, so a name that changed on the way had some.
    guard !name.isEmpty, name.count <= 100, !name.contains("/"), name == table["name"]?.string else {
      throw fail(lines.line(of: "name"), "name must be 1 to 100 characters without '/' or control characters")
    }
    var file = PresetFile(
      name: name, title: try string("title"), description: try string("description"), source: try string("source"),
      from: try number("from"), to: try number("to"), cursor: try number("cursor"), logY: try flag("log_y"),
      grad: try flag("grad"))
    for key in table.keys { file.lines[key] = lines.line(of: key) }
    file.annotations = try annotations(table, lines, fail)
    file.views = try views(table, lines, fail)
    return file
  }

  /// `annotations = [...]` on one line, or [[annotations]] tables: errors point at either.
  private static func annotations(_ table: TOMLTable, _ lines: LineFinder, _ fail: (Int, String) -> CLIError) throws(CLIError) -> [PresetFile.Annotation] {
    guard let notes = table["annotations"] else { return [] }
    let keyLine = lines.line(of: "annotations", orZero: true)
    guard let array = notes.array else {
      throw fail(keyLine > 0 ? keyLine : lines.header("[annotations]"), "annotations must be [[annotations]] tables")
    }
    var result: [PresetFile.Annotation] = []
    for (i, element) in array.enumerated() {
      let start = keyLine > 0 ? keyLine : lines.header("[annotations]", occurrence: i)
      guard let entry = element.table, entry["x"]?.array == nil,
        let x = entry["x"]?.double ?? entry["x"]?.int.map(Double.init), x.isFinite,
        let text = entry["text"]?.string
      else { throw fail(start, "each [[annotations]] needs x = NUMBER and text = \"...\"") }
      for key in entry.keys where key != "x" && key != "text" {
        throw fail(lines.line(of: key, after: start), "unknown key '\(key.escapedForTerminal(limit: 60))' in [[annotations]] (valid: x, text)")
      }
      result.append(PresetFile.Annotation(x: x, text: text.escapedForTerminal(limit: 200), line: start))
    }
    return result
  }

  /// `view = "NAME"` with `[parameters]`, or [[views]] tables each with `[views.parameters]`.
  private static func views(_ table: TOMLTable, _ lines: LineFinder, _ fail: (Int, String) -> CLIError) throws(CLIError) -> [PresetFile.View] {
    var entries: [(view: String, line: Int, parameters: TOMLTable?, parametersLine: Int)] = []
    if let view = table["view"] {
      if table["views"] != nil { throw fail(lines.line(of: "views"), "use either view or [[views]], not both") }
      guard let name = view.string else { throw fail(lines.line(of: "view"), "view must be a string") }
      let parameters = table["parameters"]
      if parameters != nil && parameters?.table == nil { throw fail(lines.line(of: "parameters"), "parameters must be a table") }
      entries.append((name, lines.line(of: "view"), parameters?.table, lines.header("parameters")))
    } else if let views = table["views"] {
      guard let array = views.array else { throw fail(lines.line(of: "views"), "views must be [[views]] tables") }
      guard !array.isEmpty else { throw fail(lines.line(of: "views"), "views is empty: give at least one [[views]] table with view = \"NAME\"") }
      for (i, element) in array.enumerated() {
        let start = lines.header("[views]", occurrence: i)
        guard let entry = element.table else { throw fail(start, "each [[views]] entry must be a table") }
        for key in entry.keys where key != "view" && key != "parameters" {
          throw fail(lines.line(of: key, after: start), "unknown key '\(key.escapedForTerminal(limit: 60))' in [[views]] (valid: view, parameters)")
        }
        guard let view = entry["view"]?.string else { throw fail(start, "each [[views]] entry needs view = \"NAME\"") }
        entries.append((view, lines.line(of: "view", after: start), entry["parameters"]?.table,
                        lines.header("views.parameters", after: start)))
      }
    } else {
      throw fail(1, "missing view = \"NAME\" or [[views]] tables")
    }
    return try entries.map { entry throws(CLIError) in
      var view = PresetFile.View(view: entry.view, line: entry.line, parametersLine: entry.parametersLine)
      for key in entry.parameters?.keys ?? [] {
        let line = lines.line(of: key, after: entry.parametersLine)
        let shownKey = key.escapedForTerminal(limit: 60)
        if let list = entry.parameters?[key]?.array, list.count < 2 {
          throw fail(line, "\(shownKey) = [...] sweeps a list of at least two values; write \(shownKey) = VALUE for one")
        }
        guard let typed = value(entry.parameters?[key]) else {
          throw fail(line, "\(shownKey) must be a number, true/false, a word or a list of numbers")
        }
        view.parameters.append(PresetFile.Parameter(name: key, value: typed, line: line))
      }
      return view
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

  /// A parameter's value, typed: a number, true/false, a word, or a list of those (not of lists).
  static func value(_ value: TOMLValueConvertible?, inList: Bool = false) -> PresetFile.Value? {
    guard let value else { return nil }
    if let b = value.bool { return .flag(b) }
    if let i = value.int { return .number(Double(i)) }
    if let d = value.double { return d.isFinite ? .number(d) : nil }
    if let s = value.string { return .word(s) }
    if let array = value.array, !inList, !array.isEmpty {
      var items: [PresetFile.Value] = []
      for element in array {
        guard let item = self.value(element, inList: true) else { return nil }
        items.append(item)
      }
      return .list(items)
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
