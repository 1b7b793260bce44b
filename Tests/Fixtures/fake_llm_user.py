#!/usr/bin/env python3
"""A fake OpenAI-compatible server that speaks for a simulated user (ChatLab's `llm` voice), for tests.

Binds a free port on 127.0.0.1 and prints it on the first line. POST /v1/chat/completions:
  response_format json_schema "user_turn": reads the numbered goals from the system message and the history from the
    user message; asks for the next goal not yet asked (one per message), then asks to confirm the order; reports
    as answered every goal asked so far that the assistant did not answer with "Sorry"; reports outputs it finds in
    the assistant's lines ("order id is X", "Total price: 12.50 USD", "about N minutes").
  response_format json_schema "any_list": {"answer": ["falafel", "nachos"]}.
Every answer reports usage 80 prompt + 20 completion tokens. POST /count -> {"count": n, "by_schema": {...}}.
"""
import json
import re
import threading
from fixture_server import JSONHandler, serve

lock = threading.Lock()
state = {"count": 0, "by_schema": {}}


def user_turn(system, user):
    goals = re.findall(r"^\d+\. (.*)$", system, re.M)
    lines = user.split("\n")[1:] if user.startswith("History") else []
    users = [l[6:] for l in lines if l.startswith("User: ")]
    bots = [l[11:] for l in lines if l.startswith("Assistant: ")]
    asked = len(users)
    answered = [i + 1 for i in range(min(asked, len(goals))) if i < len(bots) and not bots[i].startswith("Sorry")]
    outputs = {}
    names = re.findall(r"^- (\w+) \(", system, re.M)
    text = "\n".join(bots)
    patterns = {"order_id": r"order id is ([A-Z0-9-]+)", "price": r"Total price: ([\d.]+ [A-Z]{3})",
                "delivery_minutes": r"about (\d+) minutes"}
    for name in names:
        found = re.findall(patterns.get(name, r"(?!x)x"), text)
        outputs[name] = found[-1] if found else None
    if asked < len(goals):
        message = "I would like " + goals[asked]
    else:
        message = "Please confirm the order and tell me the order id and the total price."
    return {"message": message, "answered": answered, "outputs": outputs}


class Handler(JSONHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        raw = self.rfile.read(length)
        if self.path == "/count":
            with lock:
                self.reply(200, dict(state))
            return
        if self.path != "/v1/chat/completions":
            self.reply(404, {"error": "not found"})
            return
        body = json.loads(raw)
        schema = body.get("response_format", {}).get("json_schema", {}).get("name", "")
        with lock:
            state["count"] += 1
            state["by_schema"][schema] = state["by_schema"].get(schema, 0) + 1
        messages = body["messages"]
        if schema == "user_turn":
            content = json.dumps(user_turn(messages[0]["content"], messages[-1]["content"]))
        elif schema == "any_list":
            content = json.dumps({"answer": ["falafel", "nachos"]})
        else:
            content = "plain"
        self.reply(200, {
            "id": "chatcmpl-1", "object": "chat.completion", "model": body.get("model"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 80, "completion_tokens": 20, "total_tokens": 100},
        })


if __name__ == "__main__":
    serve(Handler)
