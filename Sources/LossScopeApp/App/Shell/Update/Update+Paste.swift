// Pasted text: typed into an open prompt at once, cut to the prompt's limit; ignored elsewhere.

import LossData
import LossLogs
import LossText

/// The most a prompt holds after a paste: a path, a preset name or a number is never longer.
let promptLimit = 256

/// A paste is text, never keys: outside a prompt it does nothing (pasting `qqq` must not quit),
/// and in a prompt its control characters (a newline that would accept it, an escape) are
/// dropped, tabs read as spaces.
func paste(_ text: String, _ state: inout AppState) -> [Effect] {
  guard case .prompt(let prompt, let current, let fresh) = state.overlay else { return [] }
  let base = fresh ? "" : current
  let at = fresh ? 0 : state.caret(in: current)
  var inserted = ""
  for scalar in text.unicodeScalars {
    if base.unicodeScalars.count + inserted.unicodeScalars.count >= promptLimit { break }
    if scalar == "\t" {
      inserted.append(" ")
    } else if scalar.value >= 0x20 && !(0x7F..<0xA0).contains(scalar.value) && !(0x2028...0x202E).contains(scalar.value) {
      inserted.unicodeScalars.append(scalar)
    }
  }
  let chars = Array(base)
  state.overlay = .prompt(prompt, text: String(chars[..<at]) + inserted + String(chars[at...]))
  state.promptCaret = at + inserted.count
  return []
}
