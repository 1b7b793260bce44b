#include <xlsxwriter.h>
// glibc's malloc_trim: a constant-memory workbook hands the memory freed by a finished sheet back to the system.
#include <malloc.h>
// zlib's inflate and crc32: a closed workbook is read back to prove every part was written in full.
#include <zlib.h>
