// The shape every loss view shares: its description as data, and loss + grad at one x.

/// Loss and gradient magnitude at one x; `grad` means what the view's axis says.
public struct LossPoint: Sendable, Equatable {
  public var loss: Double
  public var grad: Double
  public init(loss: Double, grad: Double) {
    self.loss = loss
    self.grad = grad
  }
}

/// One loss with one plotted variable, every other quantity a named parameter.
public protocol LossView: Sendable {
  /// Computes loss and `grad` analytically; finite for x in the axis domain and in-range parameters.
  func evaluate(_ x: Double) -> LossPoint

  /// Evaluates a whole grid: one dynamic call per curve, and a loop the compiler specialises for
  /// each view (the default below), so plotting pays no protocol dispatch per point.
  func evaluate(_ xs: UnsafeBufferPointer<Double>, loss: UnsafeMutableBufferPointer<Double>, grad: UnsafeMutableBufferPointer<Double>)
}

extension LossView {
  public func evaluate(_ xs: UnsafeBufferPointer<Double>, loss: UnsafeMutableBufferPointer<Double>, grad: UnsafeMutableBufferPointer<Double>) {
    for i in 0..<min(xs.count, loss.count, grad.count) {
      let point = evaluate(xs[i])
      loss[i] = point.loss
      grad[i] = point.grad
    }
  }
}

/// Everything the CLI, the TUI and CSV metadata say about a view, and how to build it.
public struct ViewInfo: Sendable {
  public let name: String
  public let title: String
  /// One line, e.g. `-alpha (1-pt)^gamma log pt`.
  public let formula: String
  public let source: String
  /// Stop-gradients, fallbacks and deviations from the paper worth saying in help.
  public let notes: String
  /// Where this view's convention differs from the common libraries (pytorch-metric-learning,
  /// insightface, the authors' code), so that numbers compared across them are not misread.
  public let conventions: String
  /// The axes, in the order of the axis choice; the first is the default.
  public let axes: [AxisSpec]
  /// Parameters without the axis choice, which is added when there is more than one axis.
  public let ownParameters: [ParameterSpec]
  let build: @Sendable (Parameters) -> any LossView

  public init(
    name: String, title: String, formula: String, source: String, notes: String = "", conventions: String = "",
    axes: [AxisSpec], parameters: [ParameterSpec], build: @escaping @Sendable (Parameters) -> any LossView
  ) {
    self.name = name
    self.title = title
    self.formula = formula
    self.source = source
    self.notes = notes
    self.conventions = conventions
    self.axes = axes
    self.ownParameters = parameters
    self.build = build
  }

  public var parameterSpecs: [ParameterSpec] {
    guard axes.count > 1 else { return ownParameters }
    return [.axis(axes)] + ownParameters
  }

  /// Default values of every parameter.
  public var defaults: Parameters { Parameters(parameterSpecs) }

  public func axis(of p: Parameters) -> AxisSpec { p.axis ?? axes[0] }

  public func make(_ p: Parameters) -> any LossView { build(p) }
}
