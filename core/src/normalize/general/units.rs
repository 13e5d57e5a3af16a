//! The first pass: every character of the text becomes zero or more units (its fold, class,
//! transforms and original span), through the ASCII table or the generated Unicode tables.

use crate::indic;
use crate::normalize::classify::{
    ascii_class, folded_class, is_invisible_ascii, lookup, strips_marks, table_transforms, Class,
    Fold,
};
use crate::normalize::transforms::Transforms;

use super::unit::Unit;

pub(super) fn push_unit(
    units: &mut Vec<Unit>,
    start: u32,
    end: u32,
    ch: char,
    class: Class,
    flags: u16,
) {
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
pub(super) fn classify_chars(text: &str, base: u32, units: &mut Vec<Unit>) {
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
pub(super) fn push_folded(
    units: &mut Vec<Unit>,
    start: u32,
    end: u32,
    c: char,
    fold: Fold,
    flags: u16,
) {
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
