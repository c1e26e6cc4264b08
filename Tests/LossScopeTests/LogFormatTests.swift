// Each log format parsed to exact values: event files written by TensorBoard's own writer, CSV, JSON lines, trainer_state.json, text.

import Foundation
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

/// The committed fixtures (see Fixtures/logs/make_event_fixtures.py).
let logFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/logs")

/// Writes `text` to a new temporary file named `name` and returns its path.
func logFile(_ name: String, _ bytes: [UInt8]) throws -> String {
  let url = try temporaryFolder().appendingPathComponent(name)
  try Data(bytes).write(to: url)
  return url.path
}

func logFile(_ name: String, _ text: String) throws -> String { try logFile(name, Array(text.utf8)) }

/// All runs of `paths`, read once.
func readLogs(_ paths: [String], axis: LogAxis = .step, format: LogFormat? = nil, regex: String? = nil, names: [String] = []) throws -> [LogRun] {
  let set = try TrainingLogSet(paths: paths, format: format, regex: try regex.map { try Regex($0) }, captureNames: names, axis: axis)
  try set.poll(final: true)
  return set.runs
}

@Suite struct LogFormatTests {
  @Test func crc32cCheckValue() {
    #expect(LogCRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    #expect(LogCRC32C.checksum([UInt8]()) == 0)
    // 32 zero bytes: the value RFC 3720 (iSCSI) lists.
    #expect(LogCRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
  }

  @Test func simpleValueEventsExact() throws {
    let runs = try readLogs([logFixtures.appendingPathComponent("run").path])
    #expect(runs.count == 1 && runs[0].format == .tfevents && runs[0].name.hasSuffix("logs/run"))
    let loss = try #require(runs[0]["loss"]), val = try #require(runs[0]["val_loss"])
    #expect(loss.xs == (0..<10).map(Double.init))
    #expect(loss.values == (0..<10).map { 2.0 - 0.125 * Double($0) })
    #expect(val.xs == [0, 3, 6, 9])
    #expect(val.values == [2.5, 2.25, 2.0, 1.75])
    let timed = try readLogs([logFixtures.appendingPathComponent("run").path], axis: .time)
    #expect(timed[0]["loss"]?.xs == (0..<10).map { 1_700_000_000 + Double($0) })
  }

  @Test func scalarTensorEventsExact() throws {
    let runs = try readLogs([logFixtures.appendingPathComponent("events.out.tfevents.1700000000.tensor").path])
    let loss = try #require(runs[0]["Loss/train"])
    #expect(loss.xs == (0..<8).map(Double.init))
    // Written as float32 tensors: the value is the float32 nearest to 1 / (1 + s).
    #expect(loss.values == (0..<8).map { Double(Float(1.0 / (1.0 + Double($0)))) })
  }

  @Test func aFolderOfEventFilesIsOneRunAndEachSubfolderAnother() throws {
    let runs = try readLogs([logFixtures.path])
    #expect(runs.map(\.name) == [logFixtures.path, logFixtures.path + "/run"])
    #expect(runs.map { $0.series.map(\.metric) } == [["Loss/train"], ["loss", "val_loss"]])
  }

  @Test func corruptEventFilesRefused() throws {
    let good = try [UInt8](Data(contentsOf: logFixtures.appendingPathComponent("run/events.out.tfevents.1700000000.simple")))
    var data = good
    data[40] ^= 1  // inside the second record's data
    #expect(throws: FileError.self) { try readLogs([try logFile("events.out.tfevents.data", data)]) }
    do {
      _ = try readLogs([try logFile("events.out.tfevents.data", data)])
    } catch let error as FileError {
      #expect(error.description.contains("data CRC mismatch"))
      #expect(error.description.contains("byte "))
    }
    var length = good
    length[0] ^= 1  // the first record's length
    do {
      _ = try readLogs([try logFile("events.out.tfevents.length", length)])
      Issue.record("a corrupt length was accepted")
    } catch let error as FileError {
      #expect(error.description.contains("byte 0: length CRC mismatch"))
    }
    // A cut last record is what a writer still writing leaves: the complete records are read,
    // as TensorBoard reads them, with a warning that says where the cut one starts.
    let cut = try logFile("events.out.tfevents.cut", Array(good.prefix(good.count - 3)))
    let set = try TrainingLogSet(paths: [cut], axis: .step)
    try set.poll(final: true)
    #expect(set.runs[0]["loss"]?.count == 10 && set.runs[0]["val_loss"]?.values == [2.5, 2.25, 2.0])
    let warnings = set.takeWarnings()
    #expect(warnings.count == 1 && warnings[0].contains(": byte 642: incomplete record at the end (43 bytes"), "\(warnings)")  // the last record: 46 bytes at 642
    #expect(set.takeWarnings().isEmpty)
  }

