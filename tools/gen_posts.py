#!/usr/bin/env python3
"""Write seeded tweet-like posts as JSON Lines, for throughput and memory measurements.

    python3 tools/gen_posts.py MEGABYTES > posts.jsonl

Posts of 8-24 chat words (English, Hinglish, some Devanagari and emoji); one in five holds a
term, plain or obfuscated. The same seed gives the same file.
"""
import json
import random
import sys

CHAT = ("the a to and of is it you that this for on with was just so what my we have not are be at "
        "lol today game match really great love people think know time new good going why can't "
        "don't happy birthday traffic weather coffee morning yaar kya hai bhai kal nahi accha "
        "😀 🔥 👍 #monday @friend 2024 100% यार आज बहुत").split()
TERMS = ["fuck", "shit", "bitch", "f.u.c.k", "sh1t", "ｆｕｃｋ", "chutiya", "bc", "चूतिया"]


def main():
    target = float(sys.argv[1]) * 1e6
    rng = random.Random(11)
    out = sys.stdout
    written = 0
    i = 0
    while written < target:
        words = [rng.choice(CHAT) for _ in range(rng.randint(8, 24))]
        if rng.random() < 0.2:
            words.insert(rng.randrange(len(words)), rng.choice(TERMS))
        line = json.dumps({"id": i, "text": " ".join(words)}, ensure_ascii=False) + "\n"
        out.write(line)
        written += len(line.encode())
        i += 1


if __name__ == "__main__":
    main()
