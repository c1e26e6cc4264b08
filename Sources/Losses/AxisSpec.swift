// The plotted variable of a view: its name, the domain where the loss is defined, the default grid.

import LossText

/// One x axis a view can be plotted against.
public struct AxisSpec: Sendable, Equatable {
  /// CSV column name and `axis=` option, e.g. `pt`, `logit`, `theta`.
  public let name: String
  /// Axis title on a chart, e.g. `pt`, `logit z`, `theta (deg)`.
  public let label: String
  public let lower: Double
  public let upper: Double
  public let lowerOpen: Bool
  public let upperOpen: Bool
  /// Default plotting grid, inside the domain.
  public let from: Double
  public let to: Double
  /// What the grad column is, e.g. `|dL/dz|, z the logit of pt`.
  public let gradMeaning: String

  public init(
    _ name: String, label: String? = nil, domain: ClosedRange<Double>, lowerOpen: Bool = false,
    upperOpen: Bool = false, grid: ClosedRange<Double>? = nil, grad: String
  ) {
    self.name = name
    self.label = label ?? name
    self.lower = domain.lowerBound
    self.upper = domain.upperBound
    self.lowerOpen = lowerOpen
    self.upperOpen = upperOpen
    let g = grid ?? domain
    self.from = g.lowerBound
    self.to = g.upperBound
    self.gradMeaning = grad
  }

  public func contains(_ x: Double) -> Bool {
    guard x.isFinite else { return false }
    if lowerOpen ? x <= lower : x < lower { return false }
    if upperOpen ? x >= upper : x > upper { return false }
    return true
  }

  public var domainText: String {
    "\(lowerOpen ? "(" : "[")\(NumberText.shortest(lower)), \(NumberText.shortest(upper))\(upperOpen ? ")" : "]")"
  }
}

extension AxisSpec {
  static let gradLogit = "|dL/dz|, z the logit (pt = sigmoid(z)); for CE it equals 1 - pt"

  public static let pt = AxisSpec("pt", domain: 0...1, lowerOpen: true, upperOpen: true, grid: 0.001...0.999, grad: gradLogit)
  public static let logit = AxisSpec("logit", label: "logit z", domain: -1000...1000, grid: -8...8, grad: gradLogit)
  static func similarity(_ name: String, label: String? = nil) -> AxisSpec {
    AxisSpec(name, label: label, domain: -1...1, grad: "|dL/d\(name)|")
  }
  static func distance(_ name: String, label: String? = nil, grid: ClosedRange<Double> = 0...2) -> AxisSpec {
    AxisSpec(name, label: label, domain: 0...1e6, grid: grid, grad: "|dL/d\(name)|")
  }

  static let gradPredicted = "|dL/dz| = |dL/dp| p (1 - p), z the logit of p"
  /// The predicted probability p of one class whose target is not pt's 1 (asl, qfl, varifocal),
  /// the same domain as anchor-neg's p, so that they plot together.
  static let predicted = AxisSpec(
    "p", label: "p (predicted)", domain: 0...1, lowerOpen: true, upperOpen: true, grid: 0.001...0.999, grad: gradPredicted)
  static let predictedLogit = AxisSpec(
    "logit", label: "logit z", domain: -1000...1000, grid: -8...8, grad: "|dL/dz| = |dL/dp| p (1 - p), p = sigmoid(z)")
  /// A regression error, prediction minus target (smooth-l1, huber, ghmr).
  static func error(grid: ClosedRange<Double>) -> AxisSpec {
    AxisSpec("x", label: "x = prediction - target", domain: -1000...1000, grid: grid, grad: "|dL/dx|")
  }
}
