//! Throughput of `find` against raw Aho-Corasick (DFA, ASCII case-insensitive) over the same
//! terms and text, on seeded corpora: ~100-byte posts (one call per post), 64 KiB and 1 MiB documents,
//! clean chat, Hinglish and Devanagari, obfuscated, match-dense, adversarial and real-shaped text
//! (a timeline and a moderation queue, with every bundled list). Each group
//! checks its match counts first, so a broken engine cannot look fast, and prints kavach's
//! throughput as a fraction of the reference's (the median of paired rounds, which alternate
//! the two, so a drift in the machine's speed does not skew it); the English tweets group also
//! runs rustrict and `is_match` (each paired with `find` the same way) and `find_many` on 1 and
//! 2 threads, and two groups time loading the bundled matcher (precompiled) and building it.
//!
//! Run: `cargo bench -p kavach-text --bench throughput`

// `criterion_group!` generates an undocumented function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kavach::{Matcher, Wordlist};

/// A small deterministic PRNG (xorshift64*), so corpora are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const CHAT: &[&str] = &[
    "the",
    "a",
    "to",
    "and",
    "of",
    "is",
    "it",
    "you",
    "that",
    "this",
    "for",
    "on",
    "with",
    "was",
    "just",
    "so",
    "what",
    "my",
    "we",
    "have",
    "not",
    "are",
    "be",
    "at",
    "lol",
    "today",
    "game",
    "match",
    "really",
    "great",
    "love",
    "people",
    "think",
    "know",
    "time",
    "new",
    "good",
    "going",
    "why",
    "can't",
    "don't",
    "happy",
    "birthday",
    "traffic",
    "weather",
    "class",
    "assessment",
    "cocktail",
    "Scunthorpe",
    "analysis",
    "😀",
    "🔥",
    "👍",
    "#monday",
    "@friend",
    "2024",
    "100%",
];
const OFFENSIVE: &[&str] = &[
    "fuck", "shit", "bitch", "asshole", "bullshit", "damn", "wtf",
];
const OBFUSCATED: &[&str] = &[
    "f.u.c.k",
    "sh1t",
    "ｆｕｃｋ",
    "fuuuuck",
    "b*tch",
    "a55hole",
    "fu\u{200b}ck",
    "fuсk",
];
const HINGLISH: &[&str] = &[
    "yaar",
    "kya",
    "hai",
    "bhai",
    "kal",
    "match",
    "tha",
    "nahi",
    "accha",
    "tu",
    "mera",
    "dekh",
    "है",
    "क्या",
    "यार",
    "आज",
    "बहुत",
    "अच्छा",
    "नहीं",
    "भाई",
    "मैच",
];
const HINDI_OFFENSIVE: &[&str] = &["chutiya", "bc", "चूतिया", "madarchod", "गांड"];

/// Posts of about `len` bytes; roughly one word in `rate` is offensive.
fn posts(seed: u64, n: usize, len: usize, words: &[&str], bad: &[&str], rate: u64) -> Vec<String> {
    let mut rng = Rng(seed);
    (0..n)
        .map(|_| {
            let mut p = String::new();
            while p.len() < len {
                let w = if rng.next() % rate == 0 {
                    rng.pick(bad)
                } else {
                    rng.pick(words)
                };
                p.push_str(w);
                p.push(' ');
            }
            p
        })
        .collect()
}

/// `word` with its first letter upper-case.
fn capitalised(word: &str) -> String {
    let mut cs = word.chars();
    cs.next()
        .into_iter()
        .flat_map(char::to_uppercase)
        .chain(cs)
        .collect()
}

/// Appends a term and a space: some shouted, some capitalised, most as typed.
fn push_term(rng: &mut Rng, p: &mut String, terms: &[&str]) {
    let t = rng.pick(terms);
    match rng.next() % 8 {
        0 => p.push_str(&t.to_uppercase()),
        1 => p.push_str(&capitalised(t)),
        _ => p.push_str(t),
    }
    p.push(' ');
}

