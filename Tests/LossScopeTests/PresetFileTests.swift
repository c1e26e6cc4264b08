// Preset files as the system hands them over: built into the binary, FIFOs, folders, huge or binary files, names.

import Foundation
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

/// Runs `command` through sh in `folder` with a time limit, so that a blocking read fails the test instead of hanging it.
func runShell(_ command: String, in folder: String = "/", environment: [String: String] = [:]) throws -> RunResult {
  try spawn(["sh", "-c", "cd '\(folder)' && exec timeout 20 \(command)"], environment: environment, captureStderr: true)
}

@Suite struct PresetFileTests {
  @Test func theEmbeddedPresetsEqualThePresetsFolderByteForByte() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: presetsFolder).filter { $0.hasSuffix(".toml") }.sorted()
    #expect(ShippedPresets.files.map { $0.name + ".toml" } == files, "run scripts/embed-presets")
    for (name, text) in ShippedPresets.files {
      let disk = try Data(contentsOf: URL(fileURLWithPath: "\(presetsFolder)/\(name).toml"))
      #expect(Data(text.utf8) == disk, "\(name).toml differs from its embedded copy: run scripts/embed-presets")
      #expect(try PresetLoader.parse(text, path: name).name == name)
    }
  }

  @Test func aCopiedBinaryFindsItsPresetsFromAnywhere() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("x").path
    // Copied by cp, not in this process: a child spawned meanwhile by a parallel test (a tmux
    // server lives long) would inherit the open copy and make running it fail with ETXTBSY.
    #expect(try spawn(["cp", lossscopeBinary.path, copy]).status == 0)
    let r = try runShell("\(copy) export --preset focal-fig1 --points 3", in: "/", environment: ["XDG_CONFIG_HOME": folder.path])
    #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
    #expect(csvRows(r.stdout).rows.count == 15)
    let list = try runShell("\(copy) presets", in: "/", environment: ["XDG_CONFIG_HOME": folder.path])
    #expect(list.stdout.contains("focal-fig1") && list.stdout.contains("retinanet"))
  }

  @Test func whatIsNotARegularFileIsRefusedWithoutReading() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = folder.appendingPathComponent("f.toml").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let r = try runShell("\(lossscopeBinary.path) export --preset \(fifo)")
    #expect(r.status == 1 && r.stderr == "Error: cannot read preset \(fifo): it is not a regular file (a FIFO, device or socket)\n")
    let dir = folder.appendingPathComponent("d.toml").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
    let d = try run(["plot", "--preset", dir])
    #expect(d.status == 1 && d.stderr == "Error: cannot read preset \(dir): it is a folder, not a preset file\n")
    let big = folder.appendingPathComponent("big.toml").path
    try Data(repeating: UInt8(ascii: "#"), count: 2_000_000).write(to: URL(fileURLWithPath: big))
    let b = try run(["export", "--preset", big])
    #expect(b.status == 1 && b.stderr.contains("holds 2000000 bytes; a preset file may hold at most"), "\(b.stderr)")
    let binary = folder.appendingPathComponent("bin.toml").path
    try Data([0x6E, 0x61, 0xFF, 0x1B, 0x5B, 0x33, 0x31, 0x6D]).write(to: URL(fileURLWithPath: binary))
    let n = try run(["export", "--preset", binary])
    #expect(n.status == 1 && n.stderr.hasSuffix("not UTF-8 text (at byte offset 2)\n"), "\(n.stderr)")
    let missing = try run(["export", "--preset", folder.appendingPathComponent("none.toml").path])
    #expect(missing.stderr.hasSuffix(": No such file or directory\n"), "\(missing.stderr)")
  }

  @Test func aFIFOInTheUserFolderIsSkippedNotWaitedFor() throws {
    let home = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: home) }
    let folder = home.appendingPathComponent("lossscope/presets")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    #expect(mkfifo(folder.appendingPathComponent("pipe.toml").path, 0o600) == 0)
    let env = ["XDG_CONFIG_HOME": home.path]
    let list = try runShell("\(lossscopeBinary.path) presets", environment: env)
    #expect(list.status == 0 && list.stdout.contains("retinanet"))
    #expect(list.stderr.contains("pipe.toml: it is not a regular file"), "\(list.stderr)")
    let r = try runShell("\(lossscopeBinary.path) export --preset pipe", environment: env)
    #expect(r.status == 1 && r.stderr.contains("pipe.toml: it is not a regular file"), "\(r.stderr)")
  }

  @Test func aPresetIsFoundByItsFileNameWhichMustBeItsName() throws {
    let home = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: home) }
    let folder = home.appendingPathComponent("lossscope/presets")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try "view = \"focal\"\nname = \"other\"\n".write(to: folder.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
    let env = ["XDG_CONFIG_HOME": home.path]
    let r = try run(["export", "--preset", "mine"], environment: env)
    #expect(r.status == 1 && r.stderr.contains("mine.toml:2: name 'other' differs from the file name 'mine'"), "\(r.stderr)")
    let list = try run(["presets"], environment: env)
    #expect(!list.stdout.contains("other") && list.stderr.contains("differs from the file name"))
    let byName = try run(["export", "--preset", "other"], environment: env)
    #expect(byName.status == 1 && byName.stderr.contains("no preset named 'other'"))
  }

  @Test func aRelativeXDGConfigHomeIsIgnored() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for base in ["rel/lossscope/presets", "home/.config/lossscope/presets"] {
      try FileManager.default.createDirectory(at: folder.appendingPathComponent(base), withIntermediateDirectories: true)
    }
    try "name = \"mine\"\nview = \"focal\"\n[parameters]\ngamma = 3\n"
      .write(to: folder.appendingPathComponent("rel/lossscope/presets/mine.toml"), atomically: true, encoding: .utf8)
    try "name = \"mine\"\nview = \"focal\"\n[parameters]\ngamma = 4\n"
      .write(to: folder.appendingPathComponent("home/.config/lossscope/presets/mine.toml"), atomically: true, encoding: .utf8)
    let r = try runShell("\(lossscopeBinary.path) export --preset mine --points 2", in: folder.path,
                         environment: ["XDG_CONFIG_HOME": "rel", "HOME": folder.appendingPathComponent("home").path])
    #expect(r.stdout.contains("gamma=4"), "\(r.stdout)\(r.stderr)")
  }

  @Test(arguments: [
    ("name = \"x\"\nviews = []\n", "p.toml:2: views is empty"),
    ("name = \"x\"\nview = \"focal\"\n\nannotations = [5]\n", "p.toml:4: each [[annotations]] needs x = NUMBER"),
    ("name = \"x\"\nview = \"focal\"\nannotations = 5\n", "p.toml:3: annotations must be [[annotations]] tables"),
    ("name = \"x\"\nview = \"focal\"\nfrom = 0.5\n\nto = 2\n", "p.toml:5: to = 2 is outside the pt domain"),
    ("name = \"x\"\nview = \"focal\"\nfrom = 0.5\nto = 0.25\n", "p.toml:4: from (0.5) must be less than to (0.25)"),
    ("name = \"x\"\nview = \"focal\"\nfrom = [0.1, 0.2]\n", "p.toml:3: from must be a finite number, not a list"),
    ("name = \"x\"\nview = \"circle-plane\"\ncursor = 0.5\n", "p.toml:3: cursor does not apply to the 2-D view circle-plane"),
    ("name = \"x\"\nview = \"ghmc\"\n[parameters]\nbins = 2.5\n", "p.toml:4: bins=2.5 is not an integer"),
    ("name = \"a\\u001b[2Jb\"\nview = \"focal\"\n", "p.toml:1: name must be 1 to 100 characters without '/' or control characters"),
    ("name = \"x\"\n[[views]]\nview = \"focal\"\n[[views]]\nview = \"triplet\"\n", "p.toml:1: focal is on axis pt but triplet is on"),
    ("name = \"x\"\nview = \"focal\"\n[parameters]\ngamma = [2]\n", "p.toml:4: gamma = [...] sweeps a list of at least two values"),
    ("name = \"x\"\nview = \"focal\"\n[parameters]\ngamma = [1, [2]]\n", "p.toml:4: gamma must be a number"),
    ("name = \"x\"\n[[views]]\nview = \"margins\"\n[[views]]\nview = \"circle-plane\"\n", "p.toml:5: a preset holds one 2-D view"),
    ("name = \"x\"\nview = \"focal\"\n[!]\n", "p.toml:3: malformed table header"),
    ("name = \"x\"\nview = \"focal\"\nx = [1,\n}]\n", "p.toml:4: '}' where a value is expected"),
    ("name = \"x\"\nview = \"focal\"\n\n[[\u{7f}]]\n", "p.toml:4: control character U+7F at column 3"),
    ("name = \"x\"\nview = \"ghmc\"\n[parameters]\nbins = 0x10\n", "p.toml:4: bins: '0x10' is hexadecimal; write it in decimal"),
    ("name = \"x\"\nview = \"focal\"\nfrom = 0o1\n", "p.toml:3: from: '0o1' is not a number"),
    ("name = \"x\"\nview = \"focal\"\nto = 1e-320\n", "p.toml:3: to (1e-320) must be more than the pt axis's default from (0.001)"),
    ("name = \"x\"\nview = \"focal\"\n\nfrom = 0.9999\n", "p.toml:4: from (0.9999) must be less than the pt axis's default to (0.999)"),
    ("name = \"x\"\nview = \"focal\"\nx = [1,\n  1_000]\n", "p.toml:4: x: '1_000' has a digit separator"),
    ("name = \"x\"\n[[annotations]]\nx = inf\n", "p.toml:3: x: 'inf' is not a finite number"),
  ] as [(String, String)])
  func mistakesNameTheirRealLine(text: String, message: String) {
    let error = presetError(text)
    #expect(error?.hasPrefix(message) == true, "got: \(error ?? "no error")")
  }

  @Test func thePrechecksLetValidTOMLThrough() throws {
    let text = "name = \"x\" # [not a header]\ndescription = \"\"\"\n[see the paper]\n}\"\"\"\n[[views]]\nview = \"focal\"\n[views.parameters]\ngamma = [\n  0,\n  1, # ]\n]\n[ \"annotations\" ]\n"
    let error = presetError(text)
    // Everything up to the last line is valid; only `annotations` as a plain table is refused.
    #expect(error?.hasPrefix("p.toml:") == true && error?.contains("annotations must be") == true, "\(error ?? "no error")")
    #expect(presetError("name = \"x\"\n'v' = 1\nview = \"focal\"\n")?.contains("unknown key 'v'") == true)
  }

  @Test func titlesAndNotesCannotReachTheTerminalRaw() throws {
    let preset = try PresetLoader.parse(
      "name = \"x\"\ntitle = \"a\\u001b]0;owned\\u0007\\nb\"\nview = \"focal\"\n[[annotations]]\nx = 0.5\ntext = \"\\u009b31m\"\n", path: "p.toml")
    #expect(preset.title == "a\\e]0;owned\\u{7}\\nb")
    #expect(preset.annotations.map(\.text) == ["\\u{9b}31m"])
  }
}
