// A user-facing error of the command line: one line on stderr and a non-zero exit status.

import LossData
import LossLogs
import LossText

struct CLIError: Error, CustomStringConvertible {
  let description: String
  init(_ message: String) { description = message }
}

/// Writes `text` to stdout, reporting a failed write (a full disk, /dev/full) as an error.
func emit(_ text: String) throws(CLIError) {
  let sink = ByteSink(fd: 1)
  sink.append(text)
  sink.flush()
  if sink.failure != 0 { throw CLIError("cannot write to stdout: \(errorText(sink.failure))") }
}

extension CLIError: FileErrorConvertible {
  /// A reader's error as the command line prints it: the one place a `FileError` becomes a line.
  init(_ error: FileError) { self.init(error.description) }
}

/// Runs `body`, turning a reader's error into the command line's.
func reading<T>(_ body: () throws(FileError) -> T) throws(CLIError) -> T {
  do { return try body() } catch { throw CLIError(error) }
}
