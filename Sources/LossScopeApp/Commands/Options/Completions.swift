// Shell completions that know the domain: view names, each view's parameters (and a choice's
// options), preset names and lesson topics. swift-argument-parser's scripts call these.

import ArgumentParser
import Losses
import LossData
import LossLogs
import LossText

enum Completions {
  /// Completes `VIEW [name=value ...] [+ VIEW ...]` at `index` of `words`.
  static func views(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
    let before = words.prefix(max(0, min(index, words.count)))
    let group = before.split(separator: "+", omittingEmptySubsequences: false).last.map(Array.init) ?? []
    // The group's first word that names a view, if any: options and their values are skipped.
    guard let view = group.first(where: { Catalog.view(named: $0) != nil || PlaneInfo.named($0) != nil }) else {
      return (Catalog.views.map(\.name) + PlaneInfo.all.map(\.name)).filter { $0.hasPrefix(prefix) }
    }
    let specs = Catalog.view(named: view)?.parameterSpecs ?? PlaneInfo.named(view)?.parameters ?? []
    if let eq = prefix.firstIndex(of: "="), let spec = specs.first(where: { $0.name == prefix[..<eq] }) {
      return spec.options.map { "\(spec.name)=\($0)" }.filter { $0.hasPrefix(prefix) }
    }
    let named = Set(group.compactMap { $0.split(separator: "=").first.map(String.init) })
    return (specs.filter { !named.contains($0.name) }.map { $0.name + "=" } + ["+"]).filter { $0.hasPrefix(prefix) }
  }

  /// Every view name, for `list VIEW`.
  static func viewNames(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
    (Catalog.views.map(\.name) + PlaneInfo.all.map(\.name)).filter { $0.hasPrefix(prefix) }
  }

  /// Shipped and user presets, by the name `--preset` takes.
  static func presets(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
    PresetStore.all().presets.map(\.name).filter { $0.hasPrefix(prefix) }
  }

  /// Lesson topics, for `learn TOPIC`.
  static func lessons(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
    Lessons.all.map(\.name).filter { $0.hasPrefix(prefix) }
  }

  static let viewKind = CompletionKind.custom(views)
  static let viewNameKind = CompletionKind.custom(viewNames)
  static let presetKind = CompletionKind.custom(presets)
  static let lessonKind = CompletionKind.custom(lessons)
}
