// `lossscope export`: any view's curve as CSV, to stdout or atomically to a file.

import ArgumentParser
import Losses
import LossData
import LossLogs
import LossText

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write a view's loss and gradient as CSV.",
    discussion: """
      Parameters are name=value with the names of `lossscope list VIEW`; a comma list sweeps a \
      parameter (gamma=0,0.5,1,2,5) and adds it as the first column. `+` adds another view on \
      the same axis; several views are written in long format with a `series` column. \
      Read the output with pandas.read_csv(path, comment='#').
      """)

  @OptionGroup var views: ViewOptions

  @Option(name: [.customShort("o"), .long], help: "Write to this file (atomically) instead of stdout; - is stdout.")
  var output: String?

  @Option(name: .long, parsing: .unconditional, help: "circle-plane only: the loss on an N x N grid (sn,sp,loss) instead of the boundaries.", transform: ArgumentChecks.integer)
  var grid: Int?

  func run() throws {
    let selection = try views.selection()
    if let plane = selection.plane {
      try views.refuseRange(for: plane, instead: "--grid N")
      try write { sink throws(CLIError) in try plane.writeCSV(grid: grid, to: sink) }
      return
    }
    if grid != nil { throw CLIError("--grid is for circle-plane only") }
    let requests = selection.views
    let (_, samples) = try views.grid(selection, defaultPoints: Sampling.defaultPoints)
    // The same `# command:` line as the app's files: a reader sees how to make the file again.
    let command = "# command: " + CSVExport.commandLine(requests, grid: samples)
    try write { sink throws(CLIError) in CSVExport.write(requests, grid: samples, to: sink, extras: [command]) }
  }

  /// To the -o file atomically, or streamed to stdout; `body` checks its input before it writes.
  private func write(_ body: (ByteSink) throws(CLIError) -> Void) throws(CLIError) {
    if let output, output != "-" {
      try AtomicFile.write(to: output, body)
      return
    }
    let sink = ByteSink(fd: 1)
    try body(sink)
    sink.flush()
    if sink.failure != 0 { throw CLIError("cannot write to stdout: \(errorText(sink.failure))") }
  }
}
