#ifndef CNCURSES_H
#define CNCURSES_H

// SwiftPM drops pkg-config's -D flags, and without these two the whole wide-character API
// (wget_wch, mvwaddnwstr, cchar_t) silently disappears from the imported module.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>

// ---- Macros and globals that do not import into Swift (or are not concurrency-safe to read there) ----

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline WINDOW *cn_curscr(void) { return curscr; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline void cn_getmaxyx(WINDOW *window, int *rows, int *columns) { getmaxyx(window, *rows, *columns); }
static inline int cn_key_f(int number) { return KEY_F(number); }

static const attr_t CN_A_NORMAL = A_NORMAL;
static const attr_t CN_A_BOLD = A_BOLD;
static const attr_t CN_A_DIM = A_DIM;
static const attr_t CN_A_ITALIC = A_ITALIC;
static const attr_t CN_A_UNDERLINE = A_UNDERLINE;
static const attr_t CN_A_REVERSE = A_REVERSE;

static const mmask_t CN_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t CN_BUTTON1_RELEASED = BUTTON1_RELEASED;
static const mmask_t CN_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t CN_BUTTON4_PRESSED = BUTTON4_PRESSED; // wheel up
static const mmask_t CN_BUTTON5_PRESSED = BUTTON5_PRESSED; // wheel down

// ---- Terminal lifecycle (cncurses.c) ----

/// Selects a UTF-8 LC_CTYPE (the environment's if it is UTF-8, else C.UTF-8); returns 1 on success.
int cn_use_utf8_locale(void);

/// Saves the shell's termios (before curses changes it) and opens curses on stdin/stdout for `term`.
/// Returns the new screen, or NULL when the terminal is unknown (nothing is printed).
SCREEN *cn_open_screen(const char *term);

/// Whether the terminal can move the cursor to any cell (a screen UI is impossible otherwise).
int cn_has_cursor_addressing(void);

/// Resizes curses to the tty's current size when it differs (after a stop or a child program).
void cn_sync_size_with_tty(void);

/// Marks whether curses owns the screen right now; the signal and exit paths only restore while it does.
void cn_set_screen_active(int active);

/// Installs the signal handlers and the atexit restore (idempotent). Call after cn_open_screen.
void cn_install_signal_handlers(void);

/// Puts back the signal dispositions found before cn_install_signal_handlers (keeps the exit watchdog).
void cn_uninstall_signal_handlers(void);

/// While a child program (pager, editor) owns the terminal: ignore SIGINT/SIGQUIT and let SIGTSTP stop us.
void cn_set_child_running(int running);

/// Runs a program (looked up in PATH) in our process group, so it can read the terminal, with default
/// signal handling, and waits for it. Returns its exit status (128 + the signal if one killed it), or -1
/// when it could not be started. (Foundation's Process puts the child in a new process group, where a
/// pager or an editor is stopped by SIGTTIN as soon as it reads the terminal.)
int cn_run_program(char *const arguments[]);

/// The termination signal (SIGINT, SIGTERM, SIGHUP) received, or 0. Sticky: it stays set.
int cn_pending_signal(void);

/// Whether Ctrl-Z (SIGTSTP) arrived since the last call; clears the request.
int cn_take_stop_request(void);

/// Stops the process the way the default SIGTSTP action does; returns after SIGCONT.
void cn_stop_process(void);

/// Writes the terminal's restore sequence and the saved termios: async-signal-safe, usable anywhere.
void cn_restore_terminal_raw(void);

/// Bytes this process has passed to write(2) so far (/proc/self/io `wchar`), or -1 where unavailable.
long long cn_process_bytes_written(void);

#endif
