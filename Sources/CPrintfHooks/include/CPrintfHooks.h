#ifndef CHATLAB_PRINTF_HOOKS_H
#define CHATLAB_PRINTF_HOOKS_H

/// True when this process refused every printf extension (see hooks.c).
int chatlab_printf_extensions_refused(void);

#endif
