// Keeps glibc's printf on its fast path in the chatlab executable.
//
// OpenBLAS (for the sentence encoder) pulls in libgfortran and libquadmath, and libquadmath's constructor registers
// printf extensions for __float128 ("%Qf"). Once any extension is registered, glibc parses every format string of
// every printf call in the process on its slow positional path; libxlsxwriter writes each cell of a workbook with
// fprintf, so report.xlsx took about a tenth longer to write. Nothing in ChatLab prints __float128 values, so the
// executable defines glibc's registration functions itself (exported, so they take precedence for libquadmath) and
// refuses every registration; libquadmath sees the refusal and leaves printf alone.

#include "CPrintfHooks.h"
#include <stdio.h>

static int refused = 0;

int register_printf_specifier(int spec, void *render, void *arginfo) {
    (void)spec; (void)render; (void)arginfo;
    refused = 1;
    return -1;
}

int register_printf_function(int spec, void *render, void *arginfo) {
    (void)spec; (void)render; (void)arginfo;
    refused = 1;
    return -1;
}

int register_printf_modifier(const void *modifier) {
    (void)modifier;
    refused = 1;
    return -1;
}

int register_printf_type(void *fetch) {
    (void)fetch;
    refused = 1;
    return -1;
}

int chatlab_printf_extensions_refused(void) { return refused; }

void chatlab_line_buffer_stdout(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
}
