//! The general passes: any text, any script. One pass classifies characters (ASCII table or
//! generated Unicode tables: compatibility forms, case folding, diacritics, confusables,
//! invisibles) into units; a second pass over words decides the evasions that need context:
//! leetspeak (only inside words of letters), masks (`f*ck`), spaced-out letters (`f.u.c.k`,
//! `f u c k`) and stretched letters (`fuuuck`); the last writes the key and its offset map.
//! The fast path ([`super::plain`]) hands them the stretches that are not plain.

use crate::indic;

use super::classify::{
    ascii_class, edge_punctuation, folded_class, is_invisible_ascii, leet_letter, lookup,
    strips_marks, table_transforms, Class, Fold,
};
use super::offsets::Normalized;
use super::reread;
use super::transforms::Transforms;

/// One character of the input after folding: what it became, its class and where it came from.
#[derive(Clone, Copy, Debug)]
struct Unit {
    start: u32,
    end: u32,
    ch: char,
    class: Class,
    flags: u16,
}

/// A word: units `[a, b)`, whether a hard boundary precedes it, and a signature of the
/// separator characters before it (spaced-out words use one separator throughout).
#[derive(Clone, Copy, Debug)]
struct Word {
    a: u32,
    b: u32,
    hard_before: bool,
    single: bool,
    gap: u32,
    /// Letters and leet characters (digits, `@ $ ! | +`) in the word, counted once so later
    /// passes need not rescan it (see [`leet_reading`]).
    letters: u32,
    leet: u32,
    /// The first letter of a masked spelling (`f` of `f*u*c*k`): a run of spaced-out letters
    /// before it does not continue into it.
    masked_start: bool,
    /// A word right after a leading `@` (a mention: `@man1376`): leet only by the strict rule,
    /// as handles are names with digits (see [`leet_reading_of`]).
    mention: bool,
}

/// Counts of a word's letters and leet characters, and whether it has a mask.
#[inline]
fn word_counts(units: &[Unit]) -> (u32, u32, bool) {
    let (mut letters, mut leet, mut mask) = (0u32, 0u32, false);
    for u in units {
        match u.class {
            Class::Letter => letters += 1,
            Class::Digit | Class::Leet => leet += 1,
            Class::Mask => mask = true,
            _ => {}
        }
    }
    (letters, leet, mask)
}

/// Leetspeak is read only in words with at least one letter and either no more leet characters
/// than letters or four characters or more: `5hit`, `a55hole`, `sh1t`, `5h!7` and `b4574rd`
/// are words; `$3x`, `A55`, `5%` and `2024` are not. A mention (`@man1376`) needs no more leet
/// characters than letters.
#[inline]
fn leet_reading(letters: u32, leet: u32) -> bool {
    letters > 0 && (letters >= leet || letters + leet >= MIN_DENSE_LEET_CHARS)
}

/// [`leet_reading`] for a word that may be a mention.
#[inline]
fn leet_reading_of(letters: u32, leet: u32, mention: bool) -> bool {
    if mention {
        letters > 0 && letters >= leet
    } else {
        leet_reading(letters, leet)
    }
}

/// Fewest characters of a word with more leet characters than letters that is read as
/// leetspeak: shorter ones are codes and amounts (`$3x`, `A55`, `4x4`).
const MIN_DENSE_LEET_CHARS: u32 = 4;

/// The gap signature between the letters of a masked spelling.
const MASKED_SPELLING_GAP: u32 = u32::MAX;
/// The gap signature of any one character between words that is not whitespace: punctuation,
/// a symbol or an emoji. Spaced-out letters may mix these (`f.u-c.k`, `f,u,c,k`, `f🔥u🔥c🔥k`),
/// and such a gap joins them even where it is a hard boundary. Not a line break: the matching
/// form keeps two single letters that are not joined apart with one.
const SYMBOL_GAP: u32 = u32::MAX - 1;

