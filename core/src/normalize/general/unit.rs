//! What the passes share: a character after folding ([`Unit`]), a word ([`Word`]), and the
//! gap values between words.

use crate::normalize::classify::{leet_letter, Class};
use crate::normalize::transforms::Transforms;

/// One character of the input after folding: what it became, its class and where it came from.
#[derive(Clone, Copy, Debug)]
pub(super) struct Unit {
    pub(super) start: u32,
    pub(super) end: u32,
    pub(super) ch: char,
    pub(super) class: Class,
    pub(super) flags: u16,
}

/// A word: units `[a, b)`, whether a hard boundary precedes it, and a signature of the
/// separator characters before it (spaced-out words use one separator throughout).
#[derive(Clone, Copy, Debug)]
pub(super) struct Word {
    pub(super) a: u32,
    pub(super) b: u32,
    pub(super) hard_before: bool,
    pub(super) single: bool,
    pub(super) gap: u32,
    /// Letters and leet characters (digits, `@ $ ! | +`) in the word, counted once so later
    /// passes need not rescan it (see [`leet_reading`](crate::normalize::classify::leet_reading)).
    pub(super) letters: u32,
    pub(super) leet: u32,
    /// The first letter of a masked spelling (`f` of `f*u*c*k`): a run of spaced-out letters
    /// before it does not continue into it.
    pub(super) masked_start: bool,
    /// A word right after a leading `@` (a mention: `@man1376`): leet only by the strict rule,
    /// as handles are names with digits (see [`leet_reading_of`](crate::normalize::classify::leet_reading_of)).
    pub(super) mention: bool,
}

/// The gap signature between the letters of a masked spelling.
pub(super) const MASKED_SPELLING_GAP: u32 = u32::MAX;

/// The gap signature of any one character between words that is not whitespace: punctuation,
/// a symbol or an emoji. Spaced-out letters may mix these (`f.u-c.k`, `f,u,c,k`, `f🔥u🔥c🔥k`),
/// and such a gap joins them even where it is a hard boundary. Not a line break: the matching
/// form keeps two single letters that are not joined apart with one.
pub(super) const SYMBOL_GAP: u32 = u32::MAX - 1;

/// The gap signature of one space.
pub(super) const SPACE_GAP: u32 = ' ' as u32;

/// The gap signature of one line feed.
pub(super) const LINE_GAP: u32 = '\n' as u32;

/// Whether a unit is a letter in the matching form (`1`, read as `i` or `l`, is not decided).
pub(super) fn reads_as_letter(u: &Unit, leet: bool) -> bool {
    u.class == Class::Letter
        || (matches!(u.class, Class::Digit | Class::Leet)
            && leet
            && key_char(u, leet).0.is_ascii_lowercase())
}

/// The matching character of a unit, given whether its word reads leetspeak.
#[inline]
pub(super) fn key_char(u: &Unit, leet: bool) -> (char, u16) {
    match u.class {
        Class::Digit | Class::Leet if leet => match leet_letter(u.ch) {
            Some(l) => (l, Transforms::LEET.bits()),
            None => (u.ch, 0),
        },
        Class::Mask => ('*', 0),
        _ => (u.ch, 0),
    }
}

/// Equal neighbours collapse into one character with a run count — except digits and symbols
/// of words that are not read as leetspeak, so `1000` stays a number.
#[inline]
pub(super) fn collapses(u: &Unit, leet: bool) -> bool {
    leet || matches!(u.class, Class::Letter | Class::Mask)
}
