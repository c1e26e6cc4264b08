// .npy predictions and labels: the same numbers as the CSV path, and every malformed file refused clearly.

import Foundation
import Testing
@testable import LossData
@testable import LossLogs
@testable import LossText

/// A version-1 .npy file with the given descr and raw little-endian data.
func npy(_ descr: String, count: Int, data: [UInt8]) -> Data {
  var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': (\(count),), }"
  while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
  header += "\n"
  var bytes: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0]
  let length = UInt16(header.utf8.count)
  bytes += [UInt8(length & 0xFF), UInt8(length >> 8)] + Array(header.utf8) + data
  return Data(bytes)
}

func float32s(_ values: [Float]) -> [UInt8] { values.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) } }
func int64s(_ values: [Int64]) -> [UInt8] { values.flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) } }

@Suite struct NpyTests {
  let probabilities: [Float] = [0.1, 0.9, 0.1, 0.4, 0.75, 0.03]
  let labels: [UInt8] = [0, 1, 0, 1, 1, 0]

  @Test func npyGivesTheSameTableAsTheCSV() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let p = folder.appendingPathComponent("p.npy"), y = folder.appendingPathComponent("y.npy")
    try npy("<f4", count: 6, data: float32s(probabilities)).write(to: p)
    try npy("|u1", count: 6, data: labels).write(to: y)
    let csv = folder.appendingPathComponent("p.csv")
    // The CSV holds the same float32 values, printed in full.
    let rows = zip(probabilities, labels).map { "\(Double($0.0)),\($0.1)" }
    try ("prob,label\n" + rows.joined(separator: "\n") + "\n").write(to: csv, atomically: true, encoding: .utf8)
    let a = try run(["ghm", "--predictions", p.path, "--labels", y.path, "--bins", "5"])
    let b = try run(["ghm", "--predictions", csv.path, "--bins", "5"])
    #expect(a.status == 0, "\(a.stderr)")
    #expect(csvRows(a.stdout).rows == csvRows(b.stdout).rows)
    // int64 labels work too.
    try npy("<i8", count: 6, data: int64s(labels.map(Int64.init))).write(to: y)
    #expect(try run(["ghm", "--predictions", p.path, "--labels", y.path, "--bins", "5"]).stdout == a.stdout)
  }

  @Test func malformedNpyFilesAreRefused() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let p = folder.appendingPathComponent("p.npy"), y = folder.appendingPathComponent("y.npy")
    try npy("|u1", count: 6, data: labels).write(to: y)
    func message(_ data: Data) throws -> String {
      try data.write(to: p)
      let r = try run(["ghm", "--predictions", p.path, "--labels", y.path])
      #expect(r.status != 0 && r.stdout.isEmpty)
      return r.stderr
    }
    #expect(try message(npy("<f4", count: 6, data: Array(float32s(probabilities).prefix(10)))).contains("truncated"))
    #expect(try message(npy(">f4", count: 6, data: float32s(probabilities))).contains("big-endian"))
    #expect(try message(Data([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).contains("not a .npy file"))
    #expect(try message(npy("<f4", count: 5, data: float32s(Array(probabilities.prefix(5))))).contains("has 5 values but"))
    #expect(try message(npy("<f4", count: 6, data: float32s([0.1, 0.2, 1.5, 0.1, 0.1, 0.1]))).contains("element 2 (byte offset 136): probability 1.5"))
    let noLabels = try run(["ghm", "--predictions", p.path])
    #expect(noLabels.status != 0 && noLabels.stderr.contains("--labels"))
  }
}