/// A word's gap signature from the signature and length (in characters) of the gap before it.
#[inline]
fn word_gap(gap: u32, len: u32) -> u32 {
    if len == 1 && char::from_u32(gap).is_some_and(mixes) {
        SYMBOL_GAP
    } else {
        gap
    }
}

/// The separators that spaced-out letters may mix ([`SYMBOL_GAP`]): punctuation that writes
/// no word or address, and any non-ASCII symbol or emoji. Not whitespace, and not the ASCII
/// of addresses and code (`/ = & ? @ ( )`...), where single letters abound (`?s=a&ss=pd`);
/// letters separated by one of those throughout still join.
#[inline]
fn mixes(c: char) -> bool {
    matches!(
        c,
        '.' | '-' | '~' | ',' | ';' | ':' | '\'' | '"' | '^' | '`'
    ) || (!c.is_ascii() && !c.is_whitespace())
}

/// Folds a separator character into a gap signature.
#[inline]
fn gap_with(gap: u32, ch: char) -> u32 {
    gap.wrapping_mul(31).wrapping_add(ch as u32)
}

/// Reusable buffers, so normalising does not allocate per character.
#[derive(Default)]
pub(crate) struct Scratch {
    units: Vec<Unit>,
    words: Vec<Word>,
    /// The matching form of one stretch that the fast path hands to the general passes.
    segment: Normalized,
}

impl Scratch {
    /// The general passes over `segment` (see [`normalize_segment`]), appending to `out`.
    pub(super) fn normalize_segment(
        &mut self,
        segment: &str,
        base: u32,
        hard: bool,
        after_key: bool,
        out: &mut Normalized,
    ) {
        normalize_segment(
            segment,
            base,
            hard,
            after_key,
            out,
            &mut self.units,
            &mut self.words,
        );
    }

    /// The general passes over `segment` into a buffer of their own (cleared first), for the
    /// fast path to copy in place of what it wrote.
    pub(super) fn normalize_apart(
        &mut self,
        segment: &str,
        base: u32,
        hard: bool,
        after_key: bool,
    ) -> &Normalized {
        let Scratch {
            units,
            words,
            segment: apart,
        } = self;
        apart.clear();
        normalize_segment(segment, base, hard, after_key, apart, units, words);
        apart
    }
}

/// The general passes over a whole text: the reference the fast path is tested against.
#[cfg(test)]
pub(super) fn normalize_general(text: &str, out: &mut Normalized, scratch: &mut Scratch) {
    out.clear();
    let Scratch { units, words, .. } = scratch;
    normalize_segment(text, 0, false, false, out, units, words);
}

/// The general passes over `segment`, a part of a text starting at byte `base` that begins
/// after a complete word of more than one character (or at the start), appending to `out`:
/// `hard` says whether a hard boundary is pending from that word's trailing punctuation, and
/// `after_key` whether the whole text's key has bytes before this part (so its first word gets
/// a boundary even when `out` is empty).
fn normalize_segment(
    segment: &str,
    base: u32,
    hard: bool,
    after_key: bool,
    out: &mut Normalized,
    units: &mut Vec<Unit>,
    words: &mut Vec<Word>,
) {
    units.clear();
    words.clear();
    out.symbol_letters |= reread::may_have_symbol_letters(segment);
    classify_chars(segment, base, units);
    if split_words(units, hard, words) {
        split_mask_pairs(units, words);
    }
    emit(units, words, after_key, out);
}

fn push_unit(units: &mut Vec<Unit>, start: u32, end: u32, ch: char, class: Class, flags: u16) {
    units.push(Unit {
        start,
        end,
        ch,
        class,
        flags,
    });
}

