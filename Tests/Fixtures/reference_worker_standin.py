#!/usr/bin/env python3
"""A stand-in for scripts/bench_embeddings_reference.py that speaks its protocol without PyTorch or ONNX Runtime
(tests only).

It answers every request the way the real worker does, with made-up but consistent numbers. --engine torch (the
default): a peak of 50 GFLOP/s per thread and 10 texts per second per thread at every batch size; --engine onnx:
60 GFLOP/s and 20 texts/s per thread. The vectors it returns are all the first unit vector of 384 dimensions. With
--die-after N it exits after N replies, after writing a last word to stderr.
"""
import json
import sys

RATES = {"torch": (50.0, 10), "onnx": (60.0, 20)}


def main():
    die_after = int(sys.argv[sys.argv.index("--die-after") + 1]) if "--die-after" in sys.argv else None
    engine = sys.argv[sys.argv.index("--engine") + 1] if "--engine" in sys.argv else "torch"
    peak, texts_per_second = RATES[engine]
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
            unit = [1.0] + [0.0] * 383
            # Token counts as the model sees them are not known here; whitespace words + 2 is close enough.
            reply = {"tokens": {name: [len(t.split()) + 2 for t in texts] for name, texts in sets.items()},
                     "versions": f"stand-in {engine} 1.0",
                     "vectors": {name: [unit for _ in texts[:request.get("vectors", 0)]]
                                 for name, texts in sets.items()}}
        elif op == "peak":
            reply = {"gflops": peak * request["threads"]}
        elif op == "measure":
            reply = {"texts": texts_per_second * request["threads"] * request["batch"],
                     "seconds": float(request["batch"])}
        else:
            reply = {"error": f"unknown op {op!r}"}
        print(json.dumps(reply), flush=True)
        replies += 1


if __name__ == "__main__":
    main()
