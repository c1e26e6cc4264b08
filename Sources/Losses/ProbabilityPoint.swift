// A probability on either axis with its complement and both logs, each computed without cancellation.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// pt, 1 - pt, log pt and log(1 - pt), accurate at both ends.
///
/// From pt: 1 - pt is exact near 1 (Sterbenz) and log1p(-pt) keeps the small end.
/// From a logit z: pt = sigmoid(z), 1 - pt = sigmoid(-z), log pt = -softplus(-z), so |z| up to
/// 1000 stays finite and accurate where pt itself would round to 1.
public struct ProbabilityPoint: Sendable {
  public let p: Double
  public let q: Double
  public let logP: Double
  /// The x it was made from, kept so that log(1 - p), which only anchor-neg needs, is computed
  /// on demand instead of costing every cross-entropy and focal evaluation a log1p.
  @usableFromInline let source: Double
  @usableFromInline let fromLogit: Bool

  @inlinable
  public init(probability x: Double) {
    p = x
    q = 1 - x
    logP = log(x)
    source = x
    fromLogit = false
  }

  @inlinable
  public init(logit z: Double) {
    p = sigmoid(z)
    q = sigmoid(-z)
    logP = -softplus(-z)
    source = z
    fromLogit = true
  }

  @inlinable
  public var logQ: Double { fromLogit ? -softplus(source) : log1p(-source) }

  @inlinable
  public init(_ x: Double, logitAxis: Bool) {
    self = logitAxis ? ProbabilityPoint(logit: x) : ProbabilityPoint(probability: x)
  }
}