/// Pass 1: one unit per folded character; marks and invisibles join the unit before them.
/// Offsets are `base` plus the position in `text`.
fn classify_chars(text: &str, base: u32, units: &mut Vec<Unit>) {
    units.reserve(text.len());
    if text.is_ascii() && !text.bytes().any(is_invisible_ascii) {
        // Fast path: no decoding, no Unicode tables, one table lookup per byte.
        units.extend(text.bytes().enumerate().map(|(i, b)| Unit {
            start: base + i as u32,
            end: base + i as u32 + 1,
            ch: b.to_ascii_lowercase() as char,
            class: ascii_class(b),
            flags: 0,
        }));
        return;
    }
    for (i, c) in text.char_indices() {
        let start = base + i as u32;
        let end = start + c.len_utf8() as u32;
        if c.is_ascii() {
            let b = c as u8;
            if is_invisible_ascii(b) {
                push_folded(units, start, end, c, Fold::Ignorable, 0);
                continue;
            }
            push_unit(
                units,
                start,
                end,
                b.to_ascii_lowercase() as char,
                ascii_class(b),
                0,
            );
            continue;
        }
        match lookup(c) {
            // A dropped mark (the Devanagari nukta) belongs to the letter before it, also when
            // one separator keeps it apart (`ज.़`): the separator goes with it.
            Fold::Map("", flags) => {
                let n = units.len();
                let apart = n >= 2
                    && !units[n - 1].class.is_wordish()
                    && !units[n - 1].ch.is_whitespace()
                    && units[n - 1].end == start
                    && units[n - 2].end == units[n - 1].start
                    && indic::is_devanagari(units[n - 2].ch);
                if apart {
                    units.pop();
                }
                if let Some(prev) = units.last_mut() {
                    if (apart || prev.end == start) && prev.class.is_wordish() {
                        prev.end = end;
                        prev.flags |= table_transforms(flags);
                    }
                }
            }
            Fold::Map(s, flags) => {
                let flags = table_transforms(flags);
                for ch in s.chars() {
                    if ch.is_ascii() {
                        push_unit(units, start, end, ch, folded_class(ch), flags);
                    } else {
                        // The tables guarantee a replacement's other characters fold to
                        // themselves: letters or marks.
                        let fold = lookup(ch);
                        push_folded(units, start, end, ch, fold, flags);
                    }
                }
            }
            fold => push_folded(units, start, end, c, fold, 0),
        }
    }
}

/// Adds a non-ASCII character that folds to itself.
fn push_folded(units: &mut Vec<Unit>, start: u32, end: u32, c: char, fold: Fold, flags: u16) {
    match fold {
        Fold::Map(..) | Fold::Word => push_unit(units, start, end, c, Class::Letter, flags),
        Fold::Space => push_unit(units, start, end, ' ', Class::Soft, flags),
        Fold::Other => push_unit(units, start, end, c, Class::Hard, flags),
        Fold::Mark => match units.last_mut() {
            Some(prev) if prev.end >= start && prev.class.is_wordish() => {
                if strips_marks(prev.ch) {
                    prev.end = end;
                    prev.flags |= Transforms::DIACRITIC.bits() | flags;
                } else {
                    push_unit(units, start, end, c, Class::Letter, flags);
                }
            }
            // A Devanagari sign written apart from its letter (`च.ू.त.ि.य.ा`) is a letter of a
            // spaced-out word, as the syllables are.
            _ if indic::is_dependent_sign(c) => {
                push_unit(units, start, end, c, Class::Letter, flags);
            }
            // Any other mark with nothing to attach to carries no letter: drop it.
            _ => {}
        },
        Fold::Ignorable => {
            if let Some(prev) = units.last_mut() {
                if prev.end == start && prev.class.is_wordish() {
                    prev.end = end;
                    prev.flags |= Transforms::INVISIBLE.bits();
                }
            }
        }
    }
}

/// A unit that is edge punctuation (see [`edge_punctuation`]): `Some(hard)`.
fn edge(u: &Unit) -> Option<bool> {
    if u.ch.is_ascii() {
        edge_punctuation(u.ch as u8)
    } else {
        None
    }
}

