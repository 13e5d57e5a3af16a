use super::super::general::{normalize_general, Scratch};
use super::super::Normalized;
use super::normalize_fast;
use proptest::prelude::*;

/// The general passes' output for `text`.
fn general(text: &str) -> Normalized {
    let mut out = Normalized::default();
    normalize_general(text, &mut out, &mut Scratch::default());
    out
}

thread_local! {
    /// Buffers reused from one call to the next, as the matcher does: nothing a longer
    /// text left behind may show in the next one.
    static BUFFERS: std::cell::RefCell<(Normalized, Scratch)> = Default::default();
}

/// `out` as its readers see it: an entry per key byte in every vector (see [`Normalized`]).
fn as_read(out: &Normalized) -> Normalized {
    let n = out.key.len();
    assert!(out.starts.len() >= n && out.ends.len() >= n && out.runs.len() >= n);
    assert!(out.flags.is_empty() || out.flags.len() == n);
    let mut read = out.clone();
    read.starts.truncate(n);
    read.ends.truncate(n);
    read.runs.truncate(n);
    read.flags.resize(n, 0);
    read
}

/// The fast path's output, and whether it found the text plain.
fn fast(text: &str) -> (Normalized, bool) {
    BUFFERS.with(|b| {
        let (out, scratch) = &mut *b.borrow_mut();
        let plain = normalize_fast(text, out, scratch, &mut ());
        (as_read(out), plain)
    })
}

#[test]
fn takes_ordinary_chat_and_agrees_with_the_general_passes() {
    for text in [
        "Hello, world!! #tag @user 100% 😀 can't wait",
        "SOOOO goood\tlol\r\nok a b",
        "fuck! *wow* _x_ ++ | 2024 1000",
        "a \u{200b}b \u{2003}cd",
        // Punctuation that folds to ASCII separators: curly quotes, dashes, the ellipsis.
        "don’t “quote” me… it’s ok—really – ‘fine’ „so“ «non» Telegraph´s",
        // Fullwidth punctuation folds to hard separators: `a，b` keeps `a` and `b` apart.
        "ok，fine？ yes；no （maybe）",
    ] {
        assert_eq!(fast(text), (general(text), true), "{text:?}");
    }
}

#[test]
fn keeps_two_one_letter_words_apart_across_eight_byte_blocks() {
    // `t` ends one block and `a` starts the next: the boundary between them is hard.
    let text = "whawhat ita ty t a swhittyyt ita ty t a swhittyy";
    let (out, plain) = fast(text);
    assert!(plain);
    assert_eq!(out, general(text));
    assert!(String::from_utf8_lossy(&out.key).contains("ty t\na swhity"));
}

#[test]
fn one_letter_words_anywhere_in_eight_byte_blocks_agree_with_the_general_passes() {
    let alphabet = "abcdefghijklmnopqrstuvwxyz";
    for tail in [
        "t a swhit",
        "t a b cd",
        "tt a sw",
        "t aa sw",
        "t'a sw",
        "a b c de",
        "x yz a b",
        "ab c dd e",
        "a bc d ef g",
        "go t' a bcd",
        "oo p qrs",
    ] {
        // Every alignment of the tail in a block: a word of 2 to 17 letters before it.
        for n in 2..18 {
            let text = format!("{} {tail} {tail} the end", &alphabet[..n]);
            assert_eq!(fast(&text).0, general(&text), "{text:?}");
        }
    }
}

#[test]
fn writes_words_of_letters_and_digits_as_the_general_passes_do() {
    // Whether the text's key is plain text's: a word of letters and digits keeps it so when it
    // starts with a letter and every digit reads as a letter (`5` `s`, `3` `e`; not `1`, `2`).
    for (text, plain) in [
        // A URL's slug, a hashtag, handles: read as leetspeak or not by the same rule.
        ("see https://t.co/zuo5335Rjr now", true),
        ("see https://t.co/zuo5135Rjr now", false),
        (
            "#CWC19 and #WC2019 by @kellymiller513 @ImRo45 @TheRealOJ32",
            false,
        ),
        ("@ImRo45 @TheRealOJ3", true),
        (
            "@ab1234 @abc12 @a1b2c3d4 cwc2019 abc12345 2doctors 90mph 5x 1000x",
            false,
        ),
        ("a55hole b00k", true),
        // Equal characters collapse when the word reads leetspeak, digits alone do not.
        ("sh00t l33t a55 b00k 1000ab 11aa aa11 zz99zz", false),
        // Beside words of one letter, at the start and at the end of the text.
        ("a b c1d e f", false),
        ("a b c4d e f", true),
        ("x1y", false),
        ("ok x 9gag", false),
        ("ok x gag9", true),
    ] {
        assert_eq!(fast(text), (general(text), plain), "{text:?}");
    }
    // The key and transforms of one: `5` and `3` read as letters (`33` collapsed), `1` stays
    // `1`.
    let (out, _) = fast("zuo5335R1r");
    assert_eq!(out.key, b"zuosesr1r");
    assert_eq!(out.runs, [1, 1, 1, 1, 2, 1, 1, 1, 1]);
    let leet = crate::Transforms::LEET.bits();
    assert_eq!(out.flags, [0, 0, 0, leet, leet, leet, 0, leet, 0]);
}

