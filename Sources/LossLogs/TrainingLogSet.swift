// Several log files read together, one run per file: what the command and an app mode poll while following.

import LossData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The runs of a set of files, brought up to date by `poll`; folders are searched for
/// `events.out.tfevents.*` and `metrics.csv`.
package final class TrainingLogSet {
  package let axis: LogAxis
  package private(set) var sources: [LogSource]
  package private(set) var runs: [LogRun]
  /// How many times each run was reset (its file truncated, replaced or rewritten whole), so a
  /// reader that remembers how far it got knows when to start again.
  package private(set) var generations: [Int]

  /// Opens nothing yet: the first `poll` reads the files. Folders are expanded here.
  /// `picture`: keep envelopes instead of points (see `LogRun.picture`).
  package init(paths: [String], format: LogFormat? = nil, regex: Regex<AnyRegexOutput>? = nil, captureNames: [String] = [], axis: LogAxis,
       picture: (columns: Int, smoother: LogSmoother)? = nil) throws(FileError) {
    self.axis = axis
    var files: [String] = []
    for path in paths {
      var info = stat()
      if path != "-" && stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
        let found = Self.search(path, depth: 0)
        if found.isEmpty { throw FileError(file: path, reason: "no events.out.tfevents.* or metrics.csv inside") }
        files += found
      } else {
        files.append(path)
      }
    }
    if files.filter({ $0 == "-" }).count > 1 { throw FileError("stdin (-) can be read only once") }
    sources = files.map { LogSource(path: $0, format: format, regex: regex, captureNames: captureNames) }
    runs = files.map { LogRun(name: $0, format: format ?? (regex != nil ? .text : .csv), picture: picture) }
    generations = Array(repeating: 0, count: files.count)
  }

  /// Event files and metrics.csv under `folder`, sorted, not following links to folders.
  package static func search(_ folder: String, depth: Int) -> [String] {
    guard depth < 16, let dir = opendir(folder) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    var found: [String] = []
    for name in names.sorted() {
      let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
      var info = stat()
      guard lstat(path, &info) == 0 else { continue }
      if (info.st_mode & S_IFMT) == S_IFDIR {
        found += search(path, depth: depth + 1)
      } else if name.hasPrefix("events.out.tfevents.") || name == "metrics.csv" {
        found.append(path)
      }
    }
    return found
  }

  /// Reads what is new in every file; returns the indices of runs that changed.
  @discardableResult
  package func poll(final: Bool) throws(FileError) -> [Int] {
    var changed: [Int] = []
    for (i, source) in sources.enumerated() {
      var touched = false
      let axis = self.axis
      try source.poll(final: final, reset: {
        runs[i].reset()
        generations[i] += 1
        touched = true
      }, record: { record throws(FileError) in
        if let problem = runs[i].append(record, axis: axis) {
          throw FileError(file: source.path, reason: "\(problem)")
        }
        touched = true
      })
      if let format = source.format { runs[i].format = format }
      if touched { changed.append(i) }
    }
    return changed
  }
}
