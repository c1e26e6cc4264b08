// Where the benchmarks find their data, the release binary and the peer scripts, and how they run a process.

#if canImport(Glibc)
  import Glibc
#endif

public enum BenchData {
  /// The Benchmarks folder of the repository (benchmarks run from there).
  public static let root: String = {
    var buffer = [CChar](repeating: 0, count: 4096)
    return getcwd(&buffer, buffer.count).map { String(cString: $0) } ?? "."
  }()

  public static let peers = root + "/peers"

  public static func environment(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

  public static func lossscope() -> String { environment("LOSSSCOPE") ?? root + "/../.build/release/lossscope" }

  /// The data folder, written by peers/make_ghm_data.py the first time (1e8 and 1e7 samples, a 2e6-row CSV).
  public static func folder() -> String {
    let folder = environment("LOSSSCOPE_BENCH_DATA") ?? "/tmp/lossscope-bench"
    if access(folder + "/p.csv", R_OK) != 0 {
      mkdir(folder, 0o755)
      _ = run(["python3", peers + "/make_ghm_data.py", folder, "1e8", "2e6"])
    }
    if access(folder + "/p10m.npy", R_OK) != 0 {
      _ = run(["python3", "-c", "import numpy as np, sys; d = sys.argv[1]; "
        + "np.save(d + '/p10m.npy', np.load(d + '/p.npy', mmap_mode='r')[:10_000_000]); "
        + "np.save(d + '/y10m.npy', np.load(d + '/y.npy', mmap_mode='r')[:10_000_000])", folder])
    }
    return folder
  }

  public static func has(_ arguments: String...) -> Bool { run(arguments) == 0 }

  /// Runs a process with stdout and stderr to /dev/null; returns its exit status.
  @discardableResult
  public static func run(_ arguments: [String]) -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    guard posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ) == 0 else { return -1 }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return status
  }
}
