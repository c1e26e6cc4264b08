// Proxy-NCA: softmax over negative squared distances to class proxies.
//
// L = -log(e^(-s x) / (e^(-s x) + (C - 1) e^(-s dneg))) = softplus(log(C - 1) + s (x - dneg)),
// |dL/dx| = s sigmoid(.), x the squared distance to the sample's own proxy.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public struct ProxyNCA: LossView {
  let scale: Double
  let offset: Double

  public init(_ p: Parameters) {
    scale = p["scale"]
    offset = log(p["classes"] - 1) - scale * p["dneg"]
  }

  public func evaluate(_ x: Double) -> LossPoint {
    let t = offset + scale * x
    return LossPoint(loss: softplus(t), grad: scale * sigmoid(t))
  }

  public static let info = ViewInfo(
    name: "proxy-nca", title: "Proxy-NCA loss",
    formula: "L = -log(e^(-s x) / (e^(-s x) + (C-1) e^(-s dneg))), x = squared distance to own proxy",
    source: "Movshovitz-Attias et al. 2017, No Fuss Distance Metric Learning using Proxies (ICCV), eq. 8",
    axes: [.distance("d2", label: "squared distance to own proxy", grid: 0...4)],
    parameters: [
      ParameterSpec("scale", symbol: "s", default: 1, range: 0.01...100, step: 0.5,
                    meaning: "scale (inverse temperature) of the softmax").scaled(.log),
      ParameterSpec("classes", symbol: "C", kind: .integer, default: 10, range: 2...1e6, step: 1,
                    meaning: "number of classes (proxies)").scaled(.log),
      ParameterSpec("dneg", default: 2, range: 0...4, step: 0.1,
                    meaning: "squared distance to every other proxy"),
    ],
    build: { ProxyNCA($0) })
}
