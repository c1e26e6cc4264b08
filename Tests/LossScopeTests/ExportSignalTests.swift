// `export -o` ended by a signal leaves nothing behind; long output names fit the temporary name.

import Foundation
import Testing
@testable import LossData
@testable import LossLogs
@testable import LossText

#if canImport(Glibc)
  import Glibc
#endif

/// Starts the binary without waiting, every signal at its default action (a test runner or a
/// shell may leave SIGINT ignored), stdout and stderr to /dev/null. Returns its pid.
func startBinary(_ arguments: [String]) throws -> pid_t {
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  for fd in [Int32(1), 2] { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", O_WRONLY, 0) }
  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var none = sigset_t(), all = sigset_t()
  sigemptyset(&none)
  sigfillset(&all)
  posix_spawnattr_setsigmask(&attributes, &none)
  posix_spawnattr_setsigdefault(&attributes, &all)
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
  let argv: [UnsafeMutablePointer<CChar>?] = ([lossscopeBinary.path] + arguments).map { strdup($0) } + [nil]
  defer { argv.forEach { free($0) } }
  var pid: pid_t = 0
  guard posix_spawn(&pid, lossscopeBinary.path, &actions, &attributes, argv, environ) == 0 else { throw POSIXError(.ENOENT) }
  return pid
}

/// Waits for `pid`; 128 + n when a signal ended it, as a shell reports.
func waitStatus(_ pid: pid_t) -> Int32 {
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  return status & 0x7f != 0 ? 128 + (status & 0x7f) : (status >> 8) & 0xff
}

@Suite(.serialized) struct ExportSignalTests {
  @Test(arguments: [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGUSR1, SIGALRM, SIGABRT, SIGSEGV, SIGBUS])
  func aSignalDuringExportRemovesTheTemporaryFile(signal: Int32) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("out.csv").path
    // 10^8 rows take seconds: the signal arrives while the file is being written.
    let pid = try startBinary(["export", "focal", "--points", "100000000", "-o", out])
    let deadline = Date().addingTimeInterval(20)
    var temporary: [String] = []
    while temporary.isEmpty && Date() < deadline {
      temporary = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      usleep(5_000)
    }
    #expect(temporary.first?.hasPrefix(".out.csv.tmp-") == true, "\(temporary)")
    usleep(100_000)
    kill(pid, signal)
    #expect(waitStatus(pid) == 128 + signal)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
  }

  @Test(arguments: [244, 250, 255])
  func anOutputNameUpToNameMaxWorks(length: Int) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let name = String(repeating: "é", count: (length - 4) / 2) + String(repeating: "a", count: (length - 4) % 2) + ".csv"
    #expect(name.utf8.count == length)
    let r = try run(["export", "focal", "--points", "3", "-o", folder.appendingPathComponent(name).path])
    #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [name])
  }
}
