// A preset made from its decoded file: views found by name, typed values checked by their specs, the range by the axis.

import Losses
import LossText

extension Preset {
  /// The preset `file` (read from `path`) describes; `fail` names the line of each refusal.
  init(_ file: PresetFile, path: String, fail: (Int, String) -> CLIError) throws(CLIError) {
    self.init(
      name: file.name, title: file.title ?? file.name, description: file.description ?? "", source: file.source ?? "",
      path: path, views: [], from: file.from, to: file.to, logY: file.logY ?? false, grad: file.grad ?? false,
      cursor: file.cursor, annotations: file.annotations.map { ($0.x, $0.text) }, lines: file.lines)
    for entry in file.views {
      if let info = PlaneInfo.named(entry.view) {
        if plane != nil { throw fail(entry.line, "a preset holds one 2-D view") }
        var request = PlaneRequest(info: info, parameters: info.defaults)
        for p in entry.parameters {
          do { try request.assign(p.name, p.value) } catch { throw fail(p.line, error.description) }
        }
        plane = request
        continue
      }
      guard let info = Catalog.view(named: entry.view) else {
        throw fail(entry.line, ViewArguments.unknownView(entry.view).description)
      }
      var request = ViewRequest(info: info)
      for p in entry.parameters {
        do { try request.assign(p.name, p.value) } catch { throw fail(p.line, error.description) }
      }
      do { try request.checkAxisParameters() } catch { throw fail(entry.line, error.description) }
      views.append(request)
    }
    if plane != nil && !views.isEmpty { throw fail(1, "a 2-D view cannot be combined with other views") }
    try checkRange(file, fail: fail)
  }

  /// from, to and cursor checked against the views' shared axis, each reported at its own line.
  /// A bound the file leaves out is the axis's default, which the other must still be on the
  /// right side of: `to = 1e-320` alone is refused here, not later without its file.
  private func checkRange(_ file: PresetFile, fail: (Int, String) -> CLIError) throws(CLIError) {
    if let plane {
      for (key, value) in [("from", from), ("to", to), ("cursor", cursor)] where value != nil {
        throw fail(file.line(of: key), "\(key) does not apply to the 2-D view \(plane.info.name)")
      }
      return
    }
    guard let first = views.first else { return }
    let axis = first.axis
    for view in views.dropFirst() where view.axis.name != axis.name {
      throw fail(1, "\(first.info.name) is on axis \(axis.name) but \(view.info.name) is on \(view.axis.name); they cannot share one x axis")
    }
    for (key, value) in [("from", from), ("to", to), ("cursor", cursor)] {
      if let value, !axis.contains(value) {
        throw fail(file.line(of: key), "\(key) = \(NumberText.shortest(value)) is outside the \(axis.name) domain \(axis.domainText)")
      }
    }
    let shown = NumberText.shortest
    switch (from, to) {
    case (let from?, let to?) where from >= to:
      throw fail(file.line(of: "to"), "from (\(shown(from))) must be less than to (\(shown(to)))")
    case (nil, let to?) where axis.from >= to:
      throw fail(file.line(of: "to"), "to (\(shown(to))) must be more than the \(axis.name) axis's default from (\(shown(axis.from))); set from below it")
    case (let from?, nil) where from >= axis.to:
      throw fail(file.line(of: "from"), "from (\(shown(from))) must be less than the \(axis.name) axis's default to (\(shown(axis.to))); set to above it")
    default: break
    }
  }

  /// `path:line` of a top-level key, for a refusal that involves it after loading.
  func place(of key: String) -> String {
    "\(path.escapedForTerminal(limit: 120)):\(lines[key] ?? 1)"
  }
}

extension ParameterSpec {
  /// A preset's value for this parameter: a number checked as a typed one is (kind, then range),
  /// a word or true/false read as typed text is.
  func value(of value: PresetFile.Value) throws(ParameterError) -> Double {
    switch value {
    case .number(let x):
      let text = NumberText.shortest(x)
      guard isNumeric else { throw .notANumber(name: name, text: text, expected: "one of " + options.joined(separator: ", ")) }
      if kind == .integer && x.rounded() != x { throw .notANumber(name: name, text: text, expected: "an integer") }
      guard contains(x) else { throw .outOfRange(name: name, text: text, range: rangeText) }
      return x
    case .flag, .word:
      return try parse(value.shown)
    case .list:
      throw .notANumber(name: name, text: value.shown, expected: "one value")
    }
  }
}
