// The presets of the views beside focal loss: each paper's setting, and one of its numbers through `export`.

import Foundation
import Losses
import Testing

@testable import LossScopeApp

@Suite struct PresetsBesideFocalTests {
  func value(_ preset: String, _ view: Int, _ name: String) throws -> Double {
    try loadPreset(preset).views[view].parameters[name]
  }

  @Test func presetsHoldThePapersSettings() throws {
    #expect(try value("label-smoothing", 0, "epsilon") == 0.1 && value("label-smoothing", 0, "classes") == 1000)
    #expect(try loadPreset("label-smoothing").views[1].info.name == "ce")
    #expect(try value("poly1", 0, "epsilon") == 1 && value("poly1", 0, "gamma") == 0)
    let asl = try loadPreset("asl-paper").views
    #expect(asl.map { $0.parameters.choice("side") } == ["positive", "negative"])
    #expect(asl[0].parameters["gamma-pos"] == 0 && asl[1].parameters["gamma-neg"] == 4 && asl[1].parameters["clip"] == 0.05)
    #expect(try value("qfl-gfl", 0, "beta") == 2 && loadPreset("qfl-gfl").views[0].sweeps.first?.values == [0, 0.5, 0.9])
    #expect(try value("varifocal", 0, "alpha") == 0.75 && value("varifocal", 0, "gamma") == 2)
    #expect(try value("ghmr-retinanet", 0, "mu") == 0.02 && value("ghmr-retinanet", 0, "bins") == 10
              && value("ghmr-retinanet", 0, "momentum") == 0.7)
    let smooth = try loadPreset("smooth-l1").views
    #expect(smooth.map(\.info.name) == ["smooth-l1", "smooth-l1", "huber"])
    #expect(smooth[0].parameters["beta"] == 1 && smooth[1].parameters["beta"] == 1.0 / 9 && smooth[2].parameters["delta"] == 1)
    let sphere = try loadPreset("sphereface").views
    #expect(sphere.allSatisfy { $0.parameters["margin"] == 4 } && sphere.map { $0.parameters["lambda"] } == [0, 5])
    #expect(try value("supcon", 0, "temperature") == 0.1 && loadPreset("supcon").views[0].sweeps.first?.values == [1, 4, 16])
  }

  /// The exported rows of one view of a preset (the rows of series `index` when it has several).
  func rows(_ preset: String, _ extra: [String] = []) throws -> [[Double]] {
    let r = try run(["export", "--preset", preset] + extra)
    #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
    return csvRows(r.stdout).rows.map { $0.compactMap(Double.init) }
  }

  @Test func labelSmoothingPresetIsLeastAtItsOptimum() throws {
    // Only the label-smoothing series (the first 1001 rows): least at pt = 1 - 0.1 + 0.1/1000.
    let smoothed = try rows("label-smoothing", ["--from", "0.8", "--to", "0.98", "--points", "1801"]).prefix(1801)
    let best = try #require(smoothed.min { $0[1] < $1[1] })
    #expect(abs(best[0] - 0.9001) < 1e-9)
  }

  @Test func aslPresetDiscardsNegativesBelowItsMargin() throws {
    let all = try rows("asl-paper", ["--from", "0.01", "--to", "0.1", "--points", "91"])
    let negative = all.suffix(91)
    #expect(negative.count == 91)
    for row in negative { #expect((row[0] <= 0.05) == (row[1] == 0 && row[2] == 0), "p \(row[0])") }
  }

  @Test func supconPresetStaysAboveLogP() throws {
    // Rows: positives, s, loss, grad; at s = 1 each curve is log P + log(1 + (255/P) e^(-1/0.1)).
    let ends = try rows("supcon", ["--points", "5"]).filter { $0[1] == 1 }
    #expect(ends.map { $0[0] } == [1, 4, 16])
    for row in ends {
      let p = row[0]
      #expect(abs(row[2] - (Foundation.log(p) + Foundation.log1p(255 / p * Foundation.exp(-10)))) < 1e-14, "P \(p)")
    }
  }
}
