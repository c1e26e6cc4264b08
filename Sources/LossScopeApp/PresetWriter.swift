// The current setup of the app written as a preset file that PresetLoader reads back.

import Losses

enum PresetWriter {
  /// A name is a file name too: letters, digits, `-` and `_` only.
  static func isValidName(_ name: String) -> Bool {
    !name.isEmpty && name.count <= 64 && name.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
    }
  }

  static func toml(_ state: AppState, name: String) -> String {
    var text = "# Saved from the LossScope app.\nname = \"\(name)\"\ntitle = \"\(name)\"\n"
    text += "description = \"\(state.shownName)\"\nsource = \"saved by the user\"\n"
    if let plane = state.plane {
      text += "view = \"\(plane.info.name)\"\n\n[parameters]\n" + parameterLines(plane.parameters)
      return text
    }
    text += "from = \(formatNumber(state.from))\nto = \(formatNumber(state.to))\ncursor = \(formatNumber(state.cursor))\n"
    text += "log_y = \(state.logY)\n"
    // The active view first, so that it is the one edited when the preset is opened again.
    let ordered = [state.activeView] + state.views.enumerated().filter { $0.offset != state.active }.map(\.element)
    for slot in ordered {
      text += "\n[[views]]\nview = \"\(slot.info.name)\"\n[views.parameters]\n" + parameterLines(slot.parameters)
    }
    return text
  }

  private static func parameterLines(_ parameters: Parameters) -> String {
    parameters.active.map { spec, value in
      let text = spec.format(value)
      return "\(spec.name) = " + (spec.isNumeric || spec.kind == .boolean ? text : "\"\(text)\"") + "\n"
    }.joined()
  }
}
