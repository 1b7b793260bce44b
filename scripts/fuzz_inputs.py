#!/usr/bin/env python3
"""Fuzzes ChatLab's input readers with hostile and random files (Python 3 standard library only).

Generates experiment configs, test-set files and conversation profiles -- alias bombs, deep alias chains, deep flow and block nesting,
complex keys, huge scalars, odd unicode and invalid UTF-8, wrong types, random mutations of the shipped configs and
test sets -- and runs `chatlab validate CONFIG` / `chatlab testsets validate --dir FOLDER` / `chatlab simulate PROFILE --plan` on
each with a timeout.

Counts, per input kind:
  crash   the process died from a signal or exited with a code other than 0, 1 or 2
  fatal   a Swift runtime error ("Fatal error", "Stack overflow", ...) on standard error
  hang    still running after --timeout seconds (then killed)
  leak    a message that dumps the YAML library's internals, "NSCocoaErrorDomain", or a line over 1,000 characters

Exits 1 when any crash, fatal error, hang or leak was seen, else 0. Every bad input is kept in --keep (default: a
folder under /tmp) with its output, so it can be replayed by hand.

    scripts/fuzz_inputs.py --count 2400 --testsets 600 --seed 1 --binary .build/debug/chatlab
"""

import argparse
import concurrent.futures
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INTERNALS = ("NSCocoaErrorDomain", "Yams.", "Node.", "Mark(", "YamlError", "scalar(", "mapping(", "sequence(",
             "Fatal error", "Stack overflow")
FATAL = ("Fatal error", "Stack overflow", "Illegal instruction", "Segmentation fault", "Current stack trace")


