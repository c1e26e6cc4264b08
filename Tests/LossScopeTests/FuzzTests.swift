// Generated hostile presets and argument lists, fed to the parsers and to the real binary, with a fixed seed.

import Foundation
import Testing

@testable import LossScopeApp
import LossText
@testable import LossData
@testable import LossLogs

/// The suite's seeded generator (AppPropertyTests), so a failure can be replayed.
typealias SeededRandom = SeededGenerator

enum FuzzWords {
  static let values = ["0", "2", "-1", "0.5", "1e308", "1e-320", "nan", "inf", "-inf", "0x1p3", "0X10", "2.5", "1,2,3",
                       "1,1", ",", "", " ", "true", "similar", "pt", "logit", "9999999999999999999999",
                       "a\nb", "\u{1B}[31mred", "\u{7}", "\u{9B}2J", String(repeating: "7", count: 5000), "é", "1_000"]
  static let views = ["focal", "ce", "ghmc", "infonce", "triplet", "circle", "circle-plane", "margins", "arcface",
                      "contrastive", "nope", "FOCAL", "focal\u{1B}"]
  static let names = ["gamma", "alpha", "axis", "bins", "momentum", "margin", "scale", "temperature", "negatives",
                      "pair", "squared", "kind", "x\u{1B}", ""]
  static let options = ["--from", "--to", "--points", "--width", "--height", "--marker", "--color", "--grid",
                        "--log-y", "--grad", "--preset", "--bogus", "-o", "--from=0.2", "--points=3", "--"]
}

@Suite struct FuzzTests {
  /// Every line of a valid preset, mutated: lines dropped, duplicated, values replaced, bytes
  /// flipped. Each result loads or fails with `p.toml:LINE:` where the line exists in the text.
  @Test func mutatedPresetsFailAtARealLine() {
    var random = SeededRandom(state: 11)
    let base = ShippedPresets.files.map(\.text)
    let inserts = ["views = []", "from = [1, 2]", "to = \"x\"", "annotations = [5]", "[[annotations]]", "x = 0x10",
                   "text = \"\\u001b[2J\"", "[parameters]", "gamma = [0, 0.5]", "gamma = 1e999", "cursor = -1",
                   "[[views]]", "view = \"margins\"", "name = \"\"", "log_y = 1", "bins = 2.5", "[views.parameters]",
                   "title = \"\\n\\r\"", "grad = true", "x = 3"]
    var failures: [String] = []
    for _ in 0..<3000 {
      var lines = base.randomElement(using: &random)!.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      for _ in 0..<Int.random(in: 1...4, using: &random) {
        let i = Int.random(in: 0..<max(1, lines.count), using: &random)
        switch Int.random(in: 0..<5, using: &random) {
        case 0 where !lines.isEmpty: lines.remove(at: i)
        case 1: lines.insert(inserts.randomElement(using: &random)!, at: min(i, lines.count))
        case 2 where !lines.isEmpty: lines.insert(lines[i], at: i)
        case 3 where !lines.isEmpty && lines[i].contains("="):
          let key = lines[i].prefix { $0 != "=" }
          lines[i] = key + "= " + ["1", "-5", "[1, [2]]", "{a = 1}", "\"0x1p1\"", "1e400", "nan", "true", "\"\""].randomElement(using: &random)!
        default:
          if !lines.isEmpty, !lines[i].isEmpty {
            var bytes = Array(lines[i].utf8)
            bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...127, using: &random)
            lines[i] = String(decoding: bytes, as: UTF8.self)
          }
        }
      }
      let text = lines.joined(separator: "\n")
      do {
        _ = try PresetLoader.parse(text, path: "p.toml")
      } catch {
        let message = error.description
        let line = message.dropFirst("p.toml:".count).prefix { $0.isNumber }
        guard message.hasPrefix("p.toml:"), let n = Int(line), n >= 1, n <= lines.count + 1 else {
          failures.append(message)
          continue
        }
      }
    }
    #expect(failures.isEmpty, "\(failures.prefix(5))")
  }

  /// Random command lines against the real binary: exit 0 (valid) or 1/2, one escaped line on
  /// stderr when it fails and nothing when it succeeds, no temporary file left.
  @Test func randomCommandLinesEndInOneCleanLine() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let preset = folder.appendingPathComponent("bad.toml").path
    try "name = \"bad\"\nview = \"focal\"\n[parameters]\ngamma = \"\u{1B}[31m\"\n".write(toFile: preset, atomically: true, encoding: .utf8)
    var random = SeededRandom(state: 29)
    var seen = Set<[String]>()
    var runs = 0
    while runs < 120 {
      var arguments = [["export", "plot", "list", "presets", "export", "plot"].randomElement(using: &random)!]
      for _ in 0..<Int.random(in: 0...5, using: &random) {
        switch Int.random(in: 0..<6, using: &random) {
        case 0: arguments.append(FuzzWords.views.randomElement(using: &random)!)
        case 1, 2:
          arguments.append(FuzzWords.names.randomElement(using: &random)! + "=" + FuzzWords.values.randomElement(using: &random)!)
        case 3:
          let option = FuzzWords.options.randomElement(using: &random)!
          arguments.append(option)
          switch option {
          case "-o": arguments.append(folder.appendingPathComponent(["out.csv", String(repeating: "n", count: 250), "a\u{1B}b", "", "."].randomElement(using: &random)!).path)
          case "--preset": arguments.append(["retinanet", "focal-fig1", preset, "nope", folder.path].randomElement(using: &random)!)
          case "--points": arguments.append(["3", "2.5", "0", "-1", "100", "1e3", "0x10"].randomElement(using: &random)!)
          case "--width", "--height": arguments.append(["40", "5", "3000", "x"].randomElement(using: &random)!)
          case "--from", "--to", "--marker", "--color", "--grid": arguments.append(FuzzWords.values.randomElement(using: &random)!)
          default: break
          }
        case 4: arguments.append("+")
        default: arguments.append(FuzzWords.values.randomElement(using: &random)!)
        }
      }
      guard seen.insert(arguments).inserted else { continue }
      runs += 1
      let r = try spawn(["timeout", "10", lossscopeBinary.path] + arguments, captureStderr: true)
      let shown = arguments.map { $0.escapedForTerminal(limit: 30) }
      #expect([0, 1, 2].contains(r.status), "\(shown) -> \(r.status): \(r.stderr.escapedForTerminal(limit: 300))")
      if r.status == 0 {
        #expect(r.stderr.isEmpty, "\(shown): \(r.stderr.escapedForTerminal(limit: 300))")
      } else {
        #expect(isOneCleanLine(r.stderr) && r.stderr.hasPrefix("Error: "), "\(shown): \(r.stderr.debugDescription.prefix(300))")
      }
      let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      #expect(!left.contains { $0.contains(".tmp-") }, "\(shown) left \(left)")
      for name in left where name != "bad.toml" { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
    }
    #expect(runs >= 40)
  }
}
