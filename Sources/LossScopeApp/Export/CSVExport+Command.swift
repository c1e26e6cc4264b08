// The `lossscope export` command line that writes a given table: the app shows it after `e`.

import Losses
import LossText
import LossData
import LossLogs

extension Sampling {
  /// export's number of points when --points is not given.
  static let defaultPoints = 201

  /// Views that share an axis name may not share its domain (nce's s runs over [-1000, 1000],
  /// infonce's over [-1, 1]): every view must be defined over the whole grid.
  static func checkDomains(_ requests: [ViewRequest], from: Double, to: Double) throws(CLIError) {
    for r in requests where !(r.axis.contains(from) && r.axis.contains(to)) {
      throw CLIError("\(r.info.name) is defined for \(r.axis.name) in \(r.axis.domainText), but the grid runs from "
        + "\(NumberText.shortest(from)) to \(NumberText.shortest(to)): set --from and --to inside it, or name \(r.info.name) first")
    }
  }
}

extension CSVExport {
  /// `lossscope export focal gamma=0,0.5,1 alpha=1 + ce --from 0.5 --to 0.999`: every active
  /// parameter (the axis only when it is not the view's first), swept values as lists, and the
  /// grid's options only where they differ from export's defaults. Numbers are printed in their
  /// shortest round-trip form, so the command reproduces the same grid bit for bit.
  static func commandLine(_ requests: [ViewRequest], grid: SampleGrid) -> String {
    var words = ["lossscope", "export"]
    for (i, request) in requests.enumerated() {
      if i > 0 { words.append("+") }
      words.append(request.info.name)
      for (spec, value) in request.parameters.active {
        if spec.isAxis && value == 0 { continue }
        let swept = request.sweeps.first { $0.name == spec.name }?.values
        words.append("\(spec.name)=" + (swept ?? [value]).map(spec.format).joined(separator: ","))
      }
    }
    if let axis = requests.first?.axis {
      if grid.from != axis.from { words += ["--from", NumberText.shortest(grid.from)] }
      if grid.to != axis.to { words += ["--to", NumberText.shortest(grid.to)] }
    }
    if grid.count != Sampling.defaultPoints { words += ["--points", String(grid.count)] }
    return words.map(shellQuoted).joined(separator: " ")
  }

  /// `text` with `# command: COMMAND` after its first (version) line: the app's files say how to
  /// write them again without the app.
  static func withCommand(_ text: String, _ command: String) -> String {
    let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2 else { return text }
    return "\(parts[0])\n# command: \(command)\n\(parts[1])"
  }

  /// A word as a POSIX shell reads it back: quoted only when it holds more than safe characters.
  /// A word with a control character (a newline in a file name) is written `$'...'` with the
  /// character escaped (bash, zsh, ksh and POSIX.1-2024 sh read it back), so that the command
  /// stays one line, in a `# command:` comment and on the status line, and pastes as it was.
  static func shellQuoted(_ word: String) -> String {
    if word.unicodeScalars.contains(where: TerminalEscape.needsEscape) { return ansiQuoted(word) }
    let safe = word.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_=.,+/:".unicodeScalars.contains($0)
    }
    return safe && !word.isEmpty ? word : "'" + word.replacingAll("'", with: "'\\''") + "'"
  }

  /// `$'...'`: a backslash and a quote escaped, each control as `\n`, `\t`, `\r`, `\xHH` or
  /// `\uHHHH` (always with every digit, so a following digit stays a character).
  private static func ansiQuoted(_ word: String) -> String {
    func hex(_ v: UInt32, _ digits: Int) -> String {
      let text = String(v, radix: 16)
      return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
    var out = "$'"
    for scalar in word.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "'": out += "\\'"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if !TerminalEscape.needsEscape(scalar) {
          out.unicodeScalars.append(scalar)
        } else if scalar.value < 0x80 {
          out += "\\x" + hex(scalar.value, 2)
        } else {
          out += "\\u" + hex(scalar.value, 4)
        }
      }
    }
    return out + "'"
  }
}

extension String {
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for c in self { if c == target { out += replacement } else { out.append(c) } }
    return out
  }
}
