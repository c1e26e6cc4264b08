// A loss parameter declared as data: name, symbol, default, valid range, step, unit, meaning.

import LossText

/// What values a parameter takes. Every value is stored as a `Double`: booleans as 0/1 and
/// choices as the index of the option, so one code path steps, validates and prints them all.
public enum ParameterKind: Sendable, Equatable {
  case real
  case integer
  case boolean
  case choice([String])
  /// A view's plotted variable, one of its axes (options are their names): the `axis` parameter.
  case axis([AxisSpec])
}

/// How a parameter's values are spaced: temperatures, scales and counts span decades and step
/// along 1-2-5; the rest step evenly.
public enum ParameterScale: Sendable, Equatable {
  case linear
  case log
}

/// One hyperparameter of a loss view, named as in its paper.
public struct ParameterSpec: Sendable {
  public let name: String
  public let symbol: String
  public let kind: ParameterKind
  public let defaultValue: Double
  public let lower: Double
  public let upper: Double
  /// True when the bound itself is not allowed, as for focal's alpha in (0, 1].
  public let lowerOpen: Bool
  public let upperOpen: Bool
  public let step: Double
  public let unit: String
  public let meaning: String
  /// The axis this parameter belongs to, when it only matters on one (circle's `sn` on `sp`).
  public let onlyOnAxis: String?
  /// Linear, or log for parameters whose range spans decades (set with `scaled(.log)`).
  public private(set) var scale: ParameterScale = .linear

  public init(
    _ name: String, symbol: String? = nil, kind: ParameterKind = .real, default defaultValue: Double,
    range: ClosedRange<Double> = 0...1, lowerOpen: Bool = false, upperOpen: Bool = false,
    step: Double? = nil, unit: String = "", meaning: String, onlyOnAxis: String? = nil
  ) {
    self.name = name
    self.symbol = symbol ?? name
    self.kind = kind
    self.defaultValue = defaultValue
    switch kind {
    case .boolean:
      (lower, upper) = (0, 1)
    case .choice(let options):
      (lower, upper) = (0, Double(options.count - 1))
    case .axis(let axes):
      (lower, upper) = (0, Double(axes.count - 1))
    case .real, .integer:
      (lower, upper) = (range.lowerBound, range.upperBound)
    }
    self.lowerOpen = lowerOpen
    self.upperOpen = upperOpen
    switch kind {
    case .boolean, .choice, .axis: self.step = 1
    case .integer: self.step = max(1, step ?? 1)
    case .real: self.step = step ?? (range.upperBound - range.lowerBound) / 20
    }
    self.unit = unit
    self.meaning = meaning
    self.onlyOnAxis = onlyOnAxis
  }

  /// Options of a choice parameter (`true`/`false` for booleans), empty for numbers.
  public var options: [String] {
    switch kind {
    case .boolean: return ["false", "true"]
    case .choice(let options): return options
    case .axis(let axes): return axes.map(\.name)
    case .real, .integer: return []
    }
  }

  public var isNumeric: Bool { options.isEmpty }

  /// The name a view's axis choice goes by on the command line, in presets and in the app.
  public static let axisName = "axis"

  /// A view's choice of plotted variable among `axes`, the first the default.
  public static func axis(_ axes: [AxisSpec]) -> ParameterSpec {
    ParameterSpec(axisName, kind: .axis(axes), default: 0, meaning: "the plotted variable")
  }

  /// Whether this is a view's axis choice rather than a quantity of the loss.
  public var isAxis: Bool {
    if case .axis = kind { return true }
    return false
  }

  /// This spec on `scale`; only a range above zero can be logarithmic.
  public func scaled(_ scale: ParameterScale) -> ParameterSpec {
    var copy = self
    copy.scale = scale == .log && isNumeric && lower > 0 ? .log : .linear
    return copy
  }

  /// The valid range as text, e.g. `(0, 1]`, `1..1000 (integer)` or `similar|dissimilar`.
  public var rangeText: String {
    if !isNumeric { return options.joined(separator: "|") }
    let lo = NumberText.shortest(lower), hi = NumberText.shortest(upper)
    if kind == .integer { return "\(lo)..\(hi) (integer)" }
    return "\(lowerOpen ? "(" : "[")\(lo), \(hi)\(upperOpen ? ")" : "]")"
  }

  public func contains(_ value: Double) -> Bool {
    guard value.isFinite else { return false }
    if lowerOpen ? value <= lower : value < lower { return false }
    if upperOpen ? value >= upper : value > upper { return false }
    if !isNumeric || kind == .integer { return value.rounded() == value }
    return true
  }

  /// The value written the way a user types it: `2`, `0.25`, `true`, `dissimilar`.
  public func format(_ value: Double) -> String {
    let names = options
    if !names.isEmpty, let i = Int(exactly: value), names.indices.contains(i) { return names[i] }
    return NumberText.shortest(value)
  }
}
