// Left-aligned columns for the plain-text tables of `list` and the TUI's help.

import LossData
import LossLogs
import LossText

extension String {
  func padded(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
