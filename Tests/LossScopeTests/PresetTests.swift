// Presets: every shipped file loads and reproduces its paper's numbers; mistakes name their line.

import Foundation
import Losses
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

/// The repository's presets/ folder, found from this source file.
let presetsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("presets").path

func loadPreset(_ name: String) throws -> Preset {
  try PresetStore.load(path: "\(presetsFolder)/\(name).toml")
}

func presetError(_ text: String) -> String? {
  do {
    _ = try PresetLoader.parse(text, path: "p.toml")
    return nil
  } catch {
    return error.description
  }
}

@Suite struct PresetTests {
  static let required = ["focal-fig1", "retinanet", "ghm-retinanet", "circle-face", "circle-fine-grained", "arcface",
                         "cosface", "ms-paper", "ms-pml", "infonce-moco", "infonce-temperature", "facenet-triplet",
                         "hadsell-contrastive", "label-smoothing", "poly1", "asl-paper", "qfl-gfl", "varifocal",
                         "ghmr-retinanet", "smooth-l1", "sphereface", "supcon"]

  @Test(arguments: required)
  func everyShippedPresetLoads(name: String) throws {
    let preset = try loadPreset(name)
    #expect(preset.name == name)
    #expect(!preset.title.isEmpty && !preset.source.isEmpty)
    #expect(!preset.views.isEmpty)
  }

  @Test func presetsReproduceThePapersSettings() throws {
    func value(_ preset: String, _ view: Int, _ name: String) throws -> Double {
      try loadPreset(preset).views[view].parameters[name]
    }
    #expect(try loadPreset("focal-fig1").views[0].sweeps.first?.values == [0, 0.5, 1, 2, 5])
    #expect(try value("focal-fig1", 0, "alpha") == 1)
    #expect(try value("retinanet", 0, "gamma") == 2 && value("retinanet", 0, "alpha") == 0.25)
    #expect(try value("ghm-retinanet", 0, "bins") == 30 && value("ghm-retinanet", 0, "momentum") == 0.75)
    #expect(try value("circle-face", 0, "margin") == 0.25 && value("circle-face", 0, "scale") == 256)
    #expect(try value("circle-fine-grained", 0, "margin") == 0.4 && value("circle-fine-grained", 0, "scale") == 80)
    #expect(try value("arcface", 0, "scale") == 64 && value("arcface", 0, "margin") == 0.5)
    #expect(try value("cosface", 0, "scale") == 64 && value("cosface", 0, "margin") == 0.35)
    #expect(try value("ms-paper", 0, "alpha") == 2 && value("ms-paper", 1, "beta") == 50 && value("ms-paper", 0, "lambda") == 1)
    #expect(try value("ms-pml", 0, "lambda") == 0.5)
    #expect(try value("infonce-moco", 0, "temperature") == 0.07)
    #expect(try loadPreset("infonce-temperature").views[0].sweeps.first?.name == "temperature")
    #expect(try value("facenet-triplet", 0, "margin") == 0.2 && value("facenet-triplet", 0, "squared") == 1)
    let hadsell = try loadPreset("hadsell-contrastive").views
    #expect(hadsell.map { $0.parameters.choice("pair") } == ["similar", "dissimilar"])
    #expect(hadsell.allSatisfy { $0.parameters["margin"] == 1 })
  }

  @Test func annotationsAreReadAndDrawn() throws {
    #expect(try loadPreset("retinanet").annotations.map(\.x) == [0.9])
    let r = try run(["plot", "--preset", "retinanet", "--width", "70", "--height", "14"])
    #expect(r.stdout.contains("pt 0.9"))
  }

  @Test func focalFig1ExportsTheFiveGammas() throws {
    let r = try run(["export", "--preset", "focal-fig1", "--points", "5"])
    let (header, rows) = csvRows(r.stdout)
    #expect(header == ["gamma", "pt", "loss", "grad"])
    #expect(Set(rows.map { $0[0] }) == ["0", "0.5", "1", "2", "5"])
  }

