#!/usr/bin/env python3
"""A fake toxicity service for tests: an OpenAI-style moderation endpoint and a generic classifier.

Binds a free port on 127.0.0.1 and prints it on the first line.
  POST /v1/moderations {"input": text}  -> {"results": [{"category_scores": {...}}]}
  POST /classify {"text": text}         -> {category: score} with Jigsaw names and one unknown key
  POST /broken                          -> HTTP 500
"""
import json
import os
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def moderation(text):
    scores = {k: 0.01 for k in ["harassment", "harassment/threatening", "hate", "hate/threatening", "sexual",
                                "sexual/minors", "violence", "self-harm"]}
    if "idiot" in text:
        scores["harassment"] = 0.9
    if "hurt you" in text:
        scores["harassment/threatening"] = 0.8
        scores["violence"] = 0.7
    return {"id": "modr-1", "results": [{"flagged": False, "category_scores": scores}]}


def classify(text):
    if "idiot" in text:
        return {"toxic": 0.95, "insult": 0.9, "threat": 0.02, "Severe Toxicity": 0.05, "unrelated": 1.0}
    return {"toxic": 0.01, "insult": 0.01, "threat": 0.01, "Severe Toxicity": 0.0, "unrelated": 1.0}


class Handler(BaseHTTPRequestHandler):
    disable_nagle_algorithm = True
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        body = json.loads(self.rfile.read(length) or b"{}")
        if self.path == "/v1/moderations":
            self.reply(200, moderation(body["input"]))
        elif self.path == "/classify":
            self.reply(200, classify(body["text"]))
        else:
            self.reply(500, {"error": "broken"})

    def reply(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def exit_when_stdin_closes():
    sys.stdin.read()
    os._exit(0)


def main():
    # A child of the Swift test process may inherit blocked signals: unblock them, and also exit when the test
    # closes our standard input.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
