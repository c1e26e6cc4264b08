// The curves mode: loss views on one x axis, with a cursor, zoom, a sweep, ghosts and a reference.

import Losses
import Plot
import LossData
import LossLogs
import LossText

/// One parameter of the active view drawn at several exact values, one series each.
struct Sweep: Equatable {
  var name: String
  var values: [Double]
}

/// The loss panel's y range: clipped to the bulk of the curves, everything, or typed ends.
enum YRange: Equatable {
  case clipped
  case full
  case fixed(Double, Double)
}

/// One series on screen and in the export: its legend name and the view that draws it.
struct VisibleSeries {
  var name: String
  var slot: ViewSlot
  var dimmed = false
}

struct CurvesMode {
  static let maxSeries = 8

  // Changed only by this type's methods (here and in CurvesMode+Keys), which refresh the series.
  /// `views[active]` is edited with the keys; the first other view is the reference of the ratios.
  var views: [ViewSlot]
  var active = 0
  var cursor: Double
  var from: Double
  var to: Double
  var logY = false
  var yRange: YRange = .clipped
  /// Which panel f, F and E search: the loss (false) or the gradient (true).
  var findOnGrad = false
  /// Pinned copies of earlier setups, drawn dim, each labelled with what differs from now.
  var ghosts: [ViewSlot] = []
  var sweep: Sweep?
  /// The GHM explorer's population this was opened from (a file's, or its built-in one): a ghmc
  /// view added later weighs with it, and `v ghm` reopens a file's.
  let ghmInput: GHMInput?
  var population: Population? { ghmInput?.population }

  // Derived when the inputs above change, never per frame.
  private(set) var series: [VisibleSeries] = []
  private(set) var curves: [CurveSeries] = []
  private var plotWidth = 80

  init(_ requests: [ViewRequest], ghmInput: GHMInput? = nil) {
    self.ghmInput = ghmInput
    let population = ghmInput?.population
    var slots = requests.map { ViewSlot(info: $0.info, parameters: $0.parameters, population: population) }
    if slots.isEmpty { slots = [ViewSlot(info: Focal.info), ViewSlot(info: CrossEntropy.info)] }
    views = slots
    let axis = slots[0].axis
    (from, to) = (axis.from, axis.to)
    cursor = Self.defaultCursor(axis)
    if let first = requests.first?.sweeps.first { sweep = Sweep(name: first.name, values: first.values) }
    refresh()
  }

  /// Focal loss (gamma 2) with cross-entropy as the reference: the first screen.
  static var initial: CurvesMode { CurvesMode([]) }

  static func defaultCursor(_ axis: AxisSpec) -> Double {
    axis.name == "pt" ? 0.9 : (axis.from + axis.to) / 2
  }

  var activeView: ViewSlot { views[active] }
  var axis: AxisSpec { activeView.axis }
  var reference: ViewSlot? { views.indices.first { $0 != active }.map { views[$0] } }
  var zoomed: Bool { from != axis.from || to != axis.to }

  // MARK: - Derived data

  /// Rebuilds the series and samples them for the screen: two points per column, as braille has.
  mutating func refresh() {
    series = Self.visible(views, active: active, sweep: sweep, ghosts: ghosts)
    let grid = SampleGrid(from: from, to: to, count: max(201, 2 * plotWidth))
    curves = series.map { CurveSeries(name: $0.name, curve: Curve(view: $0.slot.view, grid: grid), dimmed: $0.dimmed) }
  }

  /// The active view (or its sweep), the other views, then the ghost; capped at 8.
  private static func visible(_ views: [ViewSlot], active: Int, sweep: Sweep?, ghosts: [ViewSlot]) -> [VisibleSeries] {
    var result: [VisibleSeries] = []
    let slot = views[active]
    if let sweep, let spec = slot.parameters.specs.first(where: { $0.name == sweep.name }) {
      for value in sweep.values {
        var swept = slot
        try? swept.set(sweep.name, to: value)  // sweep values are kept in range
        result.append(VisibleSeries(name: "\(slot.info.name) \(spec.name)=\(spec.format(value))", slot: swept))
      }
    } else {
      result.append(VisibleSeries(name: slot.name, slot: slot))
    }
    for (i, other) in views.enumerated() where i != active { result.append(VisibleSeries(name: other.name, slot: other)) }
    for ghost in ghosts { result.append(VisibleSeries(name: "ghost " + difference(ghost, from: slot), slot: ghost, dimmed: true)) }
    return Array(result.prefix(maxSeries))
  }

  /// `gamma=1`: the ghost's parameters that differ from the active view's, or its whole name.
  static func difference(_ ghost: ViewSlot, from current: ViewSlot) -> String {
    guard ghost.info.name == current.info.name else { return ghost.name }
    let now = current.parameters.active
    let changed = ghost.parameters.active.filter { g in !now.contains { $0.spec.name == g.spec.name && $0.value == g.value } }
    return changed.isEmpty ? ghost.name + " (as now)" : changed.map { "\($0.spec.name)=\($0.spec.format($0.value))" }.joined(separator: " ")
  }

  /// How many series the setup asks for before the cap of 8.
  var wantedSeries: Int { (sweep?.values.count ?? 1) + views.count - 1 + ghosts.count }

  mutating func resize(width: Int) {
    guard width != plotWidth else { return }
    plotWidth = width
    refresh()
  }
}
