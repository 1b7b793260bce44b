#!/usr/bin/env python3
"""A bot server that misbehaves on purpose, for chatlab's network chatter tests.

Usage: fault_server.py [--tls CERT KEY]  -> prints "port N" once listening on 127.0.0.1 (a free port), then serves
until killed. With --tls (PEM certificate chain and private key files) every mode below, HTTP and WebSocket alike, is
served over TLS only (https://, wss://) on that same port; the handshake runs in the connection's own thread with a
10 s limit, so a client that fails it (an untrusted certificate, plain HTTP, silence) never stops the server.

The first path segment chooses the behaviour: either one mode for every request (`/slow/chat`) or a mode per
round (`/2=slow,3=reset/chat`; other rounds are `ok`). The round is the JSON body's "round", or for OpenAI-shaped
requests (`.../chat/completions`) the number of user messages.

Modes:
  ok         answer {"data": {"messages": [{"text": "bot heard: <message>"}]}} (OpenAI shape on /chat/completions)
  slow       wait 3 seconds, then answer (to trigger client timeouts)
  reset      reset the connection without answering
  flaky500   500 on every odd request of this mode, ok on the even ones (so one retry succeeds)
  fail500    always 500
  ratelimit  429 with "Retry-After: 1" on every odd request of this mode, ok on the even ones
  malformed  200 with a body that is not JSON
  missing    200 with JSON that lacks data.messages
  auth       ok, and records the Authorization header; GET /recorded lists the recorded values
  session    ok, and records the JSON body's "session"; GET /recorded lists them under "session"
  idleclose  ok (kept alive by its headers), then the server closes the connection, as an idle timeout would
  data       ok, plus structured fields (see DATA below): {"intent": ..., "data": {"messages": [...], "buttons": [...]}}
  retryafter-<v>  429 with a hostile or unusual Retry-After on every odd request of this mode, ok on the even ones;
             <v> is nan, inf, huge (99999999999999999999), negative (-5) or date (an HTTP-date 1 s ahead)
  endless    200 with no length, then body bytes forever (until the client goes away)
  endlesschunked  200, Transfer-Encoding: chunked, then chunks forever
  biglength  200 announcing Content-Length: 99999999999, then a little body
  unsolicited  ok, and right behind it (in the same write) a second, unasked-for 200 answer on the kept connection
  ansi       ok, with terminal escape sequences (clear screen, window title, a bell, a C1 CSI) in the reply text
  echoauth   401 with {"error": {"message": "Incorrect API key provided: <Authorization>"}} and a response header
             "X-Echo: <Authorization>", both the request's Authorization header value verbatim (a hostile gateway
             that reflects the secret back; "" when there is none)

Every POST records the client's port: GET /ports lists them in order (one connection per distinct port).

WebSocket (GET /ws/<mode>): each text frame {"message": ...} is answered with {"reply": "bot heard: ..."};
mode `drop` closes the connection after each reply, `slow` answers after 3 seconds, `ok` stays open, and `data`
answers {"reply": ..., "intent": ..., "buttons": [...]} (plus "meta": {"references": [...]} for questions).
Mode `huge` answers every message with one 8 MiB text frame; `fragments` with a message of endless 64 KiB
continuation frames (until the client goes away).

DATA: the intent is "question" when the message holds a "?", else "greeting" when it starts with "hello", else
"statement"; the buttons are [{"title": "Yes", "value": 1}, {"title": "No", "value": 0}]; only questions carry
"meta": {"references": ["faq/<round>"]}, so a path to it is missing in the other replies.
"""
import base64
import email.utils
import hashlib
import json
import socket
import ssl
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

COUNTERS = {}
RECORDED = []
SESSIONS = []
PORTS = []
LOCK = threading.Lock()


def count(mode):
    with LOCK:
        COUNTERS[mode] = COUNTERS.get(mode, 0) + 1
        return COUNTERS[mode]


def intent(message):
    if "?" in message:
        return "question"
    return "greeting" if message.lower().startswith("hello") else "statement"


