// Terminal lifecycle and the signal paths that give the terminal back. Everything a signal handler
// touches is precomputed at install time, so the handlers make only async-signal-safe calls.
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE 1
#include "cncurses.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <term.h>
#include <unistd.h>

/// After a termination signal the app gets this long to save and restore; then the watchdog does it.
enum { EXIT_WATCHDOG_SECONDS = 2 };

static struct termios shell_termios;
static volatile sig_atomic_t have_shell_termios = 0;
static int tty_fd = STDOUT_FILENO;
static volatile sig_atomic_t screen_active = 0;
static volatile sig_atomic_t pending_signal = 0;
static volatile sig_atomic_t stop_requested = 0;

static char restore_sequence[512];
static size_t restore_length = 0;

static const int termination_signals[] = {SIGINT, SIGTERM, SIGHUP};
static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGQUIT};
#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

static struct sigaction previous_actions[NSIG];
static int handlers_installed = 0;
static int exit_hook_registered = 0;

// ---- Locale and screen ----

int cn_use_utf8_locale(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset && strcmp(codeset, "UTF-8") == 0) return 1;
    return setlocale(LC_CTYPE, "C.UTF-8") != NULL;
}

SCREEN *cn_open_screen(const char *term) {
    tty_fd = fileno(stdout);
    if (tcgetattr(tty_fd, &shell_termios) == 0) have_shell_termios = 1;
    SCREEN *screen = newterm(term, stdout, stdin);
    if (screen != NULL) {
        set_term(screen);
        screen_active = 1;
    }
    return screen;
}

static int is_present(const char *capability) { return capability != NULL && capability != (char *)-1; }

int cn_has_cursor_addressing(void) { return is_present(tigetstr("cup")); }

void cn_sync_size_with_tty(void) {
    struct winsize size;
    if (ioctl(tty_fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return;
    // resize_term, not resizeterm: the latter also queues a KEY_RESIZE the caller does not need.
    if (is_term_resized(size.ws_row, size.ws_col)) resize_term(size.ws_row, size.ws_col);
}

void cn_set_screen_active(int active) { screen_active = active ? 1 : 0; }

// ---- The raw restore used by signal handlers and at exit ----

static void append_bytes(const char *text) {
    // Terminfo padding ("$<5>") is for the curses output routine, not for the terminal.
    for (const char *p = text; *p != '\0'; p++) {
        if (p[0] == '$' && p[1] == '<') {
            const char *end = strchr(p, '>');
            if (end != NULL) { p = end; continue; }
        }
        if (restore_length + 1 < sizeof restore_sequence) restore_sequence[restore_length++] = *p;
    }
}

static void append_capability(const char *name) {
    const char *value = tigetstr(name);
    if (is_present(value)) append_bytes(value);
}

static void build_restore_sequence(void) {
    restore_length = 0;
    // Mouse reporting is not a terminfo capability; a terminal with kmous speaks the xterm protocol.
    const char *mouse = tigetstr("kmous");
    if (is_present(mouse) && *mouse != '\0') append_bytes("\033[?1000l\033[?1002l\033[?1003l\033[?1006l");
    append_capability("sgr0");
    append_capability("cnorm");
    append_capability("rmkx");
    append_capability("rmcup");
}

void cn_restore_terminal_raw(void) {
    if (!screen_active) return;
    screen_active = 0;
    int saved_errno = errno;
    size_t written = 0;
    while (written < restore_length) {
        ssize_t n = write(tty_fd, restore_sequence + written, restore_length - written);
        if (n > 0) written += (size_t)n;
        else if (n < 0 && errno == EINTR) continue;
        else break;
    }
    if (have_shell_termios) tcsetattr(tty_fd, TCSANOW, &shell_termios);
    errno = saved_errno;
}

static void restore_at_exit(void) { cn_restore_terminal_raw(); }

// ---- Handlers ----

static void on_termination(int signal_number) {
    if (pending_signal != 0) {
        // A second Ctrl-C (or TERM/HUP) means "now": do not wait for the app.
        cn_restore_terminal_raw();
        _exit(128 + signal_number);
    }
    pending_signal = signal_number;
    alarm(EXIT_WATCHDOG_SECONDS);
}

static void on_exit_watchdog(int signal_number) {
    (void)signal_number;
    int pending = pending_signal;
    if (pending == 0) return;
    cn_restore_terminal_raw();
    _exit(128 + pending);
}

static void on_stop_request(int signal_number) {
    (void)signal_number;
    stop_requested = 1;
}

static void on_signal_while_child_runs(int signal_number) { (void)signal_number; }

static void on_crash(int signal_number, siginfo_t *info, void *context) {
    cn_restore_terminal_raw();
    // Swift's backtracer turns interactive (and waits 30 s) when stdin is a tty.
    int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd >= 0) {
        dup2(null_fd, STDIN_FILENO);
        if (null_fd != STDIN_FILENO) close(null_fd);
    }
    const struct sigaction *old = &previous_actions[signal_number];
    if (old->sa_flags & SA_SIGINFO) {
        if (old->sa_sigaction != NULL) old->sa_sigaction(signal_number, info, context);
    } else if (old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN) {
        old->sa_handler(signal_number);
    }
    // The chained handler may return (it does for a raised SIGSEGV): never resume the program.
    signal(signal_number, SIG_DFL);
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, signal_number);
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
    raise(signal_number);
    _exit(128 + signal_number);
}

