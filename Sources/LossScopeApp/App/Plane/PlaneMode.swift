// The 2-D mode: circle-plane or margins, with a movable point and what the point means.

import Losses
import Plot
import LossText
import LossData
import LossLogs

struct PlaneMode {
  private(set) var request: PlaneRequest
  private(set) var x: Double
  private(set) var y: Double

  init(_ request: PlaneRequest) {
    self.request = request
    (x, y) = request.kind == .circle ? (0.3, 0.7) : (60, 90)
  }

  var info: PlaneInfo { request.info }
  var isCircle: Bool { request.kind == .circle }
  var span: Double { isCircle ? 1 : 180 }

  /// Circle loss paper's illustrative points: A and B off the boundary (sn too high, sp too low),
  /// T and T' on it, where the linear boundary would treat them alike.
  var marks: [(x: Double, y: Double, label: String)] {
    guard isCircle else { return [] }
    let r = 2.0.squareRoot() * request.circle.margin
    return [(0.45, 0.75, "A"), (0.15, 0.35, "B"), (0, 1 - r, "T"), (r / 2.0.squareRoot(), 1 - r / 2.0.squareRoot(), "T'")]
  }

  /// Moves the point by `k` hundredths of the plane, snapped to that grid and kept inside it.
  mutating func move(_ k: Double, vertical: Bool) {
    let step = span / 100
    if vertical {
      y = min(max((y / step).rounded() * step + k * step, 0), span)
    } else {
      x = min(max((x / step).rounded() * step + k * step, 0), span)
    }
  }

  /// Puts the point at (x, y), kept inside the plane.
  mutating func place(x: Double, y: Double) {
    guard x.isFinite, y.isFinite else { return }
    self.x = min(max(x, 0), span)
    self.y = min(max(y, 0), span)
  }
}

extension PlaneMode: ModeModel {
  var asMode: Mode { .plane(self) }
  var title: String { info.name + " " + request.parameters.summary }
  var parameters: [(spec: ParameterSpec, value: Double)] { request.parameters.active }

  mutating func set(_ name: String, to value: Double) throws(ParameterError) -> String? {
    try request.parameters.set(name, to: value, view: info.name)
    return nil
  }

  var keys: [Action] { [.cursorLeft, .cursorRight, .cursorFarLeft, .cursorFarRight, .pointUp, .pointDown, .pointUpFast, .pointDownFast] }

  /// Arrows move the point (Up and Down instead of stepping the parameter); Shift or PgUp/PgDn ten times faster.
  func overrides(_ key: Key) -> Action? {
    KeyMap.pointAction(for: key)
  }

  mutating func perform(_ action: Action, selected: ParameterSpec?) -> ModeReply {
    switch action {
    case .cursorLeft: move(-1, vertical: false)
    case .cursorRight: move(1, vertical: false)
    case .cursorFarLeft: move(-10, vertical: false)
    case .cursorFarRight: move(10, vertical: false)
    case .pointUp: move(1, vertical: true)
    case .pointDown: move(-1, vertical: true)
    case .pointUpFast: move(10, vertical: true)
    case .pointDownFast: move(-10, vertical: true)
    default: return .notHere("a 2-D view has no \(action.noun): v chooses a curve view")
    }
    return .done(nil)
  }

  mutating func resize(width: Int) {}

  /// A click puts the point where it lands on the plane.
  mutating func pointer(x: Int, y: Int, button: MouseButton, in rect: Rect, marker: Marker) -> ModeReply {
    guard button == .press, let (px, py) = request.point(atColumn: x, row: y, in: rect) else { return .notHere("") }
    place(x: px, y: py)
    return .done(nil)
  }

  /// `=` with `x,y` puts the point there (sn,sp, or theta1,theta2 in degrees).
  mutating func typedList(_ spec: ParameterSpec?, _ text: String) -> ModeReply {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { DecimalText.value(String($0).trimmingSpaces) }
    let names = isCircle ? "sn,sp" : "theta1,theta2"
    guard parts.count == 2, let px = parts[0], let py = parts[1], px.isFinite, py.isFinite else {
      return .notHere("type the point as \(names), two numbers")
    }
    guard (0...span).contains(px), (0...span).contains(py) else {
      return .notHere("\(names) must each be in [0, \(NumberText.shortest(span))]")
    }
    place(x: px, y: py)
    return .done(nil)
  }

  var annotations: [Annotation] { marks.map { Annotation(x: $0.x, y: $0.y, $0.label) } + [Annotation(x: x, y: y, "")] }

  func render(into grid: inout Grid, in rect: Rect, marker: Marker) {
    request.render(into: &grid, in: rect, marker: marker, marks: annotations)
  }

  /// What the point means: loss and self-paced weights for circle-plane, who wins for margins.
  func readout(marker: Marker) -> String {
    if isCircle {
      let plane = request.circle
      let (ap, an) = plane.weights(sn: x, sp: y)
      let ratio = an > 0 ? NumberText.significant(ap / an) : "- (a_n = 0: sn is below -m, only sp moves)"
      return "sn \(NumberText.significant(x)) sp \(NumberText.significant(y)) | loss \(NumberText.significant(plane.loss(sn: x, sp: y)))"
        + " | a_p \(NumberText.significant(ap)) a_n \(NumberText.significant(an)) | gradient moves sp and sn at a_p/a_n = \(ratio)"
    }
    let margins = request.margins, m = margins.cosMargin
    let c1 = cosDegrees(x), c2 = cosDegrees(y)
    func winner(_ one: Bool, _ two: Bool) -> String { one ? "class 1" : two ? "class 2" : "neither (in the band)" }
    let arc = margins.arcMargin * 180 / Double.pi
    return "theta1 \(NumberText.significant(x)) theta2 \(NumberText.significant(y)) | softmax: \(winner(x < y, y < x))"
      + " | cosface: \(winner(c1 - m > c2, c2 - m > c1)) | arcface: \(winner(x + arc < y, y + arc < x))"
  }

  var undoKey: String { command }

  var command: String {
    (["lossscope", "export", info.name] + request.parameters.active.map { "\($0.spec.name)=\($0.spec.format($0.value))" })
      .map(CSVExport.shellQuoted).joined(separator: " ")
  }

  func export() -> ModeExport {
    let sink = ByteSink(fd: nil)
    try? request.writeCSV(grid: nil, to: sink)  // no grid: nothing to refuse
    return ModeExport(contents: CSVExport.withCommand(sink.text, command), command: command)
  }

  func preset(name: String) -> PresetFile {
    var file = PresetFile.saved(name: name, description: title)
    file.views = [PresetFile.View(info.name, request.parameters)]
    return file
  }
}
