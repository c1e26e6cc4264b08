// The app's current setup written as a preset file that PresetLoader reads back.

import Losses
import LossData
import LossLogs
import LossText

enum PresetWriter {
  /// A name is a file name too: letters, digits, `-` and `_` only.
  static func isValidName(_ name: String) -> Bool {
    !name.isEmpty && name.count <= 64 && name.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
    }
  }

  /// The lines every saved preset starts with; `description` is what the app showed.
  static func header(name: String, description: String) -> String {
    "# Saved from the LossScope app.\nname = \"\(name)\"\ntitle = \"\(name)\"\n"
      + "description = \"\(quoted(description))\"\nsource = \"saved by the user\"\n"
  }

  /// `name = value` for every active parameter; a swept one as a list of its values.
  static func parameterLines(_ parameters: Parameters, sweep: Sweep? = nil) -> String {
    parameters.active.map { spec, value in
      func text(_ v: Double) -> String {
        let t = spec.format(v)
        return spec.isNumeric || spec.kind == .boolean ? t : "\"\(t)\""
      }
      if let sweep, sweep.name == spec.name { return "\(spec.name) = [\(sweep.values.map(text).joined(separator: ", "))]\n" }
      return "\(spec.name) = \(text(value))\n"
    }.joined()
  }

  /// TOML basic-string escapes, so a title with quotes or backslashes reads back as written.
  static func quoted(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case _ where scalar.value < 0x20 || scalar.value == 0x7f:
        let hex = String(scalar.value, radix: 16, uppercase: true)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
