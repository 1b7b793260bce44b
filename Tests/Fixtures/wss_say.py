#!/usr/bin/env python3
"""An independent WSS client for the TLS tests: Python's ssl module verifies the server, not chatlab's code.

Usage: wss_say.py CAFILE wss://HOST:PORT/PATH MESSAGE
Connects trusting only CAFILE (a PEM CA; the certificate must name HOST), upgrades to a WebSocket, sends one text
frame {"message": MESSAGE} and prints the payload of the first text frame that comes back. A failed handshake or
upgrade prints the reason on standard error and exits 1.
"""
import base64
import json
import os
import socket
import ssl
import struct
import sys
from urllib.parse import urlsplit


def main():
    cafile, url, message = sys.argv[1:4]
    parts = urlsplit(url)
    context = ssl.create_default_context(cafile=cafile)
    try:
        raw = socket.create_connection((parts.hostname, parts.port), timeout=20)
        stream = context.wrap_socket(raw, server_hostname=parts.hostname)
    except (OSError, ssl.SSLError) as error:
        sys.exit(f"TLS handshake failed: {error}")
    key = base64.b64encode(os.urandom(16)).decode()
    stream.sendall(
        f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())
    reader = stream.makefile("rb")
    status = reader.readline()
    if b" 101 " not in status:
        sys.exit(f"no upgrade: {status!r}")
    while reader.readline() not in (b"\r\n", b""):
        pass
    payload = json.dumps({"message": message}).encode()
    mask = os.urandom(4)
    length = bytes([0x80 | len(payload)]) if len(payload) < 126 else bytes([0x80 | 126]) + struct.pack(">H", len(payload))
    stream.sendall(bytes([0x81]) + length + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
    while True:
        head = reader.read(2)
        if len(head) < 2:
            sys.exit("the server closed the connection without a reply")
        size = head[1] & 0x7F
        if size == 126:
            size = struct.unpack(">H", reader.read(2))[0]
        elif size == 127:
            size = struct.unpack(">Q", reader.read(8))[0]
        if size > 1 << 20:
            sys.exit(f"a frame of {size} bytes: more than this client reads")
        data = reader.read(size)
        if head[0] & 0x0F == 1:
            print(data.decode())
            return


if __name__ == "__main__":
    main()
