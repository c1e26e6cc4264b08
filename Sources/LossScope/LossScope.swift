// The `lossscope` command: subcommands for listing, exporting and plotting loss views.

import ArgumentParser

@main
struct LossScope: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lossscope",
    abstract: "See loss functions and their gradients in the terminal.",
    discussion: "Views and parameter names follow LOSSES.md; `lossscope list` shows them.",
    version: CSVExport.version,
    subcommands: [ListCommand.self, ExportCommand.self, PlotCommand.self])

  func run() throws {
    print(LossScope.helpMessage())
  }
}
