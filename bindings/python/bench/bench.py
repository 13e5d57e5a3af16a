#!/usr/bin/env python3
"""Throughput of kavach's Python binding against better-profanity and ahocorasick-rs, in one
run on the same generated tweets (a benchmark, not a test).

    pip install -r bindings/python/bench/requirements.txt
    python bindings/python/bench/bench.py [--tweets 100000]

The corpus is seeded: tweet-like posts of 8-24 chat words, one in five with a profanity (plain
or obfuscated). Each contender is checked for a plausible hit count before it is timed, so a
broken setup cannot look fast. ahocorasick-rs gets the English list's terms, lower-cased, and
scans lower-cased text (no normalisation); better-profanity is given its own default list and
is timed on a slice of the corpus because it is very slow.
"""

import argparse
import random
import time

import kavach

CHAT = ("the a to and of is it you that this for on with was just so what my we have not are be at "
        "lol today game match really great love people think know time new good going why can't "
        "don't happy birthday traffic weather class assessment cocktail Scunthorpe analysis 😀 🔥 👍 "
        "#monday @friend 2024 100%").split()
OFFENSIVE = ["fuck", "shit", "bitch", "asshole", "bullshit", "damn", "f.u.c.k", "sh1t", "ｆｕｃｋ", "fuuuuck"]


def corpus(n, seed=7):
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = [rng.choice(CHAT) for _ in range(rng.randint(8, 24))]
        if rng.random() < 0.2:
            words.insert(rng.randrange(len(words)), rng.choice(OFFENSIVE))
        out.append(" ".join(words))
    return out


def timed(fn, texts, repeat=5):
    best = float("inf")
    result = None
    for _ in range(repeat):
        # The previous run's result is freed before timing, for every contender alike.
        result = None
        t0 = time.perf_counter()
        result = fn(texts)
        best = min(best, time.perf_counter() - t0)
    return best, result


def paired(fn_a, fn_b, texts, rounds=9):
    """Times two contenders in turn, A B A B ..., and returns the median of the per-round ratios
    of B's time to A's (how many times faster A is), with the lowest and highest: on a shared
    machine whose speed drifts, pairs taken close together compare fairly."""
    ratios = []
    for _ in range(rounds):
        a, _ = timed(fn_a, texts, repeat=1)
        b, _ = timed(fn_b, texts, repeat=1)
        ratios.append(b / a)
    ratios.sort()
    return ratios[len(ratios) // 2], ratios[0], ratios[-1]


def mbps(texts, seconds):
    return sum(len(t.encode()) for t in texts) / seconds / 1e6


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tweets", type=int, default=100_000)
    ap.add_argument("--slow-tweets", type=int, default=2_000, help="corpus slice for better-profanity")
    args = ap.parse_args()
    texts = corpus(args.tweets)
    slow = texts[: args.slow_tweets]
    m = kavach.Matcher(lists=["en"])
    rows = []

    secs, res = timed(lambda ts: m.find_many(ts), texts)
    hits = sum(bool(r) for r in res)
    assert hits > args.tweets // 10, hits
    rows.append(("kavach find_many (all cores)", mbps(texts, secs), hits))
    secs, res = timed(lambda ts: m.find_many(ts, threads=1), texts)
    rows.append(("kavach find_many (1 thread)", mbps(texts, secs), sum(bool(r) for r in res)))
    secs, res = timed(lambda ts: [m.find(t) for t in ts], texts)
    rows.append(("kavach find, one call per tweet", mbps(texts, secs), sum(bool(r) for r in res)))
    secs, res = timed(lambda ts: [m.is_match(t) for t in ts], texts)
    rows.append(("kavach is_match, one call per tweet", mbps(texts, secs), sum(res)))

    import ahocorasick_rs
    terms = sorted({line.split("|")[0].strip().lower() for line in _en_terms()})
    ac = ahocorasick_rs.AhoCorasick(terms, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    secs, res = timed(lambda ts: [ac.find_matches_as_indexes(t.lower()) for t in ts], texts)
    ac_hits = sum(bool(r) for r in res)
    assert ac_hits > args.tweets // 10, ac_hits
    rows.append((f"ahocorasick-rs 1.0.3 ({len(terms)} terms), one call per tweet", mbps(texts, secs), ac_hits))

    from better_profanity import profanity
    profanity.load_censor_words()
    secs, res = timed(lambda ts: [profanity.contains_profanity(t) for t in ts], slow, repeat=1)
    bp_hits = sum(res)
    assert bp_hits > len(slow) // 10, bp_hits
    rows.append((f"better-profanity 0.7.0, one call per tweet ({len(slow)} tweets)", mbps(slow, secs), bp_hits))

    base = dict((name, v) for name, v, _ in rows)
    print(f"{args.tweets} tweets, {sum(len(t.encode()) for t in texts) / 1e6:.1f} MB")
    for name, v, hits in rows:
        print(f"  {name:58} {v:9.3f} MB/s   {hits:6} texts with a match")
    ac_rate = next(v for n, v in base.items() if n.startswith("ahocorasick-rs"))
    bp_rate = next(v for n, v in base.items() if n.startswith("better-profanity"))
    many = base["kavach find_many (all cores)"]
    print(f"ratio find_many / ahocorasick-rs per call: {many / ac_rate:.2f}")
    med, lo, hi = paired(lambda ts: m.find_many(ts), lambda ts: [ac.find_matches_as_indexes(t.lower()) for t in ts], texts)
    print(f"  paired, 9 rounds A B A B ...: median {med:.2f} (min {lo:.2f}, max {hi:.2f})")
    print(f"ratio find_many / better-profanity per call: {many / bp_rate:.0f}")
    print(f"ratio find per call / ahocorasick-rs per call: {base['kavach find, one call per tweet'] / ac_rate:.2f}")


def _en_terms():
    """The English list's terms: the same ones kavach matches (read from the bundled list file)."""
    import pathlib
    path = pathlib.Path(__file__).resolve().parents[3] / "wordlists" / "en" / "en.kavach"
    section, out = None, []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line
        elif section == "[terms]" and line and not line.startswith("#"):
            out.append(line)
    return out


if __name__ == "__main__":
    main()
