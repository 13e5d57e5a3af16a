//! The general passes: any text, any script. One pass classifies characters (ASCII table or
//! generated Unicode tables: compatibility forms, case folding, diacritics, confusables,
//! invisibles) into units; a second pass over words decides the evasions that need context:
//! leetspeak (only inside words of letters), masks (`f*ck`), spaced-out letters (`f.u.c.k`,
//! `f u c k`) and stretched letters (`fuuuck`); the last writes the key and its offset map.
//! The fast path ([`super::plain`]) hands them the stretches that are not plain.
//!
//! One file per pass: [`units`], [`words`], [`emit`](mod@emit); [`unit`](mod@unit) is what they share.

mod emit;
mod unit;
mod units;
mod words;

use super::offsets::Normalized;
use super::reread;

use emit::emit;
use unit::{Unit, Word};
use units::classify_chars;
use words::{split_mask_pairs, split_words};

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
    scratch.normalize_segment(text, 0, false, false, out);
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
