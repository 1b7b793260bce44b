#!/usr/bin/env python3
"""'make bench-load': chatlab load next to reference load clients, on loopback, against one release build of
'chatlab serve --bot intents' (no artificial latency), all in the same run. Prints one table.

Rows:
  WebSocket, 100 connections kept and new per message: chatlab load vs a Python asyncio + websockets client
    (scripts/bench_load_python.py, the seed tool's approach), messages per second, p50 latency, and the client's
    CPU time (user + system) per message: the server shares the cores, so the rate is often the server's limit,
    while CPU per message is what the load generator itself costs.
  HTTP, 100 kept connections: chatlab load (http chatter) vs wrk (C, scripts/wrk_chat.lua's POST /chat).
  Overhead at p50 with one connection: chatlab's p50 minus wrk's (HTTP) and minus a standard-library Python
    client's (WebSocket, Tests/Fixtures/latency_reference.py): the time chatlab adds around a message.
  Memory per connection: chatlab load's peak RSS (/usr/bin/time) with 1,000 kept WebSockets minus with 10, per
    added connection (each user sends one message per second).

Usage: bench_load.py --binary .build-release/release/chatlab --python VENV/bin/python [--seconds 10]
The machine's cores are shared by server and client: a client that needs less CPU leaves more to the server.
"""
import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROMPTS = os.path.join(ROOT, "loadtests", "demo.jsonl")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(binary, port):
    server = subprocess.Popen([binary, "serve", "--bot", "intents", "--port", str(port)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.05)
    sys.exit("chatlab serve did not start")


def timed(command, **options):
    """Runs a command under /usr/bin/time; returns (the finished process, CPU seconds, peak RSS KiB)."""
    done = subprocess.run(["/usr/bin/time", "-f", "%U %S %M"] + command, capture_output=True, text=True, **options)
    user, system, rss = done.stderr.strip().splitlines()[-1].split()
    return done, float(user) + float(system), int(rss)


def chatlab_load(binary, work, bot, connections, seconds, mode, think=0.0):
    """Runs chatlab load; returns (messages/s, p50 ms, errors, peak RSS KiB, CPU µs per message)."""
    out = os.path.join(work, "out")
    command = [binary, "load", os.path.join(work, "prompts.jsonl"), "--bot", bot, "--connections", str(connections),
               "--connection", mode, "--duration", str(seconds), "--out", out, "--quiet"]
    if think:
        command += ["--think", str(think)]
    done, cpu, rss = timed(command)
    if done.returncode != 0:
        sys.exit(f"chatlab load failed: {done.stdout}{done.stderr}")
    statistics = json.load(open(os.path.join(out, "load.json")))["statistics"]
    errors = statistics["sent"] - statistics["answered"]
    return (statistics["requestsPerSecond"], statistics["latency"]["median"], errors, rss,
            cpu / max(1, statistics["sent"]) * 1e6)


def python_load(python, url, connections, seconds, mode):
    """Runs the Python client; returns (messages/s, p50 ms, errors, CPU µs per message)."""
    done, cpu, _ = timed([python, os.path.join(ROOT, "scripts", "bench_load_python.py"), url, PROMPTS,
                          str(connections), str(seconds), mode])
    if done.returncode != 0:
        sys.exit(f"the Python client failed: {done.stderr}")
    result = json.loads(done.stdout)
    return result["messages_per_second"], result["p50_ms"], result["errors"], cpu / max(1, result["messages"]) * 1e6


def wrk(port, connections, seconds):
    """Runs wrk; returns (requests/s, p50 ms, CPU µs per request)."""
    env = dict(os.environ, WRK_SESSIONS=str(connections), WRK_THREADS="1", WRK_ROUNDS="1000000")
    done, cpu, _ = timed(["wrk", "-t1", f"-c{connections}", f"-d{int(seconds)}s", "--latency",
                          "-s", os.path.join(ROOT, "scripts", "wrk_chat.lua"), f"http://127.0.0.1:{port}/chat"], env=env)
    if done.returncode != 0:
        sys.exit(f"wrk failed: {done.stderr}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", done.stdout).group(1))
    requests = int(re.search(r"(\d+) requests in", done.stdout).group(1))
    value, unit = re.search(r"50%\s+([\d.]+)(us|ms|s)", done.stdout).groups()
    p50 = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    return rate, p50, cpu / max(1, requests) * 1e6


