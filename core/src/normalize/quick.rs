//! A quick matching form for plain ASCII text, to skip the full normalisation when a text
//! cannot match (most posts).
//!
//! For ASCII text whose words are plain (letters only, or digits only) and that has no run of
//! three single-character words, the full matching form (see the parent module) is: the words,
//! lower-cased, letter runs collapsed, separated by one boundary byte. This builds exactly that,
//! with every boundary written as `' '` (the full form writes `'\n'` for hard ones), in one pass
//! and without an offset map. Any hit of the full form is therefore a hit here, with the same
//! word boundaries; the converse does not matter. For anything else (non-ASCII, leetspeak,
//! masks, spaced-out letters) it answers "cannot tell".

use super::classify::{ascii_class, lookup, Class, Fold};

/// Writes the quick form of `text` into `key`; false when `text` is not plain (the caller must
/// normalise fully). Non-ASCII characters that are boundaries in the full form (emoji and other
/// symbols, spaces) are boundaries here; an invisible character is skipped between words; any
/// other non-ASCII character (a letter, a mark, an invisible inside a word) means "not plain".
pub(crate) fn quick_key(text: &str, key: &mut Vec<u8>) -> bool {
    key.clear();
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut singles = 0;
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        if b >= 0x80 {
            let Some(c) = text[i..].chars().next() else {
                return false;
            };
            match lookup(c) {
                Fold::Other | Fold::Space => {}
                // Between words an invisible is dropped; after a word it would join it.
                Fold::Ignorable
                    if i == 0
                        || bytes[i - 1] >= 0x80
                        || !ascii_class(bytes[i - 1]).is_wordish() => {}
                _ => return false,
            }
            i += c.len_utf8();
            continue;
        }
        if !ascii_class(b).is_wordish() {
            i += 1;
            continue;
        }
        let a = i;
        while i < n && bytes[i] < 0x80 && ascii_class(bytes[i]).is_wordish() {
            i += 1;
        }
        // A mark or invisible right after the word would attach to it: not plain.
        if i < n && bytes[i] >= 0x80 {
            match text[i..].chars().next().map(lookup) {
                Some(Fold::Other | Fold::Space) => {}
                _ => return false,
            }
        }
        if !push_word(&bytes[a..i], key, &mut singles) {
            return false;
        }
    }
    true
}

/// Appends one wordish run (edge punctuation trimmed); false if it is not a plain word.
fn push_word(run: &[u8], key: &mut Vec<u8>, singles: &mut u32) -> bool {
    // Edge punctuation the full form trims (`fuck!`, `#tag`, `@user`, `*wow*`).
    let (mut a, mut b) = (0, run.len());
    while a < b && edge_trimmed(run[a]) {
        a += 1;
    }
    while b > a && edge_trimmed(run[b - 1]) {
        b -= 1;
    }
    if a == b {
        return true;
    }
    let word = &run[a..b];
    let (mut letters, mut digits) = (false, false);
    for &c in word {
        match ascii_class(c) {
            Class::Letter => letters = true,
            Class::Digit => digits = true,
            _ => return false,
        }
    }
    if letters && digits {
        return false;
    }
    // A word whose matching form is one character can be a letter of a spaced-out word.
    let single =
        word.len() == 1 || (letters && word.iter().all(|c| c.eq_ignore_ascii_case(&word[0])));
    let prev_single = *singles > 0;
    *singles = if single { *singles + 1 } else { 0 };
    if *singles >= 3 {
        return false;
    }
    if !key.is_empty() {
        // As in the full form: two single characters that are not joined are kept apart by a
        // hard boundary.
        key.push(if single && prev_single { b'\n' } else { b' ' });
    }
    let mut last = 0u8;
    for &c in word {
        let c = c.to_ascii_lowercase();
        if !(letters && c == last) {
            key.push(c);
        }
        last = c;
    }
    true
}

/// Characters the full form trims from the edges of a word: masks and `! | + @`.
fn edge_trimmed(c: u8) -> bool {
    matches!(ascii_class(c), Class::Mask) || matches!(c, b'!' | b'|' | b'+' | b'@')
}
