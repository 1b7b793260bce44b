#!/usr/bin/env python3
"""A fake OpenAI-compatible chat-completions server for the LLM-judge tests.

Binds a free port on 127.0.0.1 and prints it on the first line. POST /v1/chat/completions answers by what the user
message contains:
  MALFORMED_ONCE  the first request with this exact body gets text that is not JSON, later ones a valid verdict
  ALWAYS_BROKEN   always a malformed verdict ({"verdict": "maybe"})
  SLOW            sleeps 3 seconds first (for client timeouts)
  WRONG           verdict fail, score 0.1
  pairwise prompts ("Answer A: ...") pass when Answer A is the expected answer "Pepper" (a position-biased judge),
  unless CONSISTENT appears, then pass
  otherwise       verdict pass, score 0.9
Every answer reports usage.total_tokens = 100. POST /count -> {"count": n, "last": <last request body>}.
"""
import json
import threading
import time
from fixture_server import JSONHandler, serve

lock = threading.Lock()
state = {"count": 0, "last": None, "seen": set()}


def verdict_for(user, body_text):
    if "ALWAYS_BROKEN" in user:
        return '{"verdict": "maybe", "score": 2}'
    if "MALFORMED_ONCE" in user:
        with lock:
            first = body_text not in state["seen"]
            state["seen"].add(body_text)
        if first:
            return "Sure! The verdict is pass {"
    if "SLOW" in user:
        time.sleep(3)
    if "Answer A:" in user and "CONSISTENT" not in user:
        passed = "Answer A: Pepper" in user
        return json.dumps({"verdict": "pass" if passed else "fail", "score": 0.8 if passed else 0.2,
                           "reason": "A first" if passed else "B first"})
    if "WRONG" in user:
        return json.dumps({"verdict": "fail", "score": 0.1, "reason": "the reply names another dog"})
    return json.dumps({"verdict": "pass", "score": 0.9, "reason": "the reply gives the expected answer"})


class Handler(JSONHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        raw = self.rfile.read(length)
        if self.path == "/count":
            with lock:
                self.reply(200, {"count": state["count"], "last": state["last"]})
            return
        if self.path != "/v1/chat/completions":
            self.reply(404, {"error": "not found"})
            return
        body = json.loads(raw)
        with lock:
            state["count"] += 1
            state["last"] = body
        user = body["messages"][-1]["content"]
        content = verdict_for(user, raw.decode())
        self.reply(200, {
            "id": "chatcmpl-1", "object": "chat.completion", "model": body.get("model"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 80, "completion_tokens": 20, "total_tokens": 100},
        })


if __name__ == "__main__":
    serve(Handler)
