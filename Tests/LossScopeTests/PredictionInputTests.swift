// Hostile and careless predictions files: each refused with one line naming the file and the place.

import Foundation
import Testing
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite final class PredictionInputTests {
  let folder: URL
  init() throws { folder = try temporaryFolder() }
  deinit { try? FileManager.default.removeItem(at: folder) }

  func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  /// Runs `ghm` and checks the shape of a refusal: status 1 or 2, nothing on stdout, one line on
  /// stderr without raw control bytes. Returns that line.
  func refusal(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let r = try run(["ghm"] + arguments)
    #expect(r.status == 1 || r.status == 2, "status \(r.status)", sourceLocation: sourceLocation)
    #expect(r.stdout.isEmpty, sourceLocation: sourceLocation)
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(r.stderr)", sourceLocation: sourceLocation)
    #expect(!r.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F }, sourceLocation: sourceLocation)
    return r.stderr
  }

  /// A .npy file whose header says `shape` over the given data.
  func npyFile(_ name: String, shape: String, descr: String = "<f4", data: [UInt8]) throws -> String {
    var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shape), }"
    while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
    header += "\n"
    let length = UInt16(header.utf8.count)
    let bytes: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, UInt8(length & 0xFF), UInt8(length >> 8)] + Array(header.utf8) + data
    try Data(bytes).write(to: URL(fileURLWithPath: path(name)))
    return path(name)
  }

  @Test func npyShapesThatCannotBeTrueAreRefused() throws {
    let y = try npyFile("y.npy", shape: "(4,)", descr: "|u1", data: [0, 1, 0, 1])
    let four = float32s([0.1, 0.2, 0.3, 0.4])
    for shape in ["(1152921504606846976,)", "(99999999999999999999999,)", "(1000,)", "(4611686018427387904,)"] {
      let p = try npyFile("p.npy", shape: shape, data: four)
      let line = try refusal(["--predictions", p, "--labels", y])
      #expect(line.contains(p) && (line.contains("truncated") || line.contains("absurd")), "\(shape): \(line)")
    }
    for shape in ["(1e3,)", "(-5,)", "(4, 2)", "(4.0,)", "()", "(0x4,)"] {
      let p = try npyFile("p.npy", shape: shape, data: four)
      let line = try refusal(["--predictions", p, "--labels", y])
      #expect(line.contains("not one-dimensional") || line.contains("bad header"), "\(shape): \(line)")
    }
  }

  @Test func bytesAfterTheDataAreAnError() throws {
    let y = try npyFile("y.npy", shape: "(4,)", descr: "|u1", data: [0, 1, 0, 1])
    let p = try npyFile("p.npy", shape: "(4,)", data: float32s([0.1, 0.2, 0.3, 0.4]) + [7, 7, 7])
    let line = try refusal(["--predictions", p, "--labels", y])
    #expect(line.contains("at byte offset 144: 3 trailing bytes after the data"), "\(line)")
    let longer = try npyFile("y2.npy", shape: "(4,)", descr: "|u1", data: [0, 1, 0, 1, 1])
    let p2 = try npyFile("p2.npy", shape: "(4,)", data: float32s([0.1, 0.2, 0.3, 0.4]))
    #expect(try refusal(["--predictions", p2, "--labels", longer]).contains("y2.npy: at byte offset 132: 1 trailing bytes after the data"))
  }

  @Test func aBadLabelNamesTheLabelsFileAndItsByte() throws {
    let y = try npyFile("y.npy", shape: "(4,)", descr: "|u1", data: [0, 2, 0, 1])
    let p = try npyFile("p.npy", shape: "(4,)", data: float32s([0.1, 0.2, 0.3, 0.4]))
    let line = try refusal(["--predictions", p, "--labels", y])
    #expect(line.contains("y.npy: element 1 (byte offset 129): label 2 is not 0 or 1"), "\(line)")
  }

  @Test func anAbsurdHeaderLengthIsRefused() throws {
    // Version 2: a 4-byte header length of 2^31.
    let bytes: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 2, 0, 0, 0, 0, 0x80] + Array(repeating: 32, count: 64)
    try Data(bytes).write(to: URL(fileURLWithPath: path("h.npy")))
    let y = try npyFile("y.npy", shape: "(4,)", descr: "|u1", data: [0, 1, 0, 1])
    #expect(try refusal(["--predictions", path("h.npy"), "--labels", y]).contains("header length 2147483648 is more than numpy's limit of 10000 bytes"))
  }

  @Test func whatIsNotARegularFileIsRefusedAtOnce() throws {
    let fifo = path("fifo.csv")
    #expect(mkfifo(fifo, 0o600) == 0)
    #expect(try refusal(["--predictions", fifo]).contains("fifo.csv: is a FIFO, not a regular file"))
    #expect(try refusal(["--predictions", "/dev/zero"]).contains("/dev/zero: is a device"))
    #expect(try refusal(["--predictions", folder.path]).contains("is a directory"))
    let p = try npyFile("p.npy", shape: "(4,)", data: float32s([0.1, 0.2, 0.3, 0.4]))
    #expect(try refusal(["--predictions", p, "--labels", "/dev/zero"]).contains("/dev/zero: is a device"))
    let fifoNpy = path("fifo.npy")
    #expect(mkfifo(fifoNpy, 0o600) == 0)
    #expect(try refusal(["--predictions", fifoNpy, "--labels", p]).contains("is a FIFO"))
  }

  @Test func aLineWithoutEndIsRefused() throws {
    try ("p,y\n0.1,0\n" + String(repeating: "1", count: 1 << 21)).write(toFile: path("long.csv"), atomically: true, encoding: .utf8)
    #expect(try refusal(["--predictions", path("long.csv")]).contains("long.csv:3: line longer than"))
  }

  @Test func aByteOrderMarkBeforeTheHeaderIsSkipped() throws {
    try Data([0xEF, 0xBB, 0xBF] + Array("prob,label\n0.1,0\n0.9,1\n".utf8)).write(to: URL(fileURLWithPath: path("bom.csv")))
    let r = try run(["ghm", "--predictions", path("bom.csv"), "--bins", "10", "--momentum", "0"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("N=2 non-empty bins=2"))
  }

  @Test func notANumberNamesTheColumnAndTheValueEscapedAndCut() throws {
    try "p,y\n0.1,0\n\u{1B}]0;pwned\u{07},1\n".write(toFile: path("esc.csv"), atomically: true, encoding: .utf8)
    #expect(try refusal(["--predictions", path("esc.csv")]).contains("esc.csv:3: column p: '\\e]0;pwned\\u{7}' is not a number"))
    try ("p,y\n0.5," + String(repeating: "x", count: 5000) + "\n").write(toFile: path("wide.csv"), atomically: true, encoding: .utf8)
    let line = try refusal(["--predictions", path("wide.csv")])
    #expect(line.contains("wide.csv:2: column y: 'xxxx") && line.contains("…' is not a number") && line.count < 300, "\(line)")
  }

  @Test func aBatchThatComesBackIsAnError() throws {
    try "p,y,step\n0.1,0,a\n0.2,0,b\n0.3,1,a\n".write(toFile: path("b.csv"), atomically: true, encoding: .utf8)
    let line = try refusal(["--predictions", path("b.csv"), "--batch-column", "step"])
    #expect(line.contains("b.csv:4: batch a appears again after other batches"), "\(line)")
  }

  @Test func aPathWithControlCharactersIsShownEscaped() throws {
    let name = path("evil\u{1B}[2J.csv")
    try "p\n0.1\n".write(toFile: name, atomically: true, encoding: .utf8)
    #expect(try refusal(["--predictions", name]).contains("evil\\e[2J.csv"))
  }
}
