// Header cells of a log's CSV without their spaces and quotes (escaping is LossText's).

import LossData

package enum LogText {}

extension LogText {
  /// `text` without surrounding spaces and double quotes (CSV header cells).
  package static func trimmed(_ text: String) -> String {
    var s = Substring(text)
    while let c = s.first, c == " " || c == "\"" || c == "\r" { s = s.dropFirst() }
    while let c = s.last, c == " " || c == "\"" || c == "\r" { s = s.dropLast() }
    return String(s)
  }
}