fn edge_forbidden(u: &Unit) -> bool {
    edge(u).is_some()
}

fn soft_edge(u: &Unit) -> bool {
    edge(u) == Some(false)
}

/// Pass 2: words between boundaries, with edge punctuation trimmed and `f*u*c*k` split.
/// `hard` says whether a hard boundary is pending before the first word. Returns whether a
/// word kept a mask (see [`split_mask_pairs`]).
fn split_words(units: &[Unit], hard: bool, words: &mut Vec<Word>) -> bool {
    let mut masks = false;
    let n = units.len();
    let mut i = 0;
    let mut hard = hard;
    let mut gap = 0u32;
    let mut gap_len = 0u32;
    while i < n {
        let u = &units[i];
        if !u.class.is_wordish() {
            hard |= u.class == Class::Hard;
            gap = gap_with(gap, u.ch);
            gap_len += 1;
            i += 1;
            continue;
        }
        let a = i;
        while i < n && units[i].class.is_wordish() {
            i += 1;
        }
        let (mut a2, mut b2) = (a, i);
        while a2 < b2 && edge_forbidden(&units[a2]) {
            hard |= !soft_edge(&units[a2]);
            gap = gap_with(gap, units[a2].ch);
            gap_len += 1;
            a2 += 1;
        }
        let mention = a2 > a && units[a2 - 1].ch == '@';
        let mut trailing_hard = false;
        while b2 > a2 && edge_forbidden(&units[b2 - 1]) {
            trailing_hard |= !soft_edge(&units[b2 - 1]);
            b2 -= 1;
        }
        if a2 < b2 {
            let (letters, leet, mask) = word_counts(&units[a2..b2]);
            masks |= mask;
            let spelled = (mask || leet > 0)
                .then(|| spelling_separator(&units[a2..b2], mask))
                .flatten();
            if let Some(is_sep) = spelled {
                let mut g = a2;
                while g < b2 {
                    if is_sep(&units[g]) {
                        g += 1;
                        continue;
                    }
                    let ga = g;
                    while g < b2 && !is_sep(&units[g]) {
                        g += 1;
                    }
                    let (letters, leet, _) = word_counts(&units[ga..g]);
                    words.push(Word {
                        a: ga as u32,
                        b: g as u32,
                        hard_before: hard,
                        single: true,
                        gap: if ga == a2 {
                            word_gap(gap, gap_len)
                        } else {
                            gap
                        },
                        letters,
                        leet,
                        masked_start: ga == a2,
                        mention,
                    });
                    hard = false;
                    // The letters of one masked spelling share a gap, so they are joined
                    // whatever the masks between them (`f*u#c*k`).
                    gap = MASKED_SPELLING_GAP;
                }
            } else {
                let single = is_single(&units[a2..b2], leet_reading_of(letters, leet, mention));
                words.push(Word {
                    a: a2 as u32,
                    b: b2 as u32,
                    hard_before: hard,
                    single,
                    gap: word_gap(gap, gap_len),
                    letters,
                    leet,
                    masked_start: false,
                    mention,
                });
            }
            hard = false;
            gap = units[b2..i].iter().fold(0, |g, u| gap_with(g, u.ch));
            gap_len = (i - b2) as u32;
        }
        hard |= trailing_hard;
    }
    masks
}

/// What separates the letters of a spelling written as one word (see [`spelling_separator`]).
type Separator = fn(&Unit) -> bool;

