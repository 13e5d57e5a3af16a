//! Writing one word's key bytes, offsets and runs: eight bytes at a time while the words are
//! simple ([`super::block`]), else one character at a time.

use super::super::classify::{ascii_class, leet_letter, leet_reading, word_reads_leet};
use super::super::transforms::Transforms;
use super::block::{
    block, last_marked_byte, nibble, repeated_byte, simple_block, without_byte, BITS, RUNS, SKIPS,
};
use super::restart::Restart;
use super::sink::KeySink;

/// Where the fast path writes one word's key bytes.
pub(super) struct Word<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) key: &'a mut [u8],
    pub(super) starts: &'a mut [u32],
    pub(super) ends: &'a mut [u32],
    pub(super) runs: &'a mut [u16],
}

/// Per byte: the lower-case letter, or 0 for a byte that is not an ASCII letter.
pub(super) static LOWER_LETTERS: [u8; 256] = {
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
    pub(super) fn simple_words<S: KeySink>(
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
            // The letter that repeats the one before it (8: none) is left out of the key: the
            // key bytes are the block without it.
            let r = repeated_byte(w.repeats);
            self.key[len..len + 8].copy_from_slice(&without_byte(w.lower, r).to_le_bytes());
            // When a letter is left out, the eighth key byte is not the text's: the next block
            // or word overwrites it.
            // Offsets: a boundary's are the next word's start, as in the word loop.
            let spaces = without_byte(w.spaces >> 7, r);
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
            let j = last_marked_byte(restart);
            *safe = Restart {
                at: at + j,
                len: key_at + j - usize::from(j > r),
                hard: false,
            };
        }
        let (spaces, _, key_at, r) = spaced;
        if spaces != 0 {
            let j = last_marked_byte(spaces);
            *word_start = key_at + j + 1 - usize::from(j > r);
        }
        (i, len, if last == b' ' { 0 } else { last })
    }

    /// Writes the word's characters from byte `i` on at key position `len`: letters when
    /// `LETTERS` (lower-cased, equal ones collapsed with a run count), else digits (as they
    /// are); `last` is the word's key letter before `i` (0 at its start). Feeds each key byte
    /// to the search when `FEED`. Returns the position after the word and the key length.
    #[inline(always)]
    pub(super) fn chars<const LETTERS: bool, const FEED: bool, S: KeySink>(
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

impl Word<'_> {
    /// Writes a word of ASCII letters and digits, both (`cwc19`, `zuo5335rjr`, a mention
    /// `@user2024`), starting at byte `at` of the text, at key position `len`, as the general
    /// passes do: read as leetspeak or not by the same rule (digits then become letters, `1`
    /// stays `1`, with the leet transform), equal characters collapsed where they collapse.
    /// Transforms go in `flags` (given an entry per key byte here). Returns the position after
    /// the word and the key length, or `None` where the general passes write something else:
    /// a word whose key is one character (it may be a letter of a spaced-out word), and a
    /// mention that only the strict rule keeps from leetspeak (its key keeps the `@`).
    pub(super) fn mixed(
        &mut self,
        at: usize,
        len: usize,
        flags: &mut Vec<u16>,
    ) -> Option<(usize, usize)> {
        let bytes = self.bytes;
        let (mut end, mut letters, mut digits) = (at, 0u32, 0u32);
        while let Some(&b) = bytes.get(end) {
            if b.is_ascii_alphabetic() {
                letters += 1;
            } else if b.is_ascii_digit() {
                digits += 1;
            } else {
                break;
            }
            end += 1;
        }
        let mention = at > 0 && bytes[at - 1] == b'@';
        let leet = word_reads_leet(letters, digits, mention, || {
            bytes[at..end]
                .iter()
                .map(|&b| (char::from(b), ascii_class(b)))
        });
        if mention && !leet && leet_reading(letters, digits) {
            return None;
        }
        if flags.len() < self.key.len() {
            flags.resize(self.key.len(), 0);
        }
        let flags = &mut flags[..self.key.len()];
        let mut k = len;
        for (j, &b) in bytes.iter().enumerate().take(end).skip(at) {
            let (c, f, collapses) = if b.is_ascii_alphabetic() {
                (b.to_ascii_lowercase(), 0, true)
            } else if leet {
                match leet_letter(char::from(b)) {
                    Some(l) => (l as u8, Transforms::LEET.bits(), true),
                    None => (b, 0, true),
                }
            } else {
                // A digit of a word not read as leetspeak stays as it is, uncollapsed.
                (b, 0, false)
            };
            let end_at = j as u32 + 1;
            if k > len && collapses && self.key[k - 1] == c {
                self.runs[k - 1] = self.runs[k - 1].saturating_add(1);
                self.ends[k - 1] = end_at;
                flags[k - 1] |= f;
            } else {
                self.key[k] = c;
                self.starts[k] = j as u32;
                self.ends[k] = end_at;
                self.runs[k] = 1;
                flags[k] = f;
                k += 1;
            }
        }
        (k - len >= 2).then_some((end, k))
    }
}
