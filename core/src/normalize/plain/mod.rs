//! The fast path of normalisation, for plain text (most posts).
//!
//! Text is plain when its words are ASCII letters only or ASCII digits only (edge punctuation
//! such as `fuck!`, `#tag`, `@user` aside), with no run of three single-character words, and
//! its non-ASCII characters are boundaries (emoji, symbols, spaces) or invisibles between
//! words. For such text the general passes (see the parent module) reduce to: each word
//! lower-cased, equal letters collapsed with a run count, one boundary byte between words
//! (`'\n'` after hard punctuation or between two single characters). This writes exactly that,
//! offset map included, in one pass over the bytes and without the per-character units, and
//! hands each key byte to a sink (the matcher's DFA), so plain text is normalised and searched
//! in one pass. Runs of simple words (ASCII letters with single spaces between them, most of
//! ordinary chat) are written eight bytes at a time, classified in one `u64`, so they do not
//! pay a mispredicted branch at the end of each word. A word of ASCII letters and digits (a
//! URL's slug, a handle, a hashtag: `zuo5335rjr`, `@user2024`, `#cwc19`) is written here too,
//! as the general passes read it (leetspeak by their rule, [`Word::mixed`]), but its key is not
//! plain text's: the sink is told, as for a stretch the general passes wrote, and the full
//! automaton searches around it. A stretch that is not plain (masks, spaced letters, a
//! Devanagari word) goes through the general passes between two places no word joins across
//! ([`Restart`]); the fast path then takes over again. A property test compares the result with
//! the general passes on any text.
//!
//! The parts: [`rule`] says what plain text is, once (the byte kinds, the gaps, a plain word,
//! a plain key); this file is the driver, which walks the text and hands stretches that are
//! not plain to the general passes; [`word`] writes a word's key bytes, eight at a time with
//! [`block`]'s kernel where it can; [`restart`] finds where the general passes can start and
//! stop; [`sink`] is the search that runs in the same pass.

mod block;
mod restart;
mod rule;
mod sink;
#[cfg(test)]
mod tests;
mod word;

use super::general::Scratch;
use super::offsets::Normalized;

pub(crate) use restart::prefix_cut;
use restart::{restart_after, Restart};
pub(crate) use rule::{can_match_plain, in_plain_key};
use rule::{kind, non_ascii_gap, Kind};
use sink::feed;
pub(crate) use sink::KeySink;
use word::Word;

/// Where the plain path is in a text, and what it carries from one word to the next.
#[derive(Clone, Copy, Default)]
struct State {
    /// Next byte of the text.
    i: usize,
    /// Bytes of the key written.
    len: usize,
    /// Whether a hard separator came since the last word.
    hard: bool,
    /// Consecutive single-character words just written.
    singles: u32,
    /// Whether the last character was part of a word.
    after_word: bool,
    /// The last place a stretch that is not plain can start from: after a word of two or more
    /// key characters that nothing attaches to (see [`Restart`]).
    safe: Restart,
    /// A word's end that becomes `safe` once the character after it is seen to be a boundary.
    pending: Option<Restart>,
    /// Whether a word of letters and digits was written ([`Word::mixed`]): its key range went
    /// to the sink as one the general passes wrote.
    mixed: bool,
}

/// Writes the matching form of `text` into `out` (cleared first). Plain stretches are written
/// here and given to `sink`; a stretch that is not plain goes through the general passes, from
/// the last [`Restart`] before it to the first one after it, and `sink` is told
/// ([`KeySink::replaced`]), as is each word of letters and digits. Returns whether the whole
/// text was plain (no range went to the sink as not plain).
pub(crate) fn normalize_fast<S: KeySink>(
    text: &str,
    out: &mut Normalized,
    scratch: &mut Scratch,
    sink: &mut S,
) -> bool {
    out.clear_keeping_offsets();
    let n = text.len();
    let mut st = State::default();
    let (mut segments, mut general) = (0, 0);
    loop {
        // The rest of the key is never longer than the rest of the text: one byte per word
        // character at most, and one boundary per gap. The vectors only grow here (filled with
        // run 1 and no transforms) and are cut to the key's length at the end.
        grow(out, st.len + (n - st.i));
        if plain_stretch(text, &mut st, out, sink) {
            break;
        }
        segments += 1;
        // Text that keeps switching (Hinglish with Devanagari every other word) is cheaper in
        // one go: from the second stretch on, once stretches cover half of the text so far.
        let end = if segments <= 1 || !mostly_general(general, st.i) {
            restart_after(text, st.i)
        } else {
            Restart {
                at: n,
                len: 0,
                hard: false,
            }
        };
        general += end.at - st.safe.at;
        let from = st.safe.len;
        general_stretch(text, &mut st, end, out, scratch);
        sink.replaced(from, st.len);
    }
    out.truncate_keeping_offsets(st.len);
    sink.finish(st.len);
    segments == 0 && !st.mixed
}

