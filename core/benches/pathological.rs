//! Pathological inputs and lists. Not a test: it prints tables.
//!
//! 1. The cost per byte of `find` as the input grows from 1 KB to 10 MB (it must stay flat:
//!    linear time).
//! 2. Hostile inputs against the default matcher (`Matcher::bundled()`): the cost per byte of
//!    `find`, `is_match`, `censor`, `verdict` and `report` on each shape, relative to `find` on
//!    1 MB of generated tweet-shaped English. Each shape is measured at 100 KB and 200 KB (the
//!    per-byte growth between them is ~1x for linear work, ~2x for quadratic), then at 1 MB
//!    unless that run is estimated to take over 2 s. Ends with the worst ratio.
//! 3. Hostile lists: build time and heap of matchers from 100,000 random words, one long entry
//!    (random letters; only `i` and `l`, each also a leetspeak `1`; romanised Hindi, with its
//!    spelling variants) and 200 nested substring entries, and `find` with each; every case in
//!    a child process stopped at a time limit or when its live heap passes a cap. By default a
//!    1 KB entry stands in for a 4 KB one and nested entries scan 100 KB, not 1 MB;
//!    `KAVACH_BENCH_BIG=1` adds those and 1,000,000 short words.
//!
//! Heap figures come from a counting global allocator (`stats_alloc`), used by every section.
//!
//! Run: `cargo bench -p kavach-text --bench pathological`

#![allow(missing_docs)]

use std::alloc::System;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::hint::black_box;
use std::io::Read as _;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use kavach::{CensorOptions, Limits, MatchMode, Matcher, Wordlist};
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

fn ns_per_byte(m: &Matcher, text: &str) -> f64 {
    let reps = (4_000_000 / text.len().max(1)).clamp(1, 1000);
    let start = Instant::now();
    for _ in 0..reps {
        black_box(m.find(black_box(text)));
    }
    start.elapsed().as_nanos() as f64 / (reps * text.len()) as f64
}

const HEADER: &str = "id = big\nversion = 1.0.0\ntitle = t\nlanguages = en\nsource = generated\nlicense = CC0-1.0\ndate = 2026-11-29\n[terms]\n";

fn list(terms: impl Iterator<Item = String>) -> Wordlist {
    list_in_mode(terms, "word")
}

fn list_in_mode(terms: impl Iterator<Item = String>, mode: &str) -> Wordlist {
    let mut text = String::from(HEADER);
    for t in terms {
        let _ = writeln!(text, "{t} | profanity | medium | {mode}");
    }
    Wordlist::parse(&text, "big").expect("generated list")
}

/// An input kind: its name and how to make `n` bytes of it.
type Kind = (&'static str, fn(usize) -> String);

const KINDS: [Kind; 8] = [
    ("one letter", |n| "a".repeat(n)),
    ("combining marks on one base", |n| {
        format!("a{}", "\u{301}".repeat(n / 2))
    }),
    ("separators", |n| ".".repeat(n)),
    ("spaced single letters", |n| "f ".repeat(n / 2)),
    ("masks and leet", |n| "a*$".repeat(n / 3)),
    // Each `cocktail` is a candidate (`cock`) inside an allow word.
    ("allow words", |n| "cocktail ".repeat(n / 9)),
    // A context-mode term with a context word far away.
    ("context terms", |n| "bc ".repeat(n / 3) + "hai"),
    ("chat with terms", |n| {
        "what the f.u.c.k is this 😀 ".repeat(n / 29)
    }),
];

fn main() {
    if let Ok(case) = std::env::var("KAVACH_PATHO_CASE") {
        run_list_case(&case);
        return;
    }
    let m = Matcher::bundled().expect("bundled");
    sizes_table(&m);
    shapes_table(&m);
    lists_section();
}

/// Section 1: `find` per byte from 1 KB to 10 MB, and the two big-list checks.
fn sizes_table(m: &Matcher) {
    let sizes = [1_000usize, 10_000, 100_000, 1_000_000, 10_000_000];
    print!("{:32}", "ns per byte, find (unlimited)");
    for s in sizes {
        print!("{:>10}", format!("{} KB", s / 1000));
    }
    println!();
    for (name, make) in KINDS {
        print!("{name:32}");
        for s in sizes {
            let text = make(s);
            print!("{:>10.2}", ns_per_byte(m, &text));
        }
        println!();
    }
    let start = Instant::now();
    let big = list((0..200_000).map(|i| format!("zq{i:06}x")));
    let parsed = start.elapsed();
    let start = Instant::now();
    let bm = Matcher::builder()
        .list(big)
        .limits(Limits::NONE)
        .build()
        .expect("200k terms");
    let built = start.elapsed();
    assert_eq!(bm.find("a zq123456x b").len(), 1);
    println!(
        "200,000-term list: parsed in {:.0} ms, matcher built in {:.0} ms; find on 1 MB: {:.2} ns/byte",
        parsed.as_secs_f64() * 1e3,
        built.as_secs_f64() * 1e3,
        ns_per_byte(&bm, &"zq1 words zq123456x ".repeat(50_000))
    );
    let start = Instant::now();
    let long = list((0..100).map(|i| format!("{}{i}", "abcdefghij".repeat(100))));
    let refused = Matcher::builder()
        .list(long.clone())
        .build()
        .expect_err("over max-term-chars");
    let lm = Matcher::builder()
        .list(long)
        .limits(Limits::NONE)
        .build()
        .expect("long terms");
    println!("100 terms of 1,000 characters, default limits: {refused}");
    println!(
        "100 terms of 1,000 characters, no limits: built in {:.0} ms; find on 1 MB: {:.2} ns/byte",
        start.elapsed().as_secs_f64() * 1e3,
        ns_per_byte(&lm, &"abcdefghij".repeat(100_000))
    );
    println!();
}

// ---------------------------------------------------------------------------------------------
// Deterministic generation.

/// SplitMix64: small, seeded, good enough to shape text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    fn letters(&mut self, len: usize) -> String {
        (0..len)
            .map(|_| char::from(b'a' + self.below(26) as u8))
            .collect()
    }
}

