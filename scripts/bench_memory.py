#!/usr/bin/env python3
"""Peak memory of `chatlab run` and `chatlab analyze` as experiments grow (a table, not a test).

Runs the demo config (scripted tester against the reference bot, probes, stutter, repeated questions, response time,
offline toxicity; coherence and relevance off, so no sentence encoder) at each requested number of runs, 40 rounds each, in a throwaway folder, and
prints per size: peak resident memory (the child's ru_maxrss, read by os.wait4), wall time, and the size of
summary.json and of the report folder. The reference tool is the same command at the smaller sizes: memory that
stays flat as runs grow is the goal (issue: within 150 MB at 10,000 runs x 40 rounds).

    scripts/bench_memory.py [--binary .build-release/release/chatlab] [--runs 500,2000,10000] [--keep DIR]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def measure(command):
    """Runs a command; returns (exit status, peak RSS in MB, seconds, stderr tail)."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)
        errors.seek(0)
        tail = errors.read()[-400:].decode(errors="replace")
    return os.waitstatus_to_exitcode(status), usage.ru_maxrss / 1024, time.monotonic() - started, tail


def folder_size(path):
    return sum(os.path.getsize(os.path.join(base, name)) for base, _, names in os.walk(path) for name in names)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build-release/release/chatlab"))
    parser.add_argument("--runs", default="500,2000,10000")
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--keep", help="keep the report folders under this folder")
    args = parser.parse_args()

    demo = open(os.path.join(ROOT, "config/demo.yaml"), encoding="utf-8").read()
    work = args.keep or tempfile.mkdtemp(prefix="chatlab-bench-memory-")
    os.makedirs(work, exist_ok=True)
    print(f"chatlab bench memory: demo config, {args.rounds} rounds, concurrency 2, in {work}")
    print(f"{'runs':>7} {'run MB':>8} {'run s':>8} {'analyze MB':>11} {'analyze s':>10} {'summary.json':>13} {'folder MB':>10}")
    try:
        for runs in [int(value) for value in args.runs.split(",")]:
            config = re.sub(r"(?m)^runs: .*$", f"runs: {runs}", demo)
            config = re.sub(r"(?m)^rounds: .*$", f"rounds: {args.rounds}\nconcurrency: 2", config)
            config = config.replace("testsets: ../testsets", f"testsets: {os.path.join(ROOT, 'testsets')}")
            config = re.sub(r"(?m)^  (coherence|relevance): .*$", r"  \1: {enabled: false}", config)
            path = os.path.join(work, f"memory-{runs}.yaml")
            with open(path, "w", encoding="utf-8") as file:
                file.write(config)
            out = os.path.join(work, f"memory-{runs}")
            shutil.rmtree(out, ignore_errors=True)
            status, run_mb, run_s, tail = measure([args.binary, "run", path, "--report-dir", out, "-q"])
            if status != 0:
                sys.exit(f"chatlab run failed ({status}) at {runs} runs: {tail}")
            status, analyze_mb, analyze_s, tail = measure([args.binary, "analyze", out, "-q"])
            if status != 0:
                sys.exit(f"chatlab analyze failed ({status}) at {runs} runs: {tail}")
            summary = os.path.getsize(os.path.join(out, "summary.json"))
            print(f"{runs:>7} {run_mb:>8.1f} {run_s:>8.1f} {analyze_mb:>11.1f} {analyze_s:>10.1f} "
                  f"{summary / 1024:>11.1f} K {folder_size(out) / 1e6:>10.1f}", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
