// Why a user's file could not be read or written, as data: the file, the place in it and the reason.
//
// Readers throw this and know nothing of who shows it; the command line prints `description`
// on stderr and the app shows it in its status line, each in one place.

import LossText

public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Where in the file the problem is.
  public enum Place: Sendable, Equatable {
    /// The file as a whole (it is empty, it is a folder).
    case whole
    /// Opening it: `cannot read FILE: reason`.
    case opening
    /// Writing it: `cannot write FILE: reason`.
    case writing
    /// A line of a text file, counted from 1.
    case line(Int)
    /// A cell of a CSV: its line and its column's name.
    case cell(line: Int, column: String)
    /// A record of a binary log, counted from 1, and its byte offset.
    case record(Int, offset: Int)
    /// An element of an array file, counted from 0, and its byte offset.
    case element(Int, offset: Int)
    /// A byte offset.
    case offset(Int)
    /// A named entry: a key of a preset, a member of a folder.
    case entry(String)
  }

  /// The path as the user gave it (nil when the error concerns several files or none).
  public let file: String?
  public let place: Place
  /// What is wrong, a clause that reads after the place: "is not a number", "header has no descr".
  public let reason: String

  public init(file: String?, place: Place = .whole, reason: String) {
    self.file = file
    self.place = place
    self.reason = reason
  }

  /// Not about one file: several files that do not go together, an option the data contradicts.
  public init(_ reason: String) {
    self.init(file: nil, reason: reason)
  }

  /// One line: `file:7: column p: "x" is not a number`, every name escaped for a terminal.
  public var description: String {
    var text = file.map { $0.escapedForTerminal(limit: 300) } ?? ""
    switch place {
    case .opening: return "cannot read \(text): \(reason)"
    case .writing: return "cannot write \(text): \(reason)"
    case .whole: break
    case .line(let n): text += ":\(n)"
    case .cell(let n, let column): text += ":\(n): column \(column.escapedForTerminal(limit: 40))"
    case .record(let n, let offset): text += ": record \(n) at byte offset \(offset)"
    case .element(let n, let offset): text += ": element \(n) at byte offset \(offset)"
    case .offset(let offset): text += ": at byte offset \(offset)"
    case .entry(let name): text += ": \(name.escapedForTerminal(limit: 80))"
    }
    return text.isEmpty ? reason : text + ": " + reason
  }
}

/// An error type a reader's or writer's failure can become: the command line's, or FileError itself.
/// Lets `AtomicFile.write` carry its caller's own error out of the body unchanged.
public protocol FileErrorConvertible: Error {
  init(_ error: FileError)
}

extension FileError: FileErrorConvertible {
  public init(_ error: FileError) { self = error }
}