const WORDS: &[&str] = &[
    "the", "a", "to", "and", "of", "in", "is", "it", "you", "that", "for", "on", "this", "with",
    "my", "just", "so", "be", "are", "have", "not", "was", "but", "at", "we", "all", "me", "what",
    "your", "like", "get", "if", "out", "up", "now", "can", "do", "one", "about", "time", "day",
    "today", "new", "people", "love", "good", "great", "know", "really", "think", "see", "going",
    "back", "more", "want", "need", "still", "work", "got", "how", "when", "make", "here", "last",
    "night", "game", "team", "first", "best", "year", "week", "home", "thank", "thanks", "happy",
    "never", "right", "always", "world", "life", "show", "watch", "news", "live", "free", "check",
    "video", "music", "song", "album", "vote", "read", "story", "weekend", "morning", "coffee",
    "city", "weather", "rain", "sun", "school", "class", "friends", "family", "birthday",
    "tonight", "tomorrow", "finally", "again", "better", "little", "big", "old", "look", "feel",
    "made", "says", "said", "via", "why", "who", "because", "over", "after", "before", "some",
    "every", "than", "them", "they", "their", "there", "our", "us", "from", "by", "an", "as", "or",
    "no", "yes", "wow", "lol", "omg", "cool", "nice", "amazing", "awesome", "ready", "excited",
    "proud", "tired", "hungry", "hope", "wait", "start", "stop", "play", "win", "lost", "won",
    "follow", "share", "post", "photo", "link", "traffic", "election", "market", "update",
];
const CONTRACTIONS: &[&str] = &[
    "don’t", "can’t", "it’s", "I’m", "you’re", "that’s", "won’t", "didn’t", "isn’t", "we’re",
    "let’s", "I’ve",
];
const ACCENTED: &[&str] = &[
    "café",
    "naïve",
    "résumé",
    "jalapeño",
    "façade",
    "São Paulo",
    "Zürich",
    "crème brûlée",
    "piñata",
    "fiancée",
    "Beyoncé",
    "Pokémon",
    "déjà vu",
    "Málaga",
];
const EMOJI: &[&str] = &[
    "😀",
    "😂",
    "❤️",
    "🔥",
    "👍",
    "🙏",
    "😭",
    "✨",
    "🎉",
    "💯",
    "🤔",
    "👀",
    "😍",
    "🙌🏽",
    "👨‍👩‍👧",
];
const NAMES: &[&str] = &[
    "jack", "maria", "news", "sports", "dev", "bts", "nasa", "priya", "alex", "lfc", "tech",
    "music",
];
const PUNCTUATION: &[&str] = &[",", ".", "!", "?", "…", "!!"];
const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// One token of a post: mostly clean words, with mentions, hashtags, emoji, curly quotes,
/// accented words and now and then a profane word.
fn token(rng: &mut Rng, profane: &[String], first: bool) -> String {
    let mut t = if rng.below(150) == 0 {
        rng.pick(profane).clone()
    } else {
        match rng.below(100) {
            0..=5 => format!("@{}{}", rng.pick(NAMES), rng.below(100)),
            6..=10 => {
                let mut tag = String::from("#");
                for _ in 0..1 + rng.below(2) {
                    let w = rng.pick(WORDS);
                    tag.push(w.as_bytes()[0].to_ascii_uppercase().into());
                    tag.push_str(&w[1..]);
                }
                tag
            }
            11..=15 => rng.pick(EMOJI).to_string(),
            16..=18 => rng.pick(ACCENTED).to_string(),
            19..=21 => format!("“{} {}”", rng.pick(WORDS), rng.pick(WORDS)),
            22..=26 => rng.pick(CONTRACTIONS).to_string(),
            _ => rng.pick(WORDS).to_string(),
        }
    };
    if first && t.as_bytes()[0].is_ascii_lowercase() {
        t[..1].make_ascii_uppercase();
    }
    if rng.chance(6) {
        let p = *rng.pick(PUNCTUATION);
        t.push_str(p);
    }
    t
}

