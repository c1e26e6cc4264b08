// The terminal: with its +Paste extension the only code that imports CNCurses. Opens, draws, reads keys, and always restores.

import CNCurses
import LossScopeApp
import Plot
import LossData
import LossLogs
import LossText

#if canImport(Glibc)
  import Glibc
#endif

final class CursesBackend: Terminal {
  private let screen: OpaquePointer
  private let colors: Bool
  private var closed = false
  /// Glyphs the locale cannot show are drawn as ASCII (LANG=C, or LOSSSCOPE_ASCII=1).
  private let ascii = AsciiFallback.enabled
  /// The largest screen the app is given, whatever the terminal claims: a grid of this size is
  /// about 4 MB, and drawing it stays well under a second.
  static let maxSize = (width: 1000, height: 500)

  /// Checks that this is a usable terminal before touching it, then takes it over.
  init(color: Bool) throws(TerminalError) {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
    let term = getenv("TERM").map { String(cString: $0) } ?? ""
    guard !term.isEmpty, term != "dumb" else { throw .noTerm(term) }
    _ = setlocale(LC_ALL, "")
    if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { _ = setlocale(LC_CTYPE, "C.UTF-8") }
    TerminalSignals.install()
    // The terminal's real size (TIOCGWINSZ), never LINES/COLUMNS from the environment: with
    // them unset curses asks the terminal, at start and on every resize.
    unsetenv("LINES")
    unsetenv("COLUMNS")
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
    Self.bracketedPaste(true)
    // Clicks and the wheel, unless the user needs the mouse for the terminal's own selection.
    if TerminalHost.mouse {
      _ = mousemask(cn_mouse_mask(), nil)
      _ = mouseinterval(0)
    }
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
    Self.bracketedPaste(false)
    delscreen(screen)
  }

  deinit { close() }

  /// Set once the loop has ended because of a signal, so the caller can exit with 128 + signal.
  var stoppedBySignal: Int32 { pendingSignal }

  var size: (width: Int, height: Int) {
    var y: Int32 = 0, x: Int32 = 0
    cn_getmaxyx(cn_stdscr(), &y, &x)
    return (min(Int(x), Self.maxSize.width), min(Int(y), Self.maxSize.height))
  }

  /// Set by the runtime while the app follows a file: get_wch then waits at most 100 ms.
  private var ticking = false
  func setTicking(_ on: Bool) { ticking = on }

  func nextMessage() -> Message? {
    while pendingSignal == 0 {
      if pendingStop != 0 { return suspend() }
      var wch: wint_t = 0
      // Set on every read: a paste's reads change the timeout. errno is cleared so that a
      // timeout (ERR, errno 0) is not mistaken for an interrupted read.
      _ = wtimeout(cn_stdscr(), ticking ? 100 : -1)
      errno = 0
      let rc = get_wch(&wch)
      if rc != ERR { spuriousErrors = 0 }
      if rc == KEY_CODE_YES {
        if Int32(wch) == KEY_RESIZE { return .resize(width: size.width, height: size.height) }
        if Int32(wch) == KEY_MOUSE, let message = Self.mouseMessage() { return message }
        if let key = Self.functionKey(Int32(wch)) { return .key(key) }
      } else if rc == OK {
        if wch == 26 { return suspend() }  // Ctrl-Z: raw mode delivers it as a key
        if wch == 27, let text = readPaste() { return .paste(text) }
        if let key = Self.characterKey(UInt32(wch)) { return .key(key) }
      } else if ticking && errno != EINTR {
        var once = 0
        return Self.inputStillOpen(&once) ? .tick : nil  // a timeout, unless the terminal went away
      } else if errno != EINTR && !Self.inputStillOpen(&spuriousErrors) {
        return nil  // input closed (the terminal went away)
      }
    }
    return nil
  }

  /// Consecutive ERRs from get_wch on a terminal that is still there.
  private var spuriousErrors = 0

  /// get_wch also returns ERR, errno 0, once after being interrupted by SIGTSTP and resumed:
  /// that is not the end of input unless the terminal has hung up (or keeps failing).
  private static func inputStillOpen(_ count: inout Int) -> Bool {
    var p = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
    let hungUp = poll(&p, 1, 0) < 0 || p.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    count += 1
    return !hungUp && isatty(STDIN_FILENO) == 1 && count < 100
  }

  /// Gives the terminal back, stops as job control expects, and on `fg` takes it again; the
  /// resize that follows makes the loop redraw everything.
  private func suspend() -> Message {
    _ = curs_set(1)
    _ = endwin()
    Self.bracketedPaste(false)
    TerminalSignals.stopSelf()
    _ = refresh()  // back from endwin: curses restores its modes
    _ = curs_set(0)
    Self.bracketedPaste(true)
    // The window may have changed while stopped.
    var ws = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0, ws.ws_row > 0 {
      _ = resizeterm(Int32(ws.ws_row), Int32(ws.ws_col))
    }
    _ = clearok(cn_stdscr(), true)
    return .resize(width: size.width, height: size.height)
  }

  static func functionKey(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_DC: return .delete
    case KEY_SR: return .shiftUp
    case KEY_SF: return .shiftDown
    case KEY_SLEFT: return .shiftLeft
    case KEY_SRIGHT: return .shiftRight
    case KEY_BTAB: return .backTab
    case KEY_BACKSPACE: return .backspace
    case KEY_ENTER: return .enter
    default: return nil
    }
  }

  /// The mouse event curses has queued: a press of the first button or a turn of the wheel.
  static func mouseMessage() -> Message? {
    var x: Int32 = 0, y: Int32 = 0, button: Int32 = 0
    guard cn_mouse_event(&x, &y, &button) == OK else { return nil }
    switch button {
    case 1: return .mouse(x: Int(x), y: Int(y), button: .press)
    case 4: return .mouse(x: Int(x), y: Int(y), button: .wheelUp)
    case 5: return .mouse(x: Int(x), y: Int(y), button: .wheelDown)
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
          let glyph = ascii ? AsciiFallback.glyph(grid[x, y].glyph) : grid[x, y].glyph
          run.append(wchar_t(bitPattern: glyph.value))
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

}
