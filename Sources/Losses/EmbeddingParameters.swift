// The parameters of the embeddings analysis as one value: every loss's constants, the bins, and their ranges.

import LossText

/// Everything `lossscope embeddings` (and the app's embeddings mode) can set, with the issue's
/// defaults. Only the per-anchor losses, the triplet and mining shares, alignment, uniformity and
/// the histogram depend on these; the similarities themselves do not.
public struct EmbeddingParameters: Sendable, Equatable {
  /// alpha in alignment = mean over positive pairs of d^alpha.
  public var alignAlpha = 2.0
  /// t in uniformity = log mean over all pairs of exp(-t d^2).
  public var uniformT = 2.0
  /// Circle loss's relaxation margin m.
  public var circleMargin = 0.25
  /// Circle loss's scale gamma.
  public var circleScale = 256.0
  /// Multi-similarity's alpha (positive sharpness).
  public var msAlpha = 2.0
  /// Multi-similarity's beta (negative sharpness).
  public var msBeta = 50.0
  /// Multi-similarity's threshold lambda.
  public var msLambda = 1.0
  /// Multi-similarity mining's epsilon.
  public var msEpsilon = 0.1
  /// SupCon's temperature T.
  public var temperature = 0.07
  /// The triplet margin: (i, p, n) is active when d_ip - d_in + margin > 0.
  public var tripletMargin = 0.2
  /// Number of equal similarity bins over [-1, 1].
  public var bins = 40

  public init() {}

  /// One parameter: its option name, valid range, a step for keys, its meaning, and its place.
  public struct Field {
    public let name: String
    public let range: ClosedRange<Double>
    /// Whether the lower end is excluded (a sharpness or temperature of 0 is meaningless).
    public let openBelow: Bool
    public let step: Double
    /// Log for the sharpnesses, scales and temperatures that span decades: they step along 1-2-5.
    public let scale: ParameterScale
    public let meaning: String
    public let keyPath: WritableKeyPath<EmbeddingParameters, Double>
  }

  /// The real-valued parameters in the order the metadata lists them (`bins` is separate).
  nonisolated(unsafe) public static let fields: [Field] = [
    Field(name: "align-alpha", range: 0...10, openBelow: true, step: 0.5, scale: .linear,
          meaning: "alpha of alignment, the mean d^alpha over positive pairs", keyPath: \.alignAlpha),
    Field(name: "uniform-t", range: 0...100, openBelow: true, step: 0.5, scale: .linear,
          meaning: "t of uniformity, log mean exp(-t d^2) over all pairs", keyPath: \.uniformT),
    Field(name: "circle-margin", range: 0...1, openBelow: false, step: 0.05, scale: .linear,
          meaning: "circle loss's margin m: optimum sp = 1 - m, sn = m", keyPath: \.circleMargin),
    Field(name: "circle-scale", range: 1...1024, openBelow: false, step: 16, scale: .log,
          meaning: "circle loss's scale gamma", keyPath: \.circleScale),
    Field(name: "ms-alpha", range: 0.01...100, openBelow: false, step: 0.5, scale: .log,
          meaning: "multi-similarity's positive sharpness alpha", keyPath: \.msAlpha),
    Field(name: "ms-beta", range: 0.01...1000, openBelow: false, step: 5, scale: .log,
          meaning: "multi-similarity's negative sharpness beta", keyPath: \.msBeta),
    Field(name: "ms-lambda", range: -1...1, openBelow: false, step: 0.05, scale: .linear,
          meaning: "multi-similarity's similarity threshold lambda", keyPath: \.msLambda),
    Field(name: "ms-epsilon", range: 0...2, openBelow: false, step: 0.05, scale: .linear,
          meaning: "multi-similarity mining's epsilon", keyPath: \.msEpsilon),
    Field(name: "temperature", range: 0.001...10, openBelow: false, step: 0.01, scale: .log,
          meaning: "SupCon's temperature T", keyPath: \.temperature),
    Field(name: "triplet-margin", range: 0...5, openBelow: false, step: 0.05, scale: .linear,
          meaning: "triplet margin: (i, p, n) is active when d_ip - d_in + margin > 0", keyPath: \.tripletMargin),
  ]

  public static let binRange = 1...1000

  /// The first parameter outside its range, as a message naming the option; nil when all are valid.
  public var problem: String? {
    for field in Self.fields {
      let value = self[keyPath: field.keyPath]
      let low = field.openBelow ? "(" : "["
      if !value.isFinite || !field.range.contains(value) || (field.openBelow && value == field.range.lowerBound) {
        return "--\(field.name) must be in \(low)\(NumberText.shortest(field.range.lowerBound)), \(NumberText.shortest(field.range.upperBound))] (got \(NumberText.shortest(value)))"
      }
    }
    if !Self.binRange.contains(bins) { return "--bins must be between 1 and 1000 (got \(bins))" }
    return nil
  }

  /// `align-alpha=2 uniform-t=2 ... bins=40`: every value, for CSV metadata.
  public var summary: String {
    (Self.fields.map { "\($0.name)=\(NumberText.shortest(self[keyPath: $0.keyPath]))" } + ["bins=\(bins)"]).joined(separator: " ")
  }
}