/// Whether the general passes wrote more than half of the text up to `at` (`general` bytes):
/// text that keeps switching (Hinglish with Devanagari every other word) is then cheaper to
/// finish in one general stretch than to keep restarting the fast path.
fn mostly_general(general: usize, at: usize) -> bool {
    general * 2 > at
}

/// Runs the general passes over the text from `st.safe` to `end` (see [`normalize_fast`]),
/// puts their key in place of what the fast path wrote from there, and sets `st` to go on
/// from `end`. Kept out of line: the fast path's loop stays small.
#[inline(never)]
fn general_stretch(
    text: &str,
    st: &mut State,
    end: Restart,
    out: &mut Normalized,
    scratch: &mut Scratch,
) {
    let n = text.len();
    let from = st.safe;
    if end.at == n {
        // The rest of the text: written in place, nothing comes after it.
        out.truncate(from.len);
        out.give_every_byte_flags();
        scratch.normalize_segment(
            &text[from.at..],
            from.at as u32,
            from.hard,
            from.len > 0,
            out,
        );
        *st = State {
            i: n,
            len: out.key.len(),
            ..*st
        };
        return;
    }
    let segment = scratch.normalize_apart(
        &text[from.at..end.at],
        from.at as u32,
        from.hard,
        from.len > 0,
    );
    // The stretch's key replaces whatever the fast path wrote from `from` on.
    let len = from.len + segment.key.len();
    grow(out, len + (n - end.at));
    out.give_every_byte_flags();
    out.key[from.len..len].copy_from_slice(&segment.key);
    out.starts[from.len..len].copy_from_slice(&segment.starts);
    out.ends[from.len..len].copy_from_slice(&segment.ends);
    out.runs[from.len..len].copy_from_slice(&segment.runs);
    out.flags[from.len..len].copy_from_slice(&segment.flags);
    let shift = from.len as u32;
    out.joined
        .extend(segment.joined.iter().map(|&(a, b)| (a + shift, b + shift)));
    out.spaced.extend_from_slice(&segment.spaced);
    out.symbol_letters |= segment.symbol_letters;
    *st = State {
        i: end.at,
        len,
        hard: end.hard,
        singles: 0,
        after_word: true,
        safe: Restart { len, ..end },
        pending: None,
        mixed: st.mixed,
    };
}

/// Makes the key vectors at least `len` long. Offsets and runs are kept from one text to the
/// next and written for every key byte; transforms only once a stretch is not plain (see
/// [`Normalized`]).
fn grow(out: &mut Normalized, len: usize) {
    if out.key.len() < len {
        out.key.resize(len, 0);
    }
    if out.starts.len() < len {
        out.starts.resize(len, 0);
        out.ends.resize(len, 0);
    }
    if out.runs.len() < len {
        out.runs.resize(len, 1);
    }
    if !out.flags.is_empty() && out.flags.len() < len {
        out.flags.resize(len, 0);
    }
}

