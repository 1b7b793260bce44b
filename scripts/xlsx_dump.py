#!/usr/bin/env python3
"""Print a workbook as JSON for tests: cells with openpyxl data types, panes, filters, widths and colours.

Usage: python3 scripts/xlsx_dump.py BOOK.xlsx

Output: {"sheets": [{"name", "freeze_panes", "auto_filter", "page", "max_row", "max_column",
                     "columns": [{"letter", "min", "max", "width"}],
                     "cells": [{"row", "col", "value", "data_type", "fill", "font_color", "bold", "italic",
                                "number_format", "link"}],
                     "charts": [{"type", "direction", "title", "row", "col",
                                 "series": [{"name", "categories", "values"}]}]}]}
Rows and columns are 1-based. Only cells with a value or a fill are listed. Colours are 6-digit RGB ("C6EFCE").
A cell's link is its hyperlink: "#'Runs'!A1" inside the workbook, "report.xlsx#'Run 1'!A1" to another file.
Charts are read from the package's XML (xl/charts/chart*.xml): type is the plot element ("barChart"), direction
"bar" or "col", categories and values the series' range formulas ("'Overview'!$A$9:$A$10"); row and col the
1-based top-left cell of the chart's anchor.
"""
import json
import posixpath
import sys
import xml.etree.ElementTree as ET
import zipfile

import openpyxl

NS = {
    "main": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
}


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
        "italic": bool(cell.font is not None and cell.font.i),
        "number_format": cell.number_format,
        "link": cell_link(cell),
    }


def cell_link(cell):
    link = cell.hyperlink
    if link is None:
        return None
    target = link.target or ""
    return target + ("#" + link.location if link.location else "")


def relationships(book, part):
    """Relationship id -> target part path, for the part's .rels file (empty when there is none)."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if rels not in book.namelist():
        return {}
    root = ET.fromstring(book.read(rels))
    return {
        rel.get("Id"): posixpath.normpath(posixpath.join(folder, rel.get("Target")))
        for rel in root.findall("rel:Relationship", NS)
        if rel.get("TargetMode") != "External"
    }


def read_chart(book, part):
    root = ET.fromstring(book.read(part))
    plot = root.find("c:chart/c:plotArea", NS)
    kinds = [child for child in plot if child.tag.endswith("Chart")]
    kind = kinds[0] if kinds else None
    direction = kind.find("c:barDir", NS) if kind is not None else None
    title = root.find("c:chart/c:title", NS)
    title_text = "".join(t.text or "" for t in title.iter("{%s}t" % NS["a"])) if title is not None else None
    series = []
    for ser in plot.iter("{%s}ser" % NS["c"]):
        def formula(path):
            node = ser.find(path, NS)
            return node.text if node is not None else None
        series.append({
            "name": formula("c:tx/c:v") or formula("c:tx/c:strRef/c:f"),
            "categories": formula("c:cat/c:numRef/c:f") or formula("c:cat/c:strRef/c:f"),
            "values": formula("c:val/c:numRef/c:f"),
        })
    return {
        "type": kind.tag.split("}")[1] if kind is not None else None,
        "direction": direction.get("val") if direction is not None else None,
        "title": title_text,
        "series": series,
    }


def sheet_charts(path):
    """Sheet name -> its charts, read from the package parts."""
    charts = {}
    with zipfile.ZipFile(path) as book:
        workbook_rels = relationships(book, "xl/workbook.xml")
        workbook = ET.fromstring(book.read("xl/workbook.xml"))
        for sheet in workbook.findall("main:sheets/main:sheet", NS):
            sheet_part = workbook_rels.get(sheet.get("{%s}id" % NS["r"]))
            found = []
            for drawing in relationships(book, sheet_part).values():
                if "/drawings/" not in drawing:
                    continue
                drawing_rels = relationships(book, drawing)
                root = ET.fromstring(book.read(drawing))
                for anchor in root:
                    ref = anchor.find(".//c:chart", NS)
                    start = anchor.find("xdr:from", NS)
                    if ref is None or start is None:
                        continue
                    chart = read_chart(book, drawing_rels[ref.get("{%s}id" % NS["r"])])
                    chart["row"] = int(start.find("xdr:row", NS).text) + 1
                    chart["col"] = int(start.find("xdr:col", NS).text) + 1
                    found.append(chart)
            charts[sheet.get("name")] = found
    return charts


def page_setup(sheet):
    """How the sheet prints: orientation, fit to pages (width, height) and the rows repeated on every page."""
    properties = sheet.sheet_properties.pageSetUpPr
    return {
        "orientation": sheet.page_setup.orientation,
        "fit_to_page": bool(properties and properties.fitToPage),
        "fit_width": sheet.page_setup.fitToWidth,
        "fit_height": sheet.page_setup.fitToHeight,
        "print_title_rows": sheet.print_title_rows,
    }


def dump_sheet(sheet, charts):
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
        "page": page_setup(sheet),
        "max_row": sheet.max_row,
        "max_column": sheet.max_column,
        "columns": columns,
        "cells": cells,
        "charts": charts.get(sheet.title, []),
    }


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: xlsx_dump.py BOOK.xlsx")
    book = openpyxl.load_workbook(sys.argv[1])
    charts = sheet_charts(sys.argv[1])
    json.dump({"sheets": [dump_sheet(sheet, charts) for sheet in book.worksheets]}, sys.stdout)


if __name__ == "__main__":
    main()
