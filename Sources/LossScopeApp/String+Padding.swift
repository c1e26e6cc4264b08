// Left-aligned columns for the plain-text tables of `list` and the TUI's help.

extension String {
  func padded(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