/// Where a word of two single letters with masks between them (`c_k`) splits, as unit indexes
/// (the first mask, the second letter), when it stands beside a spaced-out run with symbol
/// gaps (`f.u-c_k`, `f_u.c.k`): its letters are letters of that run.
fn mask_pair(units: &[Unit], words: &[Word], k: usize) -> Option<(u32, u32)> {
    let w = &words[k];
    if w.single {
        return None;
    }
    let us = &units[w.a as usize..w.b as usize];
    let mask = us.iter().position(|u| u.class == Class::Mask)?;
    let second = mask + us[mask..].iter().position(|u| u.class != Class::Mask)?;
    // Letters only (`c`, `cc`): a digit or symbol would read differently once the word is
    // split (`++t`).
    let letter = |g: &[Unit]| {
        g.first()
            .is_some_and(|f| g.iter().all(|u| u.class == Class::Letter && u.ch == f.ch))
    };
    let beside = (k > 0 && words[k - 1].single && w.gap == SYMBOL_GAP)
        || words
            .get(k + 1)
            .is_some_and(|n| n.single && n.gap == SYMBOL_GAP);
    (beside && letter(&us[..mask]) && letter(&us[second..]))
        .then_some((w.a + mask as u32, w.a + second as u32))
}

/// Splits the words [`mask_pair`] finds into their two letters.
fn split_mask_pairs(units: &[Unit], words: &mut Vec<Word>) {
    if !(0..words.len()).any(|k| mask_pair(units, words, k).is_some()) {
        return;
    }
    let old = std::mem::take(words);
    for (k, w) in old.iter().enumerate() {
        let Some((mask, second)) = mask_pair(units, &old, k) else {
            words.push(*w);
            continue;
        };
        let (l1, t1, _) = word_counts(&units[w.a as usize..mask as usize]);
        let (l2, t2, _) = word_counts(&units[second as usize..w.b as usize]);
        words.push(Word {
            b: mask,
            single: true,
            letters: l1,
            leet: t1,
            ..*w
        });
        words.push(Word {
            a: second,
            hard_before: false,
            single: true,
            gap: SYMBOL_GAP,
            letters: l2,
            leet: t2,
            masked_start: false,
            mention: false,
            ..*w
        });
    }
}

/// `f*u*c*k`, `f|u|c|k`: at least three single-letter groups (see [`is_single`]) with
/// separators between them, so the separators are not hidden letters. The separators are the
/// masks, or else (in a word without masks) single `| + !` between letters, which otherwise
/// read as letters (`sh!t`). Returns which separate the groups.
fn spelling_separator(units: &[Unit], mask: bool) -> Option<Separator> {
    let is_mask: Separator = |u| u.class == Class::Mask;
    let is_symbol: Separator = |u| u.class == Class::Leet && matches!(u.ch, '|' | '+' | '!');
    if mask {
        return is_spelled(units, is_mask).then_some(is_mask);
    }
    let single_symbols = units
        .windows(2)
        .all(|p| !(is_symbol(&p[0]) && is_symbol(&p[1])));
    (single_symbols && is_spelled(units, is_symbol)).then_some(is_symbol)
}

/// Whether `units`, split at `sep`, are three or more single letters.
fn is_spelled(units: &[Unit], sep: Separator) -> bool {
    // The leet reading of the letters alone, as they will be emitted (`w_k_$$s`).
    let (letters, leet) =
        units
            .iter()
            .filter(|u| !sep(u))
            .fold((0, 0), |(l, t), u| match u.class {
                Class::Letter => (l + 1, t),
                Class::Digit | Class::Leet => (l, t + 1),
                _ => (l, t),
            });
    let leet = leet_reading(letters, leet);
    let mut groups = 0;
    let mut script = None;
    for group in units.split(sep) {
        if group.is_empty() {
            continue;
        }
        if !is_single(group, leet) || group.iter().any(|u| !reads_as_letter(u, leet)) {
            return false;
        }
        // The letters are joined only if all Devanagari or none (see [`emit`]).
        let devanagari = indic::is_devanagari(group[0].ch);
        if *script.get_or_insert(devanagari) != devanagari {
            return false;
        }
        groups += 1;
    }
    groups >= 3
}

