//! Where the general passes can start and stop: after a complete plain word of two or more key
//! characters, no later word joins the text before it ([`Restart`]).

use super::block::HIGH;
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

/// The first ASCII byte of `bytes` from `i` on (or its length), eight bytes at a time.
fn next_ascii(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        if u64::from_le_bytes(word) & HIGH != HIGH {
            break;
        }
        i += 8;
    }
    bytes[i..]
        .iter()
        .position(|&b| b < 0x80)
        .map_or(bytes.len(), |k| i + k)
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
            // A run of non-ASCII characters (a Devanagari word, an emoji) holds no restart
            // word: only its last character says whether a word after it starts after a gap.
            // Skipped to the next ASCII byte, not read character by character.
            let end = next_ascii(bytes, i);
            let Some(c) = text[i..end].chars().next_back() else {
                break;
            };
            after_gap = non_ascii_gap(c, true).is_some();
            i = end;
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

#[cfg(test)]
mod tests {
    use super::{next_ascii, restart_after};

    #[test]
    fn next_ascii_skips_whole_words_of_non_ascii_bytes() {
        for text in [
            "",
            "a",
            "चू",
            "चूतिया",
            "चूतिया है x",
            "😀😀😀😀 ok",
            "ab चूतिया",
        ] {
            let bytes = text.as_bytes();
            for from in 0..=bytes.len() {
                let want = (from..bytes.len())
                    .find(|&i| bytes[i] < 0x80)
                    .unwrap_or(bytes.len());
                assert_eq!(next_ascii(bytes, from), want, "{text:?} from {from}");
            }
        }
    }

    #[test]
    fn restart_comes_after_a_plain_word_past_devanagari_and_emoji() {
        let text = "तू चूतिया है 😀 okay then";
        let at = text.find(" then").unwrap_or(0);
        assert_eq!(restart_after(text, 0).at, at);
        // A word glued to Devanagari does not start after a gap.
        let glued = "चूतियाokay then";
        assert_eq!(restart_after(glued, 0).at, glued.len());
    }
}
