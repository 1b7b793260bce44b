#include <xlsxwriter.h>
// glibc's malloc_trim: a constant-memory workbook hands the memory freed by a finished sheet back to the system.
#include <malloc.h>
