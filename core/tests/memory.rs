//! Peak heap memory of one scan of each hostile shape and of building matchers from hostile
//! lists, each measured in a fresh process (this binary runs itself once per measurement, so
//! one measurement's peak is not another's) with a counting allocator. The bounds asserted are
//! those SECURITY.md states.
//!
//! Run: `cargo test -p kavach-text --test memory` (add `-- --print` for the table).

#![allow(missing_docs)]

use std::alloc::System;
use std::process::Command;

use cap::Cap;
use kavach::{Matcher, MatcherOptions, Wordlist};

#[global_allocator]
static HEAP: Cap<System> = Cap::new(System, usize::MAX);

/// Bytes a scan may allocate per byte of text, and besides.
const SCAN_BYTES_PER_BYTE: usize = 96;
const SCAN_BYTES_FIXED: usize = 1 << 20;

/// 1 MiB, the default limit of a text.
const MIB: usize = 1 << 20;

/// A text of `unit` repeated to at most 1 MiB.
fn repeat(unit: &str) -> String {
    unit.repeat(MIB / unit.len())
}

/// The hostile texts: each evasion the normaliser undoes, made as dense as it gets.
fn shapes() -> Vec<(&'static str, String)> {
    vec![
        (
            "tweet-shaped English",
            repeat("RT @sam_k: what a finish 😀 the ref was shit, right? https://t.co/x1 #final\n"),
        ),
        ("spaced-out stem, dots", repeat("s.h.i.t.")),
        ("spaced-out stem, spaces", repeat("s h i t ")),
        ("spaced-out Hinglish", repeat("c.h.u.t.i.y.a.")),
        ("one letter", "a".repeat(MIB)),
        ("separators", ".".repeat(MIB)),
        (
            "combining marks",
            format!("a{}", "\u{301}".repeat(MIB / 2 - 1)),
        ),
        (
            "zero-width between letters",
            repeat("f\u{200b}u\u{200b}c\u{200b}k "),
        ),
        ("U+FDFA", repeat("\u{FDFA}")),
        ("fullwidth", repeat("ｆｕｃｋ ")),
        ("masks", repeat("f*ck ")),
        ("leet", repeat("sh1t ")),
        ("stretched", repeat("fuuuuuuuuuuck ")),
        ("terms, no spaces", repeat("fuck")),
        ("terms", repeat("fuck ")),
        ("allow words", repeat("cocktail ")),
        ("context terms", repeat("bc ")),
        ("Devanagari", repeat("चूतिया ")),
        ("emoji terms", repeat("🖕")),
        ("emoji terms, skin tones", repeat("🖕🏽 ")),
        (
            "Devanagari, zero-width joiners",
            repeat("च\u{200d}ू\u{200d}त\u{200d}ि\u{200d}य\u{200d}ा "),
        ),
    ]
}

/// A list of these `term | category | severity | mode` lines.
fn list(id: &str, lines: impl Iterator<Item = String>) -> Wordlist {
    let mut text = format!("id = {id}\nversion = 1.0.0\ntitle = t\nlanguages = en\nsource = generated\nlicense = CC0-1.0\ndate = 2026-12-06\n[terms]\n");
    for l in lines {
        text.push_str(&l);
        text.push('\n');
    }
    Wordlist::parse(&text, id).expect("generated list")
}

/// `n` pseudo-random lower-case words of 5 to 10 letters.
fn words(n: usize) -> impl Iterator<Item = String> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n).map(move |_| {
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let len = 5 + (next() % 6) as usize;
        (0..len)
            .map(|_| char::from(b'a' + (next() % 26) as u8))
            .collect()
    })
}

/// The nested list: `xq`, `xqxq`, … as deep as the default limit allows.
fn nested() -> Wordlist {
    list(
        "nested",
        (1..=8).map(|k| format!("{} | profanity | medium | substring", "xq".repeat(k))),
    )
}

/// In the child: the peak heap of one measurement beyond what was allocated before it, and
/// the figure it is checked against.
fn measure(what: &str) -> (usize, usize) {
    if let Some(name) = what.strip_prefix("scan:") {
        let m = if name == "nested list" {
            Matcher::builder().list(nested()).build().expect("nested")
        } else {
            Matcher::bundled().expect("bundled")
        };
        let text = if name == "nested list" {
            repeat("xq")
        } else {
            shapes()
                .into_iter()
                .find(|(n, _)| *n == name)
                .expect("shape")
                .1
        };
        let before = HEAP.allocated();
        let base = HEAP.max_allocated();
        assert!(base >= before);
        // The peak is only seen if it passes the earlier one: start from a clean slate.
        let report = m.report(&text);
        assert!(report.error.is_none(), "{name}: {:?}", report.error);
        let peak = HEAP.max_allocated().max(base) - before;
        (peak, SCAN_BYTES_PER_BYTE * text.len() + SCAN_BYTES_FIXED)
    } else {
        let n: usize = what
            .strip_prefix("build:")
            .and_then(|n| n.parse().ok())
            .expect("build:N");
        let l = list(
            "words",
            words(n).map(|w| format!("{w} | profanity | medium | word")),
        );
        let mut o = MatcherOptions::new();
        o.bundled(false).add_list("words", l);
        let estimate = Matcher::builder()
            .list(o.build().expect("build").wordlists()[0].clone())
            .estimate_bytes()
            .expect("estimate");
        drop(o);
        let l = list(
            "words",
            words(n).map(|w| format!("{w} | profanity | medium | word")),
        );
        let before = HEAP.allocated();
        let m = Matcher::builder().list(l).build().expect("build");
        let peak = HEAP.max_allocated() - before;
        drop(m);
        (peak, estimate)
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(what) = args.iter().find_map(|a| a.strip_prefix("--measure=")) {
        let (peak, bound) = measure(what);
        println!("{peak} {bound}");
        return;
    }
    // `cargo test` passes harness flags; only `--print` is ours.
    let print = args.iter().any(|a| a == "--print");
    let mut what: Vec<String> = shapes().iter().map(|(n, _)| format!("scan:{n}")).collect();
    what.push("scan:nested list".into());
    for n in [1_000, 20_000] {
        what.push(format!("build:{n}"));
    }
    let exe = std::env::current_exe().expect("this test");
    let mut failed = Vec::new();
    for w in &what {
        let out = Command::new(&exe)
            .arg(format!("--measure={w}"))
            .output()
            .expect("run the measurement");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let figures: Vec<usize> = stdout
            .split_whitespace()
            .filter_map(|f| f.parse().ok())
            .collect();
        let [peak, bound] = figures[..] else {
            failed.push(format!("{w}: {}", String::from_utf8_lossy(&out.stderr)));
            continue;
        };
        if print {
            println!(
                "{w:48} peak {:>8.2} MB  bound {:>8.2} MB",
                peak as f64 / 1e6,
                bound as f64 / 1e6
            );
        }
        if peak > bound {
            failed.push(format!("{w}: peak {peak} bytes over the bound of {bound}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
    println!("memory: {} measurements within their bounds", what.len());
}
