//! Second readings: stretches of a text that the matching form must keep as they are, read a
//! second time another way, for the matcher to search too.
//!
//! Two kinds. Devanagari syllables written apart with spaces (`चू ति या`) and letters on lines of
//! their own stay apart in the key (Hindi is full of one-syllable words; lines are
//! independent), and are read again joined. Letters written with several symbols each (`|<` for
//! `k`, `|_|` for `u`, `(` for `c`) stay symbols in the key (`item(s)`, `a|b`), and words that
//! hold them are read again with the letters in. Each reading maps its bytes back to the text,
//! so a match found in it has a span in the text.

use std::ops::Range;

/// A second reading of part of a text.
pub(crate) struct Reading {
    /// What is read.
    pub(crate) text: String,
    /// Per byte of `text`: the range of the original text it stands for.
    starts: Vec<usize>,
    ends: Vec<usize>,
    /// Whether the reading read symbols as letters (transform `leet`).
    pub(crate) leet: bool,
}

impl Reading {
    /// The original byte range of `self.text[i..j]`.
    pub(crate) fn original(&self, i: usize, j: usize) -> (usize, usize) {
        (self.starts[i], self.ends[j - 1])
    }

    fn push(&mut self, c: char, from: Range<usize>) {
        self.text.push(c);
        for _ in 0..c.len_utf8() {
            self.starts.push(from.start);
            self.ends.push(from.end);
        }
    }

    fn new(leet: bool) -> Self {
        Reading {
            text: String::new(),
            starts: Vec::new(),
            ends: Vec::new(),
            leet,
        }
    }

    /// `text[range]` with each stretch of whitespace written as one `.`, which joins single
    /// letters and syllables around it (see `Normalized::spaced`).
    pub(crate) fn joined(text: &str, range: Range<usize>) -> Self {
        let mut r = Reading::new(false);
        let mut space: Option<usize> = None;
        let base = range.start;
        for (i, c) in text[range].char_indices() {
            let at = base + i;
            if c.is_whitespace() {
                space.get_or_insert(at);
                continue;
            }
            if let Some(s) = space.take() {
                r.push('.', s..at);
            }
            r.push(c, at..at + c.len_utf8());
        }
        r
    }

    /// `text[range]` (ASCII, from [`leet_words`]) with each letter written in symbols read as
    /// that letter.
    pub(crate) fn leet(text: &str, range: Range<usize>) -> Self {
        let mut r = Reading::new(true);
        let bytes = text.as_bytes();
        let mut i = range.start;
        while i < range.end {
            match symbol_letter(bytes, i) {
                Some((letter, len)) => {
                    r.push(letter, i..i + len);
                    i += len;
                }
                None => {
                    r.push(bytes[i] as char, i..i + 1);
                    i += 1;
                }
            }
        }
        r
    }
}

/// Letters written with several symbols, or with a symbol that is otherwise punctuation.
const SYMBOL_LETTERS: [(&[u8], char); 7] = [
    (b"\\/\\/", 'w'),
    (b"|_|", 'u'),
    (b"|-|", 'h'),
    (b"|<", 'k'),
    (b"|)", 'd'),
    (b"\\/", 'v'),
    (b"(", 'c'),
];

/// Whether a byte may be part of a word with leetspeak in it.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'@' | b'$' | b'!' | b'|' | b'+' | b'*' | b'#' | b'_' | b'%'
        )
}

/// The letter written at `bytes[i..]` in symbols, and how many bytes it takes: only next to a
/// letter or digit of the same word, and `(` only between two and not closed after them
/// (`fu(k`, not `item(s)`).
fn symbol_letter(bytes: &[u8], i: usize) -> Option<(char, usize)> {
    // Each starts with one of these: most bytes are turned away by one comparison, not seven
    // (texts with a `(` are read for these, and each of their bytes is asked).
    if !bytes.get(i).is_some_and(|&b| starts_symbol_letter(b)) {
        return None;
    }
    let (pattern, letter) = SYMBOL_LETTERS
        .iter()
        .find(|(p, _)| bytes[i..].starts_with(p))?;
    let end = i + pattern.len();
    let before = i > 0 && bytes[i - 1].is_ascii_alphanumeric();
    let after = bytes.get(end).is_some_and(u8::is_ascii_alphanumeric);
    if *letter == 'c' {
        let closed = bytes[end..]
            .iter()
            .find(|b| !b.is_ascii_alphanumeric())
            .is_some_and(|&b| b == b')');
        return (before && after && !closed).then_some(('c', 1));
    }
    (before || after).then_some((*letter, pattern.len()))
}

/// Whether `b` is a symbol a letter written in symbols starts with ([`SYMBOL_LETTERS`]).
fn starts_symbol_letter(b: u8) -> bool {
    matches!(b, b'|' | b'(' | b'\\')
}

/// Whether `text` may hold a letter written in symbols: it has one of the symbols they start
/// with (see `Normalized::symbol_letters`).
pub(crate) fn may_have_symbol_letters(text: &str) -> bool {
    text.bytes().any(starts_symbol_letter)
}

/// The byte ranges of the words of `text` that hold a letter written in symbols (`fuc|<`,
/// `f|_|ck`, `fu(k`), in order: each is the letters, digits, leet symbols and letters in
/// symbols around one.
pub(crate) fn leet_words(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    // From one symbol a letter can start with to the next.
    while let Some(k) = bytes[i..].iter().position(|&b| starts_symbol_letter(b)) {
        i += k;
        let Some((_, len)) = symbol_letter(bytes, i) else {
            i += 1;
            continue;
        };
        let mut a = i;
        while a > 0 && is_word_byte(bytes[a - 1]) {
            a -= 1;
        }
        let mut b = i + len;
        loop {
            while b < bytes.len() && is_word_byte(bytes[b]) {
                b += 1;
            }
            match symbol_letter(bytes, b) {
                Some((_, l)) if b < bytes.len() => b += l,
                _ => break,
            }
        }
        match out.last_mut() {
            Some(last) if last.end >= a => last.end = last.end.max(b),
            _ => out.push(a..b),
        }
        i = b;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{leet_words, Reading};

    #[test]
    fn reads_letters_written_in_symbols() {
        let text = "you fuc|< f|_|ck fu(k, item(s) a|b \\/\\/hore";
        let words: Vec<&str> = leet_words(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(words, ["fuc|<", "f|_|ck", "fu(k", "\\/\\/hore"]);
        let r = Reading::leet(text, 4..9);
        assert_eq!(r.text, "fuck");
        assert_eq!(r.original(3, 4), (7, 9));
    }

    #[test]
    fn every_letter_in_symbols_starts_with_a_symbol_that_is_looked_for() {
        for (pattern, _) in super::SYMBOL_LETTERS {
            assert!(super::starts_symbol_letter(pattern[0]), "{pattern:?}");
        }
    }

    #[test]
    fn joins_spaced_syllables_with_dots() {
        let text = "तू चू ति या";
        let r = Reading::joined(text, 0..text.len());
        assert_eq!(r.text, "तू.चू.ति.या");
        let dot = r.text.find('.').unwrap_or(0);
        assert_eq!(r.original(dot, dot + 1), (6, 7));
    }
}