/// English tweets shaped like real ones. The rates are those of public English tweets
/// measured for issue 27 (HASOC 2019-2020 English, 7,819 tweets; the data is not in the
/// repository): lengths with median 155 bytes (5% under 53, 5% over 302, up to 600); `RT
/// @handle:` on 5%; a mention in half of them, handles 13% with digits and 8% with `_`;
/// 2.6 hashtags a tweet, 5% of them with digits; a `t.co` link at the end of 41%; emoji in
/// 10%; curly quotes and apostrophes in 15%; dashes and ellipses in 6%; an undecoded `&amp;`
/// in 4%; capitalised and shouted words; an accent or Devanagari in about one in 200. One
/// tweet in `rate` holds a term (1: every tweet, a moderation queue).
fn tweets_real_shaped(seed: u64, n: usize, rate: u64) -> Vec<String> {
    const EMOJI: &[&str] = &["😂", "🔥", "👍🏽", "❤️", "🙏", "😭", "💯", "🤣", "✨", "😡"];
    const ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let mut rng = Rng(seed);
    let names: Vec<&str> = CHAT
        .iter()
        .copied()
        .filter(|w| w.bytes().all(|b| b.is_ascii_alphabetic()))
        .collect();
    let handle = |rng: &mut Rng| {
        let mut h = format!("{}{}", rng.pick(&names), rng.pick(&names));
        match rng.next() % 100 {
            0..=12 => h.push_str(&(rng.next() % 10_000).to_string()),
            13..=20 => {
                h.insert(h.len() / 2, '_');
            }
            _ => {}
        }
        if rng.next() % 2 == 0 {
            h[..1].make_ascii_uppercase();
        }
        h
    };
    let terms: Vec<&str> = OFFENSIVE.iter().chain(HINDI_OFFENSIVE).copied().collect();
    (0..n)
        .map(|_| {
            let len = match rng.next() % 100 {
                0..=4 => 20 + rng.next() % 33,
                5..=24 => 53 + rng.next() % 53,
                25..=49 => 106 + rng.next() % 49,
                50..=74 => 155 + rng.next() % 85,
                75..=94 => 240 + rng.next() % 62,
                _ => 302 + rng.next() % 298,
            } as usize;
            let mut p = String::new();
            if rng.next() % 20 == 0 {
                p.push_str(&format!("RT @{}: ", handle(&mut rng)));
            }
            if rng.next() % 2 == 0 {
                p.push_str(&format!("@{} ", handle(&mut rng)));
            }
            let url = rng.next() % 100 < 41;
            // Per mille of tweets with each, and a pick of it.
            let mut features = Vec::new();
            for (per_mille, pick) in [
                (150, &["don’t", "it’s", "“really”", "I’m", "‘ok’"][..]),
                (100, EMOJI),
                (60, &["—", "…", "well…", "–"]),
                (40, &["&amp;"]),
                (5, &["café", "naïve", "यार", "भारत"]),
            ] {
                if rng.next() % 1000 < per_mille {
                    let at = (rng.next() % (len as u64 / 8 + 1)) as usize;
                    features.push((at, rng.pick(pick)));
                }
            }
            let term_at =
                (rng.next() % rate == 0).then(|| (rng.next() % (len as u64 / 8 + 1)) as usize);
            let body = len.saturating_sub(if url { 24 } else { 0 });
            let mut words = 0;
            while p.len() < body {
                if Some(words) == term_at {
                    push_term(&mut rng, &mut p, &terms);
                    words += 1;
                    continue;
                }
                let w: String = match rng.next() % 100 {
                    0..=9 => {
                        let mut tag = format!("#{}", rng.pick(&names));
                        if rng.next() % 2 == 0 {
                            tag.push_str(rng.pick(&names));
                        }
                        if rng.next() % 20 == 0 {
                            tag.push_str(&(rng.next() % 100).to_string());
                        }
                        tag
                    }
                    10..=13 => capitalised(rng.pick(&names)),
                    14 => rng.pick(&names).to_uppercase(),
                    15..=16 => (rng.next() % 1000).to_string(),
                    _ => rng.pick(&names).to_string(),
                };
                // What a tweet has once, if at all, at a word of its own.
                for (at, feature) in &features {
                    if *at == words {
                        p.push_str(feature);
                        p.push(' ');
                    }
                }
                p.push_str(&w);
                p.push(match rng.next() % 40 {
                    0 => '\n',
                    1..=3 => ',',
                    4..=5 => '.',
                    _ => ' ',
                });
                if p.ends_with([',', '.']) {
                    p.push(' ');
                }
                words += 1;
            }
            if term_at.is_some_and(|at| at >= words) {
                p.push_str(rng.pick(&terms));
                p.push(' ');
            }
            if url {
                p.push_str("https://t.co/");
                for _ in 0..10 {
                    p.push(char::from(
                        ALNUM[(rng.next() % ALNUM.len() as u64) as usize],
                    ));
                }
            }
            p
        })
        .collect()
}

