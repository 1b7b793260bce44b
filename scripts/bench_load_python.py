#!/usr/bin/env python3
"""The reference load client for 'make bench-load': the seed tool's approach (asyncio + the websockets package),
doing the work chatlab load does in the same run.

Usage: bench_load_python.py URL PROMPTS.jsonl CONNECTIONS SECONDS per-user|per-prompt
CONNECTIONS asyncio tasks send the prompts' questions ({"message": ...}) in turn for SECONDS seconds, each awaiting
its reply: on one kept WebSocket per task (per-user) or a new one per message (per-prompt, as the seed tool did).
Latency is taken around send + recv with time.perf_counter(). Prints one JSON line: messages, errors, seconds,
messages_per_second, p50_ms.
"""
import asyncio
import json
import statistics
import sys
import time

import websockets


async def main(url, prompts_path, connections, seconds, mode):
    questions = [json.loads(line)["Question"] for line in open(prompts_path, encoding="utf-8") if line.strip()]
    latencies, errors = [], 0
    deadline = time.perf_counter() + seconds

    async def exchange(socket, question):
        start = time.perf_counter()
        await socket.send(json.dumps({"message": question}))
        json.loads(await socket.recv())
        latencies.append(time.perf_counter() - start)

    async def user(number):
        nonlocal errors
        turn = number
        if mode == "per-user":
            async with websockets.connect(url, max_size=None) as socket:
                while time.perf_counter() < deadline:
                    try:
                        await exchange(socket, questions[turn % len(questions)])
                    except Exception:
                        errors += 1
                    turn += connections
        else:
            while time.perf_counter() < deadline:
                try:
                    async with websockets.connect(url, max_size=None) as socket:
                        await exchange(socket, questions[turn % len(questions)])
                except Exception:
                    errors += 1
                turn += connections

    start = time.perf_counter()
    await asyncio.gather(*(user(number) for number in range(connections)))
    elapsed = time.perf_counter() - start
    print(json.dumps({
        "messages": len(latencies) + errors, "errors": errors, "seconds": elapsed,
        "messages_per_second": (len(latencies) + errors) / elapsed,
        "p50_ms": statistics.median(latencies) * 1000 if latencies else None,
    }))


asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]))
