#!/usr/bin/env python3
"""A reference client for latency measurements: sends N messages one after another on one kept connection and
prints the median latency in milliseconds, measured around each exchange with time.perf_counter().

Usage: latency_reference.py http|ws HOST PORT PATH N
  http: POST PATH {"session": "reference", "message": "..."} on one kept HTTP/1.1 connection
  ws:   a WebSocket on PATH, one text frame {"message": "..."} out, one text frame back
Standard library only (a minimal RFC 6455 client: masked text frames out, unmasked frames in), so it measures the
same server as chatlab without a client library's own overhead.
"""
import base64
import http.client
import json
import os
import socket
import statistics
import struct
import sys
import time

MESSAGE = "When are you open on Monday?"


def http_exchanges(host, port, path, count):
    connection = http.client.HTTPConnection(host, port, timeout=30)
    body = json.dumps({"session": "reference", "message": MESSAGE})
    for number in range(count):
        start = time.perf_counter()
        connection.request("POST", path, body=body, headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        yield time.perf_counter() - start
        if response.status != 200:
            sys.exit(f"reference request {number} got HTTP {response.status}")


def read_exact(sock, size):
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            sys.exit("the server closed the WebSocket")
        data += chunk
    return data


def read_frame(sock):
    head = read_exact(sock, 2)
    length = head[1] & 0x7F
    if length == 126:
        length = struct.unpack("!H", read_exact(sock, 2))[0]
    elif length == 127:
        length = struct.unpack("!Q", read_exact(sock, 8))[0]
    return head[0] & 0x0F, read_exact(sock, length)


def ws_exchanges(host, port, path, count):
    sock = socket.create_connection((host, port), timeout=30)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    response = b""
    while b"\r\n\r\n" not in response:
        response += read_exact(sock, 1)
    if b" 101 " not in response.split(b"\r\n")[0]:
        sys.exit(f"no WebSocket upgrade: {response[:80]!r}")
    payload = json.dumps({"message": MESSAGE}).encode()
    for _ in range(count):
        mask = os.urandom(4)
        masked = bytes(byte ^ mask[index % 4] for index, byte in enumerate(payload))
        frame = bytes([0x81, 0x80 | len(payload)]) + mask + masked  # payloads here are under 126 bytes
        start = time.perf_counter()
        sock.sendall(frame)
        opcode, _ = read_frame(sock)
        while opcode != 1:
            opcode, _ = read_frame(sock)
        yield time.perf_counter() - start


mode, host, port, path, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
exchanges = http_exchanges if mode == "http" else ws_exchanges
latencies = [seconds * 1000 for seconds in exchanges(host, port, path, count)]
print(f"{statistics.median(latencies):.3f}")