def reference_p50(mode, port):
    path = "/ws" if mode == "ws" else "/chat"
    done = subprocess.run([sys.executable, os.path.join(ROOT, "Tests", "Fixtures", "latency_reference.py"), mode,
                           "127.0.0.1", str(port), path, "2000"], capture_output=True, text=True, check=True)
    return float(done.stdout)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--python", required=True, help="a Python with the websockets package")
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    port = free_port()
    server = start_server(args.binary, port)
    rows = []
    try:
        with tempfile.TemporaryDirectory() as work:
            ws_bot = os.path.join(work, "ws.yaml")
            http_bot = os.path.join(work, "http.yaml")
            open(ws_bot, "w").write(f"kind: websocket\nname: ws\nurl: ws://127.0.0.1:{port}/ws\nreply_path: reply\n"
                                    "data_paths: {intent: data.intent, references: data.references}\n")
            open(http_bot, "w").write(f"kind: http\nname: http\nurl: http://127.0.0.1:{port}/chat\n"
                                      'body: {session: "{{session}}", message: "{{message}}"}\nreply_path: reply\n'
                                      "data_paths: {intent: data.intent, references: data.references}\n")
            # The demo prompts without their expected answers: no answer judging, the same work as the references.
            with open(PROMPTS, encoding="utf-8") as source, open(os.path.join(work, "prompts.jsonl"), "w") as target:
                for line in source:
                    item = json.loads(line)
                    item.pop("Answer", None)
                    target.write(json.dumps(item) + "\n")
            url = f"ws://127.0.0.1:{port}/ws"
            seconds = args.seconds
            for mode in ["per-user", "per-prompt"]:
                rate, p50, errors, _, cpu = chatlab_load(args.binary, work, ws_bot, 100, seconds, mode)
                py_rate, py_p50, py_errors, py_cpu = python_load(args.python, url, 100, seconds, mode)
                rows.append((f"WebSocket, 100 connections, {mode}", rate, p50, errors, cpu,
                             "Python asyncio + websockets", py_rate, py_p50, py_errors, py_cpu))
            rate, p50, errors, _, cpu = chatlab_load(args.binary, work, http_bot, 100, seconds, "per-user")
            wrk_rate, wrk_p50, wrk_cpu = wrk(port, 100, seconds)
            rows.append(("HTTP, 100 kept connections", rate, p50, errors, cpu, "wrk", wrk_rate, wrk_p50, 0, wrk_cpu))

            p50_http_one = chatlab_load(args.binary, work, http_bot, 1, seconds / 2, "per-user")[1]
            wrk_p50_one = wrk(port, 1, seconds / 2)[1]
            p50_ws_one = chatlab_load(args.binary, work, ws_bot, 1, seconds / 2, "per-user")[1]
            ws_reference = reference_p50("ws", port)

            rss_small = chatlab_load(args.binary, work, ws_bot, 10, 8, "per-user", think=1)[3]
            _, _, errors_large, rss_large, _ = chatlab_load(args.binary, work, ws_bot, 1000, 8, "per-user", think=1)
    finally:
        server.kill()

    print(f"chatlab load vs reference clients, loopback, {os.cpu_count()} cores shared with the server "
          f"(chatlab serve --bot intents, release), {args.seconds:g} s per row")
    print(f"{'workload':36} {'chatlab msg/s':>13} {'p50 ms':>7} {'err':>4} {'CPU µs/msg':>10}   {'reference':27} "
          f"{'msg/s':>6} {'p50 ms':>7} {'err':>4} {'CPU µs/msg':>10}  {'msg/s':>6} {'CPU/msg':>7}")
    for name, rate, p50, errors, cpu, reference, ref_rate, ref_p50, ref_errors, ref_cpu in rows:
        print(f"{name:36} {rate:13.0f} {p50:7.3f} {errors:4d} {cpu:10.1f}   {reference:27} {ref_rate:6.0f} "
              f"{ref_p50:7.3f} {ref_errors:4d} {ref_cpu:10.1f}  {rate / ref_rate:5.2f}x {ref_cpu / cpu:6.2f}x")
    print("(the last two columns: chatlab's rate over the reference's, and the reference's CPU time per message over"
          " chatlab's: how many more messages chatlab drives per core)")
    print(f"overhead at p50, one connection: HTTP {p50_http_one - wrk_p50_one:+.3f} ms "
          f"(chatlab {p50_http_one:.3f} vs wrk {wrk_p50_one:.3f}); WebSocket {p50_ws_one - ws_reference:+.3f} ms "
          f"(chatlab {p50_ws_one:.3f} vs stdlib Python {ws_reference:.3f})")
    per_connection = (rss_large - rss_small) / 990
    print(f"memory per kept WebSocket: {per_connection:.1f} KiB (peak RSS {rss_small / 1024:.1f} MiB with 10, "
          f"{rss_large / 1024:.1f} MiB with 1000; {errors_large} errors)")


main()
