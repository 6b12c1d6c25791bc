#ifndef CTEXTWIDTH_H
#define CTEXTWIDTH_H
#include <stdint.h>
/// Display columns of one Unicode scalar per the C library (what ncurses uses): -1, 0, 1 or 2.
int ctw_wcwidth(uint32_t scalar);
/// Selects a UTF-8 LC_CTYPE (the environment's if it is UTF-8, else C.UTF-8); returns 1 on success.
int ctw_use_utf8_locale(void);
#endif
