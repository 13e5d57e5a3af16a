//! Where the general passes can start and stop: after a complete plain word of two or more key
//! characters, no later word joins the text before it ([`Restart`]).

use super::rule::{is_wordish, kind, non_ascii_gap, plain_long_word, Kind};

/// A place where the general passes can start or stop: the text before it ends with a
/// complete word of two or more key characters (or is empty), so no later word joins it.
#[derive(Clone, Copy, Default)]
pub(super) struct Restart {
    /// Byte of the text.
    pub(super) at: usize,
    /// Key length there.
    pub(super) len: usize,
    /// Whether that word's trailing punctuation makes the next boundary hard.
    pub(super) hard: bool,
}

/// A place to cut `text` after about `at` bytes such that normalising the part before it gives
/// exactly the start of the whole text's matching form (no word joins across it, nothing
/// attaches over it): the first [`Restart`] after `at`, if one comes within `within` bytes.
pub(crate) fn prefix_cut(text: &str, at: usize, within: usize) -> Option<usize> {
    let mut end = at.saturating_add(within).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut at = at.min(end);
    while !text.is_char_boundary(at) {
        at += 1;
    }
    // The end of the window is not a boundary: a restart there would be a false one.
    Some(restart_after(&text[..end], at).at).filter(|&cut| cut < end)
}

/// The first [`Restart`] after byte `from`: the end (after its trailing punctuation) of the
/// next word that is plain, has two or more key characters, and has a boundary before and
/// after it; or the end of the text.
pub(super) fn restart_after(text: &str, from: usize) -> Restart {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = from;
    // The word `from` is in (if any) is not one: a restart word follows a boundary.
    let mut after_gap = false;
    while i < n {
        let b = bytes[i];
        if b >= 0x80 {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            after_gap = non_ascii_gap(c, true).is_some();
            i += c.len_utf8();
            continue;
        }
        if let Kind::Gap { .. } = kind(b) {
            after_gap = true;
            i += 1;
            continue;
        }
        let a = i;
        while i < n && is_wordish(bytes[i]) {
            i += 1;
        }
        let starts_a_word = after_gap;
        after_gap = false;
        let ends_a_word = i == n
            || bytes[i] < 0x80
            || text[i..]
                .chars()
                .next()
                .is_some_and(|c| non_ascii_gap(c, true).is_some());
        if starts_a_word && ends_a_word {
            if let Some(hard) = plain_long_word(&bytes[a..i]) {
                return Restart {
                    at: i,
                    len: 0,
                    hard,
                };
            }
        }
    }
    Restart {
        at: n,
        len: 0,
        hard: false,
    }
}
