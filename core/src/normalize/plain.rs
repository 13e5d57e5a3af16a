//! The fast path of normalisation, for plain text (most posts).
//!
//! Text is plain when its words are ASCII letters only or ASCII digits only (edge punctuation
//! such as `fuck!`, `#tag`, `@user` aside), with no run of three single-character words, and
//! its non-ASCII characters are boundaries (emoji, symbols, spaces) or invisibles between
//! words. For such text the general passes (see the parent module) reduce to: each word
//! lower-cased, equal letters collapsed with a run count, one boundary byte between words
//! (`'\n'` after hard punctuation or between two single characters). This writes exactly that,
//! offset map included, in one pass over the bytes and without the per-character units; for
//! anything else it answers "not plain" and the general passes run. A test compares the two
//! on generated text.

use super::classify::{ascii_classes, lookup, Class, Fold};
use super::offsets::Normalized;

/// Per ASCII byte: what the plain path needs to know about it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Letter,
    Digit,
    /// A word character that makes a word not plain (`$`, a mask inside a word), or is
    /// trimmed from its edge.
    Other,
    /// A separator between words; `hard` says whether it is a hard boundary.
    Gap {
        hard: bool,
    },
}

const fn kinds() -> [Kind; 128] {
    let classes = ascii_classes();
    let mut t = [Kind::Gap { hard: true }; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match classes[b] {
            Class::Letter => Kind::Letter,
            Class::Digit => Kind::Digit,
            Class::Leet | Class::Mask => Kind::Other,
            Class::Soft => Kind::Gap { hard: false },
            Class::Hard => Kind::Gap { hard: true },
        };
        b += 1;
    }
    t
}

static KINDS: [Kind; 128] = kinds();

/// Characters the general passes trim from the edges of a word (masks and `! | + @`); all but
/// `*` and `_` make the boundary hard.
#[inline]
fn edge_trimmed(c: u8) -> bool {
    matches!(c, b'*' | b'#' | b'_' | b'!' | b'|' | b'+' | b'@')
}

#[inline]
fn soft_edge(c: u8) -> bool {
    matches!(c, b'*' | b'_')
}

/// Writes the matching form of `text` into `out` (cleared first) if the text is plain;
/// returns false otherwise (`out` is then garbage and must be rebuilt by the general passes).
pub(crate) fn normalize_plain(text: &str, out: &mut Normalized) -> bool {
    out.clear();
    let bytes = text.as_bytes();
    let n = bytes.len();
    out.reserve(n);
    // Pending boundary: whether a hard separator came since the last word.
    let mut hard = false;
    // Consecutive single-character words, and whether the last word was one.
    let mut singles = 0u32;
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        if b >= 0x80 {
            let Some(c) = text[i..].chars().next() else {
                return false;
            };
            match lookup(c) {
                Fold::Other => hard = true,
                Fold::Space | Fold::Map(" ", _) => {}
                // Between words an invisible is dropped; after a word it would join it (the
                // byte before is checked when the word ends).
                Fold::Ignorable if i == 0 || bytes[i - 1] >= 0x80 || !is_wordish(bytes[i - 1]) => {}
                _ => return false,
            }
            i += c.len_utf8();
            continue;
        }
        match KINDS[b as usize] {
            Kind::Gap { hard: h } => {
                hard |= h;
                i += 1;
                continue;
            }
            Kind::Letter | Kind::Digit | Kind::Other => {}
        }
        // A run of word characters: [a, i).
        let a = i;
        while i < n && bytes[i] < 0x80 && is_wordish(bytes[i]) {
            i += 1;
        }
        // A mark or invisible right after the word would attach to it: not plain.
        if i < n && bytes[i] >= 0x80 {
            match text[i..].chars().next().map(lookup) {
                Some(Fold::Other | Fold::Space | Fold::Map(" ", _)) => {}
                _ => return false,
            }
        }
        let (mut wa, mut wb) = (a, i);
        while wa < wb && edge_trimmed(bytes[wa]) {
            hard |= !soft_edge(bytes[wa]);
            wa += 1;
        }
        let mut trailing_hard = false;
        while wb > wa && edge_trimmed(bytes[wb - 1]) {
            trailing_hard |= !soft_edge(bytes[wb - 1]);
            wb -= 1;
        }
        if wa == wb {
            // Only edge punctuation (`!!!`, `@`): no word.
            continue;
        }
        let word = &bytes[wa..wb];
        let letters = match KINDS[word[0] as usize] {
            Kind::Letter => true,
            Kind::Digit => false,
            _ => return false,
        };
        let want = if letters { Kind::Letter } else { Kind::Digit };
        if word.iter().any(|&c| KINDS[c as usize] != want) {
            return false;
        }
        let single =
            word.len() == 1 || (letters && word.iter().all(|c| c.eq_ignore_ascii_case(&word[0])));
        let prev_single = singles > 0;
        singles = if single { singles + 1 } else { 0 };
        // Three single characters in a row may be a spaced-out word (`f u c k`).
        if singles >= 3 {
            return false;
        }
        if !out.key.is_empty() {
            let at = wa as u32;
            let boundary = if hard || (single && prev_single) {
                b'\n'
            } else {
                b' '
            };
            out.push_byte(boundary, (at, at), 1, 0);
        }
        push_word(word, wa as u32, letters, out);
        hard = trailing_hard;
    }
    true
}

