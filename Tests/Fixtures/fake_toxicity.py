#!/usr/bin/env python3
"""A fake toxicity service for tests: an OpenAI-style moderation endpoint and a generic classifier.

Binds a free port on 127.0.0.1 and prints it on the first line.
  POST /v1/moderations {"input": text}  -> {"results": [{"category_scores": {...}}]}
  POST /classify {"text": text}         -> {category: score} with Jigsaw names and one unknown key
  POST /broken                          -> HTTP 500
"""
import json
from fixture_server import JSONHandler, serve


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


class Handler(JSONHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        body = json.loads(self.rfile.read(length) or b"{}")
        if self.path == "/v1/moderations":
            self.reply(200, moderation(body["input"]))
        elif self.path == "/classify":
            self.reply(200, classify(body["text"]))
        else:
            self.reply(500, {"error": "broken"})


if __name__ == "__main__":
    serve(Handler)