BUTTONS = [{"title": "Yes", "value": 1}, {"title": "No", "value": 0}]


def with_meta(answer, message, round_number):
    """Adds "meta": {"references": [...]} to a question's answer."""
    if "?" in message:
        answer["meta"] = {"references": [f"faq/{round_number}"]}
    return answer


def mode_for(segment, round_number):
    if "=" not in segment:
        return segment
    for item in segment.split(","):
        number, _, mode = item.partition("=")
        if number.isdigit() and int(number) == round_number:
            return mode
    return "ok"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def setup(self):
        if isinstance(self.request, ssl.SSLSocket):
            # Here, in this connection's thread, not in accept(): a failed or stalled handshake ends this
            # connection only (the error reaches Server.handle_error, which ignores it).
            self.request.settimeout(10)
            self.request.do_handshake()
            self.request.settimeout(None)
        super().setup()

    def log_message(self, *args):
        pass

    def send(self, status, body, content_type="application/json", extra=None):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/ports":
            with LOCK:
                return self.send(200, json.dumps(PORTS))
        if self.path == "/recorded":
            with LOCK:
                self.send(200, json.dumps({"authorization": RECORDED, "session": SESSIONS}))
        elif self.path.startswith("/ws"):
            self.websocket(self.path.strip("/").split("/")[1] if self.path.count("/") > 1 else "ok")
        else:
            self.send(404, json.dumps({"error": "no such path"}))

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        with LOCK:
            PORTS.append(self.client_address[1])
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = {}
        openai = self.path.rstrip("/").endswith("/chat/completions")
        if openai:
            users = [m for m in body.get("messages", []) if m.get("role") == "user"]
            round_number = len(users)
            message = users[-1]["content"] if users else ""
        else:
            round_number = int(body.get("round") or 0)
            message = str(body.get("message", ""))
        mode = mode_for(self.path.strip("/").split("/")[0], round_number)
        if mode == "echoauth":
            secret = self.headers.get("Authorization", "")  # decoded as Latin-1: the raw bytes, one per character
            text = secret.encode("latin-1").decode("utf-8", "replace")
            message = json.dumps({"error": {"message": "Incorrect API key provided: " + text}})
            return self.send(401, message, extra={"X-Echo": secret})
        if mode.startswith("retryafter-") and count(mode) % 2 == 1:
            return self.send(429, json.dumps({"error": "slow down"}), extra={"Retry-After": retry_after(mode[11:])})
        if mode in ("endless", "endlesschunked"):
            return self.endless(chunked=mode == "endlesschunked")
        if mode == "biglength":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "99999999999")
            self.end_headers()
            self.wfile.write(b"x" * 1000)
            self.close_connection = True
            return
        if mode == "slow":
            time.sleep(3)
        elif mode == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        elif mode == "flaky500" and count(mode) % 2 == 1:
            return self.send(500, json.dumps({"error": "flaky"}))
        elif mode == "fail500":
            return self.send(500, json.dumps({"error": "always failing"}))
        elif mode == "ratelimit" and count(mode) % 2 == 1:
            return self.send(429, json.dumps({"error": "slow down"}), extra={"Retry-After": "1"})
        elif mode == "malformed":
            return self.send(200, '{"data": {"messages": [ this is not json')
        elif mode == "missing":
            return self.send(200, json.dumps({"data": {"other": "no messages here"}}))
        elif mode == "auth":
            with LOCK:
                RECORDED.append(self.headers.get("Authorization"))
        elif mode == "session":
            with LOCK:
                SESSIONS.append(body.get("session"))
        reply = "bot heard: " + message
        if mode == "ansi":
            reply = "\x1b[2J\x1b]0;pwned\x07bot \x9b31m heard\r: " + message
        if mode == "unsolicited":
            first = json.dumps({"data": {"messages": [{"text": reply}]}}).encode()
            second = json.dumps({"data": {"messages": [{"text": "unsolicited"}]}}).encode()
            head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
            self.wfile.write(head % len(first) + first + head % len(second) + second)
            self.wfile.flush()
            return
        if openai:
            self.send(200, json.dumps({
                "choices": [{"index": 0, "message": {"role": "assistant", "content": reply}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": len(message.split()), "completion_tokens": len(reply.split())}}))
        elif mode == "data":
            self.send(200, json.dumps(with_meta(
                {"intent": intent(message), "data": {"messages": [{"text": reply}], "buttons": BUTTONS}},
                message, round_number)))
        else:
            self.send(200, json.dumps({"data": {"messages": [{"text": reply}]}}))
        if mode == "idleclose":
            self.close_connection = True

    def endless(self, chunked):
        """Body bytes until the client goes away."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        piece = b"all work and no play " * 3000
        if chunked:
            piece = b"%x\r\n" % len(piece) + piece + b"\r\n"
        self.close_connection = True
        try:
            while True:
                self.wfile.write(piece)
        except OSError:
            pass

    def websocket(self, mode):
        key = self.headers.get("Sec-WebSocket-Key", "")
        accept = base64.b64encode(hashlib.sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest())
        self.send_response(101)
        self.send_header("Upgrade", "websocket")
        self.send_header("Connection", "Upgrade")
        self.send_header("Sec-WebSocket-Accept", accept.decode())
        self.end_headers()
        self.wfile.flush()
        replies = 0
        while True:
            frame = read_frame(self.rfile)
            if frame is None:
                break
            opcode, payload = frame
            if opcode == 8:
                break
            if opcode != 1:
                continue
            try:
                message = json.loads(payload).get("message", "")
            except ValueError:
                message = payload.decode()
            if mode == "slow":
                time.sleep(3)
            if mode == "huge":
                self.wfile.write(frame_header(0x81, 8 << 20) + b"x" * (8 << 20))
                self.wfile.flush()
                continue
            if mode == "fragments":
                try:
                    self.wfile.write(frame_header(0x01, 65536) + b"x" * 65536)
                    while True:
                        self.wfile.write(frame_header(0x00, 65536) + b"x" * 65536)
                except OSError:
                    break
            answer = {"reply": "bot heard: " + message}
            if mode == "data":
                replies += 1
                answer = with_meta(dict(answer, intent=intent(message), buttons=BUTTONS), message, replies)
            data = json.dumps(answer).encode()
            header = bytes([0x81]) + (bytes([len(data)]) if len(data) < 126 else bytes([126]) + struct.pack(">H", len(data)))
            self.wfile.write(header + data)
            self.wfile.flush()
            if mode == "drop":
                break
        self.close_connection = True


def frame_header(first_byte, length):
    """A server frame's header: FIN/opcode byte, then the unmasked payload length."""
    if length < 126:
        return bytes([first_byte, length])
    if length < 65536:
        return bytes([first_byte, 126]) + struct.pack(">H", length)
    return bytes([first_byte, 127]) + struct.pack(">Q", length)


def retry_after(kind):
    """A Retry-After value: hostile ones and an HTTP-date one second ahead."""
    if kind == "date":
        return email.utils.formatdate(time.time() + 1, usegmt=True)
    return {"nan": "nan", "inf": "inf", "huge": "99999999999999999999", "negative": "-5"}.get(kind, kind)


def read_frame(stream):
    head = stream.read(2)
    if len(head) < 2:
        return None
    opcode, length = head[0] & 0x0F, head[1] & 0x7F
    if length == 126:
        length = struct.unpack(">H", stream.read(2))[0]
    elif length == 127:
        length = struct.unpack(">Q", stream.read(8))[0]
    mask = stream.read(4) if head[1] & 0x80 else b"\0\0\0\0"
    payload = bytes(b ^ mask[i % 4] for i, b in enumerate(stream.read(length)))
    return opcode, payload


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass


def main():
    server = Server(("127.0.0.1", 0), Handler)
    arguments = sys.argv[1:]
    if arguments:
        if len(arguments) != 3 or arguments[0] != "--tls":
            sys.exit("usage: fault_server.py [--tls CERT KEY]")
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(arguments[1], arguments[2])
        server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    print(f"port {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
