#!/usr/bin/env python3
"""Print a workbook as JSON for tests: cells with openpyxl data types, panes, filters, widths and colours.

Usage: python3 scripts/xlsx_dump.py BOOK.xlsx

Output: {"sheets": [{"name", "freeze_panes", "auto_filter", "max_row", "max_column",
                     "columns": [{"letter", "min", "max", "width"}],
                     "cells": [{"row", "col", "value", "data_type", "fill", "font_color", "bold",
                                "number_format"}]}]}
Rows and columns are 1-based. Only cells with a value or a fill are listed. Colours are 6-digit RGB ("C6EFCE").
"""
import json
import sys

import openpyxl


def rgb(color):
    """A colour as RRGGBB, or None when unset or not an RGB colour."""
    if color is None or color.type != "rgb" or not isinstance(color.rgb, str):
        return None
    value = color.rgb
    return value[-6:].upper() if len(value) >= 6 else None


def cell_fill(cell):
    fill = cell.fill
    if fill is None or fill.fill_type is None:
        return None
    return rgb(fill.fgColor) or rgb(fill.start_color)


def dump_cell(cell):
    value = cell.value
    if isinstance(value, bool) or isinstance(value, (int, float, str)) or value is None:
        plain = value
    else:
        plain = str(value)
    return {
        "row": cell.row,
        "col": cell.column,
        "value": plain,
        "data_type": cell.data_type,
        "fill": cell_fill(cell),
        "font_color": rgb(cell.font.color) if cell.font is not None else None,
        "bold": bool(cell.font is not None and cell.font.b),
        "number_format": cell.number_format,
    }


def dump_sheet(sheet):
    cells = []
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None or cell_fill(cell) is not None:
                cells.append(dump_cell(cell))
    columns = [
        {"letter": letter, "min": dim.min, "max": dim.max, "width": dim.width}
        for letter, dim in sorted(sheet.column_dimensions.items())
        if dim.customWidth or dim.width
    ]
    return {
        "name": sheet.title,
        "freeze_panes": sheet.freeze_panes,
        "auto_filter": sheet.auto_filter.ref,
        "max_row": sheet.max_row,
        "max_column": sheet.max_column,
        "columns": columns,
        "cells": cells,
    }


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: xlsx_dump.py BOOK.xlsx")
    book = openpyxl.load_workbook(sys.argv[1])
    json.dump({"sheets": [dump_sheet(sheet) for sheet in book.worksheets]}, sys.stdout)


if __name__ == "__main__":
    main()
