// Undo and redo: the mode before every change of parameters, views, sweep or range, many levels.

import LossData
import LossLogs
import LossText

extension AppState {
  static let historyLimit = 100

  /// One remembered screen and the words that describe it (its command line).
  struct Snapshot {
    var mode: Mode
    var key: String
  }

  /// Runs `body`; when it changed what the mode shows, remembers the mode from before it.
  mutating func recording<R>(_ body: (inout AppState) -> R) -> R {
    let before = Snapshot(mode: mode, key: model.undoKey)
    let result = body(&self)
    if model.undoKey != before.key {
      past.append(before)
      if past.count > Self.historyLimit { past.removeFirst(past.count - Self.historyLimit) }
      future.removeAll()
    }
    return result
  }

  /// `u` and Ctrl-R: back to the screen before the last change, or forward again.
  mutating func travel(back: Bool) {
    guard let target = back ? past.popLast() : future.popLast() else {
      status = back ? "nothing to undo" : "nothing to redo"
      return
    }
    let current = Snapshot(mode: mode, key: model.undoKey)
    if back { future.append(current) } else { past.append(current) }
    restore(target.mode)
    status = (back ? "undid " : "redid ") + Self.difference(from: back ? target.key : current.key, to: back ? current.key : target.key)
  }

  /// What changed between two command lines, in their own words: `gamma=2.5`, `removed ce`.
  static func difference(from old: String, to new: String) -> String {
    let a = old.split(separator: " "), b = new.split(separator: " ")
    let added = b.filter { !a.contains($0) }, removed = a.filter { !b.contains($0) && $0 != "+" }
    if !added.isEmpty { return added.joined(separator: " ") }
    if !removed.isEmpty { return "removed " + removed.joined(separator: " ") }
    return "a change"
  }
}