#[inline]
fn is_wordish(c: u8) -> bool {
    !matches!(KINDS[(c & 0x7f) as usize], Kind::Gap { .. })
}

/// Appends a word of letters (lower-cased, equal neighbours collapsed) or of digits (as is).
#[inline]
fn push_word(word: &[u8], start: u32, letters: bool, out: &mut Normalized) {
    let mut last = 0u8;
    for (k, &c) in word.iter().enumerate() {
        let at = start + k as u32;
        let c = c.to_ascii_lowercase();
        if letters && c == last {
            let p = out.key.len() - 1;
            out.runs[p] = out.runs[p].saturating_add(1);
            out.src[p].1 = at + 1;
        } else {
            out.push_byte(c, (at, at + 1), 1, 0);
        }
        last = c;
    }
}

#[cfg(test)]
mod tests {
    use super::super::{normalize_general, Normalized, Scratch};
    use super::normalize_plain;
    use proptest::prelude::*;

    /// The general passes' output for `text`.
    fn general(text: &str) -> Normalized {
        let mut out = Normalized::default();
        normalize_general(text, &mut out, &mut Scratch::default());
        out
    }

    fn plain(text: &str) -> Option<Normalized> {
        let mut out = Normalized::default();
        normalize_plain(text, &mut out).then_some(out)
    }

    #[test]
    fn takes_ordinary_chat_and_agrees_with_the_general_passes() {
        for text in [
            "Hello, world!! #tag @user 100% 😀 can't wait",
            "SOOOO goood\tlol\r\nok a b",
            "fuck! *wow* _x_ ++ | 2024 1000",
            "a \u{200b}b \u{2003}cd",
        ] {
            assert_eq!(plain(text).as_ref(), Some(&general(text)), "{text:?}");
        }
    }

    #[test]
    fn leaves_evasions_to_the_general_passes() {
        for text in [
            "sh1t",
            "f*ck",
            "f u c k",
            "a55hole",
            "fück",
            "fu\u{200b}ck",
            "$100",
            "ｆｕｃｋ",
        ] {
            assert!(plain(text).is_none(), "{text:?}");
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
            2 => Just("\u{2003}".to_string()),
            1 => Just("é".to_string()),
            1 => Just("\u{301}".to_string()),
            1 => Just("क".to_string()),
            2 => "[a-z]",
        ];
        prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    proptest! {
        /// Whenever the fast path takes a text, it writes exactly what the general passes write:
        /// key, offsets, runs, transforms and joined ranges.
        #[test]
        fn fast_path_equals_general_passes(text in text()) {
            if let Some(fast) = plain(&text) {
                prop_assert_eq!(fast, general(&text));
            }
        }
    }
}
