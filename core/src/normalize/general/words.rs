//! The second pass: units become words, and context decides what a word is: leetspeak, masks,
//! letters spelt out with separators (`f.u.c.k`), syllables, single letters.

use crate::indic;
use crate::normalize::classify::{edge_punctuation, leet_reading, word_reads_leet, Class};

use super::unit::{
    collapses, key_char, reads_as_letter, Unit, Word, MASKED_SPELLING_GAP, SYMBOL_GAP,
};

/// Counts of a word's letters and leet characters, and whether it has a mask.
#[inline]
pub(super) fn word_counts(units: &[Unit]) -> (u32, u32, bool) {
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

/// A word's gap signature from the signature and length (in characters) of the gap before it.
#[inline]
pub(super) fn word_gap(gap: u32, len: u32) -> u32 {
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
pub(super) fn mixes(c: char) -> bool {
    matches!(
        c,
        '.' | '-' | '~' | ',' | ';' | ':' | '\'' | '"' | '^' | '`'
    ) || (!c.is_ascii() && !c.is_whitespace())
}

/// Folds a separator character into a gap signature.
#[inline]
pub(super) fn gap_with(gap: u32, ch: char) -> u32 {
    gap.wrapping_mul(31).wrapping_add(ch as u32)
}

/// A unit that is edge punctuation (see [`edge_punctuation`]): `Some(hard)`.
pub(super) fn edge(u: &Unit) -> Option<bool> {
    if u.ch.is_ascii() {
        edge_punctuation(u.ch as u8)
    } else {
        None
    }
}

pub(super) fn edge_forbidden(u: &Unit) -> bool {
    edge(u).is_some()
}

pub(super) fn soft_edge(u: &Unit) -> bool {
    edge(u) == Some(false)
}

/// Pass 2: words between boundaries, with edge punctuation trimmed and `f*u*c*k` split.
/// `hard` says whether a hard boundary is pending before the first word. Returns whether a
/// word kept a mask (see [`split_mask_pairs`]).
pub(super) fn split_words(units: &[Unit], hard: bool, words: &mut Vec<Word>) -> bool {
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
                let reads_leet = word_reads_leet(letters, leet, mention, || {
                    units[a2..b2].iter().map(|u| (u.ch, u.class))
                });
                let single = is_single(&units[a2..b2], reads_leet);
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
pub(super) type Separator = fn(&Unit) -> bool;

/// Where a word of two single letters with masks between them (`c_k`) splits, as unit indexes
/// (the first mask, the second letter), when it stands beside a spaced-out run with symbol
/// gaps (`f.u-c_k`, `f_u.c.k`): its letters are letters of that run.
pub(super) fn mask_pair(units: &[Unit], words: &[Word], k: usize) -> Option<(u32, u32)> {
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
pub(super) fn split_mask_pairs(units: &[Unit], words: &mut Vec<Word>) {
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
pub(super) fn spelling_separator(units: &[Unit], mask: bool) -> Option<Separator> {
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
pub(super) fn is_spelled(units: &[Unit], sep: Separator) -> bool {
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

/// Whether a word's matching form is a single character (`a`, `aa`, `ß`→`s`) or a single
/// Devanagari syllable (`चू`, `ति`, `या`: a letter and its signs): such words can be letters of
/// a spaced-out word (`f u c k`, `चू.ति.या`; see [`emit`](super::emit::emit) for syllables). `leet` is the word's
/// [`leet_reading`].
pub(super) fn is_single(units: &[Unit], leet: bool) -> bool {
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
pub(super) fn is_syllable(units: &[Unit]) -> bool {
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
