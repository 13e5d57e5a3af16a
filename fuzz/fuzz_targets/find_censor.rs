//! `find`, `is_match`, `scan` and `censor` on any UTF-8, checking the span invariants: on char
//! boundaries, sorted, non-overlapping, `text[span] == match.text`; `is_match` agrees with
//! `find`; censoring keeps the number of graphemes.
#![no_main]

use std::sync::OnceLock;

use kavach::{CensorOptions, Matcher};
use libfuzzer_sys::fuzz_target;
use unicode_segmentation::UnicodeSegmentation;

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| Matcher::bundled().expect("bundled lists"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let m = matcher();
    let found = m.find(text);
    let mut prev_end = 0;
    for x in &found {
        assert!(x.start < x.end && x.start >= prev_end, "{found:?}");
        assert!(text.is_char_boundary(x.start) && text.is_char_boundary(x.end));
        assert_eq!(&text[x.start..x.end], x.text);
        prev_end = x.end;
    }
    assert_eq!(m.is_match(text), !found.is_empty());
    if let Ok(scanned) = m.scan(text) {
        assert_eq!(scanned, found);
    }
    let mut options = CensorOptions::default();
    (options.mask, options.keep_first) = ('#', true);
    let censored = m.censor(text, &options);
    assert_eq!(
        censored.graphemes(true).count(),
        text.graphemes(true).count()
    );
});
