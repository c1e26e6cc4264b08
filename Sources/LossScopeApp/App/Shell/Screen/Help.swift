// The key help: the current mode's keys first, then the ones that work everywhere; it scrolls and
// narrows to what the user types.

import LossData
import LossLogs
import LossText

enum Help {
  /// The help's lines for `model`, narrowed to those containing `filter` (any case).
  static func lines(for model: any ModeModel, filter: String) -> [String] {
    let own = model.keys
    let listed = KeyMap.bindings.filter { own.contains($0.action) || !KeyMap.modeOnly.contains($0.action) }
    let width = listed.map(\.label.count).max() ?? 0
    func line(_ b: Binding) -> String { "  " + b.label.padded(width + 2) + b.help }
    let needle = filter.lowercased()
    let mine = listed.filter { own.contains($0.action) }.map(line)
    let everywhere = listed.filter { !own.contains($0.action) }.map(line)
    let kept = { (lines: [String]) in needle.isEmpty ? lines : lines.filter { $0.lowercased().contains(needle) } }
    var result: [String] = []
    if !kept(mine).isEmpty { result += ["in this view:"] + kept(mine) }
    if !kept(everywhere).isEmpty { result += ["everywhere:"] + kept(everywhere) }
    return result.isEmpty ? ["no key matches '\(filter)'"] : result
  }

  /// Rows of lines the help box shows at once on a screen `height` rows high.
  static func page(height: Int) -> Int { max(1, height - 4) }

  /// Keys while the help is open: scrolling, typing a filter, closing, quitting.
  static func key(_ key: Key, filter: String, top: Int, _ state: inout AppState) -> [Effect] {
    let count = lines(for: state.model, filter: filter).count
    let page = page(height: state.height)
    let last = max(0, count - page)
    var top = top, filter = filter
    switch key {
    case .escape, .char("?"):
      state.overlay = .none
      return []
    case .interrupt: return [.quit]
    case .char("q") where filter.isEmpty: return [.quit]
    case .down, .char("j") where filter.isEmpty: top += 1
    case .up, .char("k") where filter.isEmpty: top -= 1
    case .pageDown, .char(" "): top += page
    case .pageUp: top -= page
    case .home: top = 0
    case .end: top = last
    case .backspace:
      filter = String(filter.dropLast())
      top = 0
    case .char(let c) where filter.count < 30 && c.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7f }):
      filter.append(c)
      top = 0
    default: break
    }
    let narrowed = lines(for: state.model, filter: filter).count
    state.overlay = .help(filter: filter, top: min(max(0, top), max(0, narrowed - page)))
    return []
  }
}
