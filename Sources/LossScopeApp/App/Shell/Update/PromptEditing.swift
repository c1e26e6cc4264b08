// Editing a prompt's line as a shell does: a caret, Home/End and Ctrl-A/E, Ctrl-U/W/K, Backspace and
// Delete, and Up/Down through what was typed before at the same prompt.

import LossData
import LossLogs
import LossText

extension AppState {
  static let promptHistoryLimit = 50

  /// Opens a prompt with its caret at the end of `text`.
  mutating func openPrompt(_ prompt: Prompt, text: String, fresh: Bool = false) {
    overlay = .prompt(prompt, text: text, fresh: fresh)
    promptCaret = nil
    promptHistoryIndex = nil
  }

  /// The caret inside the open prompt's text, in characters, kept within it.
  func caret(in text: String) -> Int { min(max(0, promptCaret ?? text.count), text.count) }

  /// Applies an editing key to the open prompt; false when the key is not an editing key.
  mutating func edit(_ key: Key, prompt: Prompt, text: String, fresh: Bool) -> Bool {
    var chars = Array(fresh && isTyping(key) ? "" : text)
    var at = fresh && isTyping(key) ? 0 : caret(in: text)
    switch key {
    case .left: at -= 1
    case .right: at += 1
    case .home, .char("\u{01}"): at = 0  // Ctrl-A
    case .end, .char("\u{05}"): at = chars.count  // Ctrl-E
    case .backspace:
      guard at > 0 else { break }
      chars.remove(at: at - 1)
      at -= 1
    case .delete, .char("\u{04}"):  // Ctrl-D deletes forward, as in a shell
      if at < chars.count { chars.remove(at: at) }
    case .char("\u{15}"):  // Ctrl-U: everything before the caret
      chars.removeFirst(at)
      at = 0
    case .char("\u{0b}"):  // Ctrl-K: everything after it
      chars.removeLast(chars.count - at)
    case .char("\u{17}"):  // Ctrl-W: the word before it
      var start = at
      while start > 0 && chars[start - 1] == " " { start -= 1 }
      while start > 0 && chars[start - 1] != " " && chars[start - 1] != "/" { start -= 1 }
      chars.removeSubrange(start..<at)
      at = start
    case .up, .down:
      let history = promptHistory[prompt.historyKey] ?? []
      guard !history.isEmpty else { return true }
      let index = promptHistoryIndex.map { $0 + (key == .up ? -1 : 1) } ?? (key == .up ? history.count - 1 : history.count)
      promptHistoryIndex = min(max(index, 0), history.count)
      chars = promptHistoryIndex.map { $0 < history.count ? Array(history[$0]) : [] } ?? chars
      at = chars.count
    case .char(let c) where c.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7f }):
      guard chars.count < promptLimit else { break }
      chars.insert(c, at: at)
      at += 1
    case .char:
      return true  // other control characters are never text
    default:
      return false
    }
    overlay = .prompt(prompt, text: String(chars))
    promptCaret = min(max(0, at), chars.count)
    return true
  }

  /// Remembers an accepted line for Up/Down at the same prompt.
  mutating func remember(_ text: String, for prompt: Prompt) {
    guard !text.isEmpty else { return }
    var history = promptHistory[prompt.historyKey] ?? []
    history.removeAll { $0 == text }
    history.append(text)
    promptHistory[prompt.historyKey] = Array(history.suffix(Self.promptHistoryLimit))
  }

  private func isTyping(_ key: Key) -> Bool {
    if case .char(let c) = key { return c.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7f } }
    return false
  }
}

extension Prompt {
  /// Prompts of one kind share a history: every parameter's values, every export path.
  var historyKey: String {
    switch self {
    case .value(let name): return "value " + name
    case .exportPath: return "export"
    case .presetName: return "preset"
    case .yRange: return "y range"
    }
  }
}