def read(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def shipped(folder):
    names = sorted(n for n in os.listdir(os.path.join(ROOT, folder)) if n.endswith(".yaml"))
    return [read(os.path.join(ROOT, folder, n)) for n in names]


HTTP_CONFIG = """name: fuzz
runs: 1
rounds: 2
chatters:
  chatter1:
    kind: script
    lines: [hello]
  chatter2:
    kind: http
    url: http://127.0.0.1:9/chat
    reply_path: reply
    body: BODY
"""

WEIRD_SCALARS = [
    '""', "''", "~", "null", "-1", "0", "1e309", "-1e309", ".nan", ".inf", "99999999999999999999999", "0x7f",
    "0o17", '"5"', "'7'", "true", "yes", "no", "[]", "{}", "[1, [2, [3]]]", "{a: {b: {c: d}}}", "!!binary aGVsbG8=",
    "!!timestamp 2001-12-14", "!!float 3", "!!int x", "!custom tag", "&a x", "*nowhere", "|\n  block\n  text",
    ">-\n  folded", '"\\u0000"', '"\\uFFFE"', '"\\uFFFF"', '"\\uD800"', "\u202eevil", "\ufeffbom", "\u0085",
    "\t", '"{{nope}}"', '"{{message}}"', "&x [*x]", "? [a]\n: b", "<<: *a", "%YAML 1.1", "---", "...",
]


def alias_bomb(levels, width=9):
    lines = ["a0: &a0 [lol]"]
    for level in range(1, levels + 1):
        refs = ", ".join(["*a%d" % (level - 1)] * width)
        lines.append("a%d: &a%d [%s]" % (level, level, refs))
    return lines


def alias_chain(depth):
    lines = ["c0: &c0 [x]"]
    lines += ["c%d: &c%d [*c%d]" % (i, i, i - 1) for i in range(1, depth + 1)]
    return lines


def hostile_config(rng, base):
    """One generated config: a hostile construction, a wrong type or a mutation of a shipped config."""
    choice = rng.randrange(16)
    if choice == 0:  # alias bomb as a value, a key, or an http body
        lines = alias_bomb(rng.randint(4, 12))
        last = "*a%d" % (len(lines) - 1)
        where = rng.choice(["value", "key", "body"])
        if where == "body":
            return HTTP_CONFIG.replace("BODY", "\n" + "\n".join("      " + l for l in lines + ["top: " + last]))
        if where == "key":
            return "\n".join(lines) + "\n? " + last + "\n: boom\n"
        return "\n".join(lines) + "\nname: " + last + "\n"
    if choice == 1:  # deep alias chain as a key, a value or a body
        lines = alias_chain(rng.choice([100, 1000, 5000, 20000, 60000]))
        last = "*c%d" % (len(lines) - 1)
        where = rng.choice(["value", "key", "body"])
        if where == "body":
            return HTTP_CONFIG.replace("BODY", "\n" + "\n".join("      " + l for l in lines + ["top: " + last]))
        if where == "key":
            return "\n".join(lines) + "\n? " + last + "\n: boom\n"
        return "\n".join(lines) + "\nrounds: " + last + "\n"
    if choice == 2:  # deep flow nesting
        depth = rng.choice([50, 200, 999, 1001, 4500, 100000])
        opener, closer = rng.choice([("[", "]"), ("{a: ", "}")])
        nested = opener * depth + "x" + closer * depth
        if rng.random() < 0.5:
            return HTTP_CONFIG.replace("BODY", nested)
        return "name: " + nested + "\n"
    if choice == 3:  # deep block nesting
        depth = rng.choice([50, 500, 1200, 5000])
        return "".join("  " * i + "k%d:\n" % i for i in range(depth)) + "  " * depth + "v\n"
    if choice == 4:  # huge scalar as a value or a key
        size = rng.choice([100_000, 1_000_000, 3_000_000])
        text = rng.choice("ab\u00e9\u4e2d") * size
        return rng.choice(["name: %s\n", "%s: 1\n", "rounds: %s\n", "seed: '%s'\n"]) % text
    if choice == 5:  # over the size limit
        return base + "# " + "x" * 9_000_000 + "\n"
    if choice == 6:  # complex keys
        return rng.choice(["[a, b]: c\n", "{a: b}: c\n", "? [a]\n: b\n", "? {x: y}\n: z\n", "&k [a]: 1\nb: *k\n",
                           "chatters:\n  [chatter1]: {kind: echo}\n"]) + base
    if choice == 7:  # odd unicode and control characters
        junk = "".join(chr(rng.choice([0, 1, 7, 0x1b, 0x7f, 0x85, 0xfeff, 0xfffe, 0xffff, 0x202e, 0x1f600,
                                       0x10ffff, 0x2028])) for _ in range(rng.randint(1, 8)))
        lines = base.split("\n")
        at = rng.randrange(len(lines))
        lines[at] = lines[at][: rng.randint(0, len(lines[at]))] + junk + lines[at]
        return "\n".join(lines)
    if choice == 8:  # invalid UTF-8 bytes
        data = base.encode()
        at = rng.randrange(len(data))
        return data[:at] + bytes([rng.choice([0x80, 0xc3, 0xff, 0xfe, 0xed])]) + data[at:]
    if choice in (9, 10, 11):  # a wrong or odd value in place of a real one
        lines = base.split("\n")
        candidates = [i for i, line in enumerate(lines) if ":" in line and not line.lstrip().startswith("#")]
        for _ in range(rng.randint(1, 3)):
            i = rng.choice(candidates)
            key = lines[i].split(":", 1)[0]
            lines[i] = key + ": " + rng.choice(WEIRD_SCALARS)
        return "\n".join(lines)
    if choice == 12:  # http body templates with odd shapes
        body = rng.choice(["{a: [1, {b: '{{history}}'}]}", "'{{message}}'", "{x: '{{bogus}}'}", "[[[[[[]]]]]]",
                           "{? [a] : b}", "!!binary aGk=", "{a: .nan}", "*undefined"])
        return HTTP_CONFIG.replace("BODY", body)
    return mutate(rng, base)  # 13-15: random mutations


TOKENS = ["&a ", "*a", "? ", ": ", "- ", "[", "]", "{", "}", ",", "!!str ", "!!map ", "<<: ", "---\n", "...\n",
          "%TAG ! tag:x,2000:\n", "\t", "\n", "'", '"', "#", "|", ">", "@", "`", "\\", "\u0000", "\ufffe"]


def mutate(rng, text):
    """Random edits of a shipped file: characters, tokens, lines moved, deleted, repeated or re-indented."""
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(6)
        if not text:
            text = "x"
        at = rng.randrange(len(text))
        if op == 0:
            text = text[:at] + rng.choice(TOKENS) + text[at:]
        elif op == 1:
            text = text[:at] + text[at + rng.randint(1, 40):]
        elif op == 2:
            text = text[:at] + chr(rng.randrange(32, 0x3000)) + text[at + 1:]
        else:
            lines = text.split("\n")
            i = rng.randrange(len(lines))
            if op == 3:
                lines.insert(rng.randrange(len(lines) + 1), lines[i])
            elif op == 4:
                lines[i] = " " * rng.randint(0, 6) + lines[i].lstrip()
            else:
                del lines[i]
            text = "\n".join(lines)
    return text


def hostile_testset(rng, base):
    """One generated test-set file."""
    choice = rng.randrange(10)
    if choice == 0:
        blank = rng.choice(['""', "' '", '"\\t"', '"\\n"', "~", "''"])
        field = rng.choice(["questions", "information", "expected", "aliases", "id", "extraction"])
        return base.replace("      - ", "      - " + blank + "\n      - ", 1) if field in ("questions", "information") \
            and rng.random() < 0.5 else _set_field(base, field, blank)
    if choice == 1:
        lines = alias_bomb(rng.randint(4, 11))
        return "\n".join(lines) + "\nsets: *a%d\n" % (len(lines) - 1)
    if choice == 2:
        lines = alias_chain(rng.choice([1000, 20000]))
        return "\n".join(lines) + "\n? *c%d\n: x\nsets: []\n" % (len(lines) - 1)
    if choice == 3:
        return "sets:\n" + "  - " + "[" * rng.choice([500, 5000, 100000]) + "\n"
    if choice == 4:
        return _set_field(base, "expected", "x" * rng.choice([1000, 2_000_000]))
    if choice in (5, 6):
        return _set_field(base, rng.choice(["type", "form", "questions", "id", "topic"]), rng.choice(WEIRD_SCALARS))
    if choice == 7:
        return "sets: []\n" if rng.random() < 0.5 else ""
    return mutate(rng, base)


PROFILE_VALUES = ["forward(x)", "forward(size)", "random(0)", "random(-1)", "random(99999999999999999999)", "another(0)",
                  "pairwise()", "combinations(1e308)", "sample(0)", "sample(nan)", "combinations(0.5, sideways)",
                  "{min: 1, max: 100000000, step: 1}", "{min: 0, max: 1, linspace: 100000000}",
                  "{min: 1.5, max: 1e308, step: 1e-300}", "[any(), any(  ), 'any(x)']", "'{{size}}{{size}}{{'",
                  "{date: {random: 5}}", "{file: x.py, function_name: f}", "list[list[int]]", "time(hh)", "-1"]


def hostile_profile(rng, base):
    """One generated conversation profile: a config-style hostile construction or a profile-specific odd value."""
    if rng.random() < 0.5:
        return hostile_config(rng, base)
    lines = base.split("\n")
    candidates = [i for i, line in enumerate(lines) if ":" in line and not line.lstrip().startswith("#")]
    for _ in range(rng.randint(1, 3)):
        i = rng.choice(candidates)
        key = lines[i].split(":", 1)[0]
        lines[i] = key + ": " + rng.choice(PROFILE_VALUES + WEIRD_SCALARS)
    if rng.random() < 0.3:  # many pairwise variables with long lists
        width = rng.choice([10, 100, 1000])
        lines += ["    - p%d: {function: pairwise(), type: int, data: {min: 1, max: %d}}" % (k, width) for k in range(6)]
    return "\n".join(lines)


def _set_field(text, field, value):
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.strip().startswith(field + ":"):
            lines[i] = line.split(":", 1)[0] + ": " + value
            return "\n".join(lines)
    return text


def classify(binary, arguments, timeout):
    try:
        done = subprocess.run([binary] + arguments, cwd=ROOT, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "hang", -1, ""
    err = done.stderr.decode("utf-8", "replace")
    if done.returncode < 0 or done.returncode not in (0, 1, 2):
        return "crash", done.returncode, err
    if any(word in err for word in FATAL):
        return "fatal", done.returncode, err
    if any(word in err for word in INTERNALS) or any(len(line) > 1000 for line in err.split("\n")):
        return "leak", done.returncode, err
    return "ok", done.returncode, err


def run_case(case, binary, timeout, work):
    kind, index, content = case
    folder = os.path.join(work, "%s-%05d" % (kind, index))
    os.makedirs(folder)
    path = os.path.join(folder, "input.yaml")
    with open(path, "wb") as handle:
        handle.write(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    if kind == "config":
        arguments = ["validate", path]
    elif kind == "profile":
        arguments = ["simulate", path, "--plan"]
    else:
        arguments = ["testsets", "validate", "--dir", folder]
    verdict, code, err = classify(binary, arguments, timeout)
    return kind, index, folder, verdict, code, err


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=150, help="configs to generate")
    parser.add_argument("--testsets", type=int, default=None, help="test-set files to generate (default count/4)")
    parser.add_argument("--profiles", type=int, default=None, help="conversation profiles to generate (default count/4)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/chatlab"))
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds before a run counts as a hang")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", default=None, help="folder for the bad inputs (default: a new one in /tmp)")
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    options = parser.parse_args()
    testsets = options.count // 4 if options.testsets is None else options.testsets
    rng = random.Random(options.seed)
    configs = shipped("config") + shipped("config/chatters")
    sets = shipped("testsets")
    cases = [("config", i, hostile_config(rng, rng.choice(configs))) for i in range(options.count)]
    cases += [("testset", i, hostile_testset(rng, rng.choice(sets))) for i in range(testsets)]
    profiles = options.count // 4 if options.profiles is None else options.profiles
    bases = shipped("profiles") + shipped("Tests/Fixtures/profiles")
    cases += [("profile", i, hostile_profile(rng, rng.choice(bases))) for i in range(profiles)]
    work = tempfile.mkdtemp(prefix="chatlab-fuzz-")
    keep = options.keep or tempfile.mkdtemp(prefix="chatlab-fuzz-bad-")
    counts = {kind: {"inputs": 0, "ok": 0, "crash": 0, "fatal": 0, "hang": 0, "leak": 0} for kind in ("config", "testset", "profile")}
    bad = []
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=options.jobs) as pool:
            futures = [pool.submit(run_case, case, options.binary, options.timeout, work) for case in cases]
            for future in concurrent.futures.as_completed(futures):
                kind, index, folder, verdict, code, err = future.result()
                counts[kind]["inputs"] += 1
                counts[kind][verdict] += 1
                if verdict != "ok":
                    target = os.path.join(keep, os.path.basename(folder))
                    shutil.copytree(folder, target)
                    with open(os.path.join(target, "result.txt"), "w") as handle:
                        handle.write("%s exit %s\n%s" % (verdict, code, err[:20000]))
                    bad.append((kind, index, verdict, code, err.strip().split("\n")[-1][:160]))
                shutil.rmtree(folder, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if options.json:
        print(json.dumps({"seed": options.seed, "counts": counts, "kept": keep}))
    else:
        for kind, row in counts.items():
            print("%-8s %s" % (kind, "  ".join("%s %d" % item for item in row.items())))
        for kind, index, verdict, code, last in sorted(bad)[:40]:
            print("  %s-%05d %s (exit %s): %s" % (kind, index, verdict, code, last))
        print("bad inputs kept in %s" % keep)
    if not bad:
        shutil.rmtree(keep, ignore_errors=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
