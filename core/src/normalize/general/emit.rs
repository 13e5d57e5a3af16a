//! The third pass: words become key bytes, each with its original span, run count and
//! transforms; the gaps between words become one boundary byte.

use crate::indic;
use crate::normalize::offsets::Normalized;
use crate::normalize::transforms::Transforms;

use super::unit::{collapses, key_char, Unit, Word, LINE_GAP, SPACE_GAP, SYMBOL_GAP};
use super::words::is_syllable;
use crate::normalize::classify::{leet_reading, word_reads_leet};

/// Pass 3: writes the key. Runs of three or more single-character words separated only by
/// the same soft separators (`f u c k`, `s.h.i.t`) are joined into one word; so are runs of
/// Devanagari syllables (`चू.ति.या`), unless the separator is a space: Hindi is full of
/// one-syllable words (`में जा तू`), and joining them would break the phrases that hold them
/// (`भाड़ में जा`). A run does not mix Devanagari with other scripts.
pub(super) fn emit(units: &[Unit], words: &[Word], after_key: bool, out: &mut Normalized) {
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
pub(super) fn emit_word(
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
    let leet = word_reads_leet(letters, leet_chars, mention, || {
        words
            .iter()
            .flat_map(|w| &units[w.a as usize..w.b as usize])
            .map(|u| (u.ch, u.class))
    });
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
                    out.push_char(bytes, (u.start, u.end), flags);
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
