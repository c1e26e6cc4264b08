// Axis scales: linear or base-10 logarithmic, with the transform both ways.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How data values are spread along an axis.
public enum Scale: Sendable, Hashable {
  /// Equal distances for equal differences.
  case linear
  /// Equal distances for equal ratios; only positive values can be shown.
  case log10

  /// Data value to axis position; NaN for values a log axis cannot show (<= 0).
  @inline(__always)
  public func transform(_ v: Double) -> Double {
    switch self {
    case .linear: return v
    case .log10: return v > 0 ? decimalLog(v) : .nan
    }
  }

  /// Axis position back to a data value.
  public func inverse(_ t: Double) -> Double {
    switch self {
    case .linear: return t
    case .log10: return pow(10, t)
    }
  }

  /// Whether `v` can be placed on this axis at all.
  @inline(__always)
  public func accepts(_ v: Double) -> Bool {
    self == .linear ? v.isFinite : (v.isFinite && v > 0)
  }
}

// A file-level wrapper because inside `Scale` the name `log10` means the enum case.
@inline(__always)
private func decimalLog(_ v: Double) -> Double { log10(v) }
