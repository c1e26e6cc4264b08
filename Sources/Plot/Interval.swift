// A closed numeric interval [lo, hi] in data units, used for axis ranges.

/// A closed interval of data values.
public struct Interval: Sendable, Hashable {
  /// Lower end.
  public var lo: Double
  /// Upper end.
  public var hi: Double

  /// Creates the interval [lo, hi]; the ends are stored as given.
  public init(_ lo: Double, _ hi: Double) {
    self.lo = lo
    self.hi = hi
  }

  /// hi - lo.
  public var span: Double { hi - lo }

  /// Whether `v` lies in [lo, hi].
  public func contains(_ v: Double) -> Bool { v >= lo && v <= hi }

  /// The smallest interval holding both.
  public func union(_ other: Interval) -> Interval {
    Interval(min(lo, other.lo), max(hi, other.hi))
  }

  /// True when both ends are finite and lo < hi.
  public var isProper: Bool { lo.isFinite && hi.isFinite && lo < hi }
}
