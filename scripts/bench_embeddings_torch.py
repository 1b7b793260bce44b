#!/usr/bin/env python3
"""sentence-transformers (PyTorch, CPU) on the texts of `chatlab bench embeddings`, printing the same table.

    HF_HUB_OFFLINE=1 python scripts/bench_embeddings_torch.py [--seconds 2] [--model-dir DIR]

Run by `make bench-embeddings-compare` from a throwaway venv; not part of the build or the tests. The peak line
is a 2048³ float32 torch.matmul (PyTorch's own BLAS) for reference; "% of peak" divides by it.
"""
import argparse
import json
import os
import time
from pathlib import Path

import torch
from sentence_transformers import SentenceTransformer

HIDDEN, LAYERS, INTERMEDIATE = 384, 6, 1536


def flops_per_token(length):
    linear = 2 * HIDDEN * (3 * HIDDEN + HIDDEN + 2 * INTERMEDIATE)
    attention = 2 * 2 * length * HIDDEN
    return LAYERS * (linear + attention)


def peak(threads, n=2048, repeats=5):
    torch.set_num_threads(threads)
    a = torch.rand(n, n)
    b = torch.rand(n, n)
    torch.matmul(a, b)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        torch.matmul(a, b)
        best = min(best, time.perf_counter() - start)
    return 2 * n ** 3 / best / 1e9


def measure(model, texts, tokens, batch, seconds):
    next_index = 0

    def group():
        nonlocal next_index
        indices = [(next_index + i) % len(texts) for i in range(batch)]
        next_index = (next_index + batch) % len(texts)
        return indices

    model.encode([texts[i] for i in group()], batch_size=batch)
    count = token_count = flops = 0
    start = time.perf_counter()
    while True:
        indices = group()
        model.encode([texts[i] for i in indices], batch_size=batch)
        count += len(indices)
        for i in indices:
            token_count += tokens[i]
            flops += tokens[i] * flops_per_token(tokens[i])
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return count, token_count, flops, elapsed


def main():
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=2)
    parser.add_argument("--texts", default=str(root / "scripts/bench_embeddings_texts.json"))
    default_models = os.environ.get("CHATLAB_MODELS", str(Path.home() / ".cache/chatlab/models"))
    parser.add_argument("--model-dir", default=str(Path(default_models) / "all-MiniLM-L6-v2"))
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batches", type=int, nargs="+", default=[1, 8, 64])
    args = parser.parse_args()

    sets = json.load(open(args.texts))
    model = SentenceTransformer(args.model_dir, device="cpu")
    peaks = {t: peak(t) for t in args.threads}
    print("peak sgemm (2048x2048x2048, torch.matmul): "
          + ", ".join(f"{t} thread{'' if t == 1 else 's'} {peaks[t]:.1f} GFLOP/s" for t in args.threads))
    print("engine      threads  texts  tokens/text  batch    texts/s    tokens/s   GFLOP/s  % of peak")
    with torch.inference_mode():
        for threads in args.threads:
            torch.set_num_threads(threads)
            for name in ("short", "long"):
                texts = sets[name]
                tokens = [len(model.tokenizer(t, truncation=True, max_length=256)["input_ids"]) for t in texts]
                mean = sum(tokens) / len(tokens)
                for batch in args.batches:
                    count, token_count, flops, elapsed = measure(model, texts, tokens, batch, args.seconds)
                    gflops = flops / elapsed / 1e9
                    print(f"pytorch     {threads:7d}  {name:5s}  {mean:11.1f}  {batch:5d}  {count / elapsed:9.1f}"
                          f"  {token_count / elapsed:10.0f}  {gflops:8.1f}  {100 * gflops / peaks[threads]:8.1f} %")


if __name__ == "__main__":
    main()
