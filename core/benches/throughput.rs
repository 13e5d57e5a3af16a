//! Throughput of `find` against raw Aho-Corasick (DFA, ASCII case-insensitive) over the same
//! terms and text, on seeded corpora: ~100-byte posts (one call per post) and 64 KiB documents.
//! Each group checks its match counts first, so a broken engine cannot look fast, and prints
//! kavach's throughput as a fraction of the reference's.
//!
//! Run: `cargo bench -p kavach --bench throughput`

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

fn ratio(name: &str, bytes: usize, mut kavach: impl FnMut(), mut reference: impl FnMut()) {
    let time = |f: &mut dyn FnMut()| {
        let start = Instant::now();
        let mut runs = 0u32;
        while start.elapsed() < Duration::from_millis(1500) {
            f();
            runs += 1;
        }
        start.elapsed().as_secs_f64() / f64::from(runs)
    };
    let k = time(&mut kavach);
    let r = time(&mut reference);
    let mb = |s: f64| bytes as f64 / s / 1e6;
    println!(
        "{name}: kavach {:.1} MB/s, aho-corasick DFA {:.1} MB/s, ratio {:.2}",
        mb(k),
        mb(r),
        r / k
    );
}

fn group(c: &mut Criterion, name: &str, texts: &[String], lists: &[&str]) {
    let mut b = Matcher::builder();
    for id in lists {
        b = b.bundled(id);
    }
    let matcher = b.build().expect("matcher");
    let ac = reference(lists);
    let bytes: usize = texts.iter().map(String::len).sum();
    let found: usize = texts.iter().map(|t| matcher.find(t).len()).sum();
    let raw: usize = texts.iter().map(|t| ac.find_iter(t).count()).sum();
    assert!(
        found > 0 && raw > 0,
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
}

fn benches(c: &mut Criterion) {
    let tweets = posts(1, 10_000, 100, CHAT, OFFENSIVE, 25);
    group(c, "tweets-en", &tweets, &["en"]);
    let doc = posts(2, 1, 64 << 10, CHAT, OFFENSIVE, 40);
    group(c, "doc-64k-en", &doc, &["en"]);
    let obfuscated = posts(3, 10_000, 100, CHAT, OBFUSCATED, 6);
    group(c, "tweets-obfuscated", &obfuscated, &["en"]);
    let hinglish = posts(4, 10_000, 100, HINGLISH, HINDI_OFFENSIVE, 25);
    group(
        c,
        "tweets-hinglish-devanagari",
        &hinglish,
        &["hi", "hi-Latn"],
    );
}

criterion_group! {
    name = throughput;
    config = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(3));
    targets = benches
}
criterion_main!(throughput);