  @Test func retinanetIsTheQuarterWeightedFocalLoss() throws {
    let r = try run(["export", "--preset", "retinanet", "--points", "21"])
    for row in csvRows(r.stdout).rows {
      let pt = Double(row[0])!, loss = Double(row[1])!
      #expect(abs(loss - (-0.25 * (1 - pt) * (1 - pt) * Foundation.log(pt))) <= 1e-15 * max(1, loss))
    }
  }

  @Test func commandLineParametersOverrideThePreset() throws {
    let r = try run(["export", "--preset", "retinanet", "gamma=3", "--points", "2"])
    #expect(r.stdout.contains("# parameters: axis=pt gamma=3 alpha=0.25"))
  }

  @Test(arguments: [
    ("name = \"x\"\nview = \"focal\"\n[parameters]\ngamma = \n", "p.toml:4: TOML syntax"),
    ("name = \"x\"\nview = \"focal\"\ncolour = 3\n", "p.toml:3: unknown key 'colour'"),
    ("name = \"x\"\n\nview = \"focl\"\n", "p.toml:3: unknown view 'focl' (did you mean 'focal'?)"),
    ("name = \"x\"\nview = \"focal\"\n[parameters]\ngamma = 2\ngama = 1\n", "p.toml:5: focal has no parameter 'gama'"),
    ("name = \"x\"\nview = \"focal\"\n[parameters]\ngamma = \"two\"\n", "p.toml:4: gamma=two is not a finite number"),
    ("name = \"x\"\nview = \"focal\"\n[parameters]\nalpha = 0.25\ngamma = 11\n", "p.toml:5: gamma=11 is out of range"),
    ("name = \"x\"\nview = \"triplet\"\n[parameters]\nsquared = 1\n", "p.toml:4: squared=1 is not one of false, true"),
    ("name = 3\nview = \"focal\"\n", "p.toml:1: name must be a string"),
    ("view = \"focal\"\n", "p.toml:1: missing key 'name'"),
    ("name = \"x\"\n[[views]]\nview = \"ce\"\n[[views]]\nview = \"focal\"\nextra = 1\n", "p.toml:6: unknown key 'extra' in [[views]]"),
    ("name = \"x\"\n[[views]]\nview = \"ce\"\n[[views]]\nview = \"focal\"\n[views.parameters]\ngamma = -1\n", "p.toml:7: gamma=-1 is out of range"),
    ("name = \"x\"\nview = \"ce\"\n[[annotations]]\nx = \"a\"\n", "p.toml:3: each [[annotations]] needs x = NUMBER"),
  ] as [(String, String)])
  func malformedPresetsNameTheirLine(text: String, message: String) {
    let error = presetError(text)
    #expect(error?.hasPrefix(message) == true, "got: \(error ?? "no error")")
  }

