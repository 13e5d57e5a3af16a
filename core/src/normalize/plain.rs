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

/// Per byte: what the plain path needs to know about it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Letter,
    Digit,
    /// Trimmed from the edges of a word (masks and `! | + @`); inside a word it makes the word
    /// not plain. `hard` says whether trimming it makes the boundary hard (all but `*`, `_`).
    Edge {
        hard: bool,
    },
    /// A word character that makes a word not plain (`$`).
    Leet,
    /// A separator between words; `hard` says whether it is a hard boundary.
    Gap {
        hard: bool,
    },
    /// A byte of a non-ASCII character.
    NonAscii,
}

const fn kinds() -> [Kind; 256] {
    let classes = ascii_classes();
    let mut t = [Kind::NonAscii; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = match classes[b] {
            Class::Letter => Kind::Letter,
            Class::Digit => Kind::Digit,
            Class::Mask => Kind::Edge {
                hard: !matches!(c, b'*' | b'_'),
            },
            Class::Leet if matches!(c, b'!' | b'|' | b'+' | b'@') => Kind::Edge { hard: true },
            Class::Leet => Kind::Leet,
            Class::Soft => Kind::Gap { hard: false },
            Class::Hard => Kind::Gap { hard: true },
        };
        b += 1;
    }
    t
}

static KINDS: [Kind; 256] = kinds();

#[inline]
fn kind(c: u8) -> Kind {
    KINDS[c as usize]
}

/// What a non-ASCII character between words is to the plain path: `Some(hard)` for a boundary,
/// `None` when the text is not plain. `after_word` says whether it directly follows a word (an
/// invisible there would join the word).
#[inline]
fn non_ascii_gap(c: char, after_word: bool) -> Option<bool> {
    match lookup(c) {
        Fold::Other => Some(true),
        Fold::Space | Fold::Map(" ", _) => Some(false),
        Fold::Ignorable if !after_word => Some(false),
        _ => None,
    }
}

/// Receives the bytes of the matching form as the fast path settles them, so a search can run
/// in the same pass (`end` is the key position just after `byte`).
pub(crate) trait KeySink {
    fn push(&mut self, end: usize, byte: u8);
}

impl KeySink for () {
    #[inline(always)]
    fn push(&mut self, _end: usize, _byte: u8) {}
}

/// Writes the matching form of `text` into `out` (cleared first) if the text is plain, and
/// gives its bytes to `sink` in order; returns false otherwise (`out` is then garbage and must
/// be rebuilt by the general passes, and `sink` has seen a prefix).
pub(crate) fn normalize_plain<S: KeySink>(text: &str, out: &mut Normalized, sink: &mut S) -> bool {
    out.clear();
    let bytes = text.as_bytes();
    let n = bytes.len();
    // The key is never longer than the text: one byte per word character at most, and one
    // boundary per gap. Runs and transforms are filled once here (1 and none) and patched.
    out.key.resize(n, 0);
    out.src.resize(n, (0, 0));
    out.runs.resize(n, 1);
    out.flags.resize(n, 0);
    let key = &mut out.key[..];
    let src = &mut out.src[..];
    let runs = &mut out.runs[..];
    let mut len = 0;
    // Pending boundary: whether a hard separator came since the last word.
    let mut hard = false;
    // Consecutive single-character words.
    let mut singles = 0u32;
    let mut after_word = false;
    let mut i = 0;
    'text: while i < n {
        let b = bytes[i];
        if b >= 0x80 {
            let Some(c) = text[i..].chars().next() else {
                return false;
            };
            match non_ascii_gap(c, after_word) {
                Some(h) => hard |= h,
                None => return false,
            }
            after_word = false;
            i += c.len_utf8();
            continue;
        }
        let first = match kind(b) {
            Kind::Gap { hard: h } => {
                hard |= h;
                after_word = false;
                i += 1;
                continue;
            }
            Kind::Leet => return false,
            k => k,
        };
        // A word: leading edge characters, letters only or digits only, trailing edges.
        after_word = true;
        let mut k = first;
        while let Kind::Edge { hard: h } = k {
            hard |= h;
            i += 1;
            if i == n {
                break 'text;
            }
            k = kind(bytes[i]);
        }
        let letters = match k {
            Kind::Letter => true,
            Kind::Digit => false,
            // Only edge characters (`!!!`, `@`): no word; or a `$`: not plain.
            Kind::Gap { .. } | Kind::NonAscii => continue,
            _ => return false,
        };
        let boundary = len;
        if len > 0 {
            key[len] = if hard { b'\n' } else { b' ' };
            src[len] = (i as u32, i as u32);
            len += 1;
        }
        // After a single-character word the boundary is settled only once this word is known
        // to be single or not: its bytes go to the sink at its end. Otherwise, as they come.
        let defer = singles > 0;
        if !defer && boundary < len {
            sink.push(len, key[boundary]);
        }
        let word_start = len;
        let mut last = 0u8;
        while i < n {
            let c = bytes[i];
            let at = i as u32;
            match kind(c) {
                Kind::Letter if letters => {
                    let c = c.to_ascii_lowercase();
                    if c == last {
                        runs[len - 1] = runs[len - 1].saturating_add(1);
                        src[len - 1].1 = at + 1;
                    } else {
                        key[len] = c;
                        src[len] = (at, at + 1);
                        len += 1;
                        last = c;
                        if !defer {
                            sink.push(len, c);
                        }
                    }
                }
                Kind::Digit if !letters => {
                    key[len] = c;
                    src[len] = (at, at + 1);
                    len += 1;
                    if !defer {
                        sink.push(len, c);
                    }
                }
                _ => break,
            }
            i += 1;
        }
        hard = false;
        while i < n {
            match kind(bytes[i]) {
                Kind::Edge { hard: h } => hard |= h,
                // Not plain (`f*ck`, `sh!t`, `a5`) unless the word ends here; a non-ASCII
                // character is checked on the next round.
                Kind::Gap { .. } | Kind::NonAscii => break,
                _ => return false,
            }
            i += 1;
        }
        // One key character: the word may be a letter of a spaced-out word (`f u c k`); two
        // such in a row are kept apart by a hard boundary, three are left to the general
        // passes.
        if len - word_start == 1 {
            singles += 1;
            if singles >= 3 {
                return false;
            }
            if singles == 2 {
                key[boundary] = b'\n';
            }
        } else {
            singles = 0;
        }
        if defer {
            for (k, &b) in key[boundary..len].iter().enumerate() {
                sink.push(boundary + k + 1, b);
            }
        }
    }
    out.key.truncate(len);
    out.src.truncate(len);
    out.runs.truncate(len);
    out.flags.truncate(len);
    true
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
        normalize_plain(text, &mut out, &mut ()).then_some(out)
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