/// Comments shaped like an Indian platform's: lengths from a few bytes to 600, `RT @handle:`
/// prefixes, mentions, hashtags, URLs, emoji (skin tones, variation selectors), curly quotes,
/// accents, decoded HTML entities and numbers among English and Hinglish chat, Devanagari in
/// one word in 15; one post in `rate` holds a term (1: every post).
fn comments_real_shaped(seed: u64, n: usize, rate: u64) -> Vec<String> {
    const EMOJI: &[&str] = &["😂", "🔥", "👍🏽", "❤️", "🙏", "😭", "💯", "🤣", "✨", "😡"];
    const ACCENTED: &[&str] = &["café", "naïve", "señor", "résumé", "Zürich", "déjà vu"];
    const ENTITIES: &[&str] = &["&", ">", "<3", "\"yes\"", "…", "—"];
    const QUOTED: &[&str] = &["“really”", "it’s", "don’t", "‘ok’", "we’re"];
    const DEVANAGARI: &[&str] = &["यार", "आज", "बहुत", "अच्छा", "नहीं", "क्या"];
    let mut rng = Rng(seed);
    let terms: Vec<&str> = OFFENSIVE.iter().chain(HINDI_OFFENSIVE).copied().collect();
    (0..n)
        .map(|_| {
            let len = match rng.next() % 100 {
                0..=4 => 3 + rng.next() % 12,
                5..=74 => 20 + rng.next() % 120,
                75..=94 => 140 + rng.next() % 140,
                _ => 280 + rng.next() % 320,
            } as usize;
            let mut p = String::new();
            if rng.next() % 10 == 0 {
                p.push_str(&format!("RT @user_{}: ", rng.next() % 10_000));
            }
            let term_at =
                (rng.next() % rate == 0).then(|| (rng.next() % (len as u64 / 8 + 1)) as usize);
            let mut words = 0;
            while p.len() < len {
                if Some(words) == term_at {
                    push_term(&mut rng, &mut p, &terms);
                    words += 1;
                    continue;
                }
                let w: String = match rng.next() % 100 {
                    0..=59 => rng.pick(CHAT).to_string(),
                    60..=69 => rng.pick(HINGLISH).to_string(),
                    70..=74 => format!("@{}_{}", rng.pick(CHAT), rng.next() % 1000),
                    75..=79 => format!("#{}", rng.pick(CHAT)),
                    80..=82 => format!("https://t.co/{:x}", rng.next() % 0xfff_ffff),
                    83..=90 => rng.pick(EMOJI).to_string(),
                    91..=92 => (rng.next() % 10_000).to_string(),
                    93 => rng.pick(ENTITIES).to_string(),
                    94..=95 => rng.pick(QUOTED).to_string(),
                    96..=97 => rng.pick(ACCENTED).to_string(),
                    _ => rng.pick(DEVANAGARI).to_string(),
                };
                p.push_str(&w);
                p.push(if rng.next() % 12 == 0 { '\n' } else { ' ' });
                words += 1;
            }
            if term_at.is_some_and(|at| at >= words) {
                p.push_str(rng.pick(&terms));
            }
            p
        })
        .collect()
}

/// The texts of a file: the `text` field of each JSON line, or each line as it is.
fn texts_from(path: &str) -> Vec<String> {
    let all = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    all.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            if !line.starts_with('{') {
                return line.to_string();
            }
            let value: serde_json::Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{path}:{}: {e}", n + 1));
            match value.get("text") {
                Some(serde_json::Value::String(t)) => t.clone(),
                _ => panic!("{path}:{}: no string field `text`", n + 1),
            }
        })
        .collect()
}

/// The reference: raw Aho-Corasick over the lists' terms, ASCII case-insensitive, as a DFA.
fn reference(lists: &[&str]) -> AhoCorasick {
    let mut terms = Vec::new();
    for id in lists {
        for e in Wordlist::bundled(id).expect("bundled").entries() {
            terms.push(e.term.clone());
        }
    }
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&terms)
        .expect("reference automaton")
}

