#!/usr/bin/env python3
"""Makes reference.json: texts and the probabilities alt-profanity-check's predict_prob gives them.

Run once, with a Python that has the package (python3 -m venv /tmp/v && /tmp/v/bin/pip install alt-profanity-check),
from the repository root: /tmp/v/bin/python Tests/Fixtures/profanity/make_reference.py
The Swift ProfanityModel must reproduce every probability to 1e-9.
"""
import json
import os

from profanity_check import predict_prob

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))

EDGE_CASES = [
    "",
    "   ",
    "a",
    "I",
    "the and of to",
    "FUCK OFF",
    "Fuck off!!!",
    "f*ck off",
    "shit shit shit shit shit",
    "You are an IDIOT, an idiot, AN IDIOT.",
    "idiot_bot is my_name",
    "stupid123 456stupid 2024",
    "Café crème brûlée, naïve façade.",
    "İstanbul is a city; STRASSE and straße.",
    "Ελληνικά ΣΟΦΟΣ λέξεις",
    "日本語のテキスト and damn",
    "emoji 😀 shit 💩 happy",
    "tab\tseparated\nnew line\r\nwindows",
    "don't won't can't shouldn't",
    "e-mail re-enter x-ray",
    "hello...world!!!what?",
    "a b c d e f g h i j",
    "Ｆｕｌｌｗｉｄｔｈ ｓｈｉｔ letters",
    "١٢٣ arabic digits ٤٥",
    "x² and ½ and Ⅻ roman",
    "combining e\u0301 accent and n\u0303o",
    "zero\u200bwidth space\u200dhere",
    "What a lovely day, you absolute legend.",
    "I love my dog, he is the best.",
    "The quick brown fox jumps over the lazy dog.",
    "hell hello shell",
    "ass assess bass assassin",
    "Scunthorpe is a town in England.",
    "You're a genius!",
    "Thank you so much for your help.",
]


def main():
    texts = list(EDGE_CASES)
    with open(os.path.join(ROOT, "testsets", "calibration", "toxicity.jsonl")) as handle:
        for line in handle:
            if line.strip():
                texts.append(json.loads(line)["text"])
    probabilities = [float(p) for p in predict_prob(texts)]
    items = [{"text": t, "probability": p} for t, p in zip(texts, probabilities)]
    with open(os.path.join(HERE, "reference.json"), "w") as handle:
        json.dump({"source": "alt-profanity-check predict_prob", "items": items}, handle, indent=1, ensure_ascii=False)
        handle.write("\n")


if __name__ == "__main__":
    main()
