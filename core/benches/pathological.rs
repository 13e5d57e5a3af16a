//! Pathological inputs: the cost per byte of `find` as the input grows from 1 KB to 10 MB
//! (it must stay flat: linear time), and building matchers from a 200,000-term list and from
//! 1,000-character terms. Not a test: it prints a table.
//!
//! Run: `cargo bench -p kavach --bench pathological`

#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Instant;

use kavach::{Matcher, Wordlist};

fn ns_per_byte(m: &Matcher, text: &str) -> f64 {
    let reps = (4_000_000 / text.len().max(1)).clamp(1, 1000);
    let start = Instant::now();
    for _ in 0..reps {
        black_box(m.find(black_box(text)));
    }
    start.elapsed().as_nanos() as f64 / (reps * text.len()) as f64
}

fn list(terms: impl Iterator<Item = String>) -> Wordlist {
    let mut text = String::from("id = big\nversion = 1.0.0\ntitle = t\nlanguages = en\nsource = generated\nlicense = CC0-1.0\ndate = 2026-11-29\n[terms]\n");
    for t in terms {
        text.push_str(&t);
        text.push_str(" | profanity | medium | word\n");
    }
    Wordlist::parse(&text, "big").expect("generated list")
}

/// An input kind: its name and how to make `n` bytes of it.
type Kind = (&'static str, fn(usize) -> String);

fn main() {
    let m = Matcher::bundled().expect("bundled");
    let sizes = [1_000usize, 10_000, 100_000, 1_000_000, 10_000_000];
    let kinds: [Kind; 8] = [
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
    print!("{:32}", "ns per byte, find (unlimited)");
    for s in sizes {
        print!("{:>10}", format!("{} KB", s / 1000));
    }
    println!();
    for (name, make) in kinds {
        print!("{name:32}");
        for s in sizes {
            let text = make(s);
            print!("{:>10.2}", ns_per_byte(&m, &text));
        }
        println!();
    }
    let start = Instant::now();
    let big = list((0..200_000).map(|i| format!("zq{i:06}x")));
    let parsed = start.elapsed();
    let start = Instant::now();
    let bm = Matcher::builder().list(big).build().expect("200k terms");
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
    let lm = Matcher::builder().list(long).build().expect("long terms");
    println!(
        "100 terms of 1,000 characters: built in {:.0} ms; find on 1 MB: {:.2} ns/byte",
        start.elapsed().as_secs_f64() * 1e3,
        ns_per_byte(&lm, &"abcdefghij".repeat(100_000))
    );
}
