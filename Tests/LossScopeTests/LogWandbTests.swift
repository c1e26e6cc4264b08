// W&B run files written by wandb itself (offline): every history value as wandb's own Record and json.loads give it, a record split over blocks, damage refused, and the verdicts.

import Foundation
import Testing

@testable import LossLogs
@testable import LossData

@Suite struct LogWandbTests {
  /// The run file of a fixture run (its name carries wandb's random run id).
  func runFile(_ name: String) throws -> String {
    let folder = libraryFixtures.appendingPathComponent("wandb/" + name)
    let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".wandb") })
    return folder.appendingPathComponent(file).path
  }

  @Test(arguments: LogLibraryTests.scenarios + ["rows"])
  func valuesEqualWandbsOwnRecords(name: String) throws {
    let path = try runFile(name)
    let runs = try readLogs([path])
    #expect(runs.first?.format == .wandb)
    let theirs = try libraryValues("wandb", path, module: "wandb", expected: "wandb-\(name).json")
    // One run each: compared by its metrics (the expected copy names the file as it was then).
    let ours = try ourValues(path)
    expectSameValues(["run": ours.values.first ?? [:]], ["run": theirs.values.first ?? [:]])
  }

  @Test func aRowSplitOverBlocksAndNonFiniteValues() throws {
    let run = try #require(try readLogs([try runFile("rows")]).first)
    // 1500 keys in one row: a record longer than a 32 KiB block, read whole.
    #expect(run.series.filter { $0.metric.hasPrefix("big/") }.count == 1500)
    #expect(run["big/k1499"]?.values == [1499.0 / 7] && run["big/k1499"]?.xs == [1])
    let loss = try #require(run["loss"])
    #expect(loss.xs == [0, 2, 3, 4] && loss.values[0] == 1 && loss.values[1].isNaN && loss.values[2] == -.infinity && loss.values[3] == 0.25)
    #expect(run["nested.x"]?.values == [0.5, .infinity])
    #expect(run["note"] == nil)
    // _timestamp is the time axis.
    let timed = try readLogs([try runFile("rows")], axis: .time)
    #expect((timed[0]["loss"]?.xs.first ?? 0) > 1_600_000_000)
  }

  @Test(arguments: LogLibraryTests.scenarios)
  func verdicts(scenario: String) throws {
    let rows = try diagnosisRows([libraryFixtures.appendingPathComponent("wandb/" + scenario).path])
    #expect(rows.first { $0.train == "train/loss" && $0.val == "val/loss" }?.verdict == scenario, "\(rows)")
    #expect(rows.first { $0.train == "train/acc" && $0.val == "val/acc" }?.verdict == scenario, "\(rows)")
    #expect(!rows.contains { $0.train == "epoch" }, "\(rows)")
  }

  @Test func damageIsRefusedAndACutTailWarned() throws {
    let good = try [UInt8](Data(contentsOf: URL(fileURLWithPath: try runFile("learning"))))
    var bad = good
    bad[40] ^= 1
    do {
      _ = try readLogs([try logFile("run-bad.wandb", bad)])
      Issue.record("a corrupt record was accepted")
    } catch let error as FileError {
      #expect(error.description.contains("byte 7: CRC mismatch"), "\(error)")
    }
    let cut = try logFile("run-cut.wandb", Array(good.prefix(good.count - 5)))
    let set = try TrainingLogSet(paths: [cut], axis: .step)
    try set.poll(final: true)
    #expect((set.runs[0]["train/loss"]?.count ?? 0) > 100)
    #expect(set.takeWarnings().first?.contains("incomplete record at the end") == true)
    // Read a byte at a time while following, the values are the same.
    let path = try logFile("run-live.wandb", [])
    let live = try TrainingLogSet(paths: [path], axis: .step)
    let handle = try #require(FileHandle(forWritingAtPath: path))
    for chunk in stride(from: 0, to: good.count, by: 997) {
      handle.write(Data(good[chunk..<min(chunk + 997, good.count)]))
      try live.poll(final: false)
    }
    try handle.close()
    let whole = try readLogs([try runFile("learning")])[0]
    #expect(live.runs[0].series.map(\.metric) == whole.series.map(\.metric))
    #expect(live.runs[0]["val/loss"]?.values == whole["val/loss"]?.values)
  }
}
