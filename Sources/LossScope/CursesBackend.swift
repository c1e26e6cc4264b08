// The terminal: the only file that imports CNCurses. Opens, draws, reads keys, and always restores.

import CNCurses
import LossScopeApp
import Plot

#if canImport(Glibc)
  import Glibc
#endif

/// The signal that asked us to stop (SIGINT, SIGTERM, SIGHUP), 0 if none. Written only by the
/// handler, read by the loop after get_wch is interrupted.
nonisolated(unsafe) private var pendingSignal: Int32 = 0

final class CursesBackend: Terminal {
  private let screen: OpaquePointer
  private let colors: Bool
  private var closed = false

  /// Checks that this is a usable terminal before touching it, then takes it over.
  init(color: Bool) throws(TerminalError) {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
    let term = getenv("TERM").map { String(cString: $0) } ?? ""
    guard !term.isEmpty, term != "dumb" else { throw .noTerm(term) }
    _ = setlocale(LC_ALL, "")
    if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { _ = setlocale(LC_CTYPE, "C.UTF-8") }
    Self.installSignalHandlers()
    guard let scr = newterm(nil, fdopen(STDOUT_FILENO, "w"), fdopen(STDIN_FILENO, "r")) else {
      throw .cannotOpen(term)
    }
    screen = scr
    _ = set_term(scr)
    _ = raw()
    _ = noecho()
    _ = keypad(cn_stdscr(), true)
    _ = set_escdelay(25)
    _ = curs_set(0)
    colors = color && has_colors()
    if colors {
      _ = start_color()
      _ = use_default_colors()
      for c in Color.allCases where c != .default {
        let index = Int16(c.rawValue)
        let base = cn_colors() >= 16 ? Int16(c.paletteIndex ?? 7) : Int16((c.paletteIndex ?? 7) % 8)
        _ = init_pair(index, base, -1)
      }
    }
  }

  /// Restores cursor, echo, canonical mode and the normal screen; safe to call twice.
  func close() {
    guard !closed else { return }
    closed = true
    _ = curs_set(1)
    _ = endwin()
    delscreen(screen)
  }

  deinit { close() }

  /// Set once the loop has ended because of a signal, so the caller can exit with 128 + signal.
  var stoppedBySignal: Int32 { pendingSignal }

  var size: (width: Int, height: Int) {
    var y: Int32 = 0, x: Int32 = 0
    cn_getmaxyx(cn_stdscr(), &y, &x)
    return (Int(x), Int(y))
  }

  func nextMessage() -> Message? {
    while pendingSignal == 0 {
      var wch: wint_t = 0
      let rc = get_wch(&wch)
      if rc == KEY_CODE_YES {
        if Int32(wch) == KEY_RESIZE { return .resize(width: size.width, height: size.height) }
        if let key = Self.functionKey(Int32(wch)) { return .key(key) }
      } else if rc == OK {
        if let key = Self.characterKey(UInt32(wch)) { return .key(key) }
      } else if errno != EINTR {
        return nil  // input closed (the terminal went away)
      }
    }
    return nil
  }

  static func functionKey(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_BTAB: return .backTab
    case KEY_BACKSPACE: return .backspace
    case KEY_ENTER: return .enter
    default: return nil
    }
  }

  static func characterKey(_ code: UInt32) -> Key? {
    switch code {
    case 3: return .interrupt
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    default: return Unicode.Scalar(code).map { .char(Character($0)) }
    }
  }

  func draw(_ grid: Grid) {
    _ = erase()
    var run: [wchar_t] = []
    for y in 0..<grid.height {
      var x = 0
      while x < grid.width {
        let style = grid[x, y].style
        let start = x
        run.removeAll(keepingCapacity: true)
        while x < grid.width && grid[x, y].style == style {
          run.append(wchar_t(bitPattern: grid[x, y].glyph.value))
          x += 1
        }
        // The bottom-right cell cannot be written without scrolling; leave it out.
        if y == grid.height - 1 && x == grid.width { run.removeLast() }
        run.append(0)
        _ = attrset(Int32(bitPattern: attributes(style)))
        _ = mvaddwstr(Int32(y), Int32(start), run)
      }
    }
    _ = attrset(0)
    _ = refresh()
  }

  private func attributes(_ style: Style) -> attr_t {
    var a = cn_a_normal()
    if style.bold { a |= cn_a_bold() }
    if style.dim { a |= cn_a_dim() }
    if style.reverse { a |= cn_a_reverse() }
    if colors && style.fg != .default { a |= cn_color_pair(Int32(style.fg.rawValue)) }
    return a
  }

  private static func installSignalHandlers() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { signal in pendingSignal = signal }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0  // no SA_RESTART: get_wch must return so the loop sees the signal
    for signal in [SIGINT, SIGTERM, SIGHUP] { sigaction(signal, &action, nil) }
    // A parent may have left these blocked; then resizes and SIGTERM would never arrive.
    var wanted = sigset_t()
    sigemptyset(&wanted)
    for signal in [SIGINT, SIGTERM, SIGHUP, SIGWINCH] { sigaddset(&wanted, signal) }
    sigprocmask(SIG_UNBLOCK, &wanted, nil)
  }
}
