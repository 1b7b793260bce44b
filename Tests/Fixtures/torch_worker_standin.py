#!/usr/bin/env python3
"""A stand-in for scripts/bench_embeddings_torch.py that speaks its protocol without PyTorch (tests only).

It answers every request the way the real worker does, with made-up but consistent numbers: a peak of 50 GFLOP/s
per thread, and 10 texts per second per thread at every batch size. With --die-after N it exits after N replies,
after writing a last word to stderr.
"""
import json
import sys


def main():
    die_after = int(sys.argv[sys.argv.index("--die-after") + 1]) if "--die-after" in sys.argv else None
    sets = {}
    replies = 0
    for line in sys.stdin:
        if die_after is not None and replies >= die_after:
            print("stand-in: out of memory (on purpose)", file=sys.stderr, flush=True)
            sys.exit(3)
        request = json.loads(line)
        op = request["op"]
        if op == "load":
            sets = request["texts"]
            # Token counts as the model sees them are not known here; whitespace words + 2 is close enough.
            reply = {"tokens": {name: [len(t.split()) + 2 for t in texts] for name, texts in sets.items()},
                     "versions": "stand-in 1.0"}
        elif op == "peak":
            reply = {"gflops": 50.0 * request["threads"]}
        elif op == "measure":
            reply = {"texts": 10 * request["threads"] * request["batch"], "seconds": float(request["batch"])}
        else:
            reply = {"error": f"unknown op {op!r}"}
        print(json.dumps(reply), flush=True)
        replies += 1


if __name__ == "__main__":
    main()
