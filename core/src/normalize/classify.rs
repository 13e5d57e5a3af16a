//! Character classes: what each character of the input is to the normaliser.
//!
//! ASCII goes through a 128-entry table; everything else through the generated Unicode tables.

use super::tables;

/// The role of one (folded) character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Class {
    /// A letter (or a kept Indic mark): always part of a word.
    Letter,
    /// An ASCII digit: leetspeak inside a word of letters, a number otherwise.
    Digit,
    /// A symbol that stands for a letter inside a word: `@ $ ! | +`.
    Leet,
    /// A symbol that hides a letter inside a word: `* # _`.
    Mask,
    /// A separator that may sit between spaced-out letters: space, `. - ~ / \ : ; ' " ^ =` (and
    /// masks between single letters: `f*u*c*k`, `f_u_c_k`).
    Soft,
    /// Any other boundary: line breaks, other punctuation, symbols, emoji.
    Hard,
}

impl Class {
    /// Whether a character of this class can be part of a word.
    pub(super) fn is_wordish(self) -> bool {
        matches!(
            self,
            Class::Letter | Class::Digit | Class::Leet | Class::Mask
        )
    }
}

pub(super) const fn ascii_classes() -> [Class; 128] {
    let mut t = [Class::Hard; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() {
            Class::Letter
        } else if c.is_ascii_digit() {
            Class::Digit
        } else {
            match c {
                b'@' | b'$' | b'!' | b'|' | b'+' => Class::Leet,
                b'*' | b'#' | b'_' | b'%' => Class::Mask,
                b' ' | b'\t' | b'.' | b'-' | b'~' | b'/' | b'\\' | b':' | b';' | b'\'' | b'"'
                | b'`' | b'^' | b'=' => Class::Soft,
                _ => Class::Hard,
            }
        };
        b += 1;
    }
    t
}

static ASCII: [Class; 128] = ascii_classes();

/// ASCII control characters that are drawn as nothing: inside a word they are dropped like a
/// zero-width space (`f\0uck`), not read as a boundary. Tab, line feed, vertical tab, form feed
/// and carriage return stay whitespace.
pub(super) const fn is_invisible_ascii(c: u8) -> bool {
    matches!(c, 0x00..=0x08 | 0x0E..=0x1F | 0x7F)
}

/// Symbols that only count inside a word; at its edges they are punctuation and are trimmed
/// (`fuck!`, `@user`, `#tag`, `*emphasis*`): the masks and `! | + @`. `Some(hard)` says whether
/// trimming it makes the boundary hard: `*` and `_` separate softly (`*wow*`, `_wow_`).
pub(super) const fn edge_punctuation(c: u8) -> Option<bool> {
    match c {
        b'*' | b'_' => Some(false),
        b'#' | b'!' | b'|' | b'+' | b'@' | b'%' => Some(true),
        _ => None,
    }
}

/// The class of an ASCII character (`c` must be ASCII).
#[inline]
pub(super) fn ascii_class(c: u8) -> Class {
    ASCII[(c & 0x7f) as usize]
}

/// The class of a character that the tables already folded (ASCII or a kept letter).
#[inline]
pub(super) fn folded_class(c: char) -> Class {
    if c.is_ascii() {
        ascii_class(c as u8)
    } else {
        Class::Letter
    }
}

