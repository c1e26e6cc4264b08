// `lossscope embeddings` on bad input: every malformed .npy or CSV refused in one line naming the file and place.

import Foundation
import Testing
@testable import LossData
@testable import LossLogs
@testable import LossText

/// A version-1 .npy file with any header dict text and raw data, padded as numpy pads.
func npyFile(_ dict: String, _ data: [UInt8]) -> Data {
  var header = dict
  while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
  header += "\n"
  let length = UInt16(header.utf8.count)
  return Data([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, UInt8(length & 0xFF), UInt8(length >> 8)] + Array(header.utf8) + data)
}

func matrixDict(_ descr: String = "<f4", fortran: Bool = false, shape: String = "(4, 3)") -> String {
  "{'descr': '\(descr)', 'fortran_order': \(fortran ? "True" : "False"), 'shape': \(shape), }"
}

@Suite struct EmbeddingsInputTests {
  /// Four rows of three float32 values (two classes), and their int64 labels.
  let rows: [Float] = [1, 0, 0, 0.9, 0.1, 0, 0, 1, 0, 0.1, 0.9, 0.2]
  let labels: [Int64] = [0, 0, 1, 1]

  /// Runs `embeddings` on the files; checks it failed with nothing written, and returns stderr.
  func refusal(matrix: Data? = nil, labels: Data? = nil, csv: String? = nil, _ extra: [String] = []) throws -> String {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let x = folder.appendingPathComponent("e.npy"), y = folder.appendingPathComponent("y.npy"), out = folder.appendingPathComponent("out.csv")
    try (matrix ?? npyFile(matrixDict(), float32s(rows))).write(to: x)
    try (labels ?? npyFile("{'descr': '<i8', 'fortran_order': False, 'shape': (4,), }", int64s(self.labels))).write(to: y)
    var input = ["--embeddings", x.path, "--labels", y.path]
    if let csv {
      let c = folder.appendingPathComponent("e.csv")
      try csv.write(to: c, atomically: true, encoding: .utf8)
      input = ["--embeddings", c.path]
    }
    let r = try run(["embeddings"] + input + ["-o", out.path] + extra)
    #expect(r.status == 1 || r.status == 2, "\(r.stderr)")
    #expect(r.stdout.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: out.path), "a refused run wrote \(out.lastPathComponent)")
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    return r.stderr
  }

