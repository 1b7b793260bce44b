#!/usr/bin/env python3
"""The reference for `chatlab bench rules`: the same 20 rule expressions evaluated with CPython's eval on the same
conversations, the way SENSEI evaluates rules (eval of the rule text per check, variables as a dict, helpers as
Python functions), and also with each expression compiled once. Prints one JSON line of timings.

    python3 scripts/bench_rules_python.py conversations.json
"""
import json
import re
import sys
import time


def extract_float(text):
    # SENSEI's version (rule_utils.py, as its description gives it): commas between digits removed, first number.
    if text is None:
        raise TypeError("expected string")
    match = re.search(r"[-+]?\d*\.\d+|\d+", re.sub(r"(?<=\d),(?=\d)", "", str(text)))
    return float(match.group()) if match else None


def currency(text):
    for symbol, code in (("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("₹", "INR")):
        if symbol in text:
            return code
    match = re.search(r"\b(USD|EUR|GBP|JPY|INR)\b", text)
    return match.group(1) if match else None


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        data = json.load(handle)
    conversations, rules = data["conversations"], data["rules"]
    for variables in conversations:
        # Python's JSON gives floats for whole numbers written as 3.0; the export writes ints without a fraction.
        outputs = variables.get("data_output", [])
        variables["data_collected"] = (lambda outputs: lambda: all(
            v is not None and v != "None" for item in outputs for v in item.values()))(outputs)
    helpers = {"extract_float": extract_float, "currency": currency}
    outcomes = {"pass": 0, "fail": 0, "error": 0}

    def run(evaluate):
        start = time.perf_counter()
        for variables in conversations:
            scope = dict(helpers)
            scope.update(variables)
            for rule in rules:
                try:
                    outcomes["pass" if evaluate(rule, scope) is True else "fail"] += 1
                except Exception:
                    outcomes["error"] += 1
        return time.perf_counter() - start

    text_seconds = run(lambda rule, scope: eval(rule, {"__builtins__": __builtins__}, scope))
    counted = dict(outcomes)
    codes = {rule: compile(rule, "<rule>", "eval") for rule in rules}
    for key in outcomes:
        outcomes[key] = 0
    compiled_seconds = run(lambda rule, scope: eval(codes[rule], {"__builtins__": __builtins__}, scope))
    print(json.dumps({"eval_text_seconds": text_seconds, "eval_compiled_seconds": compiled_seconds,
                      "outcomes": counted, "python": sys.version.split()[0]}))


if __name__ == "__main__":
    main()
