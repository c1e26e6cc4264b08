// `lossscope export`: any view's curve as CSV, to stdout or atomically to a file.

import ArgumentParser
import Losses

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

  @Argument(help: ArgumentHelp("The view and its parameters: VIEW [name=value ...] [+ VIEW ...]", valueName: "view"))
  var spec: [String] = []

  @Option(name: .long, parsing: .unconditional, help: "First x (default: the axis's default range).", transform: ArgumentChecks.real)
  var from: Double?

  @Option(name: .long, parsing: .unconditional, help: "Last x.", transform: ArgumentChecks.real)
  var to: Double?

  @Option(name: .long, parsing: .unconditional, help: "Number of x values, at least 2 (default 201).", transform: ArgumentChecks.integer)
  var points: Int?

  @Option(name: [.customShort("o"), .long], help: "Write to this file (atomically) instead of stdout; - is stdout.")
  var output: String?

  @Option(name: .long, parsing: .unconditional, help: "circle-plane only: the loss on an N x N grid (sn,sp,loss) instead of the boundaries.", transform: ArgumentChecks.integer)
  var grid: Int?

  @Option(name: .long, help: "Start from a preset (NAME or PATH); name=value arguments override it.")
  var preset: String?

  func run() throws {
    let selection = try Selection(spec: spec, preset: preset)
    if let plane = selection.plane {
      try Sampling.refuseRange(for: plane.info.name, from: from, to: to, points: points, instead: "--grid N")
      try write { sink throws(CLIError) in try plane.writeCSV(grid: grid, to: sink) }
      return
    }
    if grid != nil { throw CLIError("--grid is for circle-plane only") }
    let requests = selection.views
    let axis = try Sampling.sharedAxis(requests)
    let samples = try Sampling.grid(
      axis: axis, from: from ?? selection.preset?.from, to: to ?? selection.preset?.to, points: points)
    try write { sink throws(CLIError) in CSVExport.write(requests, grid: samples, to: sink) }
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