/// One post of 10 to 280 bytes.
fn post(rng: &mut Rng, profane: &[String]) -> String {
    let target = 10 + rng.below(271);
    let mut s = String::new();
    if rng.chance(12) {
        let _ = write!(s, "RT @{}{}: ", rng.pick(NAMES), rng.below(1000));
    }
    let url = rng.chance(20);
    let reserve = if url { 24 } else { 0 };
    let mut first = true;
    loop {
        let t = token(rng, profane, first);
        if s.len() + 1 + t.len() + reserve > 280 {
            break;
        }
        if !s.is_empty() && !s.ends_with(' ') {
            s.push(' ');
        }
        s.push_str(&t);
        first = false;
        if s.len() + reserve >= target {
            break;
        }
    }
    if url {
        s.push_str(" https://t.co/");
        for _ in 0..10 {
            s.push(char::from(*rng.pick(ALNUM)));
        }
    }
    s
}

/// `n` bytes of posts separated by newlines or spaces; the profane words are the bundled `en`
/// list's word- and stem-mode terms.
fn tweets(n: usize) -> String {
    let en = Wordlist::bundled("en").expect("en");
    let profane: Vec<String> = en
        .entries()
        .iter()
        .filter(|e| matches!(e.mode, MatchMode::Word | MatchMode::Stem))
        .filter(|e| e.term.bytes().all(|b| b.is_ascii_lowercase()))
        .map(|e| e.term.clone())
        .collect();
    let mut rng = Rng(0x6b61_7661_6368);
    let mut s = String::with_capacity(n + 300);
    while s.len() < n {
        s.push_str(&post(&mut rng, &profane));
        s.push(if rng.chance(75) { '\n' } else { ' ' });
    }
    let mut cut = n;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

/// `unit` followed by `join`, repeated to at most `n` bytes (at least once).
fn fill(unit: &str, join: &str, n: usize) -> String {
    let k = (n / (unit.len() + join.len())).max(1);
    let mut s = String::with_capacity(k * (unit.len() + join.len()));
    for _ in 0..k {
        s.push_str(unit);
        s.push_str(join);
    }
    s
}

// ---------------------------------------------------------------------------------------------
// Evasions: each makes the evaded form of a term.

type Evasion = (&'static str, fn(&str) -> String);

fn spaced(t: &str, sep: &str) -> String {
    let chars: Vec<String> = t.chars().map(String::from).collect();
    chars.join(sep)
}

fn map_chars(t: &str, f: impl Fn(char) -> Option<&'static str>) -> String {
    t.chars().fold(String::new(), |mut s, c| {
        match f(c) {
            Some(r) => s.push_str(r),
            None => s.push(c),
        }
        s
    })
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Between the letters, cycling through U+200B, U+200D and U+FEFF.
fn zero_width(t: &str) -> String {
    let mut s = String::new();
    for (k, c) in t.chars().enumerate() {
        if k > 0 {
            s.push(['\u{200B}', '\u{200D}', '\u{FEFF}'][k % 3]);
        }
        s.push(c);
    }
    s
}

const LATIN_EVASIONS: &[Evasion] = &[
    ("plain", |t| t.to_string()),
    ("sep .", |t| spaced(t, ".")),
    ("sep -", |t| spaced(t, "-")),
    ("sep _", |t| spaced(t, "_")),
    ("sep space", |t| spaced(t, " ")),
    // The first vowel eight times (`fuuuuuuuuck`).
    ("stretch", |t| {
        let at = t.find(is_vowel).unwrap_or(0);
        let c = &t[at..at + 1];
        format!("{}{}{}", &t[..at], c.repeat(8), &t[at + 1..])
    }),
    ("leet", |t| {
        map_chars(t, |c| {
            Some(match c {
                'a' => "4",
                'e' => "3",
                'i' => "1",
                'l' => "1",
                'o' => "0",
                's' => "$",
                't' => "7",
                'b' => "8",
                'g' => "9",
                _ => return None,
            })
        })
    }),
    // Cyrillic and Greek lookalikes.
    ("homoglyph", |t| {
        map_chars(t, |c| {
            Some(match c {
                'a' => "а",
                'c' => "с",
                'e' => "е",
                'o' => "о",
                'p' => "р",
                'x' => "х",
                'y' => "у",
                'i' => "і",
                's' => "ѕ",
                'j' => "ј",
                'h' => "һ",
                'd' => "ԁ",
                'k' => "κ",
                'u' => "υ",
                'v' => "ν",
                'n' => "ո",
                _ => return None,
            })
        })
    }),
    ("zero-width", zero_width),
    // Two combining marks after every letter.
    ("combining", |t| {
        t.chars().fold(String::new(), |mut s, c| {
            s.push(c);
            s.push_str("\u{301}\u{323}");
            s
        })
    }),
    ("fullwidth", |t| {
        t.chars()
            .map(|c| char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c))
            .collect()
    }),
    // The first vowel after the first letter masked (`f*ck`).
    ("mask", |t| {
        let at = t[1..].find(is_vowel).map_or(1, |k| k + 1);
        format!("{}*{}", &t[..at], &t[at + 1..])
    }),
];

/// Romanised Hindi typed another way: `u` as `oo` (else `i` as `ee`), and `-iya` as `-ia`.
const SPELLING: Evasion = ("spelling", |t| {
    let mut s = if let Some(at) = t.find('u') {
        format!("{}oo{}", &t[..at], &t[at + 1..])
    } else if let Some(at) = t.find('i') {
        format!("{}ee{}", &t[..at], &t[at + 1..])
    } else {
        t.to_string()
    };
    if let Some(stem) = s.strip_suffix("iya") {
        s = format!("{stem}ia");
    }
    s
});

fn is_consonant(c: char) -> bool {
    ('\u{0915}'..='\u{0939}').contains(&c)
}

const DEVANAGARI_EVASIONS: &[Evasion] = &[
    ("plain", |t| t.to_string()),
    // A nukta after every consonant that has none.
    ("nukta", |t| {
        let chars: Vec<char> = t.chars().collect();
        let mut s = String::new();
        for (k, &c) in chars.iter().enumerate() {
            s.push(c);
            if is_consonant(c) && chars.get(k + 1) != Some(&'\u{093C}') {
                s.push('\u{093C}');
            }
        }
        s
    }),
    // A zero-width joiner after every virama (the half form typed explicitly).
    ("virama ZWJ", |t| t.replace('\u{094D}', "\u{094D}\u{200D}")),
    ("zero-width", zero_width),
];

const JOINS: [(&str, &str); 3] = [("space", " "), ("comma", ","), ("none", "")];

// ---------------------------------------------------------------------------------------------
// Section 2: shapes.

struct Shape {
    name: String,
    make: Box<dyn Fn(usize) -> String>,
}

impl Shape {
    fn new(name: impl Into<String>, make: impl Fn(usize) -> String + 'static) -> Shape {
        Shape {
            name: name.into(),
            make: Box::new(make),
        }
    }

    fn repeated(name: impl Into<String>, unit: String, join: &'static str) -> Shape {
        Shape::new(name, move |n| fill(&unit, join, n))
    }
}

/// (mode, term) pairs.
type Terms = [(MatchMode, String)];

/// Example terms of one kind for each mode, found in the bundled lists.
struct Examples {
    /// (mode, term): an ASCII term of at least five letters, from `en` first.
    latin: Vec<(MatchMode, String)>,
    /// (mode, term): romanised Hindi.
    romanised: Vec<(MatchMode, String)>,
    /// (mode, term): Devanagari, with a virama where one exists.
    devanagari: Vec<(MatchMode, String)>,
    /// (list id, first allow word).
    allow: Vec<(String, String)>,
    /// A context word of the list that has context-mode terms.
    context_word: String,
}

fn examples() -> Examples {
    let lists: Vec<Wordlist> = Wordlist::bundled_ids()
        .map(|id| Wordlist::bundled(id).expect("bundled"))
        .collect();
    let ascii = |t: &str| t.len() >= 5 && t.bytes().all(|b| b.is_ascii_lowercase());
    let first = |mode: MatchMode, ok: &dyn Fn(&kavach::Entry) -> bool| {
        lists
            .iter()
            .flat_map(|l| l.entries())
            .find(|e| e.mode == mode && ok(e))
            .map(|e| (mode, e.term.clone()))
    };
    let mut ex = Examples {
        latin: Vec::new(),
        romanised: Vec::new(),
        devanagari: Vec::new(),
        allow: Vec::new(),
        context_word: String::new(),
    };
    for &mode in MatchMode::ALL {
        ex.latin.extend(first(mode, &|e| ascii(&e.term)));
        ex.romanised
            .extend(first(mode, &|e| e.lang == "hi-Latn" && ascii(&e.term)));
        let deva = |e: &kavach::Entry| e.lang == "hi" && !e.term.contains(' ');
        ex.devanagari.extend(
            first(mode, &|e| deva(e) && e.term.contains('\u{094D}')).or_else(|| first(mode, &deva)),
        );
    }
    for l in &lists {
        if let Some(a) = l.allow().first() {
            ex.allow.push((l.meta().id.clone(), a.term.clone()));
        }
        if l.entries().iter().any(|e| e.mode == MatchMode::Context) {
            if let Some(c) = l.context().first() {
                ex.context_word = c.term.clone();
            }
        }
    }
    ex
}

fn shapes(ex: &Examples) -> Vec<Shape> {
    let mut v = Vec::new();
    // As reported.
    for unit in ["c.h.u.t.i.y.a.", "s.h.i.t.", "s h i t ", "p.o.r.n."] {
        v.push(Shape::repeated(format!("issue: `{unit}`"), unit.into(), ""));
    }
    v.push(Shape::repeated("issue: U+FDFA", "\u{FDFA}".into(), ""));
    for (name, make) in KINDS {
        v.push(Shape::new(format!("kind: {name}"), make));
    }
    let groups: [(&Terms, &[Evasion]); 3] = [
        (&ex.latin, LATIN_EVASIONS),
        (&ex.romanised, std::slice::from_ref(&SPELLING)),
        (&ex.devanagari, DEVANAGARI_EVASIONS),
    ];
    for (terms, evasions) in groups {
        for (mode, term) in terms {
            for (ev, f) in evasions {
                let unit = f(term);
                for (jn, j) in JOINS {
                    let name = format!("{mode} {term}: {ev}, {jn}");
                    v.push(Shape::repeated(name, unit.clone(), j));
                }
            }
        }
    }
    for (mode, term) in &ex.latin {
        // Stem extensions: each occurrence followed by 1 KB of letters, and one word of it all.
        let tail: String = ('a'..='z').cycle().take(1000).collect();
        v.push(Shape::repeated(
            format!("{mode} {term}: + 1 KB word tail, space"),
            format!("{term}{tail}"),
            " ",
        ));
        let t = term.clone();
        v.push(Shape::new(
            format!("{mode} {term}: one long word"),
            move |n| {
                let mut s = t.clone();
                s.extend(('a'..='z').cycle().take(n.saturating_sub(t.len())));
                s
            },
        ));
    }
    for (id, word) in &ex.allow {
        for (jn, j) in [("space", " "), ("none", "")] {
            v.push(Shape::repeated(
                format!("allow {id} {word}, {jn}"),
                word.clone(),
                j,
            ));
        }
    }
    let ctx = ex.context_word.clone();
    for (mode, term) in ex.latin.iter().filter(|(m, _)| *m == MatchMode::Context) {
        let (t, c) = (term.clone(), ctx.clone());
        v.push(Shape::new(
            format!("{mode} {term}: context `{ctx}` at the end"),
            move |n| fill(&t, " ", n - c.len()) + &c,
        ));
        let (t, c) = (term.clone(), ctx.clone());
        v.push(Shape::new(
            format!("{mode} {term}: context `{ctx}` at the start"),
            move |n| format!("{c} {}", fill(&t, " ", n - c.len() - 1)),
        ));
    }
    v
}

type Op = (&'static str, fn(&Matcher, &str));

const OPS: [Op; 5] = [
    ("find", |m, t| {
        black_box(m.find(black_box(t)));
    }),
    ("is_match", |m, t| {
        black_box(m.is_match(black_box(t)));
    }),
    ("censor", |m, t| {
        black_box(m.censor(black_box(t), &CensorOptions::default()));
    }),
    ("verdict", |m, t| {
        black_box(m.verdict(black_box(t)));
    }),
    ("report", |m, t| {
        black_box(m.report(black_box(t)));
    }),
];

const SMALL: usize = 100_000;
const MEDIUM: usize = 200_000;
const LARGE: usize = 1_000_000;
/// A (shape, operation) is not run at 1 MB when that one run is estimated to take longer.
const LONG_RUN_S: f64 = 2.0;

/// Nanoseconds per byte of the fastest of the runs made within `budget` (one run when it takes
/// longer).
fn per_byte(m: &Matcher, op: fn(&Matcher, &str), text: &str, budget: Duration) -> f64 {
    let start = Instant::now();
    let mut best = f64::MAX;
    for _ in 0..100 {
        let t = Instant::now();
        op(m, text);
        best = best.min(t.elapsed().as_secs_f64());
        if start.elapsed() >= budget {
            break;
        }
    }
    best * 1e9 / text.len() as f64
}

/// Nanoseconds per byte of the fastest runs of `op` on `a` and on `b`, run in turn within
/// `budget` (once each when that takes longer).
fn per_byte_pair(
    m: &Matcher,
    op: fn(&Matcher, &str),
    a: &str,
    b: &str,
    budget: Duration,
) -> (f64, f64) {
    let start = Instant::now();
    let mut best = [f64::MAX; 2];
    for _ in 0..100 {
        for (k, text) in [a, b].into_iter().enumerate() {
            let t = Instant::now();
            op(m, text);
            best[k] = best[k].min(t.elapsed().as_secs_f64());
        }
        if start.elapsed() >= budget {
            break;
        }
    }
    (
        best[0] * 1e9 / a.len() as f64,
        best[1] * 1e9 / b.len() as f64,
    )
}

#[derive(Clone, Copy)]
struct Cell {
    /// Per byte at the largest size run.
    ns: f64,
    /// Per-byte cost at 200 KB over that at 100 KB.
    growth: f64,
    /// The estimated seconds of one run at 1 MB, when it was not run.
    skipped: Option<f64>,
}

fn measure(m: &Matcher, op: fn(&Matcher, &str), texts: &[String; 3]) -> Cell {
    let start = Instant::now();
    let (mut small, mut medium) =
        per_byte_pair(m, op, &texts[0], &texts[1], Duration::from_millis(40));
    // A growth far from 1 in short runs is often another process's noise: measure again longer.
    if !(0.8..=1.3).contains(&(medium / small)) && start.elapsed() < Duration::from_millis(200) {
        let (s, md) = per_byte_pair(m, op, &texts[0], &texts[1], Duration::from_millis(300));
        small = small.min(s);
        medium = medium.min(md);
    }
    let growth = medium / small;
    // Per-byte cost grows by `growth` each time the size doubles.
    let doublings = (texts[2].len() as f64 / texts[1].len() as f64).log2();
    let estimate = medium * texts[2].len() as f64 * growth.max(1.0).powf(doublings) / 1e9;
    if estimate > LONG_RUN_S {
        return Cell {
            ns: medium,
            growth,
            skipped: Some(estimate),
        };
    }
    Cell {
        ns: per_byte(m, op, &texts[2], Duration::from_millis(60)),
        growth,
        skipped: None,
    }
}

/// Display width of a label: Devanagari signs and invisible characters take none.
fn width(s: &str) -> usize {
    s.chars()
        .filter(|&c| {
            !matches!(c as u32,
                0x0300..=0x036F | 0x0900..=0x0902 | 0x093A | 0x093C | 0x0941..=0x0948 | 0x094D
                | 0x0951..=0x0957 | 0x0962..=0x0963 | 0x200B..=0x200D | 0xFEFF)
        })
        .count()
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

const LABEL: usize = 46;

fn shapes_table(m: &Matcher) {
    let base_text = tweets(LARGE);
    let base: Vec<f64> = OPS
        .iter()
        .map(|&(_, op)| per_byte(m, op, &base_text, Duration::from_millis(300)))
        .collect();
    let base_find = base[0];
    println!(
        "Hostile inputs, default matcher ({}). Baseline: {:.1} MB of generated tweet-shaped \
         English ({} matches).",
        m.lists()
            .iter()
            .map(|l| format!("{}@{}", l.id, l.version))
            .collect::<Vec<_>>()
            .join(", "),
        base_text.len() as f64 / 1e6,
        m.find(&base_text).len()
    );
    let ex = examples();
    let show = |v: &[(MatchMode, String)]| {
        v.iter()
            .map(|(m, t)| format!("{m} `{t}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!("Example terms: {}", show(&ex.latin));
    println!("  romanised Hindi: {}", show(&ex.romanised));
    println!("  Devanagari: {}", show(&ex.devanagari));
    println!(
        "Each cell: ns/byte, ratio to the baseline's find ns/byte, per-byte growth 100 KB -> \
         200 KB. At 1 MB unless marked `~` (200 KB: one 1 MB run estimated over {LONG_RUN_S:.0} s). \
         `!` ratio over 10x, `^` growth over 1.5x. `hits`: matches found in 100 KB."
    );
    print!("{}{:>6}", pad("shape", LABEL), "hits");
    for (name, _) in OPS {
        print!("  {name:>21}");
    }
    println!();
    print!("{}{:>6}", pad("baseline: tweets", LABEL), "");
    for b in &base {
        print!("  {:>8.2} {:>6.1}x {:>4}", b, b / base_find, "");
    }
    println!();
    // (ratio, shape, op, cell)
    let mut all: Vec<(f64, String, &str, Cell)> = Vec::new();
    for shape in shapes(&ex) {
        let texts = [
            (shape.make)(SMALL),
            (shape.make)(MEDIUM),
            (shape.make)(LARGE),
        ];
        let hits = m.find(&texts[0]).len();
        let mut label = shape.name.clone();
        while width(&label) > LABEL - 1 {
            label.pop();
        }
        print!("{}{hits:>6}", pad(&label, LABEL));
        for (name, op) in OPS {
            let c = measure(m, op, &texts);
            let ratio = c.ns / base_find;
            let marks = format!(
                "{}{}{}",
                if c.skipped.is_some() { "~" } else { "" },
                if ratio > 10.0 { "!" } else { "" },
                if c.growth > 1.5 { "^" } else { "" }
            );
            print!("  {:>8.2} {:>6.1}x {:>4.2}{marks:3}", c.ns, ratio, c.growth);
            all.push((ratio, shape.name.clone(), name, c));
        }
        println!();
    }
    all.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!();
    println!("Worst 25 (shape, operation) by ratio to the baseline's find:");
    for (ratio, shape, op, c) in all.iter().take(25) {
        let at = match c.skipped {
            Some(est) => format!("at 200 KB; one 1 MB run estimated at {est:.0} s"),
            None => "at 1 MB".to_string(),
        };
        println!(
            "  {ratio:>7.1}x  {:>8.2} ns/byte  growth {:>4.2}  {shape}, {op} ({at})",
            c.ns, c.growth
        );
    }
    let superlinear: Vec<String> = all
        .iter()
        .filter(|(_, _, _, c)| c.growth > 1.5)
        .map(|(_, s, op, c)| format!("{s}, {op} ({:.2})", c.growth))
        .collect();
    println!(
        "Super-linear (per-byte growth 100 KB -> 200 KB over 1.5x): {}",
        superlinear.len()
    );
    for s in &superlinear {
        println!("  {s}");
    }
    if let Some((ratio, shape, op, c)) = all.first() {
        println!("worst ratio: {ratio:.1}x ({shape}, {op})");
        if c.skipped.is_some() {
            println!("  (measured at 200 KB: the 1 MB figure would be higher)");
        }
    }
    println!();
}

// ---------------------------------------------------------------------------------------------
// Section 3: hostile lists, each in a child process.

/// Highest live heap seen by the watchdog since the last reset.
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn live() -> usize {
    let s = GLOBAL.stats();
    s.bytes_allocated.saturating_sub(s.bytes_deallocated)
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn lists_section() {
    let big = std::env::var("KAVACH_BENCH_BIG").is_ok_and(|v| v == "1");
    println!(
        "Hostile lists (each in a child process, stopped at its time limit or when its live heap \
         passes the cap; heap: allocated while building, held once built, sampled peak):"
    );
    let gb = 1usize << 30;
    let mut cases: Vec<(String, u64, usize)> = vec![
        ("words:10000:5:10".into(), 60, 4 * gb),
        ("words:100000:5:10".into(), 180, 8 * gb),
    ];
    if big {
        cases.push(("words:1000000:4:8".into(), 900, 12 * gb));
    }
    for kind in ["random", "il", "hindi"] {
        cases.push((format!("long:512:{kind}"), 60, 4 * gb));
        cases.push((format!("long:1024:{kind}"), 180, 8 * gb));
        if big {
            cases.push((format!("long:4096:{kind}"), 600, 12 * gb));
        }
    }
    cases.push(("nested:8:1000000".into(), 60, 4 * gb));
    cases.push(("nested:200:50000".into(), 60, 4 * gb));
    cases.push(("nested:200:100000".into(), 120, 8 * gb));
    if big {
        cases.push(("nested:200:1000000".into(), 600, 12 * gb));
    }
    for (case, secs, cap) in &cases {
        run_child(case, Duration::from_secs(*secs), *cap);
    }
    if !big {
        println!(
            "  not run (set KAVACH_BENCH_BIG=1): 1,000,000 words of 4-8 letters; one 4 KB entry \
             of each kind (the 1 KB entries stand in for it); 200 nested entries on 1 MB of text (100 KB above)"
        );
    }
}

fn run_child(case: &str, limit: Duration, cap: usize) {
    let exe = std::env::current_exe().expect("current exe");
    let spawned = Command::new(exe)
        .env("KAVACH_PATHO_CASE", case)
        .env("KAVACH_PATHO_CAP", cap.to_string())
        .stdout(Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(c) => c,
        Err(e) => {
            println!("  {case}: could not start: {e}");
            return;
        }
    };
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(_) => break None,
        }
    };
    let mut out = String::new();
    if let Some(mut o) = child.stdout.take() {
        let _ = o.read_to_string(&mut out);
    }
    print!("{out}");
    match status {
        None => println!(
            "  {case}: stopped at the time limit ({} s)",
            limit.as_secs()
        ),
        Some(s) if !s.success() && s.code() != Some(3) => println!("  {case}: failed ({s})"),
        _ => {}
    }
}

/// Runs one list case (in the child process) and prints its line.
fn run_list_case(case: &str) {
    let cap: usize = std::env::var("KAVACH_PATHO_CAP")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(usize::MAX);
    let name = case.to_string();
    std::thread::spawn(move || loop {
        let l = live();
        PEAK.fetch_max(l, Ordering::Relaxed);
        if l > cap {
            println!(
                "  {name}: stopped: live heap over the cap of {:.1} GB",
                cap as f64 / f64::from(1u32 << 30)
            );
            std::process::exit(3);
        }
        std::thread::sleep(Duration::from_millis(1));
    });
    let parts: Vec<&str> = case.split(':').collect();
    let num = |k: usize| -> usize { parts[k].parse().expect("number") };
    let mut rng = Rng(0x6c69_7374);
    let (what, list, text) = match parts[0] {
        "words" => {
            let (n, lo, hi) = (num(1), num(2), num(3));
            let mut seen = HashSet::new();
            while seen.len() < n {
                let len = lo + rng.below(hi - lo + 1);
                seen.insert(rng.letters(len));
            }
            let mut words: Vec<String> = seen.into_iter().collect();
            words.sort_unstable();
            (
                format!("{n} random words of {lo}-{hi} letters (word)"),
                list_in_mode(words.into_iter(), "word"),
                tweets(LARGE),
            )
        }
        "long" => {
            let len = num(1);
            let kind = parts.get(2).copied().unwrap_or("random");
            // Random letters; only `i` and `l` (each also read as a leetspeak `1`); random
            // letters in a romanised Hindi list (spelling variants).
            let term: String = match kind {
                "random" | "hindi" => rng.letters(len),
                "il" => (0..len)
                    .map(|_| if rng.chance(50) { 'i' } else { 'l' })
                    .collect(),
                other => panic!("unknown entry kind {other}"),
            };
            let lang = if kind == "hindi" { "hi-Latn" } else { "en" };
            let text = fill(&term, " ", LARGE);
            let line = format!("{term} | profanity | medium | word | {lang}\n");
            let list = Wordlist::parse(&(HEADER.to_string() + &line), "big").expect("list");
            (
                format!("one entry of {len} letters ({kind}, {lang}, word)"),
                list,
                text,
            )
        }
        "nested" => {
            let (k, n) = (num(1), num(2));
            (
                format!("{k} nested entries xq, xqxq, ... (substring)"),
                list_in_mode((1..=k).map(|i| "xq".repeat(i)), "substring"),
                "xq".repeat(n / 2),
            )
        }
        other => panic!("unknown case {other}"),
    };
    let held_before = live();
    PEAK.store(held_before, Ordering::Relaxed);
    let region = Region::new(GLOBAL);
    let start = Instant::now();
    let m = match Matcher::builder().list(list).build() {
        Ok(m) => m,
        Err(e) => {
            println!(
                "  {what}: refused in {:.0} ms with the default limits, peak {:.1} MB: {e}",
                start.elapsed().as_secs_f64() * 1e3,
                mb(PEAK.load(Ordering::Relaxed).saturating_sub(held_before))
            );
            return;
        }
    };
    let built = start.elapsed();
    let allocated = region.change().bytes_allocated;
    let held = live().saturating_sub(held_before);
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(held_before);
    // Scan: one run first (it sizes the per-thread buffers), the fastest within a second.
    let before = live();
    PEAK.store(before, Ordering::Relaxed);
    let region = Region::new(GLOBAL);
    let start = Instant::now();
    let found = m.find(&text).len();
    let first = start.elapsed();
    let scan_alloc = region.change().bytes_allocated;
    let scan_peak = PEAK.load(Ordering::Relaxed).saturating_sub(before);
    let mut best = first;
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(1) && first < Duration::from_millis(300) {
        let t = Instant::now();
        black_box(m.find(black_box(&text)));
        best = best.min(t.elapsed());
    }
    println!(
        "  {what}: built in {:.0} ms, {:.1} MB allocated, {:.1} MB held, peak {:.1} MB; \
         find on {} KB ({found} matches): {:.2} ns/byte, first run {:.1} MB allocated, \
         peak {:.1} MB",
        built.as_secs_f64() * 1e3,
        mb(allocated),
        mb(held),
        mb(peak),
        text.len() / 1000,
        best.as_secs_f64() * 1e9 / text.len() as f64,
        mb(scan_alloc),
        mb(scan_peak),
    );
}