static void set_handler(int signal_number, void (*handler)(int), int flags, struct sigaction *old) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = handler;
    // SA_RESTART: the signal may land on a loader thread, whose read() must not fail with EINTR.
    // poll() in the input loop is never restarted, so the loop still wakes when the main thread gets it.
    action.sa_flags = flags | SA_RESTART;
    sigaction(signal_number, &action, old);
}

static void ensure_alternate_stack(void) {
    // A stack overflow can only be handled on another stack.
    static char alternate_stack[64 * 1024];
    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && !(current.ss_flags & SS_DISABLE)) return;
    stack_t ours = {.ss_sp = alternate_stack, .ss_size = sizeof alternate_stack, .ss_flags = 0};
    sigaltstack(&ours, NULL);
}

void cn_install_signal_handlers(void) {
    build_restore_sequence();
    if (!exit_hook_registered) {
        exit_hook_registered = 1;
        atexit(restore_at_exit);
    }
    if (handlers_installed) return;
    handlers_installed = 1;
    ensure_alternate_stack();

    for (size_t i = 0; i < COUNT(termination_signals); i++) set_handler(termination_signals[i], on_termination, 0, NULL);
    set_handler(SIGTSTP, on_stop_request, 0, NULL);
    set_handler(SIGALRM, on_exit_watchdog, 0, NULL);

    for (size_t i = 0; i < COUNT(crash_signals); i++) {
        int signal_number = crash_signals[i];
        struct sigaction action;
        memset(&action, 0, sizeof action);
        sigemptyset(&action.sa_mask);
        action.sa_sigaction = on_crash;
        action.sa_flags = SA_SIGINFO | SA_RESETHAND | SA_ONSTACK;
        // Installed after the Swift runtime's handlers, so ours runs first and chains to them.
        sigaction(signal_number, &action, &previous_actions[signal_number]);
    }
}

void cn_uninstall_signal_handlers(void) {
    if (!handlers_installed) return;
    handlers_installed = 0;
    // Default, not ncurses' own INT/TERM handlers (saved at newterm): those would exit with 1.
    for (size_t i = 0; i < COUNT(termination_signals); i++) signal(termination_signals[i], SIG_DFL);
    signal(SIGTSTP, SIG_DFL);
    // SIGALRM stays ours: an armed exit watchdog must still exit with 128 + the signal.
    for (size_t i = 0; i < COUNT(crash_signals); i++) {
        int signal_number = crash_signals[i];
        sigaction(signal_number, &previous_actions[signal_number], NULL);
    }
}

void cn_set_child_running(int running) {
    if (!handlers_installed) return;
    if (running) {
        // A no-op handler rather than SIG_IGN: caught signals reset to default in an exec'd child,
        // ignored ones would stay ignored there.
        set_handler(SIGINT, on_signal_while_child_runs, 0, NULL);
        set_handler(SIGQUIT, on_signal_while_child_runs, 0, NULL);
        signal(SIGTSTP, SIG_DFL);
    } else {
        set_handler(SIGINT, on_termination, 0, NULL);
        struct sigaction crash;
        memset(&crash, 0, sizeof crash);
        sigemptyset(&crash.sa_mask);
        crash.sa_sigaction = on_crash;
        crash.sa_flags = SA_SIGINFO | SA_RESETHAND | SA_ONSTACK;
        sigaction(SIGQUIT, &crash, NULL);
        set_handler(SIGTSTP, on_stop_request, 0, NULL);
    }
}

extern char **environ;

int cn_run_program(char *const arguments[]) {
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t defaults, empty;
    sigemptyset(&defaults);
    const int reset[] = {SIGINT, SIGQUIT, SIGTSTP, SIGTERM, SIGHUP, SIGALRM, SIGWINCH};
    for (size_t i = 0; i < COUNT(reset); i++) sigaddset(&defaults, reset[i]);
    sigemptyset(&empty);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setsigmask(&attributes, &empty);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    pid_t child;
    int failure = posix_spawnp(&child, arguments[0], NULL, &attributes, arguments, environ);
    posix_spawnattr_destroy(&attributes);
    if (failure != 0) return -1;
    int status = 0;
    while (waitpid(child, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

int cn_pending_signal(void) { return pending_signal; }

int cn_take_stop_request(void) {
    int requested = stop_requested;
    stop_requested = 0;
    return requested;
}

void cn_stop_process(void) {
    struct sigaction default_action, ours;
    memset(&default_action, 0, sizeof default_action);
    sigemptyset(&default_action.sa_mask);
    default_action.sa_handler = SIG_DFL;
    sigaction(SIGTSTP, &default_action, &ours);
    sigset_t stop_only, previous_mask;
    sigemptyset(&stop_only);
    sigaddset(&stop_only, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &stop_only, &previous_mask);
    raise(SIGTSTP); // the process stops here and continues on SIGCONT (`fg`)
    sigprocmask(SIG_SETMASK, &previous_mask, NULL);
    sigaction(SIGTSTP, &ours, NULL);
    stop_requested = 0;
}

// ---- Measurement ----

long long cn_process_bytes_written(void) {
    // Opened once and read from the start each time: opening it on every frame cost as much as a small draw.
    static int fd = -2;
    if (fd == -2) fd = open("/proc/self/io", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    char text[512];
    ssize_t length = pread(fd, text, sizeof text - 1, 0);
    if (length <= 0) return -1;
    text[length] = '\0';
    const char *field = strstr(text, "wchar:");
    if (field == NULL) return -1;
    return strtoll(field + 6, NULL, 10);
}
