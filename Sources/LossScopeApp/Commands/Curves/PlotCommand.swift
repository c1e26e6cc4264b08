// `lossscope plot`: the loss chart (and optionally the gradient panel) printed to stdout.

import ArgumentParser
import Losses
import Plot
import LossData
import LossLogs
import LossText

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
  case auto, always, never
}

extension Marker: ExpressibleByArgument {
  public init?(argument: String) {
    switch argument.lowercased() {
    case "braille": self = .braille
    case "halfblock", "half-block": self = .halfBlock
    case "block": self = .block
    case "ascii": self = .ascii
    default: return nil
    }
  }
  public static var allValueStrings: [String] { ["braille", "halfblock", "block", "ascii"] }
}

struct PlotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plot",
    abstract: "Print a view's loss chart (and its gradient) as text.",
    discussion: """
      Parameters are name=value with the names of `lossscope list VIEW`; a comma list sweeps a \
      parameter with one series per value (`lossscope plot focal gamma=0,0.5,1,2,5` is the focal \
      paper's Fig. 1); `+` adds views on the same axis (`lossscope plot ce + focal`).
      """)

  @OptionGroup var views: ViewOptions

  @OptionGroup var chart: ChartSizeOptions

  @Option(name: .long, help: "Dots: braille, halfblock, block or ascii (default: braille, or ascii when several series are drawn without colour, so they stay apart).")
  var marker: Marker?

  @Option(name: .long, parsing: .unconditional, help: "Bottom of the loss axis (default: from the curves).")
  var ymin: Double?

  @Option(name: .long, parsing: .unconditional, help: "Top of the loss axis (default: from the curves, clipping a pole); curves beyond it are marked with an arrow.")
  var ymax: Double?

  @Flag(name: .customLong("log-y"), help: "Logarithmic loss (and grad) axis.")
  var logY = false

  @Flag(name: .long, help: "Add a gradient panel below the loss, sharing the x axis.")
  var grad = false

  @Option(name: .long, help: "Colour: auto (only on a terminal without NO_COLOR), always or never.")
  var color: ColorChoice = .auto


  func run() throws {
    let selection = try views.selection()
    if let plane = selection.plane {
      try views.refuseRange(for: plane, instead: "--width and --height set its detail")
      let size = chart.size
      var canvas = Grid(width: size.width, height: size.height)
      plane.render(into: &canvas, in: canvas.bounds, marker: marker ?? (colored && !AsciiFallback.enabled ? .braille : .ascii))
      try print(canvas)
      return
    }
    let requests = selection.views
    let logY = self.logY || selection.preset?.logY == true
    if let problem = LossChart.checkYRange(min: ymin, max: ymax, logY: logY) { throw CLIError(problem) }
    let (axis, grid) = try views.grid(selection, defaultPoints: 400)
    let count = requests.reduce(0) { $0 + $1.expanded().count }
    if count > 8 { throw CLIError("at most 8 series fit one chart (asked for \(count))") }
    let size = chart.size
    // Two dots per column (braille) is the finest any marker draws: the whole width bounds the plot's.
    let series = LossChart.series(requests, grid: grid, columns: 2 * size.width)
    let title = requests.map(\.summary).joined(separator: " + ")
    let stack = LossChart.stack(
      series, axis: axis, title: selection.preset?.title ?? title, logY: logY,
      marker: marker ?? ((colored || series.count == 1) && !AsciiFallback.enabled ? .braille : .ascii), grad: grad || selection.preset?.grad == true,
      annotations: (selection.preset?.annotations ?? []).filter { axis.contains($0.x) }.map { note in
        (note.x, requests[0].info.make(requests[0].parameters).evaluate(note.x).loss, note.text)
      }, yMin: ymin, yMax: ymax)
    var canvas = Grid(width: size.width, height: size.height)
    stack.render(into: &canvas, in: canvas.bounds)
    try print(canvas)
  }


  private var colored: Bool {
    color == .always || (color == .auto && TerminalInfo.isTTY(1) && !TerminalInfo.noColor)
  }

  private func print(_ canvas: Grid) throws(CLIError) {
    let lines = colored ? canvas.ansiLines() : canvas.lines()
    let sink = ByteSink(fd: 1)
    for line in lines {
      sink.append(AsciiFallback.enabled ? AsciiFallback.line(line) : line)
      sink.append(byte: UInt8(ascii: "\n"))
    }
    sink.flush()
    if sink.failure != 0 { throw CLIError("cannot write to stdout: \(errorText(sink.failure))") }
  }
}
