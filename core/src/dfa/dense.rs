//! The dense DFA: one row per state, one column per class of bytes, state ids premultiplied
//! by the row length so a step is one add and one load, and match states numbered last so one
//! comparison tells them apart. The plain DFA (see `crate::plain_search`) is one: its loop is
//! the fast path's, so every state has a row.

use super::patterns::trie_states;
use crate::table_bytes::{Reader, Table, Writer};

/// A dense DFA that reports every occurrence of every pattern (overlapping matches).
///
/// The layout, here and nowhere else: state ids are premultiplied (a state's row starts at its
/// id in `trans`, so the next state on a byte of column `c` is `trans[id + c]`); match states
/// come last, from `match_from` on, so "is this a match" is one comparison; the start state is
/// `start`. Searches read it through [`DenseSteps`]; the fields are private.
#[derive(Debug)]
pub(crate) struct DenseDfa {
    /// Per byte: its column.
    columns: Box<[u8; 256]>,
    /// Columns per row.
    stride: usize,
    /// Row after row: the next state (a premultiplied id) per column.
    trans: Table<u32>,
    start: u32,
    /// States at or above this one are match states.
    match_from: u32,
    /// Per match state, in order: where its patterns start in `matches` (one more entry at the
    /// end).
    match_starts: Table<u32>,
    /// The patterns (indices into the patterns given) that end at each match state, one state
    /// after another.
    matches: Table<u32>,
    /// `ceil(2^32 / stride)`: for a multiple `d` of `stride` below `2^32` (every id is),
    /// `d * row_reciprocal >> 32` is `d / stride`.
    row_reciprocal: u64,
}

/// The largest dense table built, in entries (256 MiB): the plain DFA of a list so large that
/// its table would be bigger is not built (the general passes then search every text).
pub(crate) const MAX_ENTRIES: usize = 1 << 26;

/// Bytes per state that building a [`DenseDfa`] takes besides its table: failure states, the
/// breadth-first order, the new numbering and its inverse, outputs.
pub(crate) const DENSE_BYTES_PER_STATE: usize = 40;

/// What a search loop holds of a [`DenseDfa`]: three words that stay in registers.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DenseSteps<'a> {
    columns: &'a [u8; 256],
    trans: &'a [u32],
    match_from: u32,
}

impl DenseSteps<'_> {
    /// The state after `state` on a byte of `column` (for a caller that knows the column).
    #[inline(always)]
    pub(crate) fn next_in_column(&self, state: u32, column: usize) -> u32 {
        self.trans[column..][state as usize]
    }

    /// The state after `state` on `byte`.
    #[inline(always)]
    pub(crate) fn next(&self, state: u32, byte: u8) -> u32 {
        self.next_in_column(state, usize::from(self.columns[byte as usize]))
    }

    /// Whether patterns end at `state`.
    #[inline(always)]
    pub(crate) fn is_match(&self, state: u32) -> bool {
        state >= self.match_from
    }
}

impl DenseDfa {
    /// The DFA for `patterns` over the given `columns` (bytes in one column are not told
    /// apart; `stride` columns in all). `None` if the table would have more than
    /// `max_entries` entries.
    pub(crate) fn build(
        patterns: &[&[u8]],
        columns: Box<[u8; 256]>,
        stride: usize,
        max_entries: usize,
    ) -> Option<DenseDfa> {
        // Refused before anything is allocated; then the table is allocated once, not grown.
        let states = trie_states(patterns);
        if states.saturating_mul(stride) > max_entries {
            return None;
        }
        // The trie, as rows of the table: 0 is "no child" (the root is no one's child).
        let mut trans: Vec<u32> = Vec::with_capacity(states * stride);
        trans.resize(stride, 0);
        // Per state: the patterns that end there, as a linked list through `next_output`.
        let mut first_output: Vec<u32> = vec![u32::MAX];
        let mut next_output: Vec<u32> = Vec::with_capacity(patterns.len());
        for (p, pattern) in patterns.iter().enumerate() {
            let mut s = 0usize;
            for &b in pattern.iter() {
                let at = s * stride + usize::from(columns[usize::from(b)]);
                s = match trans[at] {
                    0 => {
                        let new = trans.len() / stride;
                        if trans.len() + stride > max_entries {
                            return None;
                        }
                        trans[at] = new as u32;
                        trans.resize(trans.len() + stride, 0);
                        first_output.push(u32::MAX);
                        new
                    }
                    child => child as usize,
                };
            }
            next_output.push(first_output[s]);
            first_output[s] = p as u32;
        }
        let states = first_output.len();
        // Breadth first: a state's failure state is shallower, so its row is complete when
        // the state's row is filled from it.
        let mut fail = vec![0u32; states];
        let mut order = Vec::with_capacity(states);
        order.push(0u32);
        let mut k = 0;
        while k < order.len() {
            let s = order[k] as usize;
            k += 1;
            for c in 0..stride {
                let child = trans[s * stride + c];
                if child != 0 {
                    // A child (the root's missing transitions stay 0: the root itself).
                    let f = if s == 0 {
                        0
                    } else {
                        trans[fail[s] as usize * stride + c]
                    };
                    fail[child as usize] = f;
                    order.push(child);
                } else if s != 0 {
                    trans[s * stride + c] = trans[fail[s] as usize * stride + c];
                }
            }
        }
        // A state matches the patterns that end there and those of its failure state.
        let outputs = |s: usize| {
            let mut out = Vec::new();
            let mut t = s;
            loop {
                let mut p = first_output[t];
                while p != u32::MAX {
                    out.push(p);
                    p = next_output[p as usize];
                }
                if t == 0 {
                    break;
                }
                t = fail[t] as usize;
            }
            out
        };
        let is_match = |s: usize| {
            let mut t = s;
            while t != 0 {
                if first_output[t] != u32::MAX {
                    return true;
                }
                t = fail[t] as usize;
            }
            false
        };
        // Match states last; ids premultiplied.
        let mut row = vec![0u32; states];
        let (plain, matching): (Vec<usize>, Vec<usize>) = (0..states).partition(|&s| !is_match(s));
        let new_order: Vec<usize> = plain.iter().chain(&matching).copied().collect();
        u32::try_from(states * stride).ok()?;
        for (r, &s) in new_order.iter().enumerate() {
            row[s] = (r * stride) as u32;
        }
        // In place, so the table exists once: ids first, then each cycle of the row
        // permutation carried round with one spare row.
        for t in trans.iter_mut() {
            *t = row[*t as usize];
        }
        let mut placed = vec![false; states];
        let (mut carry, mut spare) = (vec![0u32; stride], vec![0u32; stride]);
        for first in 0..states {
            if placed[first] {
                continue;
            }
            carry.copy_from_slice(&trans[first * stride..][..stride]);
            let mut s = first;
            loop {
                placed[s] = true;
                let to = row[s] as usize;
                if to / stride == first {
                    trans[to..][..stride].copy_from_slice(&carry);
                    break;
                }
                spare.copy_from_slice(&trans[to..][..stride]);
                trans[to..][..stride].copy_from_slice(&carry);
                std::mem::swap(&mut carry, &mut spare);
                s = to / stride;
            }
        }
        let table = trans;
        let (mut match_starts, mut matches) = (vec![0u32], Vec::new());
        for &s in &matching {
            matches.extend(outputs(s));
            match_starts.push(matches.len() as u32);
        }
        Some(DenseDfa {
            columns,
            stride,
            trans: Table::Owned(table),
            start: row[0],
            match_from: (plain.len() * stride) as u32,
            match_starts: Table::Owned(match_starts),
            matches: Table::Owned(matches),
            row_reciprocal: (1u64 << 32).div_ceil(stride as u64),
        })
    }