/// Seconds per call of `f`, over at least `min` (one call at least).
fn seconds_over(min: Duration, f: &mut dyn FnMut()) -> f64 {
    let start = Instant::now();
    let mut runs = 0u32;
    while runs == 0 || start.elapsed() < min {
        f();
        runs += 1;
    }
    start.elapsed().as_secs_f64() / f64::from(runs)
}

/// Seconds per call of `f`, over at least 1.5 s.
fn seconds(f: &mut dyn FnMut()) -> f64 {
    seconds_over(Duration::from_millis(1500), f)
}

/// Rounds of [`paired`].
const ROUNDS: usize = 9;

/// Seconds per call of `a` and of `b`, and `b / a`, each the median over [`ROUNDS`] rounds
/// that time `a` then `b` for about 0.25 s each: pairing keeps the ratio steady when the
/// machine's speed drifts during the run.
fn paired(a: &mut dyn FnMut(), b: &mut dyn FnMut()) -> (f64, f64, f64) {
    let round = Duration::from_millis(250);
    let (mut sa, mut sb, mut ratio) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let x = seconds_over(round, a);
        let y = seconds_over(round, b);
        sa.push(x);
        sb.push(y);
        ratio.push(y / x);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    (median(&mut sa), median(&mut sb), median(&mut ratio))
}

fn ratio(name: &str, bytes: usize, mut kavach: impl FnMut(), mut reference: impl FnMut()) {
    let (k, r, ratio) = paired(&mut kavach, &mut reference);
    let mb = |s: f64| bytes as f64 / s / 1e6;
    println!(
        "{name}: kavach {:.1} MB/s, aho-corasick DFA {:.1} MB/s, ratio {ratio:.2} (medians of {ROUNDS} paired rounds)",
        mb(k),
        mb(r),
    );
}

fn group(c: &mut Criterion, name: &str, texts: &[String], lists: &[&str]) -> Matcher {
    let mut b = Matcher::builder();
    for id in lists {
        b = b.bundled(id);
    }
    let matcher = b.build().expect("matcher");
    let ac = reference(lists);
    let bytes: usize = texts.iter().map(String::len).sum();
    let found: usize = texts.iter().map(|t| matcher.find(t).len()).sum();
    let raw: usize = texts.iter().map(|t| ac.find_iter(t).count()).sum();
    // The reference finds nothing in obfuscated text; kavach must find something everywhere.
    assert!(
        found > 0 && (raw > 0 || name.starts_with("adversarial")),
        "{name}: kavach found {found}, reference {raw}"
    );
    println!(
        "{name}: {} texts, {bytes} bytes; kavach {found} matches, raw aho-corasick {raw}",
        texts.len()
    );
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("kavach find", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| black_box(matcher.find(t)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("aho-corasick DFA", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| ac.find_iter(black_box(t)).count())
                .sum::<usize>()
        })
    });
    g.finish();
    ratio(
        name,
        bytes,
        || {
            black_box(texts.iter().map(|t| matcher.find(t).len()).sum::<usize>());
        },
        || {
            black_box(texts.iter().map(|t| ac.find_iter(t).count()).sum::<usize>());
        },
    );
    matcher
}

/// `is_match`, `find_many` on 1 and 2 threads, and rustrict, on the same posts.
fn extras(name: &str, texts: &[String], matcher: &Matcher) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let mb = |s: f64| bytes as f64 / s / 1e6;
    let flagged = texts.iter().filter(|t| matcher.is_match(t)).count();
    let rustrict_flagged = texts
        .iter()
        .filter(|t| rustrict::CensorStr::is_inappropriate(t.as_str()))
        .count();
    assert!(
        flagged > 0 && rustrict_flagged > 0,
        "{name}: {flagged} {rustrict_flagged}"
    );
    let (find, rustrict, vs_rustrict) = paired(
        &mut || {
            black_box(texts.iter().map(|t| matcher.find(t).len()).sum::<usize>());
        },
        &mut || {
            black_box(
                texts
                    .iter()
                    .filter(|t| rustrict::CensorStr::is_inappropriate(t.as_str()))
                    .count(),
            );
        },
    );
    let (_, is_match, match_vs_find) = paired(
        &mut || {
            black_box(texts.iter().map(|t| matcher.find(t).len()).sum::<usize>());
        },
        &mut || {
            black_box(texts.iter().filter(|t| matcher.is_match(t)).count());
        },
    );
    let one = seconds(&mut || {
        black_box(matcher.find_many(texts, 1).len());
    });
    let two = seconds(&mut || {
        black_box(matcher.find_many(texts, 2).len());
    });
    println!(
        "{name}: find {:.1} MB/s, is_match {:.1} MB/s ({flagged} flagged; is_match / find time {match_vs_find:.3}); find_many 1 thread {:.1} MB/s, 2 threads {:.1} MB/s (x{:.2}); rustrict 0.7.39 is_inappropriate {:.1} MB/s ({rustrict_flagged} flagged), find/rustrict x{vs_rustrict:.1} (median of {ROUNDS} paired rounds)",
        mb(find),
        mb(is_match),
        mb(one),
        mb(two),
        one / two,
        mb(rustrict),
    );
}

