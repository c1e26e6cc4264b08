// `plot` as a picture that tells the truth: legends whole, clipped curves marked, y ranges, bounded memory.

import Foundation
import Losses
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct PlotPictureTests {
  func lines(_ text: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }

  @Test func theSweepLegendKeepsEverySeriesWhole() throws {
    let r = try run(["plot", "focal", "gamma=0,0.5,1,2,5", "--width", "72", "--height", "20", "--color", "never"])
    #expect(r.status == 0)
    let out = lines(r.stdout)
    #expect(out.count == 20 && out.allSatisfy { $0.unicodeScalars.count <= 72 })
    let legend = out.suffix(3).joined(separator: "\n")
    #expect(legend.contains("focal, gamma ="))
    for (glyph, value) in [("*", "0"), ("+", "0.5"), ("o", "1"), ("x", "2"), ("#", "5")] {
      #expect(legend.contains("\(glyph) \(value) "), "\(value) missing in\n\(legend)")
    }
  }

  @Test func theClippedCrossEntropyIsMarkedAndTheRangeIsTheUsers() throws {
    let r = try run(["plot", "ce", "+", "focal", "--ymax", "2", "--width", "60", "--height", "16", "--color", "never"])
    #expect(r.status == 0)
    let out = lines(r.stdout)
    #expect(out[1].contains("^") && out[1].hasPrefix("  2 |"), "\(out[1])")
    #expect(r.stdout.contains("ce (^ to 6.91)"))
  }

  @Test(arguments: [
    (["--ymin", "nan"], "--ymin 'nan' is not a finite number"),
    (["--ymax", "inf"], "--ymax 'inf' is not a finite number"),
    (["--ymin", "2", "--ymax", "1"], "--ymin (2) must be less than --ymax (1)"),
    (["--ymin", "1", "--ymax", "1"], "--ymin (1) must be less than --ymax (1)"),
    (["--log-y", "--ymin", "0"], "--ymin must be positive on a log axis"),
  ] as [([String], String)])
  func badYRanges(arguments: [String], message: String) throws {
    let r = try run(["plot", "ce"] + arguments)
    #expect(r.status != 0 && r.stdout.isEmpty)
    #expect(r.stderr.contains(message), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)
  }

  @Test func aSmallTerminalSaysTheGradientPanelHasNoRoom() throws {
    let roomy = try run(["plot", "ce", "+", "focal", "--grad", "--width", "70", "--height", "16", "--color", "never"])
    let out = lines(roomy.stdout)
    // The grad panel: from its title row to its x axis, at least 4 plot rows.
    let title = try #require(out.firstIndex { $0.hasPrefix("grad") })
    let axis = try #require(out.lastIndex { $0.contains("+--") })
    #expect(axis - title - 1 >= 4, "\(roomy.stdout)")
    let tight = try run(["plot", "ce", "+", "focal", "--grad", "--width", "70", "--height", "12", "--color", "never"])
    #expect(tight.stdout.contains("no room for the grad panel"))
  }

  // MARK: - Memory

  @Test func theEnvelopeKeepsAtMostFourPointsPerColumnAndTheSpike() {
    let grid = SampleGrid(from: 0, to: 1, count: 1_000_001)
    let spike = Spike(at: 0.3000004)
    let (loss, grad) = ColumnEnvelope.points(view: spike, grid: grid, columns: 160)
    #expect(loss.xs.count <= ColumnEnvelope.capacity(columns: 160) && grad.xs.count <= ColumnEnvelope.capacity(columns: 160))
    #expect(loss.ys.max() == 100)
    #expect(loss.xs.first == 0 && loss.xs.last == 1)
    #expect(zip(loss.xs, loss.xs.dropFirst()).allSatisfy { $0 < $1 })
    #expect(spike.counter.largestBatch <= 4096)
    #expect(spike.counter.total == 1_000_001)
  }

  @Test func twentyMillionPointsFitInTwoHundredMegabytes() throws {
    // Holding every point (x, loss, grad) would need 480 MB; the envelope needs the screen's worth.
    let command = "ulimit -v 200000; exec '\(lossscopeBinary.path)' plot focal --points 20000000 --width 60 --height 10 --color never"
    let r = try spawn(["/bin/sh", "-c", command], captureStderr: true)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(lines(r.stdout).count == 10)
  }
}

/// Counts what a view is asked to evaluate.
final class EvaluationCounter: @unchecked Sendable {
  var total = 0
  var largestBatch = 0
}

/// Zero everywhere but 100 at the one grid point nearest `at`.
struct Spike: LossView {
  let at: Double
  let counter = EvaluationCounter()

  func evaluate(_ x: Double) -> LossPoint { LossPoint(loss: abs(x - at) < 5e-7 ? 100 : 0, grad: 0) }

  func evaluate(_ xs: UnsafeBufferPointer<Double>, loss: UnsafeMutableBufferPointer<Double>, grad: UnsafeMutableBufferPointer<Double>) {
    counter.total += xs.count
    counter.largestBatch = max(counter.largestBatch, xs.count)
    for i in 0..<xs.count {
      loss[i] = evaluate(xs[i]).loss
      grad[i] = 0
    }
  }
}
