// The loop: read a message, update, carry out effects, draw; the same for curses and for tests.

import Plot
import LossData
import LossLogs
import LossText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the runtime gets messages and puts frames: the terminal, or a script in tests.
public protocol Backend: AnyObject {
  var size: (width: Int, height: Int) { get }
  /// Blocks until the next key or resize; nil when input has ended or a signal asked to stop.
  func nextMessage() -> Message?
  func draw(_ grid: Grid)
  /// While on, `nextMessage` returns `.tick` after about 100 ms without input.
  func setTicking(_ on: Bool)
}

extension Backend {
  public func setTicking(_ on: Bool) {}
}

enum Runtime {
  /// Runs until `q`, Ctrl-C, the end of input or a signal; returns the final state.
  @discardableResult
  static func run(_ initial: AppState, on backend: Backend) -> AppState {
    var state = initial
    let performer = WorkPerformer()
    let size = backend.size
    _ = update(&state, .resize(width: size.width, height: size.height))
    backend.draw(Screen.render(state))
    var lastTick = ContinuousClock.now
    while true {
      backend.setTicking(state.model.wantsTicks)
      guard let message = backend.nextMessage() else { break }
      var queue = [message]
      // Keys held down leave no 100 ms of silence: a followed file is read between them too.
      if message == .tick || !state.model.wantsTicks {
        lastTick = .now
      } else if ContinuousClock.now - lastTick >= .milliseconds(100) {
        queue.append(.tick)
        lastTick = .now
      }
      while !queue.isEmpty {
        for effect in update(&state, queue.removeFirst()) {
          switch effect {
          case .quit: return state
          case .writeFile(let path, let contents, let overwrite, let makeFolder):
            if makeFolder, let slash = path.lastIndex(of: "/") { _ = PresetStore.makeFolders(String(path[..<slash])) }
            queue.append(write(path: path, contents: contents, overwrite: overwrite))
          case .work(let work):
            queue.append(performer.perform(work))
          }
        }
      }
      backend.draw(Screen.render(state))
    }
    return state
  }

  /// Writes atomically, never over an existing file unless asked; the outcome comes back as a message.
  static func write(path typed: String, contents: String, overwrite: Bool) -> Message {
    let path = expandingHome(typed)
    do { _ = try AtomicFile.target(of: path) } catch { return .writeFailed(message: error.description) }
    if !overwrite && access(path, F_OK) == 0 { return .fileExists(path: path, contents: contents) }
    do {
      try AtomicFile.write(to: path) { sink throws(CLIError) in sink.append(contents) }
      return .fileWritten(path: path)
    } catch {
      return .writeFailed(message: error.description)
    }
  }
}

/// `~/x.csv` as a shell would read it.
func expandingHome(_ path: String) -> String {
  guard path == "~" || path.hasPrefix("~/"), let home = TerminalInfo.environment("HOME") else { return path }
  return home + path.dropFirst()
}

/// A backend that replays scripted messages and keeps every frame: runtime tests and `--headless`.
final class TextBackend: Backend {
  private(set) var size: (width: Int, height: Int)
  private var script: [Message]
  private(set) var frames: [Grid] = []

  init(width: Int, height: Int, script: [Message]) {
    size = (width, height)
    self.script = script
  }

  func nextMessage() -> Message? {
    guard !script.isEmpty else { return nil }
    let message = script.removeFirst()
    if case .resize(let w, let h) = message { size = (w, h) }
    return message
  }

  func draw(_ grid: Grid) { frames.append(grid) }

  var lastScreen: String { frames.last?.text ?? "" }
}
