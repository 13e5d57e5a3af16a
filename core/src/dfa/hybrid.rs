//! An Aho-Corasick DFA whose states near the root have dense rows and whose deeper states are
//! sparse: the full automaton, and the plain DFA that the fast path feeds (with its own budget
//! and a loop on repeated letters: see `PlainSearch`).
//!
//! A dense row costs `4 * stride` bytes (324 with the bundled lists' 81 columns), and most
//! states of a large list are deep and have one child: with every state dense, the bundled
//! lists' 130,000 states took 42 MB and most of the build's time. A text spends most of its
//! bytes in the shallow states (a deep state is reached only after four or five bytes of some
//! pattern), so those keep their rows and the step there stays one load; a sparse state holds
//! its children's columns and its failure state, and a step from it scans the children, then
//! follows failure states until one has the child or is dense (a failure state is shallower,
//! so the walk ends, and Aho-Corasick's argument bounds it by the bytes read).
//!
//! State ids: a dense state's id is its row's offset in `trans` (premultiplied), with the
//! dense states that match numbered after those that do not; a sparse state's id is
//! `sparse_from` plus its index. So one comparison (`state >= special_from`) tells the common
//! case (a dense state with no match) from the rest.

/// Bytes of dense rows a [`HybridDfa`] holds at most: the states nearest the root get rows,
/// level by level, while the rows fit.
pub(crate) const DENSE_BUDGET: usize = 4 << 20;

/// Bytes per state that building a [`HybridDfa`] takes at its peak besides the dense rows
/// (twice the rows: they are built, then renumbered into a copy): the trie's links, the
/// breadth-first order and its inverse, failure states, the sparse states' arrays.
pub(crate) const BUILD_BYTES_PER_STATE: usize = 48;

/// Bytes per pattern while building: the sorted order and each state's pattern list.
pub(crate) const BUILD_BYTES_PER_PATTERN: usize = 16;

use super::patterns::Sorted;
use crate::table_bytes::{Reader, Table, Writer};

const NONE: u32 = u32::MAX;

/// An automaton that reports every occurrence of every pattern (overlapping matches).
#[derive(Debug)]
pub(crate) struct HybridDfa {
    /// Per byte: its column.
    columns: Box<[u8; 256]>,
    /// Columns per row.
    stride: usize,
    /// The dense states' rows: per column, the next state's id.
    trans: Table<u32>,
    start: u32,
    /// Ids at or above this one are a dense match state or a sparse state.
    special_from: u32,
    /// The first sparse state's id (`trans.len()`).
    sparse_from: u32,
    /// Per sparse state `k`: its failure state's id.
    fail: Table<u32>,
    /// Per sparse state `k`, its children are the sparse states
    /// `children[k]..children[k + 1]` (one more entry at the end).
    children: Table<u32>,
    /// Per sparse state: the column of the byte that enters it.
    column_in: Table<u8>,
    /// Per dense match state (in order of id), then per sparse state: where its patterns start
    /// in `matches` (one more entry at the end).
    match_starts: Table<u32>,
    /// The patterns (indices into those given) that end at each state with a match.
    matches: Table<u32>,
    /// `ceil(2^32 / stride)`: for a multiple `d` of `stride` below `2^32` (every dense id
    /// is), `d * row_reciprocal >> 32` is `d / stride`.
    row_reciprocal: u64,
    /// The number of dense match states: sparse state `k`'s patterns are at
    /// `match_starts[dense_matches + k]`.
    dense_matches: usize,
    /// Bit `c`: a state entered on a byte of column `c` steps to itself on it again (see
    /// [`HybridDfa::loop_on_repeats`]).
    repeats: u64,
}

/// What a search loop holds of a [`HybridDfa`] to step one byte at a time: the dense rows and
/// the match bound stay in registers; a sparse state's step is a call.
#[derive(Clone, Copy, Debug)]
pub(crate) struct HybridSteps<'a> {
    columns: &'a [u8; 256],
    trans: &'a [u32],
    special_from: u32,
    dfa: &'a HybridDfa,
}

