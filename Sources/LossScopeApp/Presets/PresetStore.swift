// Where presets live: the ones compiled into the binary and the user's config folder, and finding one.

import Losses
import LossText
import LossData
import LossLogs

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

enum PresetStore {
  /// The most a preset file may hold: the shipped ones are under 1 KB.
  static let maxBytes = 256 * 1024

  /// The user's presets: $XDG_CONFIG_HOME/lossscope/presets, else ~/.config/lossscope/presets.
  /// A relative XDG_CONFIG_HOME is ignored, as the XDG base directory rules say.
  static var userFolder: String {
    if let xdg = TerminalInfo.environment("XDG_CONFIG_HOME"), xdg.hasPrefix("/") { return xdg + "/lossscope/presets" }
    return (TerminalInfo.environment("HOME") ?? ".") + "/.config/lossscope/presets"
  }

  /// Every preset, user ones first; a user preset hides a shipped one of the same name.
  /// Files that do not load are returned as errors, so `presets` can name them.
  static func all() -> (presets: [Preset], errors: [CLIError]) {
    var presets: [Preset] = [], errors: [CLIError] = []
    for file in tomlFiles(in: userFolder) {
      do {
        var preset = try load(path: file, expectedName: baseName(file))
        preset.isUser = true
        presets.append(preset)
      } catch {
        errors.append(error)
      }
    }
    for (name, text) in ShippedPresets.files where !presets.contains(where: { $0.name == name }) {
      if let preset = try? PresetLoader.parse(text, path: shippedPath(name)) { presets.append(preset) }
    }
    return (presets, errors)
  }

  /// A preset by name (the user's folder first, then the built-in ones) or by path (anything
  /// with a `/` or ending in `.toml`). A preset is found by its file name, and a file in the
  /// user's folder whose `name` differs is refused, so that `presets` and `--preset` agree.
  static func find(_ nameOrPath: String) throws(CLIError) -> Preset {
    if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") { return try load(path: nameOrPath) }
    let path = "\(userFolder)/\(nameOrPath).toml"
    var info = stat()
    if lstat(path, &info) == 0 {
      var preset = try load(path: path, expectedName: nameOrPath)
      preset.isUser = true
      return preset
    }
    if let shipped = ShippedPresets.files.first(where: { $0.name == nameOrPath }) {
      return try PresetLoader.parse(shipped.text, path: shippedPath(shipped.name))
    }
    let names = tomlFiles(in: userFolder).map(baseName) + ShippedPresets.files.map(\.name)
    let hint = closest(to: nameOrPath, among: names).map { " (did you mean '\($0)'?)" } ?? ""
    throw CLIError("no preset named '\(nameOrPath.escapedForTerminal(limit: 80))'\(hint); `lossscope presets` lists them")
  }

  /// Reads and parses a preset file; `expectedName` (a file found by name) must equal its `name`.
  static func load(path: String, expectedName: String? = nil) throws(CLIError) -> Preset {
    let text = try readPreset(path)
    let preset = try PresetLoader.parse(text, path: path)
    if let expectedName, preset.name != expectedName {
      let line = LineFinder(text).line(of: "name")
      throw CLIError("\(path.escapedForTerminal(limit: 120)):\(line): name '\(preset.name.escapedForTerminal(limit: 60))' differs from the file name '\(expectedName.escapedForTerminal(limit: 60))'; presets are found by file name, so rename one")
    }
    return preset
  }

  /// How a built-in preset is named in messages and the app.
  static func shippedPath(_ name: String) -> String { "presets/\(name).toml (built in)" }

  static func baseName(_ file: String) -> String {
    let last = file.split(separator: "/").last.map(String.init) ?? file
    return last.hasSuffix(".toml") ? String(last.dropLast(5)) : last
  }

  // MARK: - Files without Foundation

  /// The text of a regular file of at most `maxBytes`: a folder, a FIFO or a device is refused
  /// before anything is read (opened without blocking), and every message carries its own errno.
  static func readPreset(_ path: String) throws(CLIError) -> String {
    let shown = path.escapedForTerminal(limit: 120)
    func fail(_ reason: String) -> CLIError { CLIError("cannot read preset \(shown): \(reason)") }
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { throw fail(errorText(errno)) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw fail(errorText(errno)) }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw fail("it is a folder, not a preset file")
    default: throw fail("it is not a regular file (a FIFO, device or socket)")
    }
    guard info.st_size <= maxBytes else {
      throw fail("it holds \(info.st_size) bytes; a preset file may hold at most \(maxBytes)")
    }
    var bytes = [UInt8](repeating: 0, count: maxBytes + 1)
    var count = 0
    while count < bytes.count {
      let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
      if n < 0 && errno == EINTR { continue }
      guard n >= 0 else { throw fail(errorText(errno)) }
      if n == 0 { break }
      count += n
    }
    guard count <= maxBytes else { throw fail("it grew past \(maxBytes) bytes while being read") }
    bytes.removeSubrange(count...)
    if let zero = bytes.firstIndex(of: 0) { throw fail("a NUL byte at byte offset \(zero): not a text file") }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw fail("not UTF-8 text (at byte offset \(firstInvalidUTF8(bytes) ?? 0))")
    }
    return text
  }

  /// Where a byte sequence stops being UTF-8 (lead and continuation bytes only), for messages.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    var i = 0
    while i < bytes.count {
      let lead = bytes[i]
      let n = lead < 0x80 ? 1 : (0xC2...0xDF).contains(lead) ? 2 : (0xE0...0xEF).contains(lead) ? 3 : (0xF0...0xF4).contains(lead) ? 4 : 0
      guard n > 0, i + n <= bytes.count else { return i }
      for k in 1..<n where bytes[i + k] & 0xC0 != 0x80 { return i }
      i += n
    }
    return nil
  }

  /// The `.toml` entries of a folder (of any type: loading refuses what is not a regular file).
  static func tomlFiles(in folder: String) -> [String] {
    guard let dir = opendir(folder) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir), names.count < 10_000 {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name.hasSuffix(".toml") && !name.hasPrefix(".") { names.append("\(folder)/\(name)") }
    }
    return names.sorted()
  }

  static func isFolder(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// Creates `path` and its parents; true when it exists afterwards.
  static func makeFolders(_ path: String) -> Bool {
    var current = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/") {
      current += "/" + part
      if !isFolder(current) && mkdir(current, 0o755) != 0 && errno != EEXIST { return false }
    }
    return isFolder(path)
  }
}
