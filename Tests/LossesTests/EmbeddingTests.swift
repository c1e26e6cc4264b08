// The embeddings analysis on sets small enough to work out by hand, and the invariants of its parts.

import Foundation
import Testing

@testable import Losses

@Suite struct EmbeddingTests {
  /// A = (1, 0) and B = (0.6, 0.8) share label 0; C = (0, 1) and D = (-1, 0) share label 1.
  /// s(AB) = 0.6, s(AC) = 0, s(AD) = -1, s(BC) = 0.8, s(BD) = -0.6, s(CD) = 0.
  let square = try! EmbeddingSet(values: [1, 0, 0.6, 0.8, 0, 1, -1, 0], dim: 2, labels: [0, 0, 1, 1])

  func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }

  @Test func pairStatisticsByHand() {
    var p = EmbeddingParameters()
    p.bins = 4
    let r = EmbeddingPlan(square, parameters: p).run()
    #expect(r.summary.positivePairs == 2 && r.summary.negativePairs == 4)
    // d^2 = 2 - 2s: 0.8 for AB and 2 for CD.
    #expect(close(r.summary.alignment, 1.4))
    let d2 = [0.8, 2, 2, 4, 0.4, 3.2]
    #expect(close(r.summary.uniformity, log(d2.map { exp(-2 * $0) }.reduce(0, +) / 6)))
    // Bins [-1, -0.5), [-0.5, 0), [0, 0.5), [0.5, 1]: positives 0.6 and 0; negatives 0, -1, 0.8, -0.6.
    #expect(r.histogram.positive == [0, 0, 1, 1] && r.histogram.negative == [2, 0, 1, 1])
  }

  @Test func anchorLossesByHand() throws {
    var p = EmbeddingParameters()
    p.circleScale = 2
    p.tripletMargin = 0.6
    let a = try #require(EmbeddingPlan(square, parameters: p).run().anchors.first)
    // Anchor A: positive B (0.6); negatives C (0) and D (-1).
    let (m, g) = (0.25, 2.0)
    let negatives = [0.0, -1].map { exp(g * max(0, $0 + m) * ($0 - m)) }.reduce(0, +)
    let positive = exp(-g * (1 + m - 0.6) * (0.6 - 1 + m))
    #expect(close(a.circleLoss, log(1 + negatives * positive)))
    let ms = log(1 + exp(-2 * (0.6 - 1))) / 2 + log(1 + exp(50 * (0 - 1)) + exp(50 * (-1 - 1))) / 50
    #expect(close(a.msLoss, ms))
    let supcon = -(0.6 / 0.07 - log(exp(0.6 / 0.07) + exp(0) + exp(-1 / 0.07)))
    #expect(close(a.supconLoss, supcon))
    // d_p = sqrt(0.8) = 0.894; d(C) = 1.414 is within the 0.6 margin, d(D) = 2 is not.
    #expect(a.tripletsActive == 1 && a.positives == 1 && a.negatives == 2)
    // Mining: negatives above sp_min - 0.1 = 0.5: none; positives below sn_max + 0.1 = 0.1: none.
    #expect(a.negativesKept == 0 && a.positivesKept == 0)
  }

  /// Random rows of a dimension that is not a multiple of 4, N not a multiple of the block.
  func randomSet(n: Int = 45, dim: Int = 5, classes: Int64 = 4, seed: UInt64 = 3) throws -> EmbeddingSet {
    var state = seed
    func uniform() -> Double {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Double(state >> 11) / Double(1 << 53) * 2 - 1
    }
    let values = (0..<(n * dim)).map { _ in uniform() }
    let labels = (0..<n).map { Int64($0) % classes }
    return try EmbeddingSet(values: values, dim: dim, labels: labels)
  }

  @Test func pairWeightsAgreeWithTheAnchorsRowToTheBit() throws {
    let set = try randomSet()
    let p = EmbeddingParameters()
    let report = EmbeddingPlan(set, parameters: p).run()
    for row in report.anchors {
      let (anchor, pairs) = try #require(set.pairs(of: row.index, p))
      #expect(anchor == row)
      // Each loss's weights are the softmax shares they claim to be.
      #expect(close(pairs.map(\.supconWeight).reduce(0, +), 1))
      #expect(pairs.filter(\.positive).map(\.triplets).reduce(0, +) == row.tripletsActive)
      #expect(pairs.filter { !$0.positive }.map(\.triplets).reduce(0, +) == row.tripletsActive)
      #expect(pairs.filter { !$0.positive && $0.msKept }.count == row.negativesKept)
    }
    #expect(set.pairs(of: -1, p) == nil && set.pairs(of: set.count, p) == nil)
  }

  @Test func sampledAnchorsAreDistinctSortedAndRepeatable() {
    let a = EmbeddingSampler.choose(50, of: 400, seed: 7)
    #expect(a == EmbeddingSampler.choose(50, of: 400, seed: 7))
    #expect(a != EmbeddingSampler.choose(50, of: 400, seed: 8))
    #expect(a.count == 50 && Set(a).count == 50 && a == a.sorted() && a.allSatisfy { (0..<400).contains($0) })
    #expect(EmbeddingSampler.choose(5, of: 5, seed: 1) == [0, 1, 2, 3, 4])
  }

  @Test func histogramBinsFollowTheirPrintedEdges() {
    for bins in [1, 3, 7, 40, 1000] {
      for k in 0..<bins {
        let lo = EmbeddingHistogram.edge(k, bins: bins)
        #expect(EmbeddingHistogram.bin(lo, bins: bins) == k)
        if k > 0 { #expect(EmbeddingHistogram.bin(lo.nextDown, bins: bins) == k - 1) }
      }
      #expect(EmbeddingHistogram.bin(1, bins: bins) == bins - 1)
      #expect(EmbeddingHistogram.bin(1.5, bins: bins) == bins - 1 && EmbeddingHistogram.bin(-3, bins: bins) == 0)
    }
  }

  @Test func extremeParametersStayFinite() throws {
    let set = try randomSet(n: 30, dim: 7, classes: 3)
    var p = EmbeddingParameters()
    p.temperature = 0.001
    p.circleScale = 1024
    p.circleMargin = 0
    p.msBeta = 1000
    p.msAlpha = 100
    p.msLambda = -1
    p.uniformT = 100
    p.alignAlpha = 10
    let r = EmbeddingPlan(set, parameters: p).run()
    let s = r.summary
    for value in [s.alignment, s.uniformity, s.circleLoss, s.msLoss, s.supconLoss] { #expect(value.isFinite) }
    for a in r.anchors { #expect(a.circleLoss.isFinite && a.msLoss.isFinite && a.supconLoss.isFinite && a.supconLoss >= 0) }
  }

  @Test func scaleOfTheRowsDoesNotMatter() throws {
    let values: [Double] = [3, 4, 1, 0, 0, 2, -5, 1]
    let labels: [Int64] = [1, 1, 2, 2]
    let base = EmbeddingPlan(try EmbeddingSet(values: values, dim: 2, labels: labels), parameters: .init()).run().summary
    for factor in [1e-300, 1e300] {
      let scaled = EmbeddingPlan(try EmbeddingSet(values: values.map { $0 * factor }, dim: 2, labels: labels), parameters: .init()).run().summary
      #expect(close(scaled.circleLoss, base.circleLoss, 1e-14) && close(scaled.uniformity, base.uniformity, 1e-14))
    }
  }

  @Test func setsThatCannotBeAnalysedSayWhy() {
    #expect(throws: EmbeddingError.zeroRow(1)) { try EmbeddingSet(values: [1, 0, 0, 0], dim: 2, labels: [0, 1]) }
    #expect(throws: EmbeddingError.notFinite(row: 0, column: 1)) { try EmbeddingSet(values: [1, .infinity, 0, 1], dim: 2, labels: [0, 1]) }
    #expect(throws: EmbeddingError.oneClass(count: 2, label: 5)) { try EmbeddingSet(values: [1, 0, 0, 1], dim: 2, labels: [5, 5]) }
    #expect(throws: EmbeddingError.tooFew(1)) { try EmbeddingSet(values: [1, 0], dim: 2, labels: [0]) }
    #expect(throws: EmbeddingError.shape(values: 3, dim: 2, labels: 2)) { try EmbeddingSet(values: [1, 0, 0], dim: 2, labels: [0, 1]) }
    #expect(EmbeddingError.oneClass(count: 2, label: 5).description.contains("all 2 labels are the same (5)"))
  }

  @Test func parametersOutOfRangeNameTheirOption() {
    var p = EmbeddingParameters()
    #expect(p.problem == nil)
    p.uniformT = 0
    #expect(p.problem == "--uniform-t must be in (0, 100] (got 0)")
    p = EmbeddingParameters()
    p.msLambda = .nan
    #expect(p.problem?.hasPrefix("--ms-lambda must be in [-1, 1]") == true)
  }
}

@Suite struct EmbeddingPartsTests {
  @Test func recomputingOnlyTheAffectedPartsGivesTheWholeRunsBits() throws {
    var state: UInt64 = 11
    let n = 70, dim = 6
    let values = (0..<(n * dim)).map { _ -> Double in
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Double(state >> 11) / Double(1 << 53) - 0.5
    }
    let set = try EmbeddingSet(values: values, dim: dim, labels: (0..<n).map { Int64($0 % 5) })
    let old = EmbeddingParameters()
    var report = EmbeddingPlan(set, parameters: old).run()
    let changes: [(WritableKeyPath<EmbeddingParameters, Double>, Double, EmbeddingParts)] = [
      (\.temperature, 0.2, .supcon), (\.circleMargin, 0.4, .circle), (\.msBeta, 20, .ms), (\.msEpsilon, 0.3, .mining),
      (\.tripletMargin, 0.05, .triplets), (\.uniformT, 3, .pairs), (\.alignAlpha, 1, .pairs),
    ]
    var current = old
    for (key, value, expected) in changes {
      var next = current
      next[keyPath: key] = value
      let parts = EmbeddingParts.affected(from: current, to: next)
      #expect(parts == expected)
      report = report.updating(with: EmbeddingPlan(set, parameters: next, parts: parts).run())
      let whole = EmbeddingPlan(set, parameters: next).run()
      #expect(report.summary == whole.summary && report.anchors == whole.anchors && report.histogram == whole.histogram)
      // And the part really changed something (a test that could not fail would prove nothing).
      let before = EmbeddingPlan(set, parameters: current).run()
      #expect(before.summary != whole.summary)
      current = next
    }
    var binned = current
    binned.bins = 9
    report = report.updating(with: EmbeddingPlan(set, parameters: binned, parts: .affected(from: current, to: binned)).run())
    #expect(report.histogram == EmbeddingPlan(set, parameters: binned).run().histogram && report.histogram.bins == 9)
  }
}