    /// How many states (rows) the table has.
    #[cfg(test)]
    pub(crate) fn states(&self) -> usize {
        self.trans.len() / self.stride
    }

    /// The start state.
    pub(crate) fn start(&self) -> u32 {
        self.start
    }

    /// What a search loop needs to step and to tell match states.
    pub(crate) fn steps(&self) -> DenseSteps<'_> {
        DenseSteps {
            columns: &self.columns,
            trans: &self.trans,
            match_from: self.match_from,
        }
    }

    /// Makes every state entered on a byte of one of `columns` step to itself on that byte
    /// again. Every transition into a state of a DFA built from a trie is on one byte (the last
    /// of the state's string), so this changes no search of a text without two such bytes in
    /// a row; it lets a caller step on every letter of `soo` without asking which ones its key
    /// keeps.
    pub(crate) fn loop_on_repeats(&mut self, columns: std::ops::RangeInclusive<usize>) {
        let (start, stride) = (self.start, self.stride);
        let trans = self.trans.to_mut();
        for row in (0..trans.len()).step_by(stride) {
            for column in columns.clone() {
                let to = trans[row + column];
                if to != start {
                    trans[to as usize + column] = to;
                }
            }
        }
    }

    /// Writes the DFA for [`DenseDfa::read`].
    #[cfg_attr(not(test), allow(dead_code))] // the build script writes
    pub(crate) fn write(&self, w: &mut Writer) {
        w.table(&self.columns[..]);
        w.len(self.stride);
        w.table(&self.trans);
        w.put(self.start);
        w.put(self.match_from);
        w.table(&self.match_starts);
        w.table(&self.matches);
        w.put(self.row_reciprocal);
    }

    /// Reads what [`DenseDfa::write`] wrote.
    pub(crate) fn read(r: &mut Reader) -> Option<DenseDfa> {
        Some(DenseDfa {
            columns: Box::new(<[u8; 256]>::try_from(&*r.table::<u8>()?).ok()?),
            stride: r.len()?,
            trans: r.table()?,
            start: r.get()?,
            match_from: r.get()?,
            match_starts: r.table()?,
            matches: r.table()?,
            row_reciprocal: r.get()?,
        })
    }

    /// The patterns that end at match state `state`.
    pub(crate) fn matches_at(&self, state: u32) -> &[u32] {
        // Match states' ids are multiples of `stride` from `match_from`: an exact division,
        // done as a multiplication (see `row_reciprocal`).
        let m = ((u64::from(state - self.match_from) * self.row_reciprocal) >> 32) as usize;
        &self.matches[self.match_starts[m] as usize..self.match_starts[m + 1] as usize]
    }

    /// From `state`, steps over `haystack` from byte `at` to the next match state: its state
    /// and the position after the byte that entered it, or `None` at the end. A loop with no
    /// call in it, so the state stays in a register.
    #[cfg(test)]
    fn next_match(&self, haystack: &[u8], mut at: usize, mut state: u32) -> Option<(usize, u32)> {
        while let Some(&b) = haystack.get(at) {
            state = self.trans[(state + u32::from(self.columns[usize::from(b)])) as usize];
            at += 1;
            if state >= self.match_from {
                return Some((at, state));
            }
        }
        None
    }

    /// Calls `f(pattern, end)` for every occurrence of a pattern in `haystack`, in order of
    /// end (`end` is exclusive, relative to `haystack`).
    #[cfg(test)]
    pub(crate) fn for_each_match(&self, haystack: &[u8], mut f: impl FnMut(u32, usize)) {
        let (mut at, mut state) = (0, self.start);
        while let Some((end, s)) = self.next_match(haystack, at, state) {
            for &p in self.matches_at(s) {
                f(p, end);
            }
            (at, state) = (end, s);
        }
    }
}
