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
//! pay a mispredicted branch at the end of each word. A stretch that is not plain (a leet word,
//! a Devanagari word) goes through the general passes between two places no word joins across
//! ([`Restart`]); the fast path then takes over again. A property test compares the result with
//! the general passes on any text.

use super::classify::{ascii_classes, edge_punctuation, is_invisible_ascii, lookup, Class, Fold};
use super::general::Scratch;
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
    /// An ASCII control drawn as nothing ([`is_invisible_ascii`]): it joins the letters around
    /// it, which the general passes do.
    Invisible,
}

const fn kinds() -> [Kind; 256] {
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
/// in the same pass. The search state lives in a [`KeySink::Local`] that the fast path keeps
/// in registers while it runs: [`KeySink::step`] advances it by one key byte and says whether
/// patterns end there, and only then is the sink itself called ([`KeySink::record`]).
pub(crate) trait KeySink {
    type Local: Copy;
    /// The search state to start or go on from.
    fn local(&self) -> Self::Local;
    /// Advances `local` by `byte`; true when patterns end there.
    fn step(local: &mut Self::Local, byte: u8) -> bool;
    /// [`KeySink::step`] for a byte known to be an ASCII lower-case letter or a space. The
    /// step on a letter equal to the one before it reports what that one reported, at the
    /// same end: [`KeySink::record`] drops it.
    #[inline(always)]
    fn step_letter(local: &mut Self::Local, byte: u8) -> bool {
        Self::step(local, byte)
    }
    /// Records what ends at key position `end` (just after the byte `local` last stepped on);
    /// the same as the last record again (a repeated letter's step) is dropped.
    fn record(&mut self, local: Self::Local, end: usize);
    /// Keeps `local` as the state to go on from.
    fn store(&mut self, local: Self::Local);
    /// The general passes wrote the key again from byte `from` on, up to `to`: what the sink
    /// recorded past `from` is void, and the next byte it is given is the one at `to`.
    fn replaced(&mut self, from: usize, to: usize);
    /// The key is complete and `end` bytes long.
    fn finish(&mut self, end: usize);
}

impl KeySink for () {
    type Local = ();
    #[inline(always)]
    fn local(&self) {}
    #[inline(always)]
    fn step(_: &mut (), _: u8) -> bool {
        false
    }
    #[inline(always)]
    fn record(&mut self, _: (), _: usize) {}
    #[inline(always)]
    fn store(&mut self, _: ()) {}
    fn replaced(&mut self, _: usize, _: usize) {}
    fn finish(&mut self, _: usize) {}
}

/// Gives one key byte, ending at key position `end`, to the search.
#[inline(always)]
fn feed<S: KeySink>(sink: &mut S, local: &mut S::Local, end: usize, byte: u8) {
    if S::step(local, byte) {
        sink.record(*local, end);
    }
}

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
}

/// A place where the general passes can start or stop: the text before it ends with a
/// complete word of two or more key characters (or is empty), so no later word joins it.
#[derive(Clone, Copy, Default)]
struct Restart {
    /// Byte of the text.
    at: usize,
    /// Key length there.
    len: usize,
    /// Whether that word's trailing punctuation makes the next boundary hard.
    hard: bool,
}

