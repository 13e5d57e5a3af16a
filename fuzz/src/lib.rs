//! Checks shared by the fuzz targets.

use std::sync::OnceLock;

use kavach::{Format, ImportOptions, Limits, Matcher, Wordlist};

/// A list loader on any bytes: an error names the source (and a line the input has), or the
/// list loads, converts to kavach format and parses back to the same fingerprint.
pub fn check_list_loader(data: &[u8], format: Format) {
    match Wordlist::from_bytes(data, "fuzz.list", format, &ImportOptions::default()) {
        Ok(list) => {
            let again = Wordlist::parse(&list.to_kavach(), "again").expect("round trip parses");
            assert_eq!(again.fingerprint(), list.fingerprint());
            assert_eq!(again.entries().len(), list.entries().len());
        }
        Err(e) => {
            assert!(e.to_string().starts_with("fuzz.list"), "{e}");
            if let Some(line) = e.location().and_then(|l| l.line) {
                assert!(
                    line >= 1 && line <= data.split(|&b| b == b'\n').count(),
                    "{e}"
                );
            }
        }
    }
}

/// The hits the fast path finds while it writes the key equal those of the full automaton over
/// the finished key (the fast path only ever saves work).
pub fn check_fast_path(text: &str) {
    static M: OnceLock<Matcher> = OnceLock::new();
    let m = M.get_or_init(|| Matcher::bundled().expect("bundled"));
    let (fast, general) = m.fast_and_general_hits(text);
    assert_eq!(fast, general, "{text:?}");
}

/// The build limit of [`check_list_build`], far below the fuzzer's memory cap for that target
/// (`-rss_limit_mb` in tools/fuzz.sh): a build that the estimate lets through must fit.
pub const FUZZ_BUILD_BYTES: usize = 128 << 20;

/// Grows a plain-text list from `data`: its first two bytes say how many entries (up to
/// 524,280), made from the lines that follow, each with a counter appended, so a small input
/// can ask for a large list. The matcher is built with [`FUZZ_BUILD_BYTES`]: it builds (and
/// scans) or is refused with a build limit's error; it never runs out of memory.
pub fn check_list_build(data: &[u8]) {
    let Some((head, rest)) = data.split_first_chunk::<2>() else {
        return;
    };
    let n = usize::from(u16::from_le_bytes(*head)) * 8;
    let rest = String::from_utf8_lossy(rest);
    let seeds: Vec<&str> = rest
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(64)
        .collect();
    if seeds.is_empty() {
        return;
    }
    let mut text = String::new();
    for i in 0..n.max(seeds.len()) {
        text.push_str(seeds[i % seeds.len()]);
        if i >= seeds.len() {
            text.push_str(&format!("{}", i / seeds.len()));
        }
        text.push('\n');
    }
    let Ok(list) = Wordlist::from_bytes(
        text.as_bytes(),
        "grown",
        Format::Plain,
        &ImportOptions::default(),
    ) else {
        return;
    };
    let mut limits = Limits::default();
    limits.max_build_bytes = Some(FUZZ_BUILD_BYTES);
    match Matcher::builder().list(list).limits(limits).build() {
        Ok(m) => {
            let first = &m.wordlists()[0].entries()[0].term;
            m.find(&format!("{first} {first}"));
        }
        Err(e) => assert!(
            matches!(
                e.code(),
                "list-too-large" | "term-too-long" | "list-too-nested"
            ),
            "{e}"
        ),
    }
}
