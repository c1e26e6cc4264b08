// `--width` and `--height` of the commands that print a chart (`plot`, `log`), checked once.

import ArgumentParser
import LossData
import LossLogs
import LossText

struct ChartSizeOptions: ParsableArguments {
  @Option(name: .long, parsing: .unconditional, help: "Width in columns (default: the terminal's, or 100 when not a terminal).")
  var width: Int?

  @Option(name: .long, parsing: .unconditional, help: "Height in rows (default: the terminal's, or 30 when not a terminal).")
  var height: Int?

  func validate() throws {
    for (flag, value) in [("--width", width), ("--height", height)] {
      if let value, !(10...2000).contains(value) {
        throw ValidationError("\(flag) must be between 10 and 2000 (got \(value))")
      }
    }
  }

  /// The terminal's size when stdout is one, else 100x30; --width and --height override.
  var size: (width: Int, height: Int) {
    let terminal = TerminalInfo.isTTY(1) ? TerminalInfo.size(1) : nil
    return (width ?? terminal?.width ?? 100, height ?? terminal?.height ?? 30)
  }
}
