// Running the real lossscope binary from a test, and reading what it wrote.

import Foundation
@testable import LossData
@testable import LossLogs
@testable import LossText

/// The lossscope binary built beside this test bundle.
let lossscopeBinary: URL = {
  let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
  return me.deletingLastPathComponent().appendingPathComponent("lossscope")
}()

/// Runs the lossscope binary with `arguments`, stdout and stderr captured.
func run(_ arguments: [String], environment: [String: String] = [:]) throws -> RunResult {
  try spawn([lossscopeBinary.path] + arguments, environment: environment, captureStderr: true)
}

func temporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("lossscope-test-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// Data rows of a CSV (the lines after the `#` metadata and the header), split at commas.
func csvRows(_ text: String) -> (header: [String], rows: [[String]]) {
  let lines = text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
  guard let header = lines.first else { return ([], []) }
  return (header.split(separator: ",").map(String.init), lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) })
}
