// Which way is good for a metric: lower for losses and errors, higher for accuracies and scores, from its name or `--goal`.
//
// A name's words are its runs of letters and digits, lowercased (`val_accuracy` -> val, accuracy;
// `Loss/train` -> loss, train). A word from `lowerWords` makes the metric lower-better; else a word
// from `higherWords` makes it higher-better; else its direction is unknown and it is not judged.
// Lower wins over higher, so `dice_loss`, `iou_loss` and `top1_error` are losses.

/// Whether a metric should go down (`min`) or up (`max`).
package enum LogGoal: String, Sendable, CaseIterable {
  case min, max

  package static let lowerWords: Set<String> = ["loss", "error", "nll", "perplexity", "mse", "mae", "rmse", "wer", "cer"]
  package static let higherWords: Set<String> = [
    "acc", "accuracy", "f1", "auc", "map", "iou", "dice", "precision", "recall", "bleu", "rouge", "top1", "top5",
    // COCO's average precision as detectron2 names it: bbox/AP, bbox/AP50, segm/APs ...
    "ap", "ap50", "ap75", "aps", "apm", "apl",
  ]

  /// The goal the name says, nil when it says none.
  package static func of(_ name: String) -> LogGoal? {
    let words = LogPairing.words(name).map(String.init)
    if words.contains(where: lowerWords.contains) { return .min }
    if words.contains(where: higherWords.contains) { return .max }
    return nil
  }

  /// The goal of `name`: the last `--goal` whose name or glob matches it, else the name's own.
  package static func of(_ name: String, overrides: [(glob: String, goal: LogGoal)]) -> LogGoal? {
    overrides.last { LogPairing.selected(name, [$0.glob]) }?.goal ?? of(name)
  }

  /// `lower is better`, as the evidence says it.
  package var said: String { self == .min ? "lower is better" : "higher is better" }

  /// Parses `NAME=min|max` (`--goal`).
  package static func parse(_ text: String) -> (glob: String, goal: LogGoal)? {
    guard let eq = text.lastIndex(of: "="), eq != text.startIndex,
      let goal = LogGoal(rawValue: String(text[text.index(after: eq)...]).lowercased())
    else { return nil }
    return (String(text[..<eq]), goal)
  }
}
