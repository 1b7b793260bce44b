#ifndef CHATLAB_PRINTF_HOOKS_H
#define CHATLAB_PRINTF_HOOKS_H

/// True when this process refused every printf extension (see hooks.c).
int chatlab_printf_extensions_refused(void);

/// Makes standard output line-buffered, also when it is a file or a pipe, so every printed line is written at once.
void chatlab_line_buffer_stdout(void);

#endif
