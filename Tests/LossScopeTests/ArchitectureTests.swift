// ARCHITECTURE.md stays true: every source file is listed under its folder with its own first
// comment line, every file it lists exists, and no target imports one above it.

import Foundation
import Testing

@Suite struct ArchitectureTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// (folder, file name) for every Swift file under Sources.
  func sourceFiles() throws -> [(folder: String, name: String, path: URL)] {
    let sources = Self.root.appendingPathComponent("Sources")
    let walker = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
    var files: [(String, String, URL)] = []
    for case let url as URL in walker where url.pathExtension == "swift" {
      let folder = url.deletingLastPathComponent().path.replacingOccurrences(of: Self.root.path + "/", with: "")
      files.append((folder, url.lastPathComponent, url))
    }
    return files
  }

  /// The doc's file list: folder heading -> names listed under it.
  func listed() throws -> [String: Set<String>] {
    let doc = try String(contentsOf: Self.root.appendingPathComponent("ARCHITECTURE.md"), encoding: .utf8)
    var sections: [String: Set<String>] = [:]
    var current = ""
    for line in doc.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("### ") { current = String(line.dropFirst(4)) }
      if line.hasPrefix("- `"), let end = line.dropFirst(3).firstIndex(of: "`") {
        sections[current, default: []].insert(String(line[line.index(line.startIndex, offsetBy: 3)..<end]))
      }
    }
    return sections
  }

  @Test func everySourceFileIsListedUnderItsFolder() throws {
    let sections = try listed()
    let missing = try sourceFiles().filter { !(sections[$0.folder]?.contains($0.name) ?? false) }.map { "\($0.folder)/\($0.name)" }
    #expect(missing.isEmpty, "run scripts/architecture-files: \(missing)")
  }

  @Test func everyListedFileExists() throws {
    var absent: [String] = []
    for (folder, names) in try listed() where !folder.isEmpty {
      for name in names where !FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(folder).appendingPathComponent(name).path) {
        absent.append("\(folder)/\(name)")
      }
    }
    #expect(absent.isEmpty, "\(absent)")
  }

  /// The arrows of the diagram: what each target may import of the project's own targets.
  @Test func targetsImportOnlyWhatTheDiagramAllows() throws {
    let allowed: [String: Set<String>] = [
      "LossText": [], "Losses": ["LossText"], "Plot": ["LossText"],
      "LossData": ["LossText", "Losses"], "LossLogs": ["LossText", "LossData", "Losses", "CSQLite"],
    ]
    let own: Set<String> = ["LossText", "Losses", "Plot", "LossData", "LossLogs", "LossScopeApp", "CNCurses", "CSQLite"]
    var wrong: [String] = []
    for file in try sourceFiles() {
      let target = file.folder.split(separator: "/").dropFirst().first.map(String.init) ?? ""
      guard let may = allowed[target] else { continue }
      let text = try String(contentsOf: file.path, encoding: .utf8)
      for line in text.split(separator: "\n") where line.hasPrefix("import ") {
        let module = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        if own.contains(module) && !may.contains(module) { wrong.append("\(target)/\(file.name) imports \(module)") }
      }
    }
    #expect(wrong.isEmpty, "\(wrong)")
  }
}
