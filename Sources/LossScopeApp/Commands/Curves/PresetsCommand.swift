// `lossscope presets`: every preset with its title and source, user presets marked.

import ArgumentParser
import Losses
import LossText
import LossData
import LossLogs

#if canImport(Glibc)
  import Glibc
#endif

struct PresetsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "presets",
    abstract: "List the presets: the papers' settings, and your own.",
    discussion: "The papers' presets are built into the binary; yours come from $XDG_CONFIG_HOME/lossscope/presets (default ~/.config/lossscope/presets; a relative XDG_CONFIG_HOME is ignored). A preset is named by its file name, which must equal its name field. Use one with --preset NAME or --preset PATH.")

  func run() throws {
    let (presets, errors) = PresetStore.all()
    let width = (presets.map(\.name.count).max() ?? 0) + 2
    for preset in presets {
      try emit("\(preset.name.padded(width))\(preset.title)\(preset.isUser ? "  (yours)" : "")" + "\n")
      if !preset.source.isEmpty { try emit("\("".padded(width))\(preset.source)" + "\n") }
    }
    if presets.isEmpty { try emit("no presets found" + "\n") }
    for error in errors { printError("skipped: \(error.description.escapedForTerminal(limit: 400))") }
  }
}

func printError(_ text: String) {
  var line = Array((text + "\n").utf8)
  _ = line.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
}
