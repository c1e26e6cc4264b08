// A user-facing error of the command line: one line on stderr and a non-zero exit status.

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