  @Test func theGoodFilesWork() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let x = folder.appendingPathComponent("e.npy"), y = folder.appendingPathComponent("y.npy"), out = folder.appendingPathComponent("o.csv")
    try npyFile(matrixDict(), float32s(rows)).write(to: x)
    try npyFile("{'descr': '|u1', 'fortran_order': False, 'shape': (4,), }", [0, 0, 1, 1]).write(to: y)
    let r = try run(["embeddings", "--embeddings", x.path, "--labels", y.path, "-o", out.path])
    #expect(r.status == 0 && r.stdout.isEmpty, "\(r.stderr)")
    let table = csvRows(try String(contentsOf: out, encoding: .utf8))
    #expect(table.rows.first?.prefix(6) == ["4", "3", "2", "4", "2", "4"])
    // A .npy file under another name is still read as one.
    let renamed = folder.appendingPathComponent("e.bin")
    try FileManager.default.copyItem(at: x, to: renamed)
    let same = try run(["embeddings", "--embeddings", renamed.path, "--labels", y.path])
    #expect(csvRows(same.stdout).rows == table.rows, "\(same.stderr)")
  }

  @Test func malformedMatricesNameTheFileAndTheByteOffset() throws {
    let good = npyFile(matrixDict(), float32s(rows))
    #expect(try refusal(matrix: Data([0x93, 0x4E, 0x55, 0x4D]) + good.dropFirst(4).dropFirst(2)).contains("e.npy: at byte offset 0: not a .npy file (no \\x93NUMPY magic)"))
    #expect(try refusal(matrix: good.dropLast(5)).contains("e.npy: at byte offset 128: truncated: shape (4, 3) of <f4 needs 48 bytes, the file ends at byte offset 171"))
    #expect(try refusal(matrix: good + Data([0, 0, 0])).contains("at byte offset 176: 3 trailing bytes after the data"))
    #expect(try refusal(matrix: npyFile(matrixDict(fortran: true), float32s(rows))).contains("fortran_order is True"))
    #expect(try refusal(matrix: npyFile(matrixDict("<i4"), float32s(rows))).contains("dtype '<i4' is not supported: embeddings must be float32 or float64"))
    #expect(try refusal(matrix: npyFile(matrixDict(">f4"), float32s(rows))).contains("big-endian"))
    #expect(try refusal(matrix: npyFile(matrixDict(shape: "(12,)"), float32s(rows))).contains("shape (12,) is not two-dimensional (N, D)"))
    #expect(try refusal(matrix: npyFile(matrixDict(shape: "(99999999999, 99999)"), float32s(rows))).contains("is absurd"))
    #expect(try refusal(matrix: npyFile(matrixDict(shape: "(4, 3"), float32s(rows))).contains("bad header: expected a dimension (a whole number)"))
    #expect(try refusal(matrix: npyFile("{'shape': (4, 3), 'fortran_order': False}", float32s(rows))).contains("numpy writes exactly descr, fortran_order and shape"))
    var bad = rows
    bad[5] = .nan
    #expect(try refusal(matrix: npyFile(matrixDict(), float32s(bad))).contains("row 1, column 2 (byte offset 148) is nan, not a finite number"))
    bad = rows
    bad[6...8] = [0, 0, 0]
    #expect(try refusal(matrix: npyFile(matrixDict(), float32s(bad))).contains("row 2 is all zeros"))
  }

  @Test func malformedLabelsAndMismatchedFiles() throws {
    func labels(_ descr: String, _ shape: String, _ data: [UInt8]) -> Data {
      npyFile("{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shape), }", data)
    }
    #expect(try refusal(labels: labels("<i8", "(5,)", int64s([0, 0, 1, 1, 1]))).contains("y.npy: has 5 labels but"))
    #expect(try refusal(labels: labels("<f8", "(4,)", int64s(self.labels))).contains("(floating point) is not supported: labels must be integers or bool"))
    #expect(try refusal(labels: labels("|b1", "(4,)", [0, 1, 2, 1])).contains("element 2 (byte offset 130): bool byte 2 is not 0 or 1"))
    #expect(try refusal(labels: labels("<i8", "(4,)", int64s([3, 3, 3, 3]))).contains("all 4 labels are the same (3)"))
    #expect(try refusal(labels: labels("<i8", "(4,)", Array(int64s(self.labels).dropLast(1)))).contains("truncated"))
  }

  @Test func malformedCSVNamesTheLine() throws {
    #expect(try refusal(csv: "a,b,label\n1,2,0\n3,x\u{1b},1\n").contains("e.csv:3: column b: 'x\\e' is not a number"))
    #expect(try refusal(csv: "a,b,label\n1,2,0\n3,1\n").contains("e.csv:3: 2 fields, the header has 3"))
    #expect(try refusal(csv: "a,b,lab\n1,2,0\n").contains("e.csv:1: the header has no `label` column"))
    #expect(try refusal(csv: "a,b,label\n1,2,zero\n").contains("e.csv:2: column label: 'zero' is not a whole number"))
    #expect(try refusal(csv: "").contains("empty"))
    let device = try run(["embeddings", "--embeddings", "/dev/zero"])
    #expect(device.status == 1 && device.stderr.contains("/dev/zero: is a device, not a regular file"))
    #expect(try refusal(csv: "a,b,label\n1,2,0\n", ["--labels", "y.npy"]).contains("leave out --labels"))
  }

  @Test func optionsOutOfRangeAndImpossibleRequests() throws {
    #expect(try refusal(["--temperature", "0"]).contains("--temperature must be in [0.001, 10] (got 0)"))
    #expect(try refusal(["--bins", "0"]).contains("--bins must be between 1 and 1000"))
    #expect(try refusal(["--align-alpha", "nan"]).contains("--align-alpha"))
    #expect(try refusal(["--anchors", "9"]).contains("--anchors 9 is more than the 4 rows"))
    #expect(try refusal(["--table", "pairs"]).contains("--table pairs needs --anchor"))
    #expect(try refusal(["--table", "pairs", "--anchor", "4"]).contains("--anchor 4 is not a row (0 to 3)"))
    #expect(try refusal(["--seed", "3"]).contains("--seed goes with --anchors K"))
    #expect(try refusal(["--plot", "--table", "pairs", "--anchor", "1"]).contains("--plot draws the whole set"))
  }

  @Test func beyondTwentyThousandRowsAsksForAnchors() throws {
    let n = 20_001
    let matrix = npyFile(matrixDict(shape: "(\(n), 1)"), float32s((0..<n).map { $0 % 2 == 0 ? 1 : -1 }))
    let labels = npyFile("{'descr': '|u1', 'fortran_order': False, 'shape': (\(n),), }", (0..<n).map { UInt8($0 % 3) })
    #expect(try refusal(matrix: matrix, labels: labels).contains("has 20001 rows: exact statistics stop at 20000"))
  }
}
