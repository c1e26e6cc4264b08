// Running the real lossscope binary from a test: arguments in, status and both streams out.

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

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

/// Runs the binary with posix_spawn and waitpid. Foundation's Process is not used: with many
/// tests spawning at once its wait on Linux was seen to spin forever after the child had exited.
func run(_ arguments: [String], environment: [String: String] = [:]) throws -> RunResult {
  var env = ProcessInfo.processInfo.environment
  env.merge(environment) { $1 }
  let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
  let argv: [UnsafeMutablePointer<CChar>?] = ([lossscopeBinary.path] + arguments).map { strdup($0) } + [nil]
  defer {
    envp.forEach { free($0) }
    argv.forEach { free($0) }
  }
  // stdout through a pipe (read to its end), stderr to a file: no pipe can fill up and stall.
  var fds: [Int32] = [0, 0]
  guard pipe(&fds) == 0 else { throw POSIXError(.EIO) }
  let errPath = FileManager.default.temporaryDirectory.appendingPathComponent("lossscope-err-\(UUID().uuidString)").path
  defer { unlink(errPath) }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
  posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  posix_spawn_file_actions_addclose(&actions, fds[0])
  posix_spawn_file_actions_addclose(&actions, fds[1])
  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var none = sigset_t()
  sigemptyset(&none)
  posix_spawnattr_setsigmask(&attributes, &none)
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
  var pid: pid_t = 0
  let rc = posix_spawn(&pid, lossscopeBinary.path, &actions, &attributes, argv, envp)
  close(fds[1])
  guard rc == 0 else {
    close(fds[0])
    throw POSIXError(.ENOENT)
  }
  var out = [UInt8]()
  var buffer = [UInt8](repeating: 0, count: 65536)
  while true {
    let n = read(fds[0], &buffer, buffer.count)
    if n > 0 { out += buffer[0..<n] } else if n == 0 || errno != EINTR { break }
  }
  close(fds[0])
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
  // Killed by a signal (a crash): 128 + the signal, as a shell reports it, never 0.
  let code = status & 0x7f != 0 ? 128 + (status & 0x7f) : (status >> 8) & 0xff
  return RunResult(status: code, stdout: String(decoding: out, as: UTF8.self), stderr: err)
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
