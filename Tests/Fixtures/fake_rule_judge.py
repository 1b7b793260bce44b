#!/usr/bin/env python3
"""A fake OpenAI-compatible server for the rule language's LLM helpers (`chatlab rules check --llm-url`): the
server of fake_openai.py (free port printed first, POST /count) with answers of its own, by the user message:
  "Text: ...\\nDescription: ..." (semantic_content)  YES when every word of the description is in the text, else NO
  anything else (tone)                              POSITIVE when the text thanks, else NEUTRAL
"""
import re

import fake_openai
from fixture_server import serve


def answer(user, _body):
    match = re.match(r"Text: (.*)\nDescription: (.*)", user, re.S)
    if match:
        text, description = match.groups()
        return "YES" if all(word in text.lower() for word in description.lower().split()) else "NO"
    return "POSITIVE" if "thank" in user.lower() else "NEUTRAL"


if __name__ == "__main__":
    fake_openai.verdict_for = answer
    serve(fake_openai.Handler)
