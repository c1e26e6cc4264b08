// What the app receives (keys, resizes, results of its effects) and what it asks the runtime to do.

import LossData
import LossLogs
import LossText

/// A key press, already decoded by a backend.
public enum Key: Equatable, Sendable {
  case char(Character)
  case up, down, left, right, home, end
  case pageUp, pageDown, delete
  case shiftUp, shiftDown, shiftLeft, shiftRight
  case tab, backTab, enter, escape, backspace
  /// Ctrl-C read as a key (the terminal is in raw mode).
  case interrupt
}

/// What the mouse did: a press of the first button, or a turn of the wheel.
public enum MouseButton: Equatable, Sendable {
  case press, wheelUp, wheelDown
}

public enum Message: Equatable, Sendable {
  case key(Key)
  case resize(width: Int, height: Int)
  case fileWritten(path: String)
  /// Carries what was to be written, so that `y` writes exactly that.
  case fileExists(path: String, contents: String)
  case writeFailed(message: String)
  /// Text pasted as a whole (bracketed paste): typed into an open prompt, never run as keys.
  case paste(String)
  /// A click or a wheel turn at a cell of the screen.
  case mouse(x: Int, y: Int, button: MouseButton)
  /// About 100 ms passed without a key, sent only while the mode wants ticks (a followed log).
  case tick
  /// Work the runtime did for the mode (a read of followed files) has finished.
  case done(WorkDone)
}

/// I/O the update function asks for; the runtime carries it out and reports back with a message.
enum Effect: Equatable, Sendable {
  /// `makeFolder`: create the file's folder first (the user's preset folder may not exist yet).
  case writeFile(path: String, contents: String, overwrite: Bool, makeFolder: Bool = false)
  /// Reading or computing for the mode; the result comes back as `Message.done`.
  case work(Work)
  case quit
}