/// What the Unicode tables say about a non-ASCII character.
pub(super) enum Fold {
    /// Replace it by this folded string; the `u8` holds the table's transform flags.
    Map(&'static str, u8),
    /// A combining mark: dropped after Latin, Greek and Cyrillic letters, kept otherwise.
    Mark,
    /// An invisible character: dropped.
    Ignorable,
    /// A letter or number that folds to itself.
    Word,
    /// Whitespace: a soft separator.
    Space,
    /// Anything else: a word boundary.
    Other,
}

fn in_ranges(ranges: &[(u32, u32)], cp: u32) -> bool {
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The [`Transforms`](super::Transforms) bits of a table entry's flags: the low four are the
/// same bits; the table's INDIC bit is a separate transform.
#[inline]
pub(super) fn table_transforms(flags: u8) -> u16 {
    let mut t = u16::from(flags & 0x0f);
    if flags & tables::INDIC != 0 {
        t |= super::transforms::Transforms::INDIC.bits();
    }
    t
}

/// Emoji blocks (pictographs, emoticons, transport; supplemental and extended pictographs) that
/// no table mentions: answered without searching them. A test checks the tables agree.
fn is_plain_emoji(cp: u32) -> bool {
    (0x1F300..=0x1F6FF).contains(&cp) || (0x1F900..=0x1FAFF).contains(&cp)
}

/// Whether `c` is a symbol the matching form drops (General_Category So: emoji, dingbats,
/// pictographs), which terms may be written in (see `crate::symbols`).
pub(crate) fn is_symbol(c: char) -> bool {
    !c.is_ascii() && in_ranges(tables::SYMBOLS, c as u32)
}

/// Looks a non-ASCII character up in the generated tables.
pub(super) fn lookup(c: char) -> Fold {
    let cp = c as u32;
    if let Some(&code) = DIRECT.get(cp as usize) {
        return match code {
            NOT_LISTED => unlisted(c),
            WORD => Fold::Word,
            MARK => Fold::Mark,
            IGNORABLE => Fold::Ignorable,
            k => {
                let (_, s, flags) = tables::FOLD[(k - FIRST_FOLD) as usize];
                Fold::Map(s, flags)
            }
        };
    }
    if is_plain_emoji(cp) {
        return Fold::Other;
    }
    search(c)
}

/// Code points below this (Latin, Greek, Cyrillic, Indic scripts…) are answered from a table
/// computed from the generated tables at compile time, not by searching them.
const DIRECT_LEN: usize = 0x1000;
const NOT_LISTED: u16 = 0;
const WORD: u16 = 1;
const MARK: u16 = 2;
const IGNORABLE: u16 = 3;
/// Codes from this one on are `FIRST_FOLD + index` into [`tables::FOLD`].
const FIRST_FOLD: u16 = 4;
const _: () = assert!(tables::FOLD.len() + (FIRST_FOLD as usize) <= u16::MAX as usize);

static DIRECT: [u16; DIRECT_LEN] = direct_table();

const fn const_in_ranges(ranges: &[(u32, u32)], cp: u32) -> bool {
    let (mut lo, mut hi) = (0, ranges.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        if ranges[mid].1 < cp {
            lo = mid + 1;
        } else if ranges[mid].0 > cp {
            hi = mid;
        } else {
            return true;
        }
    }
    false
}

/// What [`search`] answers for each code point below [`DIRECT_LEN`], as a code.
const fn direct_table() -> [u16; DIRECT_LEN] {
    let mut t = [NOT_LISTED; DIRECT_LEN];
    let fold = tables::FOLD;
    let mut k = 0;
    while k < fold.len() {
        if (fold[k].0 as usize) < DIRECT_LEN {
            t[fold[k].0 as usize] = FIRST_FOLD + k as u16;
        }
        k += 1;
    }
    let mut cp = 0;
    while cp < DIRECT_LEN {
        if t[cp] == NOT_LISTED {
            let c = cp as u32;
            t[cp] = if const_in_ranges(tables::WORD, c) {
                WORD
            } else if const_in_ranges(tables::MARKS, c) {
                MARK
            } else if const_in_ranges(tables::IGNORABLE, c) {
                IGNORABLE
            } else {
                NOT_LISTED
            };
        }
        cp += 1;
    }
    t
}

/// A character no table lists: a space or a boundary.
fn unlisted(c: char) -> Fold {
    if c.is_whitespace() {
        Fold::Space
    } else {
        Fold::Other
    }
}

fn search(c: char) -> Fold {
    let cp = c as u32;
    if let Ok(i) = tables::FOLD.binary_search_by_key(&cp, |e| e.0) {
        let (_, s, flags) = tables::FOLD[i];
        return Fold::Map(s, flags);
    }
    if in_ranges(tables::WORD, cp) {
        Fold::Word
    } else if in_ranges(tables::MARKS, cp) {
        Fold::Mark
    } else if in_ranges(tables::IGNORABLE, cp) {
        Fold::Ignorable
    } else {
        unlisted(c)
    }
}

/// Whether combining marks after `base` are diacritics to strip: Latin, Greek, Cyrillic and
/// their extensions. After other scripts (Devanagari vowel signs, virama, anusvara) they are
/// part of the spelling and kept.
#[inline]
pub(super) fn strips_marks(base: char) -> bool {
    let cp = base as u32;
    cp < 0x0530
        || matches!(cp,
            0x1C80..=0x1C8F | 0x1D00..=0x1FFF | 0x2C60..=0x2C7F | 0x2DE0..=0x2DFF
            | 0xA640..=0xA69F | 0xA720..=0xA7FF | 0xAB30..=0xAB6F)
}

/// The letter a leetspeak character stands for; `'1'` stands for either `i` or `l` and is kept
/// as `'1'` (terms get a variant with `1` in place of each `i` and `l`).
#[inline]
pub(super) fn leet_letter(c: char) -> Option<char> {
    Some(match c {
        '4' | '@' => 'a',
        '3' => 'e',
        '1' | '!' | '|' => '1',
        '0' => 'o',
        '5' | '$' => 's',
        '7' | '+' => 't',
        '8' => 'b',
        '6' | '9' => 'g',
        _ => return None,
    })
}

/// Leetspeak is read only in words with at least one letter and either no more leet characters
/// than letters or four characters or more: `5hit`, `a55hole`, `sh1t`, `5h!7` and `b4574rd`
/// are words; `$3x`, `A55`, `5%` and `2024` are not. A mention (`@man1376`) needs no more leet
/// characters than letters.
#[inline]
pub(super) fn leet_reading(letters: u32, leet: u32) -> bool {
    letters > 0 && (letters >= leet || letters + leet >= MIN_DENSE_LEET_CHARS)
}

/// [`leet_reading`] for a word that may be a mention.
#[inline]
pub(super) fn leet_reading_of(letters: u32, leet: u32, mention: bool) -> bool {
    if mention {
        letters > 0 && letters >= leet
    } else {
        leet_reading(letters, leet)
    }
}

/// Whether a word is read as leetspeak: [`leet_reading_of`] its counts, unless it is an amount
/// ([`is_amount`], given its characters and their classes in order; only looked at for a word
/// with more leet characters than letters).
#[inline]
pub(super) fn word_reads_leet<I: IntoIterator<Item = (char, Class)>>(
    letters: u32,
    leet: u32,
    mention: bool,
    chars: impl FnOnce() -> I,
) -> bool {
    leet_reading_of(letters, leet, mention) && (leet <= letters || !is_amount(chars()))
}

/// Whether a word is a number with a magnitude suffix (`600k`, `2m`, `5b`, `100x`), read as
/// written even where [`leet_reading`] would read it as leetspeak: `600k` is not `gook`. Only
/// these suffixes: a number before another letter is as often leetspeak as an amount (`8008s`
/// beside `1990s`, `455es`), and those stay leetspeak.
pub(super) fn is_amount(chars: impl IntoIterator<Item = (char, Class)>) -> bool {
    let mut chars = chars.into_iter();
    let mut digits = 0u32;
    loop {
        match chars.next() {
            Some((_, Class::Digit)) => digits += 1,
            Some((c, Class::Letter)) => {
                return digits > 0
                    && matches!(c.to_ascii_lowercase(), 'k' | 'm' | 'b' | 'x')
                    && chars.next().is_none();
            }
            _ => return false,
        }
    }
}

/// Fewest characters of a word with more leet characters than letters that is read as
/// leetspeak: shorter ones are codes and amounts (`$3x`, `A55`, `4x4`).
pub(super) const MIN_DENSE_LEET_CHARS: u32 = 4;

#[cfg(test)]
mod tests {
    use super::{ascii_class, is_amount, is_plain_emoji, search, Fold};

    #[test]
    fn amounts_are_numbers_with_a_magnitude_suffix() {
        let amount = |w: &str| is_amount(w.bytes().map(|b| (char::from(b), ascii_class(b))));
        for w in ["600k", "600K", "2m", "5b", "100x", "10000k"] {
            assert!(amount(w), "{w}");
        }
        // Leetspeak, or numbers before other letters: read by the leetspeak rule.
        for w in [
            "g00k", "6o0k", "8008s", "1990s", "455es", "5h17", "k600", "600", "600kk", "6$0k",
        ] {
            assert!(!amount(w), "{w}");
        }
    }

    #[test]
    fn direct_table_agrees_with_the_tables() {
        for c in (0..super::DIRECT_LEN as u32).filter_map(char::from_u32) {
            let (fast, slow) = (super::lookup(c), search(c));
            let same = match (&fast, &slow) {
                (Fold::Map(a, f), Fold::Map(b, g)) => a == b && f == g,
                _ => std::mem::discriminant(&fast) == std::mem::discriminant(&slow),
            };
            assert!(same, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn emoji_shortcut_agrees_with_the_tables() {
        let emoji = (0x1F000..=0x1FFFF).filter(|&cp| is_plain_emoji(cp));
        for c in emoji.filter_map(char::from_u32) {
            assert!(matches!(search(c), Fold::Other), "U+{:04X}", c as u32);
        }
    }
}
