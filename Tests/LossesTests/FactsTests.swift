// The checkable facts of LOSSES.md, each computed from the library.

import Losses
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct FactsTests {
  @Test func focalIsHundredTimesLowerAtPointNine() {
    let ce = build("ce"), focal = build("focal", ["gamma": "2", "alpha": "1"])
    #expect(close(ce(0.9).loss / focal(0.9).loss, 100, rel: 1e-12))
    let pt = 1 - 1 / 1000.0.squareRoot()
    #expect(close(ce(pt).loss / focal(pt).loss, 1000, rel: 1e-12))
    #expect(abs(pt - 0.96838) < 1e-5)
  }

  @Test func focalWithGammaZeroIsCrossEntropy() {
    let ce = build("ce"), focal = build("focal", ["gamma": "0"])
    for x in interior(0, 1, count: 99) + [1e-300, 0.9999999999999999] {
      #expect(focal(x) == ce(x))
    }
    let ceZ = build("ce", ["axis": "logit"]), focalZ = build("focal", ["gamma": "0", "axis": "logit"])
    for z in interior(-1000, 1000, count: 99) { #expect(focalZ(z) == ceZ(z)) }
  }

  @Test func focalGradientExceedsCrossEntropyForHardExamples() {
    let ce = build("ce"), focal = build("focal", ["gamma": "2"])
    for pt in [0.001, 0.01, 0.05, 0.1] { #expect(focal(pt).grad > ce(pt).grad) }
    for pt in [0.5, 0.9] { #expect(focal(pt).grad < ce(pt).grad) }
  }

  @Test func crossEntropyGradientIsOneMinusPt() {
    let ce = build("ce")
    for pt in interior(0, 1, count: 99) { #expect(ce(pt).grad == 1 - pt) }
    let ceZ = build("ce", ["axis": "logit"])
    for z in [-30.0, -2, 0, 2, 30] {
      // 1 - sigmoid(z) = 1 / (1 + e^z), written without the cancellation of 1 - pt.
      #expect(close(ceZ(z).grad, 1 / (1 + exp(z)), rel: 1e-14))
    }
  }

  @Test func uniformPopulationGivesWeightOneInEveryBin() {
    for m in [1, 7, 30, 100] {
      let bins = GHMBins(count: m)
      // 50 samples at the centre of every bin.
      let gs = (0..<m).flatMap { i in [Double](repeating: (Double(i) + 0.5) / Double(m), count: 50) }
      var harmonizer = GHMHarmonizer(bins: m, momentum: 0)
      let weights = harmonizer.update(counts: bins.counts(of: gs))
      #expect(weights == [Double](repeating: 1, count: m))
    }
  }

  @Test(arguments: [0.0, 0.1, 0.25, 0.5, 0.7])
  func circleBoundaryGivesLogTwo(margin: Double) {
    let r = 2.0.squareRoot() * margin
    for scale in ["1", "64", "256", "1024"] {
      // Points on sn^2 + (sp - 1)^2 = 2 m^2 where a_n = sn + m >= 0 and a_p = 1 + m - sp >= 0.
      let lowest = max(-margin, -r)
      for k in 0...8 {
        let sn = lowest + (r - lowest) * Double(k) / 8
        let sp = 1 - max(0, 2 * margin * margin - sn * sn).squareRoot()
        let onSp = build("circle", ["margin": "\(margin)", "scale": scale, "sn": "\(sn)"])
        #expect(close(onSp(sp).loss, log(2), rel: 1e-9 * Double(scale)!), "sn \(sn) sp \(sp)")
        let onSn = build("circle", ["axis": "sn", "margin": "\(margin)", "scale": scale, "sp": "\(sp)"])
        #expect(close(onSn(sn).loss, log(2), rel: 1e-9 * Double(scale)!))
      }
    }
  }

  @Test func arcfaceAndCosfaceAgreeAtZeroMargin() {
    for axis in ["theta", "cos"] {
      for (scale, classes) in [("64", "10"), ("1", "2"), ("128", "1000000")] {
        let settings = ["axis": axis, "margin": "0", "scale": scale, "classes": classes, "thetaneg": "70"]
        let arc = build("arcface", settings), cosface = build("cosface", settings)
        for x in edgePoints(arc.axis) {
          #expect(close(arc(x).loss, cosface(x).loss, rel: 1e-12, floor: 1e-290), "\(axis) \(x)")
          #expect(close(arc(x).grad, cosface(x).grad, rel: 1e-9, floor: 1e-290), "\(axis) \(x)")
        }
      }
    }
  }

  @Test(arguments: [1, 7, 255, 65536, 1_000_000])
  func infonceAtTheNegativeSimilarityIsLogKPlusOne(negatives: Int) {
    for sneg in [-0.5, 0, 0.3] {
      for t in ["0.001", "0.07", "10"] {
        let v = build("infonce", ["negatives": "\(negatives)", "sneg": "\(sneg)", "temperature": t])
        #expect(close(v(sneg).loss, log(Double(negatives) + 1), rel: 1e-14))
      }
    }
  }
}