#[test]
fn leaves_one_character_words_and_strict_mentions_of_letters_and_digits_to_the_general_passes() {
    // `a4` reads `a`: one character, maybe a letter of a spaced-out word (`a4 b c`); the
    // mention `@ab1234` keeps its `@` in the key.
    for text in ["a4 b c", "x 4a y z", "hi @ab1234 ok", "@s55"] {
        assert_eq!(fast(text), (general(text), false), "{text:?}");
    }
}

#[test]
fn hands_what_is_not_plain_to_the_general_passes() {
    for text in [
        "sh1t",
        "f*ck",
        "f u c k",
        "fück",
        "fu\u{200b}ck",
        "$100",
        "ｆｕｃｋ",
        // Stretches that are not plain between plain ones, and at either end.
        "what the f.u.c.k is this, sh1t man",
        "a b f.u.c.k",
        "ok 👍 बहुत अच्छा yaar, kya baat hai!! ab f*ck it",
        "tu चूतिया hai",
        "#tag é x y z @user!! ok",
        "word\u{301} next words here",
    ] {
        assert_eq!(fast(text), (general(text), false), "{text:?}");
    }
}

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        12 => "[a-zA-Z]{1,8}",
        4 => "[0-9]{1,4}",
        12 => Just(" ".to_string()),
        8 => "[ -/:-@\\[-`{-~\t\n]",
        2 => Just("😀".to_string()),
        2 => Just("\u{200b}".to_string()),
        2 => "[\u{0}-\u{8}\u{e}-\u{1f}\u{7f}\u{85}\u{2800}]",
        2 => Just("\u{2003}".to_string()),
        2 => "[’‘“”„‚…—–´«»‹›，？；（）]",
        1 => Just("é".to_string()),
        1 => Just("\u{301}".to_string()),
        1 => Just("क".to_string()),
        1 => Just("चूतिया".to_string()),
        1 => Just("ｆ".to_string()),
        1 => Just("sh1t".to_string()),
        2 => "@?[a-zA-Z]{1,4}[0-9]{1,4}[a-zA-Z0-9]{0,4}",
        1 => Just("f*ck".to_string()),
        1 => Just("$".to_string()),
        4 => "[a-z]",
        2 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..32).prop_map(|v| v.concat())
}

/// Text made mostly of what the eight-byte blocks take (letters, single spaces and
/// apostrophes), with words of one letter, repeated letters and what ends a block.
fn simple_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => "[abAB]{1,5}",
        6 => "[a-z]{2,9}",
        6 => "[a-z] ",
        8 => Just(" ".to_string()),
        2 => Just("'".to_string()),
        1 => "[’“”…—]",
        1 => Just("  ".to_string()),
        1 => "[ -~]",
        1 => "[\u{0}\u{1}\u{7f}]",
        1 => Just("😀".to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    /// The blocks of simple words write what the general passes write: spans, runs of
    /// repeated letters, and the places the general passes may start from (a stretch that
    /// is not plain after them shows a wrong one).
    #[test]
    fn simple_word_blocks_equal_general_passes(text in simple_text(), tail in prop_oneof![
        Just(""), Just(" sh1t"), Just(" x y z"), Just(" é"),
    ]) {
        let text = text + tail;
        prop_assert_eq!(fast(&text).0, general(&text));
    }

    /// The fast path writes exactly what the general passes write (key, offsets, runs,
    /// transforms, joined ranges), whether it takes the whole text or hands stretches of
    /// it to the general passes.
    #[test]
    fn fast_path_equals_general_passes(text in text()) {
        prop_assert_eq!(fast(&text).0, general(&text));
    }
}
