// A user-facing error of the command line: one line on stderr and a non-zero exit status.

struct CLIError: Error, CustomStringConvertible {
  let description: String
  init(_ message: String) { description = message }
}
