#!/usr/bin/env python3
"""sentence-transformers (PyTorch, CPU) as the comparison worker of `chatlab bench embeddings`.

    chatlab bench embeddings --python /path/to/python   (make bench-embeddings-compare)

chatlab starts this script and sends one JSON request per line on stdin; each gets one JSON reply line on stdout:

    {"op": "load", "model": DIR, "texts": {"short": [...], "long": [...]}}
        -> {"tokens": {"short": [n, ...], "long": [...]}, "versions": "..."}
    {"op": "peak", "threads": T, "seconds": S}
        -> {"gflops": G}      float32 2048³ torch.matmul products repeated for S seconds after one warm-up
    {"op": "measure", "threads": T, "set": "short", "batch": B, "seconds": S}
        -> {"texts": N, "seconds": S}

"measure" encodes the first batch once to warm up, then batches from text B on, cycling through the set, until S
seconds have passed; chatlab derives tokens and FLOPs from N. A failure answers {"error": "..."}. Not part of the
build or the tests.
"""
import json
import sys
import time


def peak(torch, threads, seconds, n=2048):
    torch.set_num_threads(threads)
    a = torch.rand(n, n)
    b = torch.rand(n, n)
    torch.matmul(a, b)
    products = 0
    start = time.perf_counter()
    while True:
        torch.matmul(a, b)
        products += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return 2 * n ** 3 * products / elapsed / 1e9


def measure(torch, model, texts, threads, batch, seconds):
    torch.set_num_threads(threads)
    next_index = 0

    def group():
        nonlocal next_index
        chosen = [texts[(next_index + i) % len(texts)] for i in range(batch)]
        next_index = (next_index + batch) % len(texts)
        return chosen

    with torch.inference_mode():
        model.encode(group(), batch_size=batch)
        count = 0
        start = time.perf_counter()
        while True:
            model.encode(group(), batch_size=batch)
            count += batch
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                return count, elapsed


def main():
    import torch
    import sentence_transformers
    from sentence_transformers import SentenceTransformer

    model = None
    sets = {}
    for line in sys.stdin:
        request = json.loads(line)
        try:
            op = request["op"]
            if op == "load":
                model = SentenceTransformer(request["model"], device="cpu")
                sets = request["texts"]
                tokens = {name: [len(model.tokenizer(t, truncation=True, max_length=256)["input_ids"]) for t in texts]
                          for name, texts in sets.items()}
                reply = {"tokens": tokens,
                         "versions": f"torch {torch.__version__}, sentence-transformers {sentence_transformers.__version__}"}
            elif op == "peak":
                reply = {"gflops": peak(torch, request["threads"], request["seconds"])}
            elif op == "measure":
                count, elapsed = measure(torch, model, sets[request["set"]], request["threads"], request["batch"],
                                         request["seconds"])
                reply = {"texts": count, "seconds": elapsed}
            else:
                reply = {"error": f"unknown op {op!r}"}
        except Exception as error:  # the reply carries it to chatlab, which names it
            reply = {"error": f"{type(error).__name__}: {error}"}
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
