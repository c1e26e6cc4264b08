// Checks on the command line that swift-argument-parser does not make: repeated options, numbers.

import ArgumentParser
import Losses
import LossText
import LossData
import LossLogs

enum ArgumentChecks {
  /// Options that take no value, so the word after them is not skipped.
  static let flags: Set<String> = ["--logits", "--skip-invalid", "--log-y", "--grad", "--plot", "--ascii",
                                   "--help", "-h", "--version", "--diagnose", "--follow", "--markdown", "--no-mouse",
                                   "--keep-restarts"]
  /// Options meant to be repeated: several prediction files are batches in order.
  static let repeatable: Set<String> = ["--predictions", "--labels", "--metric", "--goal"]

  /// Every option of a command line with its value: `--name value`, `--name=value`, `-ovalue`;
  /// a flag has none. Words after `--`, and negative numbers, are values, not options.
  static func options(_ arguments: [String]) -> [(name: String, value: String?)] {
    var found: [(name: String, value: String?)] = []
    var i = 0
    while i < arguments.count {
      let word = arguments[i]
      i += 1
      if word == "--" { break }
      guard word.hasPrefix("-"), word.count > 1, DecimalText.value(word) == nil else { continue }
      if word.hasPrefix("--"), let eq = word.firstIndex(of: "=") {
        found.append((String(word[..<eq]), String(word[word.index(after: eq)...])))
      } else if !word.hasPrefix("--") && word.count > 2 {
        found.append((String(word.prefix(2)), String(word.dropFirst(2))))
      } else if flags.contains(word) || i >= arguments.count {
        found.append((word, nil))
      } else {
        found.append((word, arguments[i]))  // its value, even if it starts with '-'
        i += 1
      }
    }
    return found
  }

  /// The first option given twice (`--from 0.1 --from 0.2`), refused as `gamma=1 gamma=2` is,
  /// rather than letting the last one silently win.
  static func repeatedOption(_ arguments: [String]) -> String? {
    var seen: Set<String> = []
    return options(arguments).first { !repeatable.contains($0.name) && !seen.insert($0.name).inserted }?.name
  }

  /// Options whose value is text (a path, a name, a pattern), never read as a number.
  static let textOptions: Set<String> = ["--predictions", "--labels", "--log", "-o", "--output", "--metric", "--train", "--val",
                                         "--preset", "--regex", "--format", "--x", "--embeddings", "--batch-column",
                                         "--prob-column", "--label-column", "--goal", "--group", "--table", "--color",
                                         "--marker", "--edges", "--smoother", "--captures"]

  /// The first option value that a plain Double would take but the one decimal grammar refuses
  /// (`--momentum 0x1p-2`, `--gamma inf`, `--smooth 1e400`, `--ymin "\t1"`), as a message; every
  /// numeric option of every command is read by the same rule as `name=value` words this way.
  static func refusedNumber(_ arguments: [String]) -> String? {
    for (name, value) in options(arguments) {
      guard let value, !textOptions.contains(name), Double(value) != nil || value.lowercased().contains("0x") else { continue }
      if case .failure(let why) = DecimalText.parse(value) {
        return "\(name) '\(value.escapedForTerminal(limit: 40))' \(why.reason)"
      }
    }
    return nil
  }

  /// --from and --to: a number by the one decimal grammar, refused with its reason as parameters are.
  static func real(_ text: String) throws -> Double {
    switch DecimalText.parse(text.trimmingSpaces) {
    case .success(let value): return value
    case .failure(let why):
      throw ValidationError("'\(text.escapedForTerminal(limit: 40))' \(why == .notANumber || why == .empty ? "is not a finite decimal number" : why.reason)")
    }
  }

  /// --points and other counts: says "not an integer" rather than a generic refusal.
  static func integer(_ text: String) throws -> Int {
    let trimmed = text.trimmingSpaces
    if let n = Int(trimmed) { return n }
    if let x = DecimalText.value(trimmed) {
      throw ValidationError(x.rounded() == x ? "'\(trimmed)' is too large" : "'\(trimmed)' is not an integer")
    }
    throw ValidationError("'\(text.escapedForTerminal(limit: 40))' is not an integer")
  }
}