impl HybridSteps<'_> {
    /// The state after `state` on a byte of `column` (for a caller that knows the column).
    #[inline(always)]
    pub(crate) fn next_in_column(&self, state: u32, column: usize) -> u32 {
        // A sparse state's id is past the rows (`sparse_from` is their length): the one bounds
        // check tells the two apart.
        match self.trans.get(state as usize + column) {
            Some(&next) => next,
            None => self.dfa.step_from_sparse(state, column as u8),
        }
    }

    /// The state after `state` on `byte`.
    #[inline(always)]
    pub(crate) fn next(&self, state: u32, byte: u8) -> u32 {
        self.next_in_column(state, usize::from(self.columns[usize::from(byte)]))
    }

    /// Whether patterns may end at `state`: a dense match state or a sparse state (whose
    /// patterns, if any, [`HybridDfa::matches_at`] gives).
    #[inline(always)]
    pub(crate) fn is_match(&self, state: u32) -> bool {
        state >= self.special_from
    }
}

/// How many of the first levels of a trie get dense rows: the most whose states' rows fit in
/// `budget` bytes, and always the root's.
pub(crate) fn dense_states(levels: &[usize], stride: usize, budget: usize) -> usize {
    let mut dense = 0usize;
    for (depth, &n) in levels.iter().enumerate() {
        let more = dense + n;
        if depth > 0 && more.saturating_mul(stride).saturating_mul(4) > budget {
            break;
        }
        dense = more;
    }
    dense
}

