#!/usr/bin/env python3
"""Prints 'yes' if any member of a zip file (an .xlsx) contains the given text, else 'no'."""
import sys
import zipfile

archive, needle = sys.argv[1], sys.argv[2].encode()
with zipfile.ZipFile(archive) as z:
    print("yes" if any(needle in z.read(name) for name in z.namelist()) else "no")
