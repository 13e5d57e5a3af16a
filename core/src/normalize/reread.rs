//! Second readings: stretches of a text that the matching form must keep as they are, read a
//! second time another way, for the matcher to search too.
//!
//! Three kinds. Devanagari syllables written apart with spaces (`चू ति या`) and letters on lines of
//! their own stay apart in the key (Hindi is full of one-syllable words; lines are
//! independent), and are read again joined. Letters written with several symbols each (`|<` for
//! `k`, `|_|` for `u`, `(` for `c`) stay symbols in the key (`item(s)`, `a|b`), and words that
//! hold them are read again with the letters in. Hashtags that join words in camel case
//! (`#TrumpIsAMoron`, `#Kill_Yourself`) stay one word in the key, and are read again as the
//! words they join. Each reading maps its bytes back to the text, so a match found in it has a
//! span in the text.

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
    /// Whether the reading is a hashtag's words ([`Reading::camel`]).
    pub(crate) camel: bool,
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
            camel: false,
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

impl Reading {
    /// The `hashtags` of `text` (ASCII letters, digits and `_`, from [`camel_hashtags`]) as the
    /// words they join, one line each: a space where a word starts, at `_`, before a capital
    /// after a small letter or digit (`TrumpIs`), and before the last capital of a run when a
    /// small letter follows (`AMoron`, `BJPFails`). A line feed (a hard boundary: no phrase
    /// runs on from one hashtag into the next) and a space before a capital stand for no text.
    /// One reading for all of a text's hashtags: a reading costs a search of its own.
    pub(crate) fn hashtags(text: &str, hashtags: &[Range<usize>]) -> Self {
        let bytes = text.as_bytes();
        let n: usize = hashtags.iter().map(|r| 2 * r.len() + 1).sum();
        let mut out = Vec::with_capacity(n);
        let mut starts = Vec::with_capacity(n);
        let mut ends = Vec::with_capacity(n);
        let mut push = |b: u8, from: usize, to: usize| {
            out.push(b);
            starts.push(from);
            ends.push(to);
        };
        for (k, range) in hashtags.iter().enumerate() {
            if k > 0 {
                push(b'\n', range.start, range.start);
            }
            for i in range.clone() {
                let b = bytes[i];
                if b == b'_' {
                    push(b' ', i, i + 1);
                    continue;
                }
                if i > range.start && starts_camel_word(bytes, i, range.end) {
                    push(b' ', i, i);
                }
                push(b, i, i + 1);
            }
        }
        Reading {
            // Only ASCII was pushed, so the bytes are UTF-8.
            text: String::from_utf8(out).unwrap_or_default(),
            starts,
            ends,
            leet: false,
            camel: true,
        }
    }
}

/// Writes the bytes of `text[range]` (a hashtag from [`camel_hashtags`]) into `key` (cleared
/// first) as a key would hold its words: lower case, a space where a word starts (as
/// [`Reading::hashtags`] reads it) and after the last word. Into a buffer the caller reuses:
/// an iterator of the bytes cost about 50 instructions a byte to step a DFA over.
pub(crate) fn hashtag_key(text: &str, range: Range<usize>, key: &mut Vec<u8>) {
    let bytes = text.as_bytes();
    let (a, end) = (range.start, range.end);
    key.clear();
    for i in range {
        let b = bytes[i];
        if b == b'_' {
            key.push(b' ');
            continue;
        }
        if i > a && starts_camel_word(bytes, i, end) {
            key.push(b' ');
        }
        key.push(b.to_ascii_lowercase());
    }
    key.push(b' ');
}

/// Whether a camel-case word starts at `bytes[i]`, inside a hashtag that ends at `end`.
fn starts_camel_word(bytes: &[u8], i: usize, end: usize) -> bool {
    let (before, b) = (bytes[i - 1], bytes[i]);
    b.is_ascii_uppercase()
        && (before.is_ascii_lowercase()
            || before.is_ascii_digit()
            || (before.is_ascii_uppercase() && i + 1 < end && bytes[i + 1].is_ascii_lowercase()))
}

/// The byte ranges of the hashtags of `text` (after a `#` that does not follow a letter, digit
/// or `_`) whose ASCII letters, digits and `_` join words: with a `_` between two of them, or a
/// capital that starts a camel-case word ([`Reading::camel`]). `#MeToo`, `#kill_yourself`; not
/// `#metoo`, `#BJP`, `page#Top`, `C#`. Linear: each byte is looked at a bounded number of times.
pub(crate) fn camel_hashtags(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    // `memchr`: most texts have no `#`, and `str::find` cost about 380 instructions on a
    // 100-byte post to say so.
    while let Some(k) = bytes
        .get(from..)
        .and_then(|rest| memchr::memchr(b'#', rest))
    {
        let hash = from + k;
        let a = hash + 1;
        // One pass over the hashtag: where it ends, and whether a word starts inside it.
        let (mut b, mut joins) = (a, false);
        let (mut prev, mut before) = (0u8, 0u8);
        while let Some(&c) = bytes.get(b) {
            let class = TAG_CLASS[c as usize];
            if class == 0 {
                break;
            }
            joins |= (class == UNDERSCORE && prev & (LOWER | UPPER | DIGIT) != 0)
                || (class == UPPER && prev & (LOWER | DIGIT) != 0)
                || (class == LOWER && prev == UPPER && before == UPPER);
            (before, prev) = (prev, class);
            b += 1;
        }
        // A `_` last joins nothing.
        if prev == UNDERSCORE && joins {
            joins = joins_without_last_underscore(&bytes[a..b]);
        }
        from = b.max(a);
        let after_word = hash > 0 && TAG_CLASS[bytes[hash - 1] as usize] != 0;
        if joins && !after_word {
            out.push(a..b);
        }
    }
    out
}

/// Classes of the bytes a hashtag is made of (0: any other byte).
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;
const UNDERSCORE: u8 = 8;
const TAG_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c == b'_' {
            UNDERSCORE
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Whether a hashtag's `_` (not its last bytes) or capitals join words: the slow check, for the
/// few hashtags that end in `_`.
fn joins_without_last_underscore(tag: &[u8]) -> bool {
    let end = tag.len();
    (1..end).any(|j| {
        (tag[j] == b'_' && tag[j - 1] != b'_' && tag[j + 1..].iter().any(|&c| c != b'_'))
            || starts_camel_word(tag, j, end)
    })
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
    fn reads_camel_case_hashtags_as_their_words() {
        let text = "#TrumpIsAMoron #BJPFails_India #metoo #BJP C#Sharp page#Top #a_ #Covid19India";
        let tags: Vec<&str> = super::camel_hashtags(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(tags, ["TrumpIsAMoron", "BJPFails_India", "Covid19India"]);
        let r = Reading::hashtags(text, &super::camel_hashtags(text));
        assert_eq!(r.text, "Trump Is A Moron\nBJP Fails India\nCovid19 India");
        // `Moron`: bytes 11..16 of the reading, 9..14 of the text.
        assert_eq!(r.original(11, 16), (9, 14));
        // `India` of the second: after its `_` (byte 24 of the text).
        assert_eq!(r.original(27, 32), (25, 30));
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
