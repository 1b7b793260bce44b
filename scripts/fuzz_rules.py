#!/usr/bin/env python3
"""Fuzzes ChatLab's rule language and rule files (Python 3 standard library only).

Generates expressions -- random ones from the language's grammar, mutations of the SENSEI example rules, and hostile
ones (deep nesting, huge numbers, repetition bombs, long strings, odd unicode, control characters, f-strings with
nested fields and specs, names that try to reach Python internals) -- and rule files (valid rules, mutated keys,
broken YAML, hostile expressions in every key), and feeds them in batches to `chatlab rules fuzz-eval`, which
evaluates each on a sample conversation (budgets: --steps, --size).

Counts, per input kind:
  crash   a batch's process died from a signal, exited non-zero, or printed fewer result lines than inputs
  fatal   a Swift runtime error ("Fatal error", "Stack overflow", ...) on standard error
  hang    a batch still running after --timeout seconds (then killed)
and the outcomes seen (value / syntax / error kinds). Exits 1 when any crash, fatal error or hang was seen, else 0.
The inputs of a bad batch are kept in --keep (default: a folder under /tmp) to replay by hand:

    scripts/fuzz_rules.py --count 100000 --seed 1 --binary .build/debug/chatlab
"""

import argparse
import collections
import json
import os
import random
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FATAL = ("Fatal error", "Stack overflow", "Illegal instruction", "Segmentation fault", "Current stack trace")

NAMES = ["size", "toppings", "drink", "cans", "price", "order_id", "time", "interaction", "chatbot_phrases",
         "user_phrases", "data_output", "conv", "steps", "number", "interaction_style", "x", "y", "undefined_name"]
FUNCTIONS = ["len", "str", "int", "float", "abs", "min", "max", "sum", "any", "all", "round", "sorted", "set",
             "range", "extract_float", "currency", "length", "conversation_length", "chatbot_returns",
             "repeated_answers", "data_collected", "missing_slots", "is_unique", "exists", "num_exist", "language",
             "tone", "semantic_content", "enumerate", "zip", "repr", "list", "bool"]
METHODS = ["lower", "upper", "strip", "startswith", "endswith", "split", "replace", "count", "find", "join", "get",
           "keys", "items", "values", "index", "__class__", "__globals__", "mro"]
OPERATORS = ["+", "-", "*", "/", "//", "%", "**", "==", "!=", "<", "<=", ">", ">=", " and ", " or ", " in ",
             " not in ", " is ", " is not "]
SEEDS = [
    "size[0]=='small'", "extract_float(price) >= 10 and currency(price)=='USD'",
    "conv[0].size==conv[1].size and conv[0].drink==conv[1].drink", "len(conv[0].toppings) > len(conv[1].toppings)",
    "extract_float(conv[0].price) > extract_float(conv[1].price)", "is_unique('order_id')",
    "num_exist('extract_float(price) > 50') == 4", "not repeated_answers(method='tf-idf', threshold=0.75)",
    "data_collected()==True", "f\"Missing slots: {missing_slots()}\"", "not chatbot_returns(\"LINK: <empty>\")",
    "str(order_id)==\"A1\"", "[t.upper() for t in toppings if len(t) > 3]", "f'{extract_float(price):.2f} {size!r:>12}'",
    "a = extract_float(price)\nb = a * 2 if a else 0\nb > 10", "sum(len(p) for p in chatbot_phrases) // 3",
    "'abc'[::-1][1:], -7 // 2, 7 % -3, 2 ** 10", "{'a': 1, 'b': [1, 2]}.get('b')[-1]",
]


def literal(rng):
    kind = rng.randrange(9)
    if kind == 0:
        return str(rng.choice([0, 1, -1, 2, 7, 10, 255, 2 ** 31, 2 ** 62, 2 ** 63 - 1, 10 ** 30]))
    if kind == 1:
        return repr(rng.choice([0.0, 0.5, -2.25, 1e16, 1e-7, 3.14159, 1e308]))
    if kind == 2:
        return repr(rng.choice(["", "a", "small", "12,50 €", "1,234.5 USD", "héllo", "\n\t", "ünï", "{}", "%s"]))
    if kind == 3:
        return rng.choice(["None", "True", "False"])
    if kind == 4:
        return rng.choice(NAMES)
    if kind == 5:
        return "[" + ", ".join(literal(rng) for _ in range(rng.randrange(4))) + "]"
    if kind == 6:
        return "{" + ", ".join(f"{literal(rng)}: {literal(rng)}" for _ in range(rng.randrange(3))) + "}"
    if kind == 7:
        return "f" + repr("{" + rng.choice(NAMES) + rng.choice(["", ":.2f", "!r", ":>8", ":,", ":{x}", ":%"]) + "}")
    return rng.choice(NAMES)