  @Test func lightningMetricsCSV() throws {
    let path = try logFile("metrics.csv", "epoch,step,train_loss,val_loss,val_acc\n0,49,0.9,,\n0,99,0.8,,\n0,99,,0.85,0.5\n1,149,0.7,,\n1,199,,0.75,0.6\n")
    let run = try readLogs([path])[0]
    #expect(run.format == .csv)
    #expect(run.series.map(\.metric) == ["train_loss", "val_loss", "val_acc"])
    #expect(run["train_loss"]?.xs == [49, 99, 149] && run["train_loss"]?.values == [0.9, 0.8, 0.7])
    #expect(run["val_loss"]?.xs == [99, 199] && run["val_loss"]?.values == [0.85, 0.75])
    let byEpoch = try readLogs([path], axis: .epoch)[0]
    #expect(byEpoch["val_acc"]?.xs == [0, 1])
  }

  @Test func csvWithoutStepCountsRows() throws {
    let run = try readLogs([try logFile("plain.csv", "loss,\"acc\"\r\n3,0.1\r\n2,nan\r\n")])[0]
    #expect(run["loss"]?.xs == [0, 1] && run["loss"]?.values == [3, 2])
    #expect(run["acc"]?.values[1].isNaN == true)
  }

  @Test func jsonLines() throws {
    let text = "{\"step\": 1, \"loss\": 1.5, \"lr\": 0.1, \"tag\": \"a\"}\n\n{\"global_step\": 2, \"loss\": NaN, \"nested\": {\"x\": 1}}\n{\"_step\": 3, \"loss\": -Infinity, \"_timestamp\": 7.5}\n"
    let run = try readLogs([try logFile("log.jsonl", text)])[0]
    #expect(run.format == .jsonl)
    #expect(run["loss"]?.xs == [1, 2, 3])
    #expect(run["loss"]?.values[0] == 1.5 && run["loss"]?.values[1].isNaN == true && run["loss"]?.values[2] == -.infinity)
    #expect(run["lr"]?.values == [0.1])
    #expect(run.series.count == 2)
  }

  @Test func trainerState() throws {
    let text = """
      {
        "best_metric": null,
        "log_history": [
          {"epoch": 0.5, "learning_rate": 5e-05, "loss": 2.1, "step": 10},
          {"epoch": 1.0, "eval_loss": 1.9, "eval_runtime": 3.2, "step": 20},
          {"epoch": 1.5, "loss": 1.7, "step": 30}
        ]
      }
      """
    let run = try readLogs([try logFile("trainer_state.json", text)], axis: .epoch)[0]
    #expect(run.format == .trainerState)
    #expect(run["loss"]?.xs == [0.5, 1.5] && run["loss"]?.values == [2.1, 1.7])
    #expect(run["eval_loss"]?.xs == [1.0] && run["eval_loss"]?.values == [1.9])
  }

  @Test func textThroughRegex() throws {
    let text = "iter 1 loss=0.5 acc=0.1\nnoise line\niter 2 loss=4e-1 acc=0.2\n"
    let run = try readLogs([try logFile("train.log", text)], regex: #"iter (?<step>\d+) loss=([-0-9.eE+]+) acc=([0-9.]+)"#, names: ["loss", "acc"])[0]
    #expect(run.format == .text)
    #expect(run["loss"]?.xs == [1, 2] && run["loss"]?.values == [0.5, 0.4])
    #expect(run["acc"]?.values == [0.1, 0.2])
    let unnamed = try readLogs([try logFile("train.log", text)], regex: #"loss=([0-9.e-]+)"#)[0]
    #expect(unnamed["value"]?.xs == [0, 1])
  }

  @Test func jsonParserEdges() throws {
    #expect(throws: LogJSON.Failure.self) { try LogJSON.parse(ArraySlice(Array("{\"a\": }".utf8))) }
    #expect(throws: LogJSON.Failure.self) { try LogJSON.parse(ArraySlice(Array(String(repeating: "[", count: 10_000).utf8))) }
    let v = try LogJSON.parse(ArraySlice(Array(#"{"a\u00e9": [1, -2.5e3, true, null, "x\n"]}"#.utf8)))
    guard case .array(let items)? = v["aé"] else { Issue.record("no array"); return }
    #expect(items.count == 5)
    if case .number(let n) = items[1] { #expect(n == -2500) } else { Issue.record("not a number") }
  }
}
