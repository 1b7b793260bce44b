#!/usr/bin/env python3
"""Write the synthetic report.xlsx of `chatlab bench workbook` with Python's XlsxWriter, and measure it.

Usage: python3 scripts/bench_workbook_xlsxwriter.py [--runs 1000] [--rounds 100] --out BOOK.xlsx

Writes the same sheets, cells and formats as ChatLab's run workbook does for the synthetic experiment of
Sources/Benchmarks/WorkbookBenchmark.swift (one sheet per run: header, a row per round with two utterances and three
scorers' verdict, score and note (no error column: no turn fails), then passes / total / pass rate / 95 % CI rows and a link; then a
Failures sheet with a row per failing verdict, at most 10,000), in constant_memory mode. Prints one JSON line: {"tool", "runs", "rounds", "cells", "seconds", "user_seconds",
"system_seconds", "peak_kb", "bytes"}.
"""
import argparse
import json
import math
import resource
import os
import time

import xlsxwriter

SCORERS = [("ML-A6", "stutter"), ("ML-A7", "repeated questions"), ("RT", "response time")]
WIDTHS = [7, 50, 50] + [16, 12, 30] * 3


def question(run, rnd):
    return f"Run {run}, round {rnd}: what did you do today, and why was it fun?"


def answer(run, rnd):
    return f"In run {run} round {rnd} I read a book and walked by the river."


def cell(run, rnd, scorer):
    """Verdict, score and note, as WorkbookBenchmark.cell."""
    fails = (run * 7 + rnd * 3 + scorer) % 5 == 0
    score = ((run * 31 + rnd * 17 + scorer * 13) % 1000) / 1000
    what = "repeats" if scorer == 0 else "asked again" if scorer == 1 else "too slow"
    note = f"failed: {what}" if fails else "fine"
    return ("fail" if fails else "pass"), score, f"{note} ({rnd})"


def wilson(passes, total, z=1.959963984540054):
    """The Wilson 95 % interval as ChatLab writes it: '74.4–96.5 %'."""
    p = passes / total
    denominator = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total))
    low = 0.0 if passes == 0 else max(0.0, centre - half)
    high = 1.0 if passes == total else min(1.0, centre + half)
    return f"{low * 100:.1f}–{high * 100:.1f} %"


def peak_kb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    start = time.perf_counter()
    book = xlsxwriter.Workbook(args.out, {"constant_memory": True})
    header = book.add_format({"bold": True, "text_wrap": True, "bg_color": "#D9D9D9", "border": 1, "valign": "top"})
    body = book.add_format({"valign": "top"})
    wrapped = book.add_format({"text_wrap": True, "valign": "top"})
    score_format = book.add_format({"num_format": "0.000", "valign": "top"})
    verdicts = {
        "pass": book.add_format({"bg_color": "#C6EFCE", "font_color": "#006100", "valign": "top"}),
        "fail": book.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006", "valign": "top"}),
    }
    bold = book.add_format({"bold": True})
    percent = book.add_format({"num_format": "0.0%"})
    headers = ["Round", "chatter1: script \"tester\"", "chatter2: reference \"robin\""]
    for code, title in SCORERS:
        headers += [f"{code} {title}", f"{code} {title} score", f"{code} {title} note"]

    cells = 0
    rounds = args.rounds
    failures = []
    for run in range(1, args.runs + 1):
        sheet = book.add_worksheet(f"Run {run}")
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        for col, width in enumerate(WIDTHS):
            sheet.set_column(col, col, width)
        for col, text in enumerate(headers):
            sheet.write_string(0, col, text, header)
        cells += len(headers)
        tallies = [[0, 0] for _ in SCORERS]
        for rnd in range(1, rounds + 1):
            sheet.write_number(rnd, 0, rnd, body)
            sheet.write_string(rnd, 1, question(run, rnd), wrapped)
            sheet.write_string(rnd, 2, answer(run, rnd), wrapped)
            for index in range(len(SCORERS)):
                verdict, score, note = cell(run, rnd, index)
                col = 3 + 3 * index
                sheet.write_string(rnd, col, verdict, verdicts[verdict])
                sheet.write_number(rnd, col + 1, score, score_format)
                sheet.write_string(rnd, col + 2, note, wrapped)
                tallies[index][0] += verdict == "pass"
                tallies[index][1] += 1
                if verdict == "fail" and len(failures) < 10_000:
                    failures.append((run, rnd, index, note))
            cells += 12
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, rounds, 11)
        first = rounds + 2
        for offset, label in enumerate(["passes", "total", "pass rate"]):
            sheet.write_string(first + offset, 0, label, bold)
            for index, (passes, total) in enumerate(tallies):
                col = 3 + 3 * index
                if offset == 0:
                    sheet.write_number(first, col, passes)
                elif offset == 1:
                    sheet.write_number(first + 1, col, total)
                else:
                    sheet.write_number(first + 2, col, passes / total, percent)
            cells += 1 + len(tallies)
        sheet.write_string(first + 3, 0, "95 % CI", bold)
        for index, (passes, total) in enumerate(tallies):
            sheet.write_string(first + 3, 3 + 3 * index, wilson(passes, total))
        cells += 1 + len(tallies)
        sheet.write_url(rounds + 7, 0, f"external:summary.xlsx#'Runs'!A{run + 1}", string="Back to summary.xlsx")
        cells += 1
    sheet = book.add_worksheet("Failures")
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    for col, width in enumerate([6, 7, 12, 18, 9, 45, 45, 20, 40]):
        sheet.set_column(col, col, width)
    for col, text in enumerate(["Run", "Round", "Code", "Check", "Seat", "Before", "Reply", "Expected", "Note"]):
        sheet.write_string(0, col, text, header)
    sheet.freeze_panes(1, 2)
    sheet.autofilter(0, 0, max(1, len(failures)), 8)
    for row, (run, rnd, index, note) in enumerate(failures, start=1):
        code, title = SCORERS[index]
        sheet.write_url(row, 0, f"internal:'Run {run}'!A{rnd + 1}", body, string=str(run))
        sheet.write_number(row, 1, rnd, body)
        sheet.write_string(row, 2, code, verdicts["fail"])
        sheet.write_string(row, 3, title, body)
        sheet.write_string(row, 4, "chatter2", body)
        sheet.write_string(row, 5, question(run, rnd), wrapped)
        sheet.write_string(row, 6, answer(run, rnd), wrapped)
        sheet.write_blank(row, 7, None, wrapped)
        sheet.write_string(row, 8, note, wrapped)
    book.close()
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({
        "tool": "XlsxWriter (Python)", "runs": args.runs, "rounds": rounds, "cells": cells, "seconds": seconds,
        "user_seconds": usage.ru_utime, "system_seconds": usage.ru_stime,
        "peak_kb": peak_kb(), "bytes": os.path.getsize(args.out),
    }))


if __name__ == "__main__":
    main()