/// `is_match` on a 1 MB text of clean chat, with and without a term in its first line, against
/// `find` on the same texts: with the early term it answers from a prefix (its first 1/32).
fn early_stop(m: &Matcher) {
    let clean = posts(7, 1, 1 << 20, CLEAN, OFFENSIVE, u64::MAX).concat();
    let early = format!("what the fuck. {clean}");
    assert!(m.find(&clean).is_empty() && m.is_match(&early) && !m.is_match(&clean));
    // Paired, as the ratios above: timed one after the other, is_match / find read 1.03 in one
    // run and 1.08 in the next.
    let (is_match, find, ratio) = paired(
        &mut || {
            black_box(m.is_match(&clean));
        },
        &mut || {
            black_box(m.find(&clean));
        },
    );
    let (early_is_match, early_find, _) = paired(
        &mut || {
            black_box(m.is_match(&early));
        },
        &mut || {
            black_box(m.find(&early));
        },
    );
    println!(
        "1 MB of clean chat: is_match {:.2} ms, find {:.2} ms (is_match / find {:.3}); with a term in the first line: is_match {:.2} ms, find {:.2} ms (medians of {ROUNDS} paired rounds)",
        is_match * 1e3,
        find * 1e3,
        1.0 / ratio,
        early_is_match * 1e3,
        early_find * 1e3,
    );
}

/// Chat words without any term or word that contains one.
const CLEAN: &[&str] = &[
    "the", "a", "to", "and", "of", "is", "it", "you", "that", "this", "for", "on", "with", "was",
    "just", "so", "what", "my", "we", "have", "not", "are", "be", "at", "lol", "today", "game",
    "match", "really", "great", "love", "people", "think", "know", "time", "new", "good", "going",
    "why", "can't", "don't", "happy", "birthday", "traffic", "weather", "😀", "🔥", "👍",
    "#monday", "@friend", "2024", "100%", "Mumbai", "coffee", "morning",
];

/// Whether to run the group `name`: all by default, or those named in the environment variable
/// `KAVACH_BENCH_GROUPS` (comma-separated, e.g. `tweets-en,tweets-clean-chat`).
fn wanted(name: &str) -> bool {
    std::env::var("KAVACH_BENCH_GROUPS").map_or(true, |g| g.split(',').any(|x| x == name))
}

