// Names in the tables the commands write: one policy, the same in every command.
//
// In CSV data a name has its control characters escaped visibly (as on a terminal: `\n`, `\e`,
// `\u{202e}`), then is quoted as RFC 4180 says when it holds a comma or a quote, so a cell stays a
// cell and no byte of it can drive a terminal that shows the file. In `#` metadata lines the same
// escapes keep a comment one line, so `pandas.read_csv(comment='#')` never reads a name as the header.

public enum CSVText {
  /// A name as one CSV cell.
  public static func cell(_ text: some StringProtocol) -> String {
    let safe = text.escapedForTerminal(limit: Int.max)
    guard safe.contains(where: { $0 == "," || $0 == "\"" }) else { return safe }
    var out = "\""
    for c in safe { out += c == "\"" ? "\"\"" : String(c) }
    return out + "\""
  }

  /// Text for a `#` metadata line: one line, nothing raw.
  public static func comment(_ text: some StringProtocol) -> String {
    text.escapedForTerminal(limit: Int.max)
  }
}