impl HybridDfa {
    /// The automaton for `patterns` over `columns` (`stride` columns in all), with at most
    /// `budget` bytes of dense rows. `None` if it would have 2^32 state ids or more.
    pub(crate) fn build(
        patterns: &Sorted,
        columns: Box<[u8; 256]>,
        stride: usize,
        budget: usize,
    ) -> Option<HybridDfa> {
        let bfs = Bfs::new(patterns, &columns);
        let levels = bfs.levels();
        let dense = dense_states(&levels, stride, budget);
        let states = bfs.label.len();
        let sparse = states - dense;
        let sparse_from = u32::try_from(dense * stride).ok()?;
        // Every id plus a column fits in a `u32` (and a 32-bit `usize`): see
        // `HybridSteps::next_in_column`.
        u32::try_from(sparse + stride)
            .ok()?
            .checked_add(sparse_from)?;
        let sparse_id = |q: usize| sparse_from + (q - dense) as u32;

        // Failure states and the dense rows, in breadth-first order (states numbered by it):
        // a state's failure state is shallower, so its row or its failure state is ready.
        let mut fail = vec![0u32; states];
        let mut rows = vec![0u32; dense * stride];
        let child_of = |q: usize, column: u8, label: &[u8]| {
            let (a, b) = (bfs.first_child[q] as usize, bfs.first_child[q + 1] as usize);
            label[a..b]
                .iter()
                .position(|&c| c == column)
                .map(|i| (a + i) as u32)
        };
        for q in 0..states {
            if q > 0 {
                let parent = bfs.parent[q] as usize;
                let column = bfs.label[q];
                fail[q] = if parent == 0 {
                    0
                } else {
                    // The transition from the parent's failure state on this column.
                    let mut t = fail[parent] as usize;
                    loop {
                        if t < dense {
                            break rows[t * stride + usize::from(column)];
                        }
                        if let Some(c) = child_of(t, column, &bfs.label) {
                            break c;
                        }
                        t = fail[t] as usize;
                    }
                };
            }
            if q < dense {
                let row = q * stride;
                if q > 0 {
                    let from = fail[q] as usize * stride;
                    rows.copy_within(from..from + stride, row);
                }
                for c in bfs.first_child[q]..bfs.first_child[q + 1] {
                    rows[row + usize::from(bfs.label[c as usize])] = c;
                }
            }
        }
        // A state matches its own patterns and its failure state's.
        let mut is_match = vec![false; states];
        for q in 0..states {
            is_match[q] = bfs.outputs[q] != NONE || (q > 0 && is_match[fail[q] as usize]);
        }
        // Dense ids: rows of states without a match first.
        let (plain, matching): (Vec<usize>, Vec<usize>) = (0..dense).partition(|&q| !is_match[q]);
        let mut dense_id = vec![0u32; dense];
        for (r, &q) in plain.iter().chain(&matching).enumerate() {
            dense_id[q] = (r * stride) as u32;
        }
        let id = |q: u32| {
            let q = q as usize;
            if q < dense {
                dense_id[q]
            } else {
                sparse_id(q)
            }
        };
        let mut trans = vec![0u32; dense * stride];
        for q in 0..dense {
            let to = dense_id[q] as usize;
            for (t, &r) in trans[to..to + stride]
                .iter_mut()
                .zip(&rows[q * stride..][..stride])
            {
                *t = id(r);
            }
        }
        drop(rows);
        let patterns_at = |q: usize, out: &mut Vec<u32>| {
            let mut t = q;
            loop {
                let mut p = bfs.outputs[t];
                while p != NONE {
                    out.push(p);
                    p = bfs.next_output[p as usize];
                }
                if t == 0 {
                    break;
                }
                t = fail[t] as usize;
            }
        };
        let (mut match_starts, mut matches) = (vec![0u32], Vec::new());
        for q in matching.iter().copied().chain(dense..states) {
            if is_match[q] {
                patterns_at(q, &mut matches);
            }
            match_starts.push(u32::try_from(matches.len()).ok()?);
        }
        let children: Vec<u32> = (dense..=states)
            .map(|q| bfs.first_child[q] - dense as u32)
            .collect();
        Some(HybridDfa {
            start: id(0),
            special_from: (plain.len() * stride) as u32,
            sparse_from,
            fail: Table::Owned(fail[dense..].iter().map(|&f| id(f)).collect()),
            children: Table::Owned(children),
            column_in: Table::Owned(bfs.label[dense..].to_vec()),
            match_starts: Table::Owned(match_starts),
            matches: Table::Owned(matches),
            row_reciprocal: (1u64 << 32).div_ceil(stride as u64),
            dense_matches: matching.len(),
            trans: Table::Owned(trans),
            columns,
            stride,
            repeats: 0,
        })
    }

    /// The start state.
    pub(crate) fn start(&self) -> u32 {
        self.start
    }

