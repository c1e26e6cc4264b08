// The mouse: a click in a panel puts the cursor (or the 2-D point) there, the wheel zooms x around
// the pointer, a click on the parameter bar selects that parameter.

import Plot
import LossData
import LossLogs
import LossText

func mouse(x: Int, y: Int, button: MouseButton, _ state: inout AppState) -> [Effect] {
  guard state.overlay == .none, !state.tooSmall else { return [] }
  if y == state.height - 3, button == .press {
    if let index = Screen.parameterItems(state).first(where: { $0.columns.contains(x) })?.index {
      state.selected = index
    }
    return []
  }
  let panels = state.panels
  guard panels.contains(x: x, y: y) else { return [] }
  let marker = state.marker
  return state.recording { state in
    let reply = state.change { $0.pointer(x: x, y: y, button: button, in: panels, marker: marker) }
    if case .done(let status?) = reply { state.status = status }
    return []
  }
}

extension Rect {
  func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }
}
