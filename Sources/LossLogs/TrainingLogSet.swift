// Several logs read together as runs, as TensorBoard names them (a folder of event files is one run): what the command and an app mode poll while following.
//
// A file named on the command line is one run, named by its path. A folder is searched (links to
// folders are not followed): the event files (`*tfevents*`) of each folder are one run named by
// the folder's path, read in the order of their names as TensorBoard's DirectoryWatcher reads
// them; every other log found (`metrics.csv`, `trainer_state.json`, detectron2's `metrics.json`,
// a Keras CSVLogger file: `*.csv` or `*.log` starting `epoch,`, a W&B `*.wandb`, an SQLite
// file) is a run of its own (an MLflow database holds several).

import LossData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The runs of a set of files, brought up to date by `poll`.
package final class TrainingLogSet {
  package let axis: LogAxis
  /// The files of each run, in reading order.
  package private(set) var sources: [[LogSource]]
  package private(set) var runs: [LogRun]
  /// How many times each run was reset (a file truncated, replaced or rewritten whole), so a
  /// reader that remembers how far it got knows when to start again.
  package private(set) var generations: [Int]

  /// One file of a run: its path, the format it is known to have, the metric it holds (an
  /// MLflow metric file) or the run it is read for (an MLflow database).
  package struct RunFile: Equatable, Sendable {
    package var path: String
    package var format: LogFormat?
    package var metric: String? = nil
    package var run: String? = nil
  }

  /// One run's files: its name, and its files in reading order.
  package struct RunFiles: Equatable, Sendable {
    package var name: String
    package var files: [RunFile]
  }

  /// Opens nothing yet: the first `poll` reads the files. Folders are expanded here.
  /// `picture`: keep envelopes instead of points (see `LogRun.picture`). `keepRestarts`: keep
  /// what TensorBoard purges as orphaned by a restart.
  package init(paths: [String], format: LogFormat? = nil, regex: Regex<AnyRegexOutput>? = nil, captureNames: [String] = [], axis: LogAxis,
       picture: (columns: Int, smoother: LogSmoother)? = nil, keepRestarts: Bool = false) throws(FileError) {
    self.axis = axis
    var groups: [RunFiles] = []
    var roots: [String] = []
    for path in paths {
      var info = stat()
      if path != "-" && stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
        let found = Self.search(path)
        if found.isEmpty { throw FileError(file: path, reason: "no training logs inside (\(Self.searchedFor))") }
        groups += found
        roots.append(path)
      } else {
        groups += try Self.runs(ofFile: path)
      }
    }
    if groups.flatMap(\.files).filter({ $0.path == "-" }).count > 1 { throw FileError("stdin (-) can be read only once") }
    sources = groups.map { group in
      group.files.map { LogSource(path: $0.path, format: format ?? $0.format, regex: regex, captureNames: captureNames, metric: $0.metric, run: $0.run) }
    }
    runs = groups.map { LogRun(name: $0.name, format: format ?? $0.files.first?.format ?? (regex != nil ? .text : .csv), picture: picture) }
    generations = Array(repeating: 0, count: groups.count)
    self.keepRestarts = keepRestarts
    self.roots = roots
    self.known = groups
    self.format = format
    self.regex = regex
    self.captureNames = captureNames
    self.picture = picture
  }

  private let keepRestarts: Bool
  /// For looking again while following: the folders named, what was found in them, and how to open more.
  private let roots: [String]
  private var known: [RunFiles]
  private let format: LogFormat?
  private let regex: Regex<AnyRegexOutput>?
  private let captureNames: [String]
  private let picture: (columns: Int, smoother: LogSmoother)?
  private var lastLook = 0

  /// Following a folder: as TensorBoard's DirectoryWatcher does, a new event file of a run (a
  /// resumed job's) is read after the run's others when its name sorts after theirs, and a new
  /// run is read from then on. Looks at most once a second.
  private func lookAgain() {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    guard !roots.isEmpty, Int(now.tv_sec) != lastLook else { return }
    lastLook = Int(now.tv_sec)
    for group in roots.flatMap(Self.search) {
      if let i = known.firstIndex(where: { $0.name == group.name }) {
        let have = Set(known[i].files.map(\.path))
        let last = known[i].files.last?.path ?? ""
        for file in group.files where !have.contains(file.path) && file.path > last && file.format == .tfevents {
          known[i].files.append(file)
          sources[i].append(LogSource(path: file.path, format: format ?? file.format, regex: regex, captureNames: captureNames))
        }
      } else {
        known.append(group)
        sources.append(group.files.map {
          LogSource(path: $0.path, format: format ?? $0.format, regex: regex, captureNames: captureNames, metric: $0.metric, run: $0.run)
        })
        runs.append(LogRun(name: group.name, format: format ?? group.files.first?.format ?? .csv, picture: picture))
        generations.append(0)
      }
    }
  }

  /// What a folder is searched for, as a message says it.
  package static let searchedFor = "events.out.tfevents.*, metrics.csv, trainer_state.json, metrics.json, Keras CSV logs, MLflow runs, *.wandb"

  /// The runs under `folder`, sorted by path, not following links to folders.
  package static func search(_ folder: String) -> [RunFiles] {
    var runs: [RunFiles] = []
    search(folder, depth: 0, into: &runs)
    return runs
  }

  private static func search(_ folder: String, depth: Int, into runs: inout [RunFiles]) {
    guard depth < 16, let dir = opendir(folder) else { return }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    closedir(dir)
    let trimmed = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    var events: [String] = []
    var others: [RunFiles] = []
    var folders: [String] = []
    for name in names.sorted() {
      let path = trimmed == "/" ? "/" + name : trimmed + "/" + name
      var info = stat()
      guard lstat(path, &info) == 0 else { continue }
      if (info.st_mode & S_IFMT) == S_IFDIR {
        folders.append(path)
      } else if (info.st_mode & S_IFMT) == S_IFREG {
        // TensorBoard's IsSummaryEventsFile: "tfevents" in the name.
        if name.contains("tfevents") {
          events.append(path)
        } else if name.hasSuffix(".wandb") {
          others.append(RunFiles(name: path, files: [RunFile(path: path, format: .wandb)]))
        } else if Self.starts(path, with: LogMLflowDB.magic) {
          if let found = try? LogMLflowDB.runs(path) { others += found }
        } else if ["metrics.csv", "trainer_state.json", "metrics.json"].contains(name)
          || ((name.hasSuffix(".csv") || name.hasSuffix(".log")) && Self.starts(path, with: "epoch,"))
        {
          // Keras's CSVLogger writes to any name (its docs: training.log): told by its header.
          others.append(RunFiles(name: path, files: [RunFile(path: path, format: nil)]))
        }
      }
    }
    if !events.isEmpty { runs.append(RunFiles(name: trimmed, files: events.map { RunFile(path: $0, format: .tfevents) })) }
    runs += others
    // MLflow's file store: mlruns/<experiment>/<run>/meta.yaml beside metrics/<key> (a key with
    // `/` is a path below metrics/); runs in mlruns/.trash are deleted ones.
    if names.contains("meta.yaml") && folders.contains(trimmed + "/metrics") {
      let metrics = LogMLflow.metricFiles(trimmed + "/metrics")
      if !metrics.isEmpty && !LogMLflow.isDeleted(trimmed + "/meta.yaml") {
        runs.append(RunFiles(name: trimmed, files: metrics.map { RunFile(path: $0.path, format: .mlflowFile, metric: $0.key) }))
      }
      return
    }
    for path in folders where !path.hasSuffix("/.trash") { search(path, depth: depth + 1, into: &runs) }
  }

  /// The runs of a file named on the command line: one, named by its path, except for an
  /// MLflow database, which holds a run for each MLflow run in it.
  static func runs(ofFile path: String) throws(FileError) -> [RunFiles] {
    if path.contains("tfevents") { return [RunFiles(name: path, files: [RunFile(path: path, format: .tfevents)])] }
    if path != "-" && starts(path, with: LogMLflowDB.magic) { return try LogMLflowDB.runs(path) }
    // A metric file of MLflow's file store, named as its key: the path below metrics/.
    var metric: String?
    if let range = path.ranges(of: "/metrics/").last { metric = String(path[range.upperBound...]) }
    return [RunFiles(name: path, files: [RunFile(path: path, format: nil, metric: metric)])]
  }

  /// Whether the file at `path` starts with `prefix`.
  static func starts(_ path: String, with prefix: String) -> Bool {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    let want = Array(prefix.utf8)
    var bytes = [UInt8](repeating: 0, count: want.count)
    let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    return n == want.count && bytes == want
  }

  /// Warnings of the files read so far (an incomplete last record), each once.
  package func takeWarnings() -> [String] { sources.flatMap { $0.flatMap { $0.takeWarnings() } } }

  /// Reads what is new in every file; returns the indices of runs that changed.
  @discardableResult
  package func poll(final: Bool) throws(FileError) -> [Int] {
    if !final { lookAgain() }
    var changed: [Int] = []
    for i in sources.indices {
      var touched = false
      var again = false
      repeat {
        again = false
        for (k, source) in sources[i].enumerated() {
          let axis = self.axis
          var first = true
          try source.poll(final: final, reset: {
            runs[i].reset()
            generations[i] += 1
            touched = true
            // Another file of a run that holds several: read them all again, in order.
            if sources[i].count > 1 { again = true }
          }, record: { record throws(FileError) in
            if first {
              first = false
              if let format = source.format { runs[i].format = format }
              runs[i].purgesRestarts = !keepRestarts && source.format == .tfevents
            }
            if let problem = runs[i].append(record, axis: axis) {
              throw FileError(file: source.path, reason: "\(problem)")
            }
            touched = true
          })
          if let format = source.format, k == 0 { runs[i].format = format }
          if again { break }
        }
        if again { for source in sources[i] { source.rewind() } }
      } while again
      if touched { changed.append(i) }
    }
    return changed
  }
}
