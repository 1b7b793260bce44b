#!/usr/bin/env python3
"""A tiny OpenAI-compatible embeddings server for the RemoteEncoder tests. Listens on 127.0.0.1 only.

    python3 embeddings_server.py PORT API_KEY     (PORT 0: any free port)

Prints the port it listens on as its first line, then answers POST /v1/embeddings with deterministic vectors
(dimension 8, derived from each input's text). It checks the `Authorization: Bearer API_KEY` header (401 with an
OpenAI-style error body otherwise). The model name chooses a misbehaviour: "malformed" sends a body that is not
JSON, "wrong-count" one embedding too few, "server-error" a 500. Stops when its standard input closes (the test
that started it is done), on SIGTERM, or by itself after 120 seconds.
"""
import hashlib
import json
import sys
from fixture_server import JSONHandler, serve

API_KEY = sys.argv[2] if len(sys.argv) > 2 else "test-key"


def vector(text):
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return [(byte - 127.5) / 127.5 for byte in digest[:8]]


class Handler(JSONHandler):

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        if self.path != "/v1/embeddings":
            return self.reply(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
        if self.headers.get("Authorization") != f"Bearer {API_KEY}":
            return self.reply(401, {"error": {"message": "Incorrect API key provided.", "type": "invalid_request_error"}})
        try:
            request = json.loads(raw)
            texts = request["input"]
            model = request["model"]
        except (ValueError, KeyError):
            return self.reply(400, {"error": {"message": "bad request body", "type": "invalid_request_error"}})
        if isinstance(texts, str):
            texts = [texts]
        if model == "malformed":
            return self.reply(200, b"<html>this is not json</html>", "text/html")
        if model == "server-error":
            return self.reply(500, {"error": {"message": "the model crashed", "type": "server_error"}})
        data = [{"object": "embedding", "index": i, "embedding": vector(t)} for i, t in enumerate(texts)]
        if model == "wrong-count":
            data = data[:-1]
        data.reverse()  # clients must order by index
        self.reply(200, {"object": "list", "data": data, "model": model,
                         "usage": {"prompt_tokens": len(texts), "total_tokens": len(texts)}})


if __name__ == "__main__":
    # The 120 s limit is a safety net for a test that dies without closing our standard input.
    serve(Handler, port=int(sys.argv[1]) if len(sys.argv) > 1 else 0, lifetime=120)