fn benches(c: &mut Criterion) {
    // The bundled matcher is compiled with the library (the `precompiled` feature) and read
    // when asked for; built, it takes what a platform's lists of that size take.
    let build_at_run_time = || {
        Matcher::builder()
            .all_bundled()
            .precompiled(false)
            .build()
            .expect("bundled")
    };
    let load = seconds(&mut || {
        black_box(Matcher::bundled().expect("bundled"));
    });
    let build = seconds(&mut || {
        black_box(build_at_run_time());
    });
    println!(
        "bundled matcher (4 lists): loaded in {:.2} ms (precompiled), built in {:.1} ms",
        load * 1e3,
        build * 1e3
    );
    c.bench_function("load bundled matcher", |b| {
        b.iter(|| black_box(Matcher::bundled().expect("bundled")))
    });
    c.bench_function("build bundled matcher", |b| {
        b.iter(|| black_box(build_at_run_time()))
    });
    if wanted("tweets-en") {
        let tweets = posts(1, 10_000, 100, CHAT, OFFENSIVE, 25);
        let m = group(c, "tweets-en", &tweets, &["en"]);
        extras("tweets-en", &tweets, &m);
    }
    if wanted("tweets-clean-chat") {
        let clean = posts(5, 10_000, 100, CLEAN, OFFENSIVE, 500);
        let m = group(c, "tweets-clean-chat", &clean, &["en"]);
        extras("tweets-clean-chat", &clean, &m);
        early_stop(&m);
    }
    if wanted("doc-64k-en") {
        let doc = posts(2, 1, 64 << 10, CHAT, OFFENSIVE, 40);
        group(c, "doc-64k-en", &doc, &["en"]);
    }
    if wanted("doc-1m-en") {
        // A long document: the fast path must keep going past the few stretches it cannot take.
        let long_doc = posts(8, 1, 1 << 20, CHAT, OFFENSIVE, 40);
        group(c, "doc-1m-en", &long_doc, &["en"]);
    }
    if wanted("tweets-obfuscated") {
        let obfuscated = posts(3, 10_000, 100, CHAT, OBFUSCATED, 6);
        group(c, "tweets-obfuscated", &obfuscated, &["en"]);
    }
    if wanted("tweets-hinglish-devanagari") {
        let hinglish = posts(4, 10_000, 100, HINGLISH, HINDI_OFFENSIVE, 25);
        group(
            c,
            "tweets-hinglish-devanagari",
            &hinglish,
            &["hi", "hi-Latn"],
        );
    }
    // Shaped like real traffic, with every bundled list (and the reference over all their
    // terms): English tweets, a moderation queue of them where every tweet holds a term, and
    // Hinglish comments with Devanagari.
    let every_list = ["en", "hi", "hi-Latn", "child-safety"];
    if wanted("tweets-real-shaped") {
        let real = tweets_real_shaped(9, 10_000, 5);
        group(c, "tweets-real-shaped", &real, &every_list);
    }
    if wanted("queue-real-shaped") {
        let queue = tweets_real_shaped(10, 10_000, 1);
        group(c, "queue-real-shaped", &queue, &every_list);
    }
    // By text length: the real-shaped tweets as one stream, cut into texts of about N bytes
    // (at a character boundary), from a reply to a long document.
    if wanted("by-length") {
        let stream = tweets_real_shaped(12, 12_000, 5).join("\n");
        for n in [32, 128, 512, 2048, 16 << 10, 256 << 10] {
            let mut texts = Vec::new();
            let mut rest = stream.as_str();
            while rest.len() >= n {
                let mut cut = n;
                while !rest.is_char_boundary(cut) {
                    cut += 1;
                }
                let (text, tail) = rest.split_at(cut);
                texts.push(text.to_string());
                rest = tail;
            }
            group(c, &format!("length-{n}"), &texts, &every_list);
        }
    }
    if wanted("comments-hinglish-real-shaped") {
        let comments = comments_real_shaped(11, 10_000, 5);
        group(c, "comments-hinglish-real-shaped", &comments, &every_list);
    }
    // A platform's own traffic, kept outside the repository: `KAVACH_BENCH_TEXTS=posts.jsonl`
    // (one JSON object with a `text` field per line, or one text per line) runs the group
    // `file-texts` on it with every bundled list.
    if let (Ok(path), true) = (std::env::var("KAVACH_BENCH_TEXTS"), wanted("file-texts")) {
        let texts = texts_from(&path);
        group(c, "file-texts", &texts, &every_list);
    }
    if wanted("tweets-match-dense") {
        let dense = posts(6, 10_000, 100, CHAT, OFFENSIVE, 2);
        group(c, "tweets-match-dense", &dense, &["en"]);
    }
    // Adversarial: a letter stretched for 64 KiB, separators between single letters, masks
    // and combining marks, each as one 64 KiB document.
    let adversarial = vec![
        format!("f{}ck", "u".repeat(64 << 10)),
        "f.".repeat(32 << 10) + "uck",
        "a*".repeat(32 << 10) + "ss",
        format!("fu{}ck", "\u{301}".repeat(32 << 10)),
    ];
    if wanted("adversarial-64k") {
        group(c, "adversarial-64k", &adversarial, &["en"]);
    }
}

criterion_group! {
    name = throughput;
    config = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(3));
    targets = benches
}
criterion_main!(throughput);