  @Test func malformedPresetFileFailsTheCommandWithNothingWritten() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("bad.toml").path
    try "name = \"bad\"\nview = \"focal\"\n[parameters]\ngamma = 99\n".write(toFile: path, atomically: true, encoding: .utf8)
    let out = folder.appendingPathComponent("out.csv").path
    let r = try run(["export", "--preset", path, "-o", out])
    #expect(r.status != 0 && r.stdout.isEmpty)
    #expect(r.stderr.contains("bad.toml:4: gamma=99 is out of range"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  /// One end of the range from the preset, the other from the command line: the refusal names
  /// the preset's line (issue #27: it used to speak of a --from nobody gave).
  @Test func aRangeSplitBetweenPresetAndCommandLineNamesThePresetsLine() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("half.toml").path
    try "name = \"half\"\nview = \"focal\"\n\nfrom = 0.5\n".write(toFile: path, atomically: true, encoding: .utf8)
    let r = try run(["export", "--preset", path, "--to", "0.25"])
    #expect(r.status == 1 && r.stderr == "Error: \(path):4: the preset's from (0.5) must be less than --to (0.25)\n", "\(r.stderr)")
    let lone = folder.appendingPathComponent("lone.toml").path
    try "name = \"lone\"\nview = \"focal\"\nto = 1e-320\n".write(toFile: lone, atomically: true, encoding: .utf8)
    let l = try run(["plot", "--preset", lone])
    #expect(l.status == 1 && l.stderr.hasPrefix("Error: \(lone):3: to (1e-320) must be more than"), "\(l.stderr)")
    #expect(try run(["export", "--preset", path, "--to", "0.75", "--points", "2"]).status == 0)
  }

  @Test func userPresetsAreListedAndUsable() throws {
    let home = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: home) }
    let folder = home.appendingPathComponent("lossscope/presets")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try "name = \"mine\"\ntitle = \"My focal\"\nsource = \"me\"\nview = \"focal\"\n[parameters]\ngamma = 4\n"
      .write(to: folder.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
    let env = ["XDG_CONFIG_HOME": home.path]
    let list = try run(["presets"], environment: env)
    #expect(list.stdout.contains("mine") && list.stdout.contains("(yours)") && list.stdout.contains("retinanet"))
    let r = try run(["export", "--preset", "mine", "--points", "2"], environment: env)
    #expect(r.stdout.contains("gamma=4"))
    let missing = try run(["export", "--preset", "retinanett"], environment: env)
    #expect(missing.status != 0 && missing.stderr.contains("did you mean 'retinanet'?"))
  }

  /// What `w` writes, literally: TOMLKit's encoder (keys sorted, tables after plain keys), the
  /// comment first, numbers shortest (toml++ alone writes 0.1 as 0.10000000000000001).
  @Test func theAppWritesTOMLKitsTextWithShortestNumbers() throws {
    var s = fresh()
    _ = press([.char("=")] + typed("0.1") + [.enter, .char("a")] + typed("anchor") + [.enter], &s)
    let text = try PresetWriter.text(s.model.preset(name: "mine"))
    #expect(text == """
    # Saved from the LossScope app.
    cursor = 0.9
    description = "focal gamma=0.1 alpha=1  vs ce  on pt"
    from = 0.001
    log_y = false
    name = "mine"
    source = "saved by the user"
    title = "mine"
    to = 0.999

    [[views]]
    view = "focal"

    [views.parameters]
    alpha = 1
    axis = "pt"
    gamma = 0.1

    [[views]]
    view = "ce"

    [views.parameters]
    axis = "pt"

    [[views]]
    view = "anchor"

    [views.parameters]
    axis = "pt"
    gamma = 0.5
    qneg = 0.5
    slack = 0.05

    """, "\(text)")
    var file = PresetFile(name: "n", views: [PresetFile.View(view: "focal", parameters: [
      PresetFile.Parameter(name: "gamma", value: .list([.number(0), .number(0.3), .number(1e-320)])),
    ])], annotations: [PresetFile.Annotation(x: 0.7, text: "a \"b\"\\")])
    file.comments = ["two\nlines"]
    let written = try PresetWriter.text(file)
    // toml++ wraps an array holding a number below 0.1 (its width estimate takes log10 of it).
    #expect(written == """
    # two\\nlines
    name = "n"
    view = "focal"

    [parameters]
    gamma = [
        0,
        0.3,
        1e-320
    ]

    [[annotations]]
    text = "a \\"b\\"\\\\"
    x = 0.7

    """, "\(written)")
    let back = try PresetLoader.parse(written, path: "n.toml")
    #expect(back.views[0].sweeps[0].values == [0, 0.3, 1e-320] && back.annotations[0].text == "a \"b\"\\")
  }

  @Test func theAppSavesAPresetThatLoadsBack() throws {
    var s = fresh()
    s.userPresetFolder = "/tmp/x/presets"
    _ = press([.char("+"), .char("a")] + typed("anchor") + [.enter], &s)
    let effects = press([.char("w")] + typed("my-setup") + [.enter], &s)
    guard case .writeFile(let path, let contents, let overwrite, let makeFolder)? = effects.first else {
      Issue.record("nothing saved")
      return
    }
    #expect(path == "/tmp/x/presets/my-setup.toml" && !overwrite && makeFolder)
    let preset = try PresetLoader.parse(contents, path: path)
    #expect(preset.views.map(\.info.name) == ["focal", "ce", "anchor"])
    #expect(preset.views[0].parameters["gamma"] == 2.5)
    _ = press([.char("w")] + typed("bad name!") + [.enter], &s)
    #expect(s.status.contains("nothing saved"))
  }
}