def expression(rng, depth=0):
    if depth > 4 or rng.random() < 0.3:
        return literal(rng)
    kind = rng.randrange(10)
    sub = lambda: expression(rng, depth + 1)
    if kind <= 2:
        return f"{sub()}{rng.choice(OPERATORS)}{sub()}"
    if kind == 3:
        return f"{rng.choice(FUNCTIONS)}({', '.join(sub() for _ in range(rng.randrange(3)))})"
    if kind == 4:
        return f"{sub()}.{rng.choice(METHODS)}({sub() if rng.random() < 0.5 else ''})"
    if kind == 5:
        return f"{sub()}[{sub()}]" if rng.random() < 0.5 else f"{sub()}[{sub()}:{sub()}:{rng.choice(['', '-1', '2'])}]"
    if kind == 6:
        return f"[{sub()} for x in {sub()} if {sub()}]"
    if kind == 7:
        return f"{sub()} if {sub()} else {sub()}"
    if kind == 8:
        return f"not {sub()}"
    return f"({sub()})"


def hostile(rng):
    kind = rng.randrange(14)
    n = rng.choice([10, 63, 64, 65, 100, 1000, 5000, 20000])
    if kind == 0:
        return "(" * n + "1" + ")" * n
    if kind == 1:
        return "[" * n + "]" * n
    if kind == 2:
        return "not " * n + "True"
    if kind == 3:
        return "-" * n + "1"
    if kind == 4:
        return "+".join(["1"] * n)
    if kind == 5:
        return rng.choice(["'x' * 10**9", "[0] * 2**62", "'ab' * (2**63 - 1)", "range(10**12)",
                           "[[y for y in range(1000)] for x in range(1000)]", "2 ** 2 ** 2 ** 2 ** 2",
                           "'a' * 100000 + 'b' * 100000", "sorted(range(100000))", "'x'.join(['y'] * 100000)",
                           "sum(range(10**6))", "repeated_answers(method='sequence-matcher', threshold=0)",
                           "'a' * 99999 in 'a' * 99999", "f'{1:999999999}'", "f'{1:.9999f}'", "10**400"])
    if kind == 6:
        return "f'" + "{" * rng.randrange(1, 50) + "x" + "}" * rng.randrange(1, 50) + "'"
    if kind == 7:
        return "".join(chr(rng.randrange(0, 0x3000)) for _ in range(rng.randrange(1, 40)))
    if kind == 8:
        return rng.choice(["__import__('os')", "().__class__.__bases__", "size.__class__", "exec('1')", "eval('1')",
                           "open('/etc/passwd')", "globals()", "lambda: 1", "import os", "x := 1", "yield 1",
                           "del x", "print(1)", "getattr(size, 'x')", "conv[0].__dict__", "size._x"])
    if kind == 9:
        return "'" + "\\" * rng.randrange(1, 6) + rng.choice(["x", "u12", "U0011ffff", "N{x}", "0", "'"])
    if kind == 10:
        return "\n".join(f"v{i} = v{i - 1} + v{i - 1}" if i else "v0 = 'ab'" for i in range(rng.randrange(2, 40))) + "\nlen(v1)"
    if kind == 11:
        return "1" * rng.choice([19, 20, 400]) + rng.choice(["", ".5", "e5", "e999", "j"])
    if kind == 12:
        return "x = " * rng.randrange(1, 5) + "1\nx"
    return "f'{" + "f\"{" * 3 + "1" + "}\"" * 3 + "}'"


def mutate(rng, text):
    chars = list(text)
    for _ in range(rng.randrange(1, 4)):
        op = rng.randrange(4)
        position = rng.randrange(len(chars) + 1)
        if op == 0 and chars:
            del chars[min(position, len(chars) - 1)]
        elif op == 1:
            chars.insert(position, rng.choice("()[]{}'\".,:;=<>!*%+-#\\\n fx0_"))
        elif op == 2 and chars:
            chars[min(position, len(chars) - 1)] = rng.choice("()[]{}'\".:x0 ")
        else:
            chars[position:position] = list(rng.choice(SEEDS))
    return "".join(chars)


