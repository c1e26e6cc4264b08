// Which metrics are held-out and which training metric each one goes with; metric selection by glob.

import LossData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A training metric and, when there is one, its held-out partner.
package struct LogPair: Sendable, Equatable {
  package var train: String
  package var val: String?
}

package enum LogPairing {
  package static let heldOutWords: Set<String> = ["val", "valid", "validation", "eval", "test"]

  /// The name's words: runs of letters and digits.
  package static func words(_ name: String) -> [Substring] {
    name.lowercased().split { !($0.isLetter || $0.isNumber) }
  }

  package static func isHeldOut(_ name: String) -> Bool { words(name).contains { heldOutWords.contains(String($0)) } }

  /// Names the training partner of `val` could have, most likely first: without the held-out
  /// word (`val_loss` -> `loss`), with `train` in its place (`train_loss`), then, for a loss,
  /// `loss` and `train_loss`.
  package static func partnerCandidates(_ val: String) -> [String] {
    var out: [String] = []
    let chars = Array(val)
    var i = 0
    while i < chars.count {
      guard chars[i].isLetter || chars[i].isNumber else { i += 1; continue }
      var j = i
      while j < chars.count && (chars[j].isLetter || chars[j].isNumber) { j += 1 }
      let word = String(chars[i..<j]).lowercased()
      if heldOutWords.contains(word) {
        // Drop the word with one separator next to it.
        var lo = i, hi = j
        if hi < chars.count { hi += 1 } else if lo > 0 { lo -= 1 }
        out.append(String(chars[..<lo] + chars[hi...]))
        out.append(String(chars[..<i]) + "train" + String(chars[j...]))
      }
      i = j
    }
    // The fallback is for a held-out loss named otherwise (`val`, `eval/loss_epoch`): pairing
    // `val_acc` with `train_loss` would mix an accuracy into a loss diagnosis.
    let rest = words(val).filter { !heldOutWords.contains(String($0)) }
    return out + (rest.isEmpty || rest.contains("loss") ? ["loss", "train_loss"] : [])
  }

  /// Train/val pairs among `metrics`. Without held-out metrics, each metric with `loss` in its
  /// name (or every metric, when none has) stands alone.
  package static func pairs(_ metrics: [String], train: String? = nil, val: String? = nil) -> [LogPair] {
    if let train { return metrics.contains(train) ? [LogPair(train: train, val: val.flatMap { metrics.contains($0) ? $0 : nil })] : [] }
    let present = Set(metrics)
    var pairs: [LogPair] = []
    var paired: Set<String> = []
    for m in metrics where isHeldOut(m) {
      if let partner = partnerCandidates(m).first(where: { present.contains($0) && !isHeldOut($0) }) {
        pairs.append(LogPair(train: partner, val: m))
        paired.insert(partner)
      }
    }
    let alone = metrics.filter { !isHeldOut($0) && !paired.contains($0) }
    if pairs.isEmpty {
      let losses = alone.filter { words($0).contains("loss") }
      return (losses.isEmpty ? alone : losses).map { LogPair(train: $0, val: nil) }
    }
    return pairs
  }

  /// Whether `name` matches one of the globs (`*`, `?`, `[...]`); no globs selects everything.
  package static func selected(_ name: String, _ globs: [String]) -> Bool {
    globs.isEmpty || globs.contains { $0 == name || fnmatch($0, name, 0) == 0 }
  }
}