/// Whether a unit is a letter in the matching form (`1`, read as `i` or `l`, is not decided).
fn reads_as_letter(u: &Unit, leet: bool) -> bool {
    u.class == Class::Letter
        || (matches!(u.class, Class::Digit | Class::Leet)
            && leet
            && key_char(u, leet).0.is_ascii_lowercase())
}

/// The matching character of a unit, given whether its word reads leetspeak.
#[inline]
fn key_char(u: &Unit, leet: bool) -> (char, u16) {
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
fn collapses(u: &Unit, leet: bool) -> bool {
    leet || matches!(u.class, Class::Letter | Class::Mask)
}

/// Whether a word's matching form is a single character (`a`, `aa`, `ß`→`s`) or a single
/// Devanagari syllable (`चू`, `ति`, `या`: a letter and its signs): such words can be letters of
/// a spaced-out word (`f u c k`, `चू.ति.या`; see [`emit`] for syllables). `leet` is the word's
/// [`leet_reading`].
fn is_single(units: &[Unit], leet: bool) -> bool {
    if units.len() == 1 {
        return true;
    }
    if is_syllable(units) {
        return true;
    }
    // Two different letters make a word of at least two characters, whatever the leet reading.
    if units[0].class == Class::Letter
        && units[1].class == Class::Letter
        && units[0].ch != units[1].ch
    {
        return false;
    }
    let (first, _) = key_char(&units[0], leet);
    units[1..]
        .iter()
        .all(|u| collapses(u, leet) && key_char(u, leet).0 == first)
}

/// A Devanagari syllable of more than one character: a letter (consonant or independent vowel)
/// and the signs that belong to it (vowel signs, virama, anusvara, visarga, candrabindu),
/// conjuncts included (`ल्ला`: a consonant after a virama continues the syllable).
fn is_syllable(units: &[Unit]) -> bool {
    let first = units[0].ch;
    if units.len() < 2 || !indic::begins_syllable(first) {
        return false;
    }
    // Equal neighbours collapse into one key character (`तति` reads `ति`): as the key has it.
    let mut prev = first;
    let mut chars = 1;
    for u in &units[1..] {
        if u.ch == prev {
            continue;
        }
        if !(indic::is_dependent_sign(u.ch)
            || (prev == indic::VIRAMA && indic::begins_syllable(u.ch)))
        {
            return false;
        }
        prev = u.ch;
        chars += 1;
    }
    chars > 1
}

/// The gap signature of one space.
const SPACE_GAP: u32 = ' ' as u32;
/// The gap signature of one line feed.
const LINE_GAP: u32 = '\n' as u32;

/// Pass 3: writes the key. Runs of three or more single-character words separated only by
/// the same soft separators (`f u c k`, `s.h.i.t`) are joined into one word; so are runs of
/// Devanagari syllables (`चू.ति.या`), unless the separator is a space: Hindi is full of
/// one-syllable words (`में जा तू`), and joining them would break the phrases that hold them
/// (`भाड़ में जा`). A run does not mix Devanagari with other scripts.
fn emit(units: &[Unit], words: &[Word], after_key: bool, out: &mut Normalized) {
    let mut k = 0;
    let mut prev_single = false;
    let syllable = |w: &Word| is_syllable(&units[w.a as usize..w.b as usize]);
    let devanagari = |w: &Word| indic::is_devanagari(units[w.a as usize].ch);
    // Words up to here are in a spaced run already recorded.
    let mut recorded = 0;
    while k < words.len() {
        let mut end = k + 1;
        if k >= recorded && words[k].single {
            // Devanagari syllables written apart with spaces, and letters on lines of their
            // own: recorded for a second, joined reading (see `Normalized::spaced`).
            let script = devanagari(&words[k]);
            let gap = if script { SPACE_GAP } else { LINE_GAP };
            // A line feed is a hard boundary; between syllables, none may come.
            let apart = |w: &Word| {
                w.single && devanagari(w) == script && w.gap == gap && !(script && w.hard_before)
            };
            let mut e = k + 1;
            while e < words.len() && apart(&words[e]) {
                e += 1;
            }
            if e - k >= 3 && (!script || words[k..e].iter().any(syllable)) {
                let last = &units[words[e - 1].b as usize - 1];
                out.spaced
                    .push((units[words[k].a as usize].start, last.end));
                recorded = e;
            }
        }
        if words[k].single {
            // Syllables separated by spaces take no part in a run, and a run is all Devanagari
            // or none (`खा लो. i. i will`: the phrase `खा लो` stays whole).
            let spaced = words.get(k + 1).is_some_and(|w| w.gap == SPACE_GAP);
            let script = devanagari(&words[k]);
            let takes_part =
                |w: &Word| w.single && !(spaced && syllable(w)) && devanagari(w) == script;
            if takes_part(&words[k]) {
                while end < words.len()
                    && takes_part(&words[end])
                    && (!words[end].hard_before || words[end].gap == SYMBOL_GAP)
                    && !words[end].masked_start
                    && words[end].gap == words[k + 1].gap
                {
                    end += 1;
                }
            }
        }
        let joined = end - k >= 3;
        if !joined {
            end = k + 1;
        }
        prev_single = emit_word(units, &words[k..end], joined, prev_single, after_key, out);
        k = end;
    }
}

/// Emits one word (or a joined run of words) after its boundary; returns whether its key is a
/// single character.
///
/// Two single characters that were not joined get a hard boundary between them, so that the
/// matching form, normalised again, does not join them either (normalising is idempotent).
fn emit_word(
    units: &[Unit],
    words: &[Word],
    joined: bool,
    prev_single: bool,
    after_key: bool,
    out: &mut Normalized,
) -> bool {
    let first = words[0];
    let boundary = (after_key || !out.key.is_empty()).then(|| {
        let at = units[first.a as usize].start;
        let b = if first.hard_before { b'\n' } else { b' ' };
        out.push_byte(b, (at, at), 1, 0);
        out.key.len() - 1
    });
    let (letters, leet_chars) = words
        .iter()
        .fold((0, 0), |(l, t), w| (l + w.letters, t + w.leet));
    let mention = words.iter().any(|w| w.mention);
    let leet = leet_reading_of(letters, leet_chars, mention);
    if mention && !leet && leet_reading(letters, leet_chars) {
        // A mention that only the strict rule keeps from leet keeps its `@` in the key, so
        // the key, normalised again, is still a mention (`@s$$8`, not `s$$8` read `sb`).
        let at = &units[first.a as usize - 1];
        out.push_byte(b'@', (at.start, at.end), 1, 0);
    }
    let extra = if joined {
        Transforms::SEPARATOR.bits()
    } else {
        0
    };
    let key_start = out.key.len();
    let mut last: Option<(char, usize)> = None;
    let mut chars = 0;
    for w in words {
        for u in &units[w.a as usize..w.b as usize] {
            let (ch, f) = key_char(u, leet);
            let flags = u.flags | f | extra;
            match last {
                Some((prev, len)) if prev == ch && collapses(u, leet) => {
                    let at = out.key.len() - len;
                    for p in at..out.key.len() {
                        out.runs[p] = out.runs[p].saturating_add(1);
                        out.ends[p] = u.end;
                        out.flags[p] |= flags;
                    }
                }
                _ => {
                    let mut buf = [0u8; 4];
                    let bytes = ch.encode_utf8(&mut buf).as_bytes();
                    for &b in bytes {
                        out.push_byte(b, (u.start, u.end), 1, flags);
                    }
                    last = Some((ch, bytes.len()));
                    chars += 1;
                }
            }
        }
    }
    if joined {
        out.joined.push((key_start as u32, out.key.len() as u32));
    }
    let single = chars == 1;
    if let Some(b) = boundary {
        if single && prev_single {
            out.key[b] = b'\n';
        }
    }
    single
}
