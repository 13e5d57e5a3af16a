//! The plain-text rule, defined once: what each ASCII byte is to the fast path ([`Kind`]), when
//! a non-ASCII character is a gap between words, what a plain word is, and which keys plain
//! text can have. The driver, the restart search and the eight-byte kernel all read these;
//! the kernel's own bit tests are checked against [`kind`] (see `block.rs`).

use super::super::classify::{
    ascii_classes, edge_punctuation, is_invisible_ascii, lookup, Class, Fold,
};
use super::super::offsets::is_boundary_byte;

/// Per byte: what the plain path needs to know about it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
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
    /// An ASCII control drawn as nothing ([`is_invisible_ascii`]): it joins the letters around
    /// it, which the general passes do.
    Invisible,
}

pub(super) const fn kinds() -> [Kind; 256] {
    let classes = ascii_classes();
    let mut t = [Kind::NonAscii; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = match (classes[b], edge_punctuation(c)) {
            _ if is_invisible_ascii(c) => Kind::Invisible,
            (_, Some(hard)) => Kind::Edge { hard },
            (Class::Letter, _) => Kind::Letter,
            (Class::Digit, _) => Kind::Digit,
            (Class::Leet | Class::Mask, _) => Kind::Leet,
            (Class::Soft, _) => Kind::Gap { hard: false },
            (Class::Hard, _) => Kind::Gap { hard: true },
        };
        b += 1;
    }
    t
}

pub(super) static KINDS: [Kind; 256] = kinds();

#[inline]
pub(super) fn kind(c: u8) -> Kind {
    KINDS[c as usize]
}

/// What a non-ASCII character between words is to the plain path: `Some(hard)` for a boundary,
/// `None` when the text is not plain. `after_word` says whether it directly follows a word (an
/// invisible there would join the word). Punctuation that folds to ASCII separators (curly
/// quotes and apostrophes, dashes, the ellipsis: `don’t`, `“no”`, `well…`) is the gap those
/// separators make.
#[inline]
pub(super) fn non_ascii_gap(c: char, after_word: bool) -> Option<bool> {
    match lookup(c) {
        Fold::Other => Some(true),
        Fold::Space | Fold::Map(" ", _) => Some(false),
        Fold::Ignorable if !after_word => Some(false),
        Fold::Map(folded, _) => ascii_gap(folded),
        _ => None,
    }
}

/// For a fold made only of ASCII separators: `Some(hard)`, whether one of them is hard.
fn ascii_gap(folded: &str) -> Option<bool> {
    let mut hard = false;
    for b in folded.bytes() {
        match kind(b) {
            Kind::Gap { hard: h } => hard |= h,
            _ => return None,
        }
    }
    (!folded.is_empty()).then_some(hard)
}

/// For a run of ASCII word characters that is a plain word of two or more key characters
/// (edge punctuation aside): whether its trailing punctuation makes the next boundary hard.
pub(super) fn plain_long_word(run: &[u8]) -> Option<bool> {
    let (mut a, mut b) = (0, run.len());
    while a < b && matches!(kind(run[a]), Kind::Edge { .. }) {
        a += 1;
    }
    let mut hard = false;
    while b > a {
        match kind(run[b - 1]) {
            Kind::Edge { hard: h } => hard |= h,
            _ => break,
        }
        b -= 1;
    }
    let word = run.get(a..b).filter(|w| w.len() >= 2)?;
    let letters = word.iter().all(|&c| kind(c) == Kind::Letter);
    let digits = word.iter().all(|&c| kind(c) == Kind::Digit);
    let long = digits || (letters && word.iter().any(|c| !c.eq_ignore_ascii_case(&word[0])));
    long.then_some(hard)
}

#[inline]
pub(super) fn is_wordish(c: u8) -> bool {
    !matches!(kind(c), Kind::Gap { .. } | Kind::NonAscii)
}

/// Whether `b` can be a byte of plain text's key: a lower-case ASCII letter, an ASCII digit or
/// a boundary.
pub(crate) fn in_plain_key(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit() || is_boundary_byte(b)
}

/// Whether a key can occur in the matching form of plain text: ASCII only, no mask, no word
/// mixing letters and digits (what the driver writes: see [`plain_long_word`]).
pub(crate) fn can_match_plain(key: &[u8]) -> bool {
    key.is_ascii()
        && !key.contains(&b'*')
        && key
            .split(|&b| is_boundary_byte(b))
            .all(|w| w.iter().all(u8::is_ascii_lowercase) || w.iter().all(u8::is_ascii_digit))
}
