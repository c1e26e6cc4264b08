// Following live logs: appended lines and records arrive, partial ones wait, truncated or replaced files are reread; the envelope stays bounded.

import Foundation
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct LogFollowTests {
  func append(_ path: String, _ text: String) throws {
    let handle = try #require(FileHandle(forWritingAtPath: path))
    handle.seekToEndOfFile()
    handle.write(Data(text.utf8))
    handle.closeFile()
  }

  @Test func appendedLinesArriveAndPartialLinesWait() throws {
    let path = try logFile("metrics.csv", "step,loss\n1,0.9\n2,0.")
    let set = try TrainingLogSet(paths: [path], axis: .step)
    #expect(try set.poll(final: false) == [0])
    #expect(set.runs[0]["loss"]?.values == [0.9])  // "2,0." has no newline yet
    #expect(try set.poll(final: false) == [])
    try append(path, "8\n3,0.7\n")
    #expect(try set.poll(final: false) == [0])
    #expect(set.runs[0]["loss"]?.values == [0.9, 0.8, 0.7])
    #expect(set.runs[0]["loss"]?.xs == [1, 2, 3])
  }

  @Test func truncatedAndReplacedFilesAreReread() throws {
    let path = try logFile("log.jsonl", "{\"step\": 1, \"loss\": 1}\n{\"step\": 2, \"loss\": 2}\n")
    let set = try TrainingLogSet(paths: [path], axis: .step)
    try set.poll(final: false)
    #expect(set.runs[0]["loss"]?.count == 2)
    // Truncated and rewritten shorter: a new run starts.
    try Data("{\"step\": 1, \"loss\": 5}\n".utf8).write(to: URL(fileURLWithPath: path))
    #expect(try set.poll(final: false) == [0])
    #expect(set.runs[0]["loss"]?.values == [5])
    // Replaced by rename, as a logger rotating its file does.
    let other = path + ".new"
    try Data("{\"step\": 7, \"loss\": 6}\n{\"step\": 8, \"loss\": 7}\n".utf8).write(to: URL(fileURLWithPath: other))
    #expect(rename(other, path) == 0)
    #expect(try set.poll(final: false) == [0])
    #expect(set.runs[0]["loss"]?.xs == [7, 8])
  }

  @Test func eventRecordsArriveByteByByte() throws {
    let data = try [UInt8](Data(contentsOf: logFixtures.appendingPathComponent("run/events.out.tfevents.1700000000.simple")))
    let path = try logFile("events.out.tfevents.live", [])
    let set = try TrainingLogSet(paths: [path], axis: .step)
    var cut = 0
    for end in stride(from: 7, through: data.count, by: 13) + [data.count] {
      let handle = try #require(FileHandle(forWritingAtPath: path))
      handle.seekToEndOfFile()
      handle.write(Data(data[cut..<end]))
      handle.closeFile()
      cut = end
      try set.poll(final: false)
    }
    #expect(set.runs[0]["loss"]?.values == (0..<10).map { 2.0 - 0.125 * Double($0) })
    #expect(set.runs[0]["val_loss"]?.count == 4)
  }

  @Test func trainerStateRewrittenWhole() throws {
    let path = try logFile("trainer_state.json", "{\"log_history\": [{\"loss\": 1, \"step\": 1}]}")
    let set = try TrainingLogSet(paths: [path], axis: .step)
    try set.poll(final: false)
    try Data("{\"log_history\": [{\"loss\": 1, \"step\": 1}, {\"loss\": 0.5, \"step\": 2}]}".utf8).write(to: URL(fileURLWithPath: path))
    #expect(try set.poll(final: false) == [0])
    #expect(set.runs[0]["loss"]?.values == [1, 0.5])
  }

  @Test func envelopeIsMinMaxPerColumn() {
    var rng = LogTestRandom(seed: 5)
    let xs = (0..<10_000).map(Double.init), ys = xs.map { _ in rng.normal() }
    let env = LogEnvelope(columns: 64, xs: xs, ys: ys)
    #expect(env.lo.count == 64 && env.count == 10_000)
    // Brute force over the same columns.
    for c in 0..<64 {
      let inColumn = zip(xs, ys).filter { Int(($0.0 - env.start) / env.width) == c }.map(\.1)
      if inColumn.isEmpty { continue }
      #expect(env.lo[c] == inColumn.min()! && env.hi[c] == inColumn.max()!)
    }
    #expect(env.lo.min() == ys.min() && env.hi.max() == ys.max())
  }

  @Test func envelopeGrowsBothWaysAndCountsNonFinite() {
    var env = LogEnvelope(columns: 4)
    env.add(x: 10, y: 1)
    env.add(x: 11, y: 2)
    env.add(x: 0, y: 5)  // before the start: the range doubles leftwards
    env.add(x: 30, y: -1)
    env.add(x: 12, y: .nan)
    #expect(env.count == 4 && env.nonFinite == 1)
    #expect(env.start <= 0 && env.start + 4 * env.width > 30)
    #expect(env.hi.max() == 5 && env.lo.min() == -1)
    let outline = env.outline
    #expect(outline.xs.count == outline.ys.count && outline.xs.count <= 8)
  }
}