    /// What a search loop needs to step (see [`HybridSteps`]).
    pub(crate) fn steps(&self) -> HybridSteps<'_> {
        HybridSteps {
            columns: &self.columns,
            trans: &self.trans,
            special_from: self.special_from,
            dfa: self,
        }
    }

    /// Makes a state entered on a byte of one of `columns` step to itself on that byte again,
    /// for text whose key never repeats such a byte (the plain DFA's letters: see
    /// `PlainSearch`): the fast path may then step on every letter of a stretched word.
    /// Dense states get the loop in their row; a sparse state's step checks it.
    pub(crate) fn loop_on_repeats(&mut self, columns: std::ops::RangeInclusive<usize>) {
        let (start, stride, sparse_from) = (self.start, self.stride, self.sparse_from);
        let trans = self.trans.to_mut();
        for row in (0..trans.len()).step_by(stride) {
            for column in columns.clone() {
                let to = trans[row + column];
                if to != start && to < sparse_from {
                    trans[to as usize + column] = to;
                }
            }
        }
        for column in columns {
            if column < 64 {
                self.repeats |= 1 << column;
            }
        }
    }

    /// Writes the automaton for [`HybridDfa::read`].
    #[cfg_attr(not(test), allow(dead_code))] // the build script writes
    pub(crate) fn write(&self, w: &mut Writer) {
        w.table(&self.columns[..]);
        w.len(self.stride);
        w.table(&self.trans);
        for v in [self.start, self.special_from, self.sparse_from] {
            w.put(v);
        }
        w.table(&self.fail);
        w.table(&self.children);
        w.table(&self.column_in);
        w.table(&self.match_starts);
        w.table(&self.matches);
        w.put(self.row_reciprocal);
        w.len(self.dense_matches);
        w.put(self.repeats);
    }

    /// Reads what [`HybridDfa::write`] wrote.
    pub(crate) fn read(r: &mut Reader) -> Option<HybridDfa> {
        let columns = Box::new(<[u8; 256]>::try_from(&*r.table::<u8>()?).ok()?);
        Some(HybridDfa {
            columns,
            stride: r.len()?,
            trans: r.table()?,
            start: r.get()?,
            special_from: r.get()?,
            sparse_from: r.get()?,
            fail: r.table()?,
            children: r.table()?,
            column_in: r.table()?,
            match_starts: r.table()?,
            matches: r.table()?,
            row_reciprocal: r.get()?,
            dense_matches: r.len()?,
            repeats: r.get()?,
        })
    }

    /// The bytes held: tables and pattern lists.
    #[cfg(test)]
    pub(crate) fn heap_bytes(&self) -> usize {
        self.trans.len() * 4
            + self.fail.len() * 4
            + self.children.len() * 4
            + self.column_in.len()
            + self.match_starts.len() * 4
            + self.matches.len() * 4
    }

    /// The number of states with a dense row.
    #[cfg(test)]
    pub(crate) fn dense_len(&self) -> usize {
        self.trans.len() / self.stride
    }

    /// The state after `state` (a sparse state) on a byte of `column`, a repeat included (see
    /// [`HybridDfa::loop_on_repeats`]). Out of line and cold: the search loop that calls it
    /// stays small, and text spends most of its bytes in dense states.
    #[cold]
    #[inline(never)]
    fn step_from_sparse(&self, state: u32, column: u8) -> u32 {
        let k = (state - self.sparse_from) as usize;
        let repeats = self
            .repeats
            .checked_shr(u32::from(column))
            .is_some_and(|r| r & 1 != 0);
        if repeats && self.column_in[k] == column {
            return state;
        }
        self.step_sparse(state, column)
    }

    /// The state after `state` (a sparse state) on a byte of `column`.
    #[inline]
    fn step_sparse(&self, mut state: u32, column: u8) -> u32 {
        loop {
            if state < self.sparse_from {
                return self.trans[(state + u32::from(column)) as usize];
            }
            let k = (state - self.sparse_from) as usize;
            let (a, b) = (self.children[k] as usize, self.children[k + 1] as usize);
            if let Some(i) = self.column_in[a..b].iter().position(|&c| c == column) {
                return self.sparse_from + (a + i) as u32;
            }
            state = self.fail[k];
        }
    }

    /// The patterns that end at `state` (at or above `special_from`; none for a sparse state
    /// without a match).
    pub(crate) fn matches_at(&self, state: u32) -> &[u32] {
        let m = if state < self.sparse_from {
            // Dense match states' ids are multiples of `stride` from `special_from`: an exact
            // division, done as a multiplication (see `row_reciprocal`).
            ((u64::from(state - self.special_from) * self.row_reciprocal) >> 32) as usize
        } else {
            self.dense_matches + (state - self.sparse_from) as usize
        };
        &self.matches[self.match_starts[m] as usize..self.match_starts[m + 1] as usize]
    }

    /// Calls `f(pattern, end)` for every occurrence of a pattern in `haystack`, in order of
    /// end (`end` is exclusive, relative to `haystack`).
    pub(crate) fn for_each_match(&self, haystack: &[u8], mut f: impl FnMut(u32, usize)) {
        let (mut at, mut state) = (0, self.start);
        loop {
            // Dense states without a match: one load a byte, the state in a register.
            while state < self.special_from {
                let Some(&b) = haystack.get(at) else {
                    return;
                };
                state = self.trans[(state + u32::from(self.columns[usize::from(b)])) as usize];
                at += 1;
            }
            for &p in self.matches_at(state) {
                f(p, at);
            }
            let Some(&b) = haystack.get(at) else {
                return;
            };
            let column = self.columns[usize::from(b)];
            state = if state < self.sparse_from {
                self.trans[(state + u32::from(column)) as usize]
            } else {
                self.step_from_sparse(state, column)
            };
            at += 1;
        }
    }
}

