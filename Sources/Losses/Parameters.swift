// The values of one view's parameters, complete and validated, addressed by name.

/// Parameter values of one view. Always complete (unset ones hold their defaults) and always
/// valid: the only ways to change a value check it against its spec.
public struct Parameters: Sendable, Equatable {
  public let specs: [ParameterSpec]
  public private(set) var values: [Double]

  public init(_ specs: [ParameterSpec]) {
    self.specs = specs
    self.values = specs.map(\.defaultValue)
  }

  public static func == (a: Parameters, b: Parameters) -> Bool {
    a.values == b.values && a.specs.map(\.name) == b.specs.map(\.name)
  }

  public func index(of name: String) -> Int? { specs.firstIndex { $0.name == name } }

  /// The value of `name`; a view asks only for its own parameters, so a miss is a programming error.
  public subscript(name: String) -> Double {
    guard let i = index(of: name) else { preconditionFailure("no parameter \(name)") }
    return values[i]
  }

  public func int(_ name: String) -> Int { Int(self[name]) }
  public func bool(_ name: String) -> Bool { self[name] != 0 }

  /// The option name of a choice parameter, e.g. `axis` -> `logit`.
  public func choice(_ name: String) -> String {
    guard let i = index(of: name) else { return "" }
    return specs[i].format(values[i])
  }

  /// Sets a value after checking it against the spec's range.
  public mutating func set(_ name: String, to value: Double, view: String = "view") throws(ParameterError) {
    guard let i = index(of: name) else {
      throw .unknownParameter(view: view, name: name, valid: specs.map(\.name))
    }
    guard specs[i].contains(value) else {
      throw .outOfRange(name: name, text: specs[i].format(value), range: specs[i].rangeText)
    }
    values[i] = value
  }

  /// Sets a value from the text a user typed.
  public mutating func set(_ name: String, text: String, view: String = "view") throws(ParameterError) {
    guard let i = index(of: name) else {
      throw .unknownParameter(view: view, name: name, valid: specs.map(\.name))
    }
    values[i] = try specs[i].parse(text)
  }

  /// The parameters that matter on the current axis, in declaration order.
  public var active: [(spec: ParameterSpec, value: Double)] {
    let axis = self.axis?.name
    return zip(specs, values).filter { spec, _ in
      spec.onlyOnAxis == nil || spec.onlyOnAxis == axis
    }.map { ($0, $1) }
  }

  /// `name=value` pairs of the active parameters but the axis, e.g. `gamma=2 alpha=1`.
  public var summary: String {
    active.filter { !$0.spec.isAxis }.map { "\($0.spec.name)=\($0.spec.format($0.value))" }.joined(separator: " ")
  }

  // MARK: - The axis choice

  /// Where the axis choice is among `specs`; nil for a view with one axis.
  public var axisIndex: Int? { specs.firstIndex { $0.isAxis } }

  /// The plotted variable the axis choice selects; nil for a view with one axis.
  public var axis: AxisSpec? {
    guard let i = axisIndex, case .axis(let axes) = specs[i].kind else { return nil }
    return axes[Int(values[i])]
  }

  /// Selects the plotted variable by its place among the view's axes.
  public mutating func selectAxis(_ index: Int) throws(ParameterError) {
    guard let i = axisIndex else { throw .unknownParameter(view: "view", name: ParameterSpec.axisName, valid: specs.map(\.name)) }
    try set(specs[i].name, to: Double(index))
  }
}
