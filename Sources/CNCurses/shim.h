/* Wraps the ncursesw macros and globals that Swift cannot import: macros, and globals such as stdscr and COLORS. */
#define NCURSES_WIDECHAR 1  /* must precede the include: SwiftPM drops pkg-config's -D_XOPEN_SOURCE */
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <langinfo.h>
#include <ncursesw/curses.h>

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline void cn_getmaxyx(WINDOW *w, int *y, int *x) { getmaxyx(w, *y, *x); }
static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
static inline int cn_mvadd_wchar(int y, int x, wchar_t ch, attr_t a, short pair) {
  cchar_t cc;
  wchar_t s[2] = { ch, 0 };
  if (setcchar(&cc, s, a, pair, NULL) != OK) return ERR;
  return mvadd_wch(y, x, &cc);
}

/* Mouse: the buttons the app reads (press or click of the first button, the wheel), and one event. */
static inline mmask_t cn_mouse_mask(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED; }
static inline int cn_mouse_event(int *x, int *y, int *button) {
  MEVENT e;
  if (getmouse(&e) != OK) return ERR;
  *x = e.x;
  *y = e.y;
  *button = (e.bstate & BUTTON4_PRESSED) ? 4 : (e.bstate & BUTTON5_PRESSED) ? 5 : (e.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) ? 1 : 0;
  return OK;
}
