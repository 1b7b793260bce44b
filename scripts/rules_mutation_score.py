#!/usr/bin/env python3
"""The shop bot's mutation score: how many of its switchable defects the shipped rules catch.

Runs the simulate demo (config/simulate-demo.yaml: the simulated customer against the built-in shop bot, offline)
once with the defect-free bot and once per defect (`defects: [<one>]`), checks config/rules/shop.yaml on each report
folder with `chatlab rules check`, and prints which rules failed. A defect is caught when at least one rule fails
or errors on its run; the defect-free bot must make none fail. Exits 1 unless every defect is caught and the
defect-free bot passes. Python 3 standard library only.

    scripts/rules_mutation_score.py --binary .build/debug/chatlab
"""

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFECTS = ["price_ignores_toppings", "ignores_size", "forgets_drinks", "repeats_order_ids", "never_falls_back",
           "wrong_currency"]
BUILT_IN = {"goal_not_completed", "no_response", "timeout", "exceeded_loop_limit", "max_cost_exceeded",
            "max_individual_cost_exceeded"}


def failing_rules(binary, rules, work, defect):
    name = defect or "none"
    chatter = os.path.join(work, f"shop-{name}.yaml")
    with open(chatter, "w", encoding="utf-8") as handle:
        handle.write("kind: shop\nname: pizza-shop\n" + (f"defects: [{defect}]\n" if defect else ""))
    with open(os.path.join(ROOT, "config/simulate-demo.yaml"), encoding="utf-8") as handle:
        config = handle.read()
    config = config.replace("../profiles/pizza-order.yaml", os.path.join(ROOT, "profiles/pizza-order.yaml"))
    config = config.replace("file: chatters/shop.yaml", f"file: {chatter}")
    path = os.path.join(work, f"demo-{name}.yaml")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(config)
    folder = os.path.join(work, f"report-{name}")
    run = subprocess.run([binary, "run", path, "--report-dir", folder, "-q"], capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"chatlab run failed for {name}: {run.stderr}")
    table = os.path.join(work, f"rules-{name}.csv")
    check = subprocess.run([binary, "rules", "check", rules, "--on", folder, "--csv", table], capture_output=True,
                           text=True)
    if check.returncode not in (0, 1):
        raise SystemExit(f"chatlab rules check failed for {name}: {check.stderr}")
    with open(table, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [row["rule"] for row in rows
            if row["rule"] not in BUILT_IN and (int(row["fail"]) > 0 or int(row["errors"]) > 0)]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/chatlab"))
    parser.add_argument("--rules", default=os.path.join(ROOT, "config/rules/shop.yaml"))
    parser.add_argument("--json", action="store_true", help="print the result as one JSON line")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="chatlab-mutation-") as work:
        clean = failing_rules(args.binary, args.rules, work, None)
        caught = {defect: failing_rules(args.binary, args.rules, work, defect) for defect in DEFECTS}
    score = sum(1 for rules in caught.values() if rules)
    if args.json:
        print(json.dumps({"defect_free_failures": clean, "caught": caught, "score": score, "defects": len(DEFECTS)}))
    else:
        print(f"defect-free bot: {len(clean)} rule(s) failed {clean if clean else ''}".rstrip())
        for defect, rules in caught.items():
            print(f"{defect:24} {'caught by ' + ', '.join(rules) if rules else 'NOT caught'}")
        print(f"mutation score: {score}/{len(DEFECTS)} defects caught")
    return 0 if score == len(DEFECTS) and not clean else 1


if __name__ == "__main__":
    sys.exit(main())