/// Writes the matching form of `text` into `out` (cleared first). Plain stretches are written
/// here and given to `sink`; a stretch that is not plain goes through the general passes, from
/// the last [`Restart`] before it to the first one after it, and `sink` is told
/// ([`KeySink::replaced`]). Returns whether the whole text was plain.
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
        let end = if segments <= 1 || general * 2 <= st.i {
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
    segments == 0
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

/// A place to cut `text` after about `at` bytes such that normalising the part before it gives
/// exactly the start of the whole text's matching form (no word joins across it, nothing
/// attaches over it): the first [`Restart`] after `at`, if one comes within `within` bytes.
pub(crate) fn prefix_cut(text: &str, at: usize, within: usize) -> Option<usize> {
    let mut end = at.saturating_add(within).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut at = at.min(end);
    while !text.is_char_boundary(at) {
        at += 1;
    }
    // The end of the window is not a boundary: a restart there would be a false one.
    Some(restart_after(&text[..end], at).at).filter(|&cut| cut < end)
}

/// The first [`Restart`] after byte `from`: the end (after its trailing punctuation) of the
/// next word that is plain, has two or more key characters, and has a boundary before and
/// after it; or the end of the text.
fn restart_after(text: &str, from: usize) -> Restart {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = from;
    // The word `from` is in (if any) is not one: a restart word follows a boundary.
    let mut after_gap = false;
    while i < n {
        let b = bytes[i];
        if b >= 0x80 {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            after_gap = non_ascii_gap(c, true).is_some();
            i += c.len_utf8();
            continue;
        }
        if let Kind::Gap { .. } = kind(b) {
            after_gap = true;
            i += 1;
            continue;
        }
        let a = i;
        while i < n && is_wordish(bytes[i]) {
            i += 1;
        }
        let starts_a_word = after_gap;
        after_gap = false;
        let ends_a_word = i == n
            || bytes[i] < 0x80
            || text[i..]
                .chars()
                .next()
                .is_some_and(|c| non_ascii_gap(c, true).is_some());
        if starts_a_word && ends_a_word {
            if let Some(hard) = plain_long_word(&bytes[a..i]) {
                return Restart {
                    at: i,
                    len: 0,
                    hard,
                };
            }
        }
    }
    Restart {
        at: n,
        len: 0,
        hard: false,
    }
}

/// For a run of ASCII word characters that is a plain word of two or more key characters
/// (edge punctuation aside): whether its trailing punctuation makes the next boundary hard.
fn plain_long_word(run: &[u8]) -> Option<bool> {
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
    let mut search = sink.local();
    let State {
        mut i,
        mut len,
        mut hard,
        mut singles,
        mut after_word,
        mut safe,
        mut pending,
    } = *st;
    // Saves the position (and how much of the key was written) and says "not plain".
    macro_rules! not_plain {
        () => {{
            st.i = i;
            st.len = len;
            st.safe = safe;
            st.pending = pending;
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
        if defer {
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
    };
    sink.store(search);
    true
}

/// Where the fast path writes one word's key bytes.
struct Word<'a> {
    bytes: &'a [u8],
    key: &'a mut [u8],
    starts: &'a mut [u32],
    ends: &'a mut [u32],
    runs: &'a mut [u16],
}

/// For a block whose byte `r` is left out of the key (8: none): per key byte, the offsets it
/// maps to, relative to the block's first byte: starts, then ends. The letter before `r` ends
/// after the letter collapsed into it. A boundary's start is one more (the next word's), added
/// per block.
static SKIPS: [([u32; 8], [u32; 8]); 9] = {
    let mut t = [([0; 8], [0; 8]); 9];
    let mut r = 0;
    while r < 9 {
        let mut k = 0;
        while k < 8 {
            let from = (k + (k >= r) as usize) as u32;
            t[r].0[k] = from;
            t[r].1[k] = if r < 8 && k + 1 == r {
                from + 2
            } else {
                from + 1
            };
            k += 1;
        }
        r += 1;
    }
    t
};

/// For a block whose byte `r` is left out of the key (8: none): per key byte, its run. The
/// letter before `r` has two.
static RUNS: [[u16; 8]; 9] = {
    let mut t = [[1; 8]; 9];
    let mut r = 1;
    while r < 8 {
        t[r][r - 1] = 2;
        r += 1;
    }
    t
};

/// Per four bits: each bit as a number.
static BITS: [[u32; 4]; 16] = {
    let mut t = [[0; 4]; 16];
    let mut n = 0;
    while n < 16 {
        let mut k = 0;
        while k < 4 {
            t[n][k] = (n as u32 >> k) & 1;
            k += 1;
        }
        n += 1;
    }
    t
};

/// The low bits of the first four bytes of `v`, as four bits.
#[inline(always)]
fn nibble(v: u64) -> usize {
    // Each byte's bit lands in bits 24 to 27, and no two products overlap or carry.
    ((v as u32 & 0x0101_0101).wrapping_mul(0x0102_0408) >> 24 & 0xf) as usize
}

/// The eight entries of `v` from `at` (the fast path grows its vectors beforehand).
#[inline(always)]
fn block<T>(v: &mut [T], at: usize) -> &mut [T; 8] {
    match v[at..].first_chunk_mut() {
        Some(b) => b,
        None => panic!("key vectors grown for the block"),
    }
}

/// For a block whose byte `r` is left out of the key (8: none): the bytes before it.
static BEFORE: [u64; 9] = {
    let mut t = [u64::MAX; 9];
    let mut r = 0;
    while r < 8 {
        t[r] = (1 << (8 * r)) - 1;
        r += 1;
    }
    t
};

/// Per byte: the lower-case letter, or 0 for a byte that is not an ASCII letter.
static LOWER_LETTERS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphabetic() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

impl Word<'_> {
    /// Writes eight bytes at a time from byte `i` (a letter of a word that goes to the sink as
    /// it comes) at key position `len`, for as long as they are simple words (see
    /// [`simple_block`]), and feeds the key to the search. Sets `safe` and `word_start` for
    /// the words that end there. Returns the position, the key length and the word's last key
    /// letter (0 if a word starts there).
    #[inline(always)]
    fn simple_words<S: KeySink>(
        &mut self,
        mut i: usize,
        mut len: usize,
        sink: &mut S,
        search: &mut S::Local,
        safe: &mut Restart,
        word_start: &mut usize,
    ) -> (usize, usize, u8) {
        let (mut last, mut open) = (0, false);
        // The last block with a restart and the last with a word boundary: (mask, position,
        // key length, left-out letter).
        let (mut restarted, mut spaced) = ((0, 0, 0, 8), (0, 0, 0, 8));
        while let Some(w) = simple_block(self.bytes, i, last, open) {
            open = w.open;
            // The letter that repeats the one before it (8: none) is left out of the key.
            // (The first byte never repeats: a set top bit stands for none, and the mask comes
            // from a table, so neither a zero count nor a shift by a register is needed.)
            let r = ((w.repeats >> 8 | 1 << 63).trailing_zeros() / 8 + 1) as usize;
            let before = BEFORE[r];
            // The key bytes: the block without that letter.
            let keep = |v: u64| (v & before) | ((v >> 8) & !before);
            self.key[len..len + 8].copy_from_slice(&keep(w.lower).to_le_bytes());
            // When a letter is left out, the eighth key byte is not the text's: the next block
            // or word overwrites it.
            // Offsets: a boundary's are the next word's start, as in the word loop.
            let spaces = keep(w.spaces >> 7);
            let at = i as u32;
            let (starts, ends) = (&SKIPS[r].0, &SKIPS[r].1);
            let (low, high) = (BITS[nibble(spaces)], BITS[nibble(spaces >> 32)]);
            let block_starts = block(self.starts, len);
            for k in 0..4 {
                block_starts[k] = at.wrapping_add(starts[k] + low[k]);
                block_starts[k + 4] = at.wrapping_add(starts[k + 4] + high[k]);
            }
            for (e, &skip) in block(self.ends, len).iter_mut().zip(ends) {
                *e = at.wrapping_add(skip);
            }
            // The letter the repeated one collapses into (or the last byte, unchanged).
            *block(self.runs, len) = RUNS[r];
            // The search steps on every byte: a repeated letter leaves it where it was (see
            // `PlainSearch`), and reports again what the letter before it reported, at the
            // same end (which `record` drops), so no step asks whether it is the left-out one.
            for (j, &c) in w.lower.to_le_bytes().iter().enumerate() {
                if S::step_letter(search, c) {
                    sink.record(*search, len + j + usize::from(j < r));
                }
            }
            // Only the run's last restart and word start are needed: the blocks they are in are
            // kept, and the places worked out once the run ends.
            if w.restart != 0 {
                restarted = (w.restart, i, len, r);
            }
            if w.spaces != 0 {
                spaced = (w.spaces, i, len, r);
            }
            last = (w.lower >> 56) as u8;
            len += 8 - usize::from(r < 8);
            i += 8;
        }
        let (restart, at, key_at, r) = restarted;
        if restart != 0 {
            // The last word of two or more key letters that ended in the run.
            let j = (restart | 1).ilog2() as usize / 8;
            *safe = Restart {
                at: at + j,
                len: key_at + j - usize::from(j > r),
                hard: false,
            };
        }
        let (spaces, _, key_at, r) = spaced;
        if spaces != 0 {
            let j = (spaces | 1).ilog2() as usize / 8;
            *word_start = key_at + j + 1 - usize::from(j > r);
        }
        (i, len, if last == b' ' { 0 } else { last })
    }

    /// Writes the word's characters from byte `i` on at key position `len`: letters when
    /// `LETTERS` (lower-cased, equal ones collapsed with a run count), else digits (as they
    /// are); `last` is the word's key letter before `i` (0 at its start). Feeds each key byte
    /// to the search when `FEED`. Returns the position after the word and the key length.
    #[inline(always)]
    fn chars<const LETTERS: bool, const FEED: bool, S: KeySink>(
        &mut self,
        mut i: usize,
        mut len: usize,
        mut last: u8,
        sink: &mut S,
        search: &mut S::Local,
    ) -> (usize, usize) {
        while let Some(&b) = self.bytes.get(i) {
            let c = if LETTERS {
                LOWER_LETTERS[b as usize]
            } else if b.is_ascii_digit() {
                b
            } else {
                0
            };
            if c == 0 {
                break;
            }
            let at = i as u32;
            if LETTERS && c == last {
                self.runs[len - 1] = self.runs[len - 1].saturating_add(1);
                self.ends[len - 1] = at + 1;
            } else {
                self.key[len] = c;
                self.starts[len] = at;
                self.ends[len] = at + 1;
                self.runs[len] = 1;
                len += 1;
                last = c;
                if FEED {
                    let hit = if LETTERS {
                        S::step_letter(search, c)
                    } else {
                        S::step(search, c)
                    };
                    if hit {
                        sink.record(*search, len);
                    }
                }
            }
            i += 1;
        }
        (i, len)
    }
}

/// Eight bytes of simple words (see [`simple_block`]), each mask with bit 7 of its bytes set,
/// little-endian.
struct SimpleBlock {
    /// The bytes lower-cased, apostrophes as spaces.
    lower: u64,
    /// Spaces and apostrophes: boundaries between words.
    spaces: u64,
    /// At most one letter equal to the letter before it (not the first byte).
    repeats: u64,
    /// Boundaries that end a word of two or more key letters (a [`Restart`]).
    restart: u64,
    /// Whether a word starts in the last byte: it has one key letter so far.
    open: bool,
}

/// The eight bytes from `i` when they are simple words: ASCII letters with single spaces or
/// apostrophes between them (soft boundaries), at most one letter equal to the one before it
/// (collapsed in the key), and a boundary at the end only before a letter. A word of one key
/// letter must be one letter followed by a word of two or more whose first two letters are in
/// the block, so that no two such words are neighbours (the key's boundary between those is
/// hard). `last` is the byte before `i` as the block before left it: the word's key letter,
/// or a space or 0 at a word's start; `open` says that word started in the byte before `i`,
/// so it needs another key letter here.
#[inline(always)]
fn simple_block(bytes: &[u8], i: usize, last: u8, open: bool) -> Option<SimpleBlock> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    const LOW: u64 = ONES * 0x7f;
    // Bit 7 of each byte of `v` that is zero (no carry crosses bytes).
    let zero = |v: u64| !(((v & LOW) + LOW) | v) & HIGH;
    let chunk: [u8; 8] = bytes.get(i..i + 8)?.try_into().ok()?;
    let next = *bytes.get(i + 8)?;
    let x = u64::from_le_bytes(chunk);
    let apostrophes = zero(x ^ (ONES * u64::from(b'\'')));
    let spaces = zero(x ^ (ONES * u64::from(b' '))) | apostrophes;
    // Lower-case letters; `'` (0x27) loses its low bits to become a space.
    let lower = (x | (ONES * 0x20)) & !((apostrophes >> 7) * 0x07);
    let low7 = lower & LOW;
    let letters = (low7 + ONES * u64::from(0x80 - b'a'))
        & !(low7 + ONES * u64::from(0x80 - b'z' - 1))
        & !x
        & HIGH;
    // Equal neighbours: two equal letters, or two boundaries.
    let equal = zero(lower ^ ((lower << 8) | u64::from(last)));
    let repeats = equal & letters;
    let kept = letters & !repeats;
    let starts = letters & !((letters << 8) | if last > b' ' { 0x80 } else { 0 });
    // Words whose second byte is a key letter have two or more; a word of one letter must be
    // followed by a boundary, a letter and a key letter. Any other word start is not taken,
    // except in the last byte: then the next block must go on with a key letter (`open`).
    let long = starts & ((kept >> 8) | HIGH << 56);
    let one = starts & (spaces >> 8) & (kept >> 24);
    let simple = (letters | spaces == HIGH)
        & (equal & spaces == 0)
        & (!open | (kept & 0x80 != 0))
        & (repeats & repeats.wrapping_sub(1) == 0)
        & (repeats & 0x80 == 0)
        & (starts & !long & !one == 0)
        & ((spaces >> 63 == 0) | next.is_ascii_alphabetic());
    simple.then_some(SimpleBlock {
        lower,
        spaces,
        repeats,
        restart: spaces & !(one << 8),
        open: starts >> 63 != 0,
    })
}

#[inline]
fn is_wordish(c: u8) -> bool {
    !matches!(kind(c), Kind::Gap { .. } | Kind::NonAscii)
}

#[cfg(test)]
mod tests {
    use super::super::general::{normalize_general, Scratch};
    use super::super::Normalized;
    use super::normalize_fast;
    use proptest::prelude::*;

    #[test]
    fn nibble_gathers_the_low_bit_of_four_bytes() {
        for bits in 0..256u64 {
            // Each byte 0 or 1, garbage in the other bytes' high bits.
            let spread =
                (0..8).fold(0, |v, k| v | ((bits >> k) & 1) << (8 * k)) | 0x8080_8080 << 32;
            assert_eq!(super::nibble(spread), (bits & 0xf) as usize);
            assert_eq!(super::nibble(spread >> 32), ((bits >> 4) & 0xf) as usize);
        }
    }

    /// The general passes' output for `text`.
    fn general(text: &str) -> Normalized {
        let mut out = Normalized::default();
        normalize_general(text, &mut out, &mut Scratch::default());
        out
    }

    thread_local! {
        /// Buffers reused from one call to the next, as the matcher does: nothing a longer
        /// text left behind may show in the next one.
        static BUFFERS: std::cell::RefCell<(Normalized, Scratch)> = Default::default();
    }

    /// `out` as its readers see it: an entry per key byte in every vector (see [`Normalized`]).
    fn as_read(out: &Normalized) -> Normalized {
        let n = out.key.len();
        assert!(out.starts.len() >= n && out.ends.len() >= n && out.runs.len() >= n);
        assert!(out.flags.is_empty() || out.flags.len() == n);
        let mut read = out.clone();
        read.starts.truncate(n);
        read.ends.truncate(n);
        read.runs.truncate(n);
        read.flags.resize(n, 0);
        read
    }

    /// The fast path's output, and whether it found the text plain.
    fn fast(text: &str) -> (Normalized, bool) {
        BUFFERS.with(|b| {
            let (out, scratch) = &mut *b.borrow_mut();
            let plain = normalize_fast(text, out, scratch, &mut ());
            (as_read(out), plain)
        })
    }

    #[test]
    fn takes_ordinary_chat_and_agrees_with_the_general_passes() {
        for text in [
            "Hello, world!! #tag @user 100% 😀 can't wait",
            "SOOOO goood\tlol\r\nok a b",
            "fuck! *wow* _x_ ++ | 2024 1000",
            "a \u{200b}b \u{2003}cd",
        ] {
            assert_eq!(fast(text), (general(text), true), "{text:?}");
        }
    }

    #[test]
    fn keeps_two_one_letter_words_apart_across_eight_byte_blocks() {
        // `t` ends one block and `a` starts the next: the boundary between them is hard.
        let text = "whawhat ita ty t a swhittyyt ita ty t a swhittyy";
        let (out, plain) = fast(text);
        assert!(plain);
        assert_eq!(out, general(text));
        assert!(String::from_utf8_lossy(&out.key).contains("ty t\na swhity"));
    }

    #[test]
    fn one_letter_words_anywhere_in_eight_byte_blocks_agree_with_the_general_passes() {
        let alphabet = "abcdefghijklmnopqrstuvwxyz";
        for tail in [
            "t a swhit",
            "t a b cd",
            "tt a sw",
            "t aa sw",
            "t'a sw",
            "a b c de",
            "x yz a b",
            "ab c dd e",
            "a bc d ef g",
            "go t' a bcd",
            "oo p qrs",
        ] {
            // Every alignment of the tail in a block: a word of 2 to 17 letters before it.
            for n in 2..18 {
                let text = format!("{} {tail} {tail} the end", &alphabet[..n]);
                assert_eq!(fast(&text).0, general(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn hands_what_is_not_plain_to_the_general_passes() {
        for text in [
            "sh1t",
            "f*ck",
            "f u c k",
            "a55hole",
            "fück",
            "fu\u{200b}ck",
            "$100",
            "ｆｕｃｋ",
            // Stretches that are not plain between plain ones, and at either end.
            "what the f.u.c.k is this, sh1t man",
            "a b f.u.c.k",
            "ok 👍 बहुत अच्छा yaar, kya baat hai!! ab f*ck it",
            "tu चूतिया hai",
            "#tag é x y z @user!! ok",
            "word\u{301} next words here",
        ] {
            assert_eq!(fast(text), (general(text), false), "{text:?}");
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
            2 => "[\u{0}-\u{8}\u{e}-\u{1f}\u{7f}\u{85}\u{2800}]",
            2 => Just("\u{2003}".to_string()),
            1 => Just("é".to_string()),
            1 => Just("\u{301}".to_string()),
            1 => Just("क".to_string()),
            1 => Just("चूतिया".to_string()),
            1 => Just("ｆ".to_string()),
            1 => Just("sh1t".to_string()),
            1 => Just("f*ck".to_string()),
            1 => Just("$".to_string()),
            4 => "[a-z]",
            2 => any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..32).prop_map(|v| v.concat())
    }

    /// Text made mostly of what the eight-byte blocks take (letters, single spaces and
    /// apostrophes), with words of one letter, repeated letters and what ends a block.
    fn simple_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            8 => "[abAB]{1,5}",
            6 => "[a-z]{2,9}",
            6 => "[a-z] ",
            8 => Just(" ".to_string()),
            2 => Just("'".to_string()),
            1 => Just("  ".to_string()),
            1 => "[ -~]",
            1 => "[\u{0}\u{1}\u{7f}]",
            1 => Just("😀".to_string()),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        /// The blocks of simple words write what the general passes write: spans, runs of
        /// repeated letters, and the places the general passes may start from (a stretch that
        /// is not plain after them shows a wrong one).
        #[test]
        fn simple_word_blocks_equal_general_passes(text in simple_text(), tail in prop_oneof![
            Just(""), Just(" sh1t"), Just(" x y z"), Just(" é"),
        ]) {
            let text = text + tail;
            prop_assert_eq!(fast(&text).0, general(&text));
        }

        /// The fast path writes exactly what the general passes write (key, offsets, runs,
        /// transforms, joined ranges), whether it takes the whole text or hands stretches of
        /// it to the general passes.
        #[test]
        fn fast_path_equals_general_passes(text in text()) {
            prop_assert_eq!(fast(&text).0, general(&text));
        }
    }
}
