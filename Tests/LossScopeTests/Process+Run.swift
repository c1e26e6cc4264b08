// Running the real lossscope binary from a test: arguments in, status and both streams out.

import Foundation

struct RunResult {
  let status: Int32
  let stdout: String
  let stderr: String
}

/// The lossscope binary built beside this test bundle.
let lossscopeBinary: URL = {
  let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
  return me.deletingLastPathComponent().appendingPathComponent("lossscope")
}()

func run(_ arguments: [String], environment: [String: String] = [:], in folder: URL? = nil) throws -> RunResult {
  let process = Process()
  process.executableURL = lossscopeBinary
  process.arguments = arguments
  var env = ProcessInfo.processInfo.environment
  env.merge(environment) { $1 }
  process.environment = env
  if let folder { process.currentDirectoryURL = folder }
  let out = Pipe(), err = Pipe()
  process.standardOutput = out
  process.standardError = err
  process.standardInput = FileHandle.nullDevice
  try process.run()
  // Read both pipes before waiting, so a large output cannot fill a pipe and stall the child.
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return RunResult(
    status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData, as: UTF8.self))
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
