// Which metrics are held-out and which training metric each one goes with, as each library names them; metric selection by glob.
//
// Held out: a name with the word val, valid, validation, eval or test (Keras `val_`, Hugging
// Face `eval_`, TensorBoard `loss/val`, `val/loss`, `Loss/validation`). Its training partner is,
// in this order, the name without that word (`val_loss` -> `loss`, `eval_loss` -> `loss`), with
// `train` in its place (`train_loss`, `loss/train`, `train/loss`, `Loss/train`), and for a loss
// `loss`, `train_loss` or `total_loss` (detectron2's); each first with Lightning's `_epoch` suffix (`train_loss_epoch`, which
// `self.log(..., on_step=True, on_epoch=True)` writes beside `train_loss_step`). A `_step` series
// is never a partner: it stays a series of its own. A held-out metric with no partner of its own
// name (`eval_accuracy` beside `loss`) goes with the run's training loss. Bookkeeping (runtime, samples, steps or
// tokens per second, flos, epoch, learning rate, momentum, grad norm) is never paired or judged.
// add_scalars writes `loss_train/` and `loss_val/` beside each other, Keras's TensorBoard
// callback `train/` and `validation/`: such sibling runs are paired as one (`units`).

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

  /// Lightning's suffixes of a metric logged with both `on_step` and `on_epoch`.
  package static func lightningSuffix(_ name: String) -> String? {
    for suffix in ["_epoch", "_step"] where name.count > suffix.count && name.hasSuffix(suffix) { return suffix }
    return nil
  }

  /// Metrics that describe the run rather than its learning: never paired, never judged.
  package static func isBookkeeping(_ name: String) -> Bool {
    var base = name
    if let suffix = lightningSuffix(name) { base = String(name.dropLast(suffix.count)) }
    let w = Set(words(base).map(String.init))
    if LogGoal.of(base) != nil { return false }
    if !w.isDisjoint(with: ["runtime", "flos", "lr", "epoch", "epochs", "second", "seconds", "sec", "momentum", "timestamp", "time", "throughput"]) {
      return true
    }
    return (w.contains("learning") && w.contains("rate")) || ((w.contains("grad") || w.contains("gradient")) && w.contains("norm"))
  }

  /// Names the training partner of `val` could have, most likely first: without the held-out
  /// word (`val_loss` -> `loss`), with `train` in its place (`train_loss`), then, for a loss,
  /// `loss` and `train_loss`; each with Lightning's `_epoch` first. `val_loss_epoch` looks for
  /// `loss_epoch`, `train_loss_epoch`, `loss`, `train_loss`.
  package static func partnerCandidates(_ val: String) -> [String] {
    let base = val.hasSuffix("_epoch") && val.count > 6 ? String(val.dropLast(6)) : val
    var out: [String] = []
    let chars = Array(base)
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
    let rest = words(base).filter { !heldOutWords.contains(String($0)) }
    out += rest.isEmpty || rest.contains("loss") ? ["loss", "train_loss", "total_loss"] : []
    var seen = Set<String>()
    return out.flatMap { [$0 + "_epoch", $0] }.filter { !$0.isEmpty && seen.insert($0).inserted }
  }

  /// Train/val pairs among `metrics` (a held-out metric without a partner of its name paired
  /// with the training loss), then each other metric with a known goal on its own (Lightning's
  /// `_step` series). With neither, each metric but
  /// bookkeeping stands alone (and is shown unjudged).
  /// `evaluated`: names the format says are held out whatever their words (detectron2's `bbox/AP`).
  package static func pairs(_ metrics: [String], train: String? = nil, val: String? = nil,
                            goals: [(glob: String, goal: LogGoal)] = [], evaluated: (String) -> Bool = { _ in false }) -> [LogPair] {
    if let train { return metrics.contains(train) ? [LogPair(train: train, val: val.flatMap { metrics.contains($0) ? $0 : nil })] : [] }
    let present = Set(metrics)
    var pairs: [LogPair] = []
    var paired: Set<String> = []
    for m in metrics where isHeldOut(m) && !isBookkeeping(m) && !m.hasSuffix("_step") {
      let usable = { (c: String) in present.contains(c) && !isHeldOut(c) && !isBookkeeping(c) && !paired.contains(c) }
      if let partner = partnerCandidates(m).first(where: usable) {
        pairs.append(LogPair(train: partner, val: m))
        paired.formUnion([partner, m])
      }
    }
    // A held-out metric with a goal and no partner of its own name (Hugging Face's
    // eval_accuracy) goes with the run's training loss, each judged by its own goal.
    let trainLoss = pairs.first { LogGoal.of($0.train, overrides: goals) == .min }?.train
      ?? metrics.first { !isHeldOut($0) && !evaluated($0) && !isBookkeeping($0) && !$0.hasSuffix("_step") && LogGoal.of($0, overrides: goals) == .min }
    if let trainLoss {
      for m in metrics where (isHeldOut(m) || evaluated(m)) && !paired.contains(m) && !isBookkeeping(m) && !m.hasSuffix("_step") && LogGoal.of(m, overrides: goals) != nil {
        pairs.append(LogPair(train: trainLoss, val: m))
        paired.formUnion([trainLoss, m])
      }
    }
    let alone = metrics.filter { !paired.contains($0) && !isBookkeeping($0) }
    let known = alone.filter { LogGoal.of($0, overrides: goals) != nil }
    if pairs.isEmpty && known.isEmpty { return (alone.isEmpty ? metrics : alone).map { LogPair(train: $0, val: nil) } }
    return pairs + known.map { LogPair(train: $0, val: nil) }
  }

  /// The runs to pair within: `runs` as they are, except that sibling runs whose folder names
  /// pair become one run, joining a run of that name when there is one: torch's `P/loss_train`
  /// and `P/loss_val` (tag `loss`) become metrics `loss_train`, `loss_val` of `P`; tensorboardX's
  /// `P/loss/train` and `P/loss/val` (tag `loss`) metrics `loss/train`, `loss/val` of `P`; Keras's
  /// `P/train` and `P/validation` (tags `epoch_loss` ...) metrics `train/epoch_loss` ... of `P`.
  package static func units(_ runs: [LogRun]) -> [LogRun] {
    func split(_ name: String) -> (parent: String, base: String)? {
      guard let slash = name.lastIndex(of: "/"), slash != name.startIndex else { return nil }
      let base = String(name[name.index(after: slash)...])
      return base.isEmpty ? nil : (String(name[..<slash]), base)
    }
    var folded: [Int: String] = [:]  // run index -> parent
    for (i, run) in runs.enumerated() {
      guard let (parent, base) = split(run.name), isHeldOut(base) else { continue }
      let candidates = partnerCandidates(base)
      if let j = runs.indices.first(where: { j in
        j != i && split(runs[j].name).map { $0.parent == parent && candidates.contains($0.base) && !isHeldOut($0.base) } == true
      }) {
        folded[i] = parent
        folded[j] = parent
      }
    }
    guard !folded.isEmpty else { return runs }
    var out: [LogRun] = []
    var at: [String: Int] = [:]
    for (i, run) in runs.enumerated() {
      guard let parent = folded[i] else {
        if let k = at[run.name] { for s in run.series { out[k].adopt(s, as: s.metric) } } else { at[run.name] = out.count; out.append(run) }
        continue
      }
      let base = split(run.name)!.base
      var into = parent
      let names: [String]
      if let tag = run.series.first?.metric, run.series.allSatisfy({ $0.metric == tag }), into.hasSuffix("/" + tag), into.count > tag.count + 1 {
        // tensorboardX: add_scalars("loss", {"train": ...}) writes tag `loss` in loss/train/.
        into = String(into.dropLast(tag.count + 1))
        names = run.series.map { $0.metric + "/" + base }
      } else if run.series.count == 1 && base.hasPrefix(String(run.series[0].metric.map { $0 == "/" ? "_" : $0 }) + "_") {
        // torch's SummaryWriter writes it in loss_train/.
        names = [base]
      } else {
        names = run.series.map { base + "/" + $0.metric }
      }
      if at[into] == nil { at[into] = out.count; out.append(LogRun(name: into, format: run.format)) }
      for (s, name) in zip(run.series, names) { out[at[into]!].adopt(s, as: name) }
    }
    return out
  }

  /// Whether `name` matches one of the globs (`*`, `?`, `[...]`); no globs selects everything.
  package static func selected(_ name: String, _ globs: [String]) -> Bool {
    globs.isEmpty || globs.contains { $0 == name || fnmatch($0, name, 0) == 0 }
  }
}
