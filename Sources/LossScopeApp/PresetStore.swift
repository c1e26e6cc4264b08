// Where presets live: the shipped `presets/` folder and the user's config folder, and finding one.

import Losses

#if canImport(Glibc)
  import Glibc
#endif

enum PresetStore {
  /// The user's presets: $XDG_CONFIG_HOME/lossscope/presets, else ~/.config/lossscope/presets.
  static var userFolder: String {
    if let xdg = TerminalInfo.environment("XDG_CONFIG_HOME"), !xdg.isEmpty { return xdg + "/lossscope/presets" }
    return (TerminalInfo.environment("HOME") ?? ".") + "/.config/lossscope/presets"
  }

  /// The shipped presets: $LOSSSCOPE_PRESETS, else the first `presets/` folder found beside the
  /// executable or above it (a checkout's .build/debug/lossscope), else ./presets.
  static var shippedFolder: String {
    if let env = TerminalInfo.environment("LOSSSCOPE_PRESETS"), !env.isEmpty { return env }
    var folder = executableFolder
    for _ in 0..<6 {
      if isFolder(folder + "/presets") { return folder + "/presets" }
      guard let slash = folder.lastIndex(of: "/"), slash != folder.startIndex else { break }
      folder = String(folder[..<slash])
    }
    return "presets"
  }

  /// Every preset, user ones first; a user preset hides a shipped one of the same name.
  /// Files that do not parse are returned as errors, so `presets` can name them.
  static func all() -> (presets: [Preset], errors: [CLIError]) {
    var presets: [Preset] = [], errors: [CLIError] = []
    for (folder, user) in [(userFolder, true), (shippedFolder, false)] {
      for file in tomlFiles(in: folder) {
        do {
          var preset = try load(path: file)
          preset.isUser = user
          if !presets.contains(where: { $0.name == preset.name }) { presets.append(preset) }
        } catch {
          errors.append(error)
        }
      }
    }
    return (presets, errors)
  }

  /// A preset by name (user first, then shipped) or by path (anything with a `/` or `.toml`).
  static func find(_ nameOrPath: String) throws(CLIError) -> Preset {
    if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") { return try load(path: nameOrPath) }
    for (folder, user) in [(userFolder, true), (shippedFolder, false)] {
      let path = "\(folder)/\(nameOrPath).toml"
      if access(path, R_OK) == 0 {
        var preset = try load(path: path)
        preset.isUser = user
        return preset
      }
    }
    let names = (tomlFiles(in: userFolder) + tomlFiles(in: shippedFolder)).map { file in
      String(file.split(separator: "/").last!.dropLast(5))
    }
    let hint = closest(to: nameOrPath, among: names).map { " (did you mean '\($0)'?)" } ?? ""
    throw CLIError("no preset named '\(nameOrPath)'\(hint); `lossscope presets` lists them")
  }

  static func load(path: String) throws(CLIError) -> Preset {
    guard let text = readFile(path) else { throw CLIError("cannot read preset \(path): \(errorText(errno))") }
    return try PresetLoader.parse(text, path: path)
  }

  // MARK: - Files without Foundation

  static func readFile(_ path: String) -> String? {
    guard let file = fopen(path, "r") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = fread(&buffer, 1, buffer.count, file)
      if n > 0 { bytes += buffer[0..<n] }
      if n < buffer.count { break }
      if bytes.count > 1 << 20 { return nil }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func tomlFiles(in folder: String) -> [String] {
    guard let dir = opendir(folder) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
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

  static var executableFolder: String {
    var buffer = [Int8](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard n > 0 else { return "." }
    let path = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
  }
}
