// `lossscope export` as a user runs it: the CSV's shape, its numbers, and every refusal.

import Foundation
import Losses
import Testing
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct ExportTests {
  @Test func singleSeriesHasThreeColumnsAndMetadataFirst() throws {
    let r = try run(["export", "focal", "gamma=2", "--from", "0.001", "--to", "0.999", "--points", "999"])
    #expect(r.status == 0 && r.stderr.isEmpty)
    let lines = r.stdout.split(separator: "\n")
    #expect(lines[0] == "# lossscope \(CSVVersion.text)")
    #expect(lines.contains("# view: focal (Focal loss)"))
    #expect(lines.contains("# parameters: axis=pt gamma=2 alpha=1"))
    #expect(lines.contains { $0.hasPrefix("# grad: |dL/dz|") })
    let (header, rows) = csvRows(r.stdout)
    #expect(header == ["pt", "loss", "grad"])
    #expect(rows.count == 999)
    // x_i = A + i (B - A) / (N - 1), and every number reads back to what the library computes.
    let focal = Catalog.view(named: "focal")!
    let view = focal.make(focal.defaults)
    for (i, row) in rows.enumerated() {
      let x = Double(row[0])!
      #expect(x == (i == 998 ? 0.999 : 0.001 + Double(i) * (0.999 - 0.001) / 998))
      #expect(Double(row[1])! == view.evaluate(x).loss)
      #expect(Double(row[2])! == view.evaluate(x).grad)
    }
    // Spot check against the formula by hand: pt = 0.9 is row 899 -> x = 0.001 + 899 * 0.998/998.
    let nine = rows.first { $0[0] == "0.9" }!
    #expect(abs(Double(nine[1])! - 0.01 * 0.10536051565782628) < 1e-17)
  }

  @Test func sweepPutsTheParameterFirst() throws {
    let r = try run(["export", "focal", "gamma=0,0.5,1,2,5", "--points", "11"])
    let (header, rows) = csvRows(r.stdout)
    #expect(header == ["gamma", "pt", "loss", "grad"])
    #expect(rows.count == 55)
    #expect(Set(rows.map { $0[0] }) == ["0", "0.5", "1", "2", "5"])
    #expect(r.stdout.contains("# parameters: axis=pt gamma=0,0.5,1,2,5 alpha=1"))
  }

  @Test func severalViewsUseASeriesColumn() throws {
    let r = try run(["export", "ce", "+", "focal", "gamma=0,2", "--points", "5"])
    let (header, rows) = csvRows(r.stdout)
    #expect(header == ["series", "pt", "loss", "grad"])
    #expect(Set(rows.map { $0[0] }) == ["ce", "focal gamma=0 alpha=1", "focal gamma=2 alpha=1"])
    #expect(rows.count == 15)
  }

  @Test func outputFileIsWrittenAtomically() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("out.csv").path
    let r = try run(["export", "circle", "axis=sn", "-o", path])
    #expect(r.status == 0 && r.stdout.isEmpty)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(csvRows(text).header == ["sn", "loss", "grad"])
    #expect(csvRows(text).rows.count == 201)
    // Nothing but the file itself is left in the folder.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
  }

  @Test(arguments: [
    (["export", "focl"], "unknown view 'focl' (did you mean 'focal'?)"),
    (["export", "focal", "gamma=nan"], "gamma=nan is not a finite number"),
    (["export", "focal", "--points", "1"], "--points must be at least 2"),
    (["export", "focal", "--from", "0.5", "--to", "0.2"], "must be less than --to"),
    (["export", "focal", "--from", "0", "--to", "0.5"], "--from 0 is outside the pt domain (0, 1)"),
    (["export", "focal", "-o", "/nonexistent-folder/x.csv"], "cannot write /nonexistent-folder/x.csv"),
    (["export", "ce", "+", "triplet"], "cannot share one x axis"),
  ] as [([String], String)])
  func badInputIsOneLineOnStderrAndNothingWritten(arguments: [String], message: String) throws {
    let r = try run(arguments)
    #expect(r.status != 0)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1, "stderr: \(r.stderr)")
  }

  @Test func unwritableFileLeavesNoTrace() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("taken")
    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
    let r = try run(["export", "ce", "-o", target.path])
    #expect(r.status != 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["taken"])
  }

  @Test func negativeRangesAreAccepted() throws {
    let r = try run(["export", "ce", "axis=logit", "--from", "-8", "--to", "8", "--points", "3"])
    #expect(csvRows(r.stdout).rows.map { $0[0] } == ["-8", "0", "8"])
  }
}

enum CSVVersion {
  static let text = "0.1.0"
}
