#define _XOPEN_SOURCE 700
#include "ctextwidth.h"
#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <wchar.h>

int ctw_wcwidth(uint32_t scalar) { return wcwidth((wchar_t)scalar); }

int ctw_use_utf8_locale(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset && strcmp(codeset, "UTF-8") == 0) return 1;
    return setlocale(LC_CTYPE, "C.UTF-8") != NULL;
}