def rule_file(rng):
    keys = ["name", "description", "active", "conversations", "when", "if", "then", "oracle", "yields"]
    def one(index):
        lines = [f"name: r{index}", "description: generated"]
        if rng.random() < 0.3:
            lines.append(f"conversations: {rng.choice(['1', '2', '3', 'all', '0', '9', 'many', '-1'])}")
        for key in ["when", "if", "oracle", "yields"]:
            if rng.random() < (0.9 if key == "oracle" else 0.3):
                body = rng.choice([expression(rng), mutate(rng, rng.choice(SEEDS)), hostile(rng)])
                lines.append(f"{key}: {json.dumps(body)}" if rng.random() < 0.7 else f"{key}: |\n  " + body.replace("\n", "\n  "))
        if rng.random() < 0.1:
            lines.append(f"{rng.choice(keys)}x: 1")
        return lines
    count = rng.randrange(1, 4)
    if count == 1 and rng.random() < 0.5:
        text = "\n".join(one(0))
    else:
        text = "\n".join("- " + "\n  ".join(one(i)) for i in range(count))
    return mutate(rng, text) if rng.random() < 0.2 else text


def make_input(rng):
    roll = rng.random()
    if roll < 0.1:
        return {"r": rule_file(rng)}
    if roll < 0.45:
        return {"e": expression(rng)}
    if roll < 0.75:
        return {"e": mutate(rng, rng.choice(SEEDS))}
    return {"e": hostile(rng)}


def run_batch(binary, inputs, timeout, steps, size):
    payload = "".join(json.dumps(item) + "\n" for item in inputs)
    try:
        done = subprocess.run([binary, "rules", "fuzz-eval", "--steps", str(steps), "--size", str(size)],
                              input=payload.encode(), capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "hang", [], ""
    out = done.stdout.decode(errors="replace").splitlines()
    err = done.stderr.decode(errors="replace")
    if any(marker in err for marker in FATAL):
        return "fatal", out, err
    if done.returncode != 0 or len(out) != len(inputs) + 1 or out[-1] != f"done {len(inputs)}":
        return "crash", out, err
    return "ok", out[:-1], err


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=2000, help="inputs to generate")
    parser.add_argument("--batch", type=int, default=2000, help="inputs per chatlab process")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/chatlab"))
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds before a batch counts as a hang")
    parser.add_argument("--steps", type=int, default=100_000)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--keep", default=None, help="folder for bad batches (default: a new one in /tmp)")
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    keep = args.keep or tempfile.mkdtemp(prefix="fuzz-rules-")
    counts = {kind: collections.Counter() for kind in ("expression", "rule_file")}
    outcomes = collections.Counter()
    generated = 0
    batch_number = 0
    while generated < args.count:
        inputs = [make_input(rng) for _ in range(min(args.batch, args.count - generated))]
        generated += len(inputs)
        batch_number += 1
        verdict, lines, err = run_batch(args.binary, inputs, args.timeout, args.steps, args.size)
        for item in inputs:
            kind = "rule_file" if "r" in item else "expression"
            counts[kind]["inputs"] += 1
            if verdict != "ok":
                counts[kind][verdict] += 0
        if verdict != "ok":
            for kind in counts:
                counts[kind][verdict] += sum(1 for item in inputs if ("r" in item) == (kind == "rule_file"))
            path = os.path.join(keep, f"batch-{batch_number}.jsonl")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write("".join(json.dumps(item) + "\n" for item in inputs))
            with open(path + ".stderr", "w", encoding="utf-8") as handle:
                handle.write(err[-20000:])
        for line in lines:
            outcomes[" ".join(line.split()[:2])] += 1
        if not args.json:
            print(f"batch {batch_number}: {len(inputs)} inputs, {verdict}", file=sys.stderr)
    for kind in counts:
        for verdict in ("crash", "fatal", "hang"):
            counts[kind][verdict] += 0
    report = {"counts": {k: dict(v) for k, v in counts.items()}, "outcomes": dict(outcomes.most_common(30)), "kept": keep}
    print(json.dumps(report) if args.json else json.dumps(report, indent=2))
    bad = any(counts[k][v] for k in counts for v in ("crash", "fatal", "hang"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