/// The trie of the patterns, its states numbered breadth first, so that each state's children
/// are consecutive and every level's states follow the level before.
struct Bfs {
    /// Per state: its first child; the children of `q` are `first_child[q]..first_child[q + 1]`.
    first_child: Vec<u32>,
    parent: Vec<u32>,
    /// Per state: the column of the byte that enters it (0 for the root).
    label: Vec<u8>,
    /// Per state: the first pattern that ends there (`NONE` if none), then through
    /// `next_output`, in decreasing order of index.
    outputs: Vec<u32>,
    next_output: Vec<u32>,
}

impl Bfs {
    fn new(sorted: &Sorted, columns: &[u8; 256]) -> Bfs {
        // The trie, from the patterns in sorted order: each pattern shares with the one before
        // it the path of their common prefix, so no state's children are searched.
        let (patterns, order) = (sorted.patterns(), sorted.order());
        let (mut first, mut last, mut sibling) = (vec![NONE], vec![NONE], vec![NONE]);
        let mut label = vec![0u8];
        let mut outputs = vec![NONE];
        let mut next_output = vec![NONE; patterns.len()];
        let mut path: Vec<u32> = vec![0];
        let mut prev: &[u8] = &[];
        for &p in order {
            let pattern = patterns[p as usize];
            let common = pattern.iter().zip(prev).take_while(|(a, b)| a == b).count();
            path.truncate(common + 1);
            for &b in &pattern[common..] {
                let parent = *path.last().unwrap_or(&0) as usize;
                let s = label.len() as u32;
                label.push(columns[usize::from(b)]);
                first.push(NONE);
                last.push(NONE);
                sibling.push(NONE);
                outputs.push(NONE);
                if last[parent] == NONE {
                    first[parent] = s;
                } else {
                    sibling[last[parent] as usize] = s;
                }
                last[parent] = s;
                path.push(s);
            }
            let s = *path.last().unwrap_or(&0) as usize;
            next_output[p as usize] = outputs[s];
            outputs[s] = p;
            prev = pattern;
        }
        drop(last);
        // Breadth first: the children of each state, in the order they were made.
        let states = label.len();
        let mut bfs_order = Vec::with_capacity(states);
        bfs_order.push(0u32);
        let mut first_child = Vec::with_capacity(states + 1);
        let mut parent = vec![0u32; states];
        let mut k = 0;
        while k < bfs_order.len() {
            let s = bfs_order[k];
            first_child.push(bfs_order.len() as u32);
            let mut c = first[s as usize];
            while c != NONE {
                parent[bfs_order.len()] = k as u32;
                bfs_order.push(c);
                c = sibling[c as usize];
            }
            k += 1;
        }
        first_child.push(states as u32);
        drop((first, sibling));
        Bfs {
            label: bfs_order.iter().map(|&s| label[s as usize]).collect(),
            outputs: bfs_order.iter().map(|&s| outputs[s as usize]).collect(),
            first_child,
            parent,
            next_output,
        }
    }

    /// States per depth, the root's first.
    fn levels(&self) -> Vec<usize> {
        // The children of one level's states are the next level.
        let mut levels = vec![1usize];
        let mut level_end = 1usize;
        while level_end < self.label.len() {
            let next_end = self.first_child[level_end] as usize;
            levels.push(next_end - level_end);
            level_end = next_end;
        }
        levels
    }
}
