// Generated bad prediction CSVs and .npy pairs fed to the real binary (`ghm`): exit 0, 1 or 2,
// one clean line on stderr when refused, nothing written, no temporary file left. Fixed seed.

import Foundation
import Testing

@testable import LossScopeApp
import LossText
@testable import LossData
@testable import LossLogs

@Suite struct DataFuzzTests {
  /// A valid CSV and .npy pair, then random damage: bytes flipped, cut, repeated, or spliced in.
  static func mutate(_ data: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
    var bytes = data
    let hostile: [[UInt8]] = [[0], [0x1B, 0x5B, 0x33, 0x31, 0x6D], Array("nan".utf8), Array(",,,\n".utf8), [0xFF, 0xFE],
                              Array("1e999".utf8), Array("\r\n".utf8), Array("'shape': (1152921504606846976,)".utf8)]
    for _ in 0..<Int.random(in: 1...3, using: &random) {
      guard !bytes.isEmpty else { break }
      let at = Int.random(in: 0..<bytes.count, using: &random)
      switch Int.random(in: 0..<4, using: &random) {
      case 0: bytes[at] = UInt8.random(in: 0...255, using: &random)
      case 1: bytes.removeSubrange(at...)
      case 2: bytes.insert(contentsOf: hostile.randomElement(using: &random) ?? [0], at: at)
      default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 16)], at: at)
      }
    }
    return bytes
  }

  static func npy(_ descr: String, _ count: Int, _ body: [UInt8]) -> [UInt8] {
    var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': (\(count),), }"
    while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
    header += "\n"
    return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.utf8.count & 0xFF), UInt8(header.utf8.count >> 8)] + Array(header.utf8) + body
  }

  @Test func damagedPredictionFilesEndInOneCleanLine() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var random = SeededRandom(state: 4242)
    let csv = Array("p,y\n0.9,1\n0.2,0\n0.55,1\n0.01,0\n0.7,0\n".utf8)
    let p = Self.npy("<f4", 4, [0.9, 0.2, 0.55, 0.01].flatMap { withUnsafeBytes(of: Float($0).bitPattern.littleEndian, Array.init) })
    let y = Self.npy("|u1", 4, [1, 0, 1, 0])
    let out = folder.appendingPathComponent("out.csv").path
    var runs = 0
    while runs < 60 {
      runs += 1
      let useNpy = runs % 2 == 0
      let pred = folder.appendingPathComponent(useNpy ? "p.npy" : "p.csv").path
      let labels = folder.appendingPathComponent("y.npy").path
      try Data(Self.mutate(useNpy ? p : csv, &random)).write(to: URL(fileURLWithPath: pred))
      var arguments = ["ghm", "--predictions", pred, "-o", out]
      if useNpy {
        try Data(Bool.random(using: &random) ? Self.mutate(y, &random) : y).write(to: URL(fileURLWithPath: labels))
        arguments += ["--labels", labels]
      }
      let r = try spawn(["timeout", "10", lossscopeBinary.path] + arguments, captureStderr: true)
      #expect([0, 1, 2].contains(r.status), "run \(runs) -> \(r.status): \(r.stderr.escapedForTerminal(limit: 300))")
      if r.status != 0 {
        #expect(isOneCleanLine(r.stderr) && r.stderr.hasPrefix("Error: "), "run \(runs): \(r.stderr.debugDescription.prefix(300))")
        #expect(!FileManager.default.fileExists(atPath: out), "run \(runs) wrote \(out) though it failed")
      }
      let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      #expect(!left.contains { $0.contains(".tmp-") }, "run \(runs) left \(left)")
      try? FileManager.default.removeItem(atPath: out)
    }
    #expect(runs >= 20)
  }
}

@Suite struct BinaryEchoTests {
  /// Bytes that are not UTF-8 arrive as U+FFFD: shown as an escape, never as the bytes' mojibake.
  @Test func aBinaryFileIsNamedButNotPrinted() throws {
    #expect("a\u{FFFD}b".escapedForTerminal() == "a\\u{fffd}b")
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("bin.csv")
    var bytes = Array("step,loss\n".utf8)
    for i in 0..<200 { bytes.append(UInt8(0x80 + i % 0x7F)) }
    try Data(bytes + [0x0A]).write(to: path)
    let r = try run(["log", path.path])
    #expect(r.status == 1 && isOneCleanLine(r.stderr), "\(r.stderr.debugDescription.prefix(200))")
    #expect(!r.stderr.unicodeScalars.contains { $0.value == 0xFFFD }, "\(r.stderr.debugDescription.prefix(200))")
  }
}

@Suite struct StdinPredictionsTests {
  /// `--predictions -` reads a pipe as it reads a file; a terminal on stdin is refused, never waited on.
  @Test func aPipeReadsLikeAFile() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("p.csv").path
    try "p,y\n0.9,1\n0.2,0\n0.55,1\n0.01,0\n".write(toFile: path, atomically: true, encoding: .utf8)
    let file = try run(["ghm", "--predictions", path])
    let piped = try runShell("sh -c 'cat \"\(path)\" | \"\(lossscopeBinary.path)\" ghm --predictions -'")
    #expect(file.status == 0 && piped.status == 0, "\(piped.stderr)")
    let rows = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix("#") } }
    #expect(rows(file.stdout) == rows(piped.stdout) && !rows(file.stdout).isEmpty)
    let npy = try runShell("sh -c 'cat \"\(path)\" | \"\(lossscopeBinary.path)\" ghm --predictions - --labels y.npy'")
    #expect(npy.status == 2 && isOneCleanLine(npy.stderr), "\(npy.stderr)")
  }
}