/// Writes plain words from `st` on; true at the end of the text, false at something that is
/// not plain (`st.i` is then at or before it, and after `st.safe`).
fn plain_stretch<S: KeySink>(
    text: &str,
    st: &mut State,
    out: &mut Normalized,
    sink: &mut S,
) -> bool {
    let bytes = text.as_bytes();
    let n = bytes.len();
    // All four the same length (`grow` made each long enough), so one bounds check on a key
    // position serves them all.
    let room = (out.key.len().min(out.starts.len())).min(out.ends.len().min(out.runs.len()));
    let key = &mut out.key[..room];
    let starts = &mut out.starts[..room];
    let ends = &mut out.ends[..room];
    let runs = &mut out.runs[..room];
    let symbols = &mut out.symbol_letters;
    let flags = &mut out.flags;
    let mut search = sink.local();
    let State {
        mut i,
        mut len,
        mut hard,
        mut singles,
        mut after_word,
        mut safe,
        mut pending,
        mut mixed,
    } = *st;
    // Saves the position (and how much of the key was written) and says "not plain".
    macro_rules! not_plain {
        () => {{
            st.i = i;
            st.len = len;
            st.safe = safe;
            st.pending = pending;
            st.mixed = mixed;
            sink.store(search);
            return false;
        }};
    }
    'text: while i < n {
        let b = bytes[i];
        if b >= 0x80 {
            let Some(c) = text[i..].chars().next() else {
                not_plain!();
            };
            match non_ascii_gap(c, after_word) {
                Some(h) => hard |= h,
                None => not_plain!(),
            }
            if let Some(p) = pending.take() {
                safe = p;
            }
            after_word = false;
            i += c.len_utf8();
            continue;
        }
        let first = match kind(b) {
            Kind::Invisible => not_plain!(),
            Kind::Gap { hard: h } => {
                hard |= h;
                *symbols |= (b == b'(') | (b == b'\\');
                if let Some(p) = pending.take() {
                    safe = p;
                }
                after_word = false;
                i += 1;
                continue;
            }
            Kind::Leet => not_plain!(),
            k => k,
        };
        // A word: leading edge characters, letters only or digits only, trailing edges.
        after_word = true;
        let mut k = first;
        while let Kind::Edge { hard: h } = k {
            hard |= h;
            *symbols |= bytes[i] == b'|';
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
            _ => not_plain!(),
        };
        let boundary = len;
        if len > 0 {
            key[len] = if hard { b'\n' } else { b' ' };
            starts[len] = i as u32;
            ends[len] = i as u32;
            runs[len] = 1;
            len += 1;
        }
        // After a single-character word the boundary is settled only once this word is known
        // to be single or not: its bytes go to the sink at its end. Otherwise, as they come.
        let defer = singles > 0;
        if !defer && boundary < len {
            feed(sink, &mut search, len, key[boundary]);
        }
        let mut word_start = len;
        let mut out = Word {
            bytes,
            key: &mut *key,
            starts: &mut *starts,
            ends: &mut *ends,
            runs: &mut *runs,
        };
        // Eight bytes at a time while they are simple words: without a branch per word.
        let mut last = 0;
        if letters && !defer {
            (i, len, last) =
                out.simple_words(i, len, sink, &mut search, &mut safe, &mut word_start);
        }
        // The word's characters: one loop, compiled for letters or digits and for feeding the
        // sink as they come or not (deferred), so neither choice is made per byte.
        (i, len) = match (letters, defer) {
            (true, false) => out.chars::<true, true, S>(i, len, last, sink, &mut search),
            (true, true) => out.chars::<true, false, S>(i, len, 0, sink, &mut search),
            (false, false) => out.chars::<false, true, S>(i, len, 0, sink, &mut search),
            (false, true) => out.chars::<false, false, S>(i, len, 0, sink, &mut search),
        };
        hard = false;
        // Letters then digits or digits then letters (`cwc19`, a URL's `zuo5335rjr`, a handle
        // `@user2024`): the whole word is written again as the general passes read it. If its
        // key is letters and it started with letters (`zuosesrjr`), the key is plain text's and
        // what the sink was given of it (the letters before the first digit) is still its
        // start: the sink takes the rest. Otherwise (`cwc1g`, `gomph`) the sink is told its key
        // range is not plain text's, and the full automaton searches around it, as around a
        // stretch the general passes wrote.
        let mut not_plain_word = false;
        if i < n && matches!(kind(bytes[i]), Kind::Letter | Kind::Digit) {
            let at = out.starts[word_start] as usize;
            let given = len;
            let Some((end, end_len)) = out.mixed(at, word_start, flags) else {
                not_plain!();
            };
            (i, len) = (end, end_len);
            if letters && out.key[word_start..len].iter().all(u8::is_ascii_lowercase) {
                if !defer {
                    for k in given..len {
                        feed(sink, &mut search, k + 1, out.key[k]);
                    }
                }
            } else {
                not_plain_word = true;
                mixed = true;
                sink.store(search);
                sink.replaced(word_start.saturating_sub(1), len);
                search = sink.local();
            }
        }
        while i < n {
            match kind(bytes[i]) {
                Kind::Edge { hard: h } => {
                    hard |= h;
                    *symbols |= bytes[i] == b'|';
                }
                // Not plain (`f*ck`, `sh!t`, `a5`) unless the word ends here; a non-ASCII
                // character is checked on the next round.
                Kind::Gap { .. } | Kind::NonAscii => break,
                _ => not_plain!(),
            }
            i += 1;
        }
        // One key character: the word may be a letter of a spaced-out word (`f u c k`); two
        // such in a row are kept apart by a hard boundary, three are left to the general
        // passes.
        if len - word_start == 1 {
            singles += 1;
            if singles >= 3 {
                not_plain!();
            }
            if singles == 2 {
                key[boundary] = b'\n';
            }
        } else {
            singles = 0;
            pending = Some(Restart { at: i, len, hard });
        }
        if defer && !not_plain_word {
            for (k, &b) in key[boundary..len].iter().enumerate() {
                feed(sink, &mut search, boundary + k + 1, b);
            }
        }
    }
    *st = State {
        i,
        len,
        hard,
        singles,
        after_word,
        safe,
        pending,
        mixed,
    };
    sink.store(search);
    true
}
