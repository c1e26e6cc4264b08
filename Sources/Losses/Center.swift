// Center loss: squared distance to the class centre, L = lambda d^2 / 2, |dL/dd| = lambda d.

public struct Center: LossView {
  let lambda: Double

  public init(_ p: Parameters) { lambda = p["lambda"] }

  public func evaluate(_ x: Double) -> LossPoint {
    LossPoint(loss: lambda * x * x / 2, grad: lambda * x)
  }

  public static let info = ViewInfo(
    name: "center", title: "Center loss",
    formula: "L = lambda d^2 / 2",
    source: "Wen, Zhang, Li, Qiao 2016, A Discriminative Feature Learning Approach for Deep Face Recognition (ECCV), eq. 2",
    axes: [.distance("d", label: "d (to class centre)")],
    parameters: [
      ParameterSpec("lambda", symbol: "λ", default: 1, range: 0...100, step: 0.1, meaning: "weight of the loss"),
    ],
    build: { Center($0) })
}
