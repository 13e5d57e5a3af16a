//! Aho-Corasick automata as dense DFAs, built straight from the patterns' trie.
//!
//! Both searches of the matcher (the plain DFA fed while the fast path writes the key, and the
//! full automaton over what the general passes wrote) are tables of this shape: one row per
//! state, one column per class of bytes, state ids premultiplied by the row length so a step
//! is one add and one load, and match states numbered last so one comparison tells them
//! apart. Building the table in one breadth-first pass over the trie (a missing transition is
//! the failure state's, whose row is already complete) is several times faster than building
//! the `aho-corasick` crate's DFA and copying it, which mattered for the matcher's build time.

use aho_corasick::{AhoCorasick, BuildError, MatchKind};

/// A dense DFA that reports every occurrence of every pattern (overlapping matches).
#[derive(Debug)]
pub(crate) struct DenseDfa {
    /// Per byte: its column.
    pub columns: Box<[u8; 256]>,
    /// Columns per row.
    pub stride: usize,
    /// Row after row: the next state (a premultiplied id) per column.
    pub trans: Vec<u32>,
    pub start: u32,
    /// States at or above this one are match states.
    pub match_from: u32,
    /// Per match state, in order: where its patterns start in `matches` (one more entry at the
    /// end).
    pub match_starts: Vec<u32>,
    /// The patterns (indices into the patterns given) that end at each match state, one state
    /// after another.
    pub matches: Vec<u32>,
    /// `ceil(2^32 / stride)`: for a multiple `d` of `stride` below `2^32` (every id is),
    /// `d * row_reciprocal >> 32` is `d / stride`.
    pub row_reciprocal: u64,
}

/// The largest table [`FullSearch`] builds, in entries (256 MiB): a list so large that its
/// table would be bigger is searched another way.
pub(crate) const MAX_ENTRIES: usize = 1 << 26;

/// Bytes per state that building a [`DenseDfa`] takes besides its table: failure states, the
/// breadth-first order, the new numbering and its inverse, outputs.
pub(crate) const DENSE_BYTES_PER_STATE: usize = 40;

/// Bytes per trie state that building the `aho-corasick` crate's automaton takes at its peak
/// (its trie and the compact automaton made from it), measured on lists of 100,000 words.
const CRATE_BYTES_PER_STATE: usize = 100;

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
            trans: table,
            start: row[0],
            match_from: (plain.len() * stride) as u32,
            match_starts,
            matches,
            row_reciprocal: (1u64 << 32).div_ceil(stride as u64),
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
    #[inline]
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

/// How many states the trie of `patterns` has, the root included (at most: a DFA whose columns
/// join bytes has fewer). Known before a table is allocated, so an automaton too large is
/// refused first (see `MatcherBuilder::limits`) and a table is allocated once at its size.
pub(crate) fn trie_states(patterns: &[&[u8]]) -> usize {
    let mut sorted = patterns.to_vec();
    sorted.sort_unstable();
    let mut prev: &[u8] = &[];
    let mut states = 1;
    for p in sorted {
        let common = p.iter().zip(prev).take_while(|(a, b)| a == b).count();
        states += p.len() - common;
        prev = p;
    }
    states
}

/// The most of `patterns` that end at one place of a text: over every pattern, how many of the
/// patterns are suffixes of it (itself included). A search reports that many hits at a place,
/// so it bounds the hits per byte of text. Linear in the patterns' length: the reversed
/// patterns in order, with a stack of those that begin the current one. Also returns the
/// index of a pattern with that many suffixes (0 without patterns).
pub(crate) fn max_nesting(patterns: &[&[u8]]) -> (usize, usize) {
    let reversed: Vec<Vec<u8>> = patterns
        .iter()
        .map(|p| p.iter().rev().copied().collect())
        .collect();
    let mut order: Vec<usize> = (0..patterns.len()).collect();
    order.sort_unstable_by(|&a, &b| reversed[a].cmp(&reversed[b]));
    let mut stack: Vec<&[u8]> = Vec::new();
    let mut most = (0, 0);
    for k in order {
        let r = &reversed[k][..];
        while stack.last().is_some_and(|top| !r.starts_with(top)) {
            stack.pop();
        }
        if stack.last() != Some(&r) {
            stack.push(r);
        }
        if stack.len() > most.0 {
            most = (stack.len(), k);
        }
    }
    most
}

/// Every pattern over any key (see `Matcher::search_general`): a [`DenseDfa`], or for lists
/// whose table would be too large, the `aho-corasick` crate's automaton.
#[derive(Debug)]
pub(crate) enum FullSearch {
    Dense {
        dfa: DenseDfa,
        /// Per pattern: its length.
        lens: Vec<u32>,
    },
    Crate(AhoCorasick),
}

impl FullSearch {
    /// The search for `patterns`, dense unless its table would pass [`MAX_ENTRIES`].
    pub(crate) fn build<P: AsRef<[u8]>>(patterns: &[P]) -> Result<FullSearch, BuildError> {
        FullSearch::build_within(patterns, MAX_ENTRIES)
    }

    /// The most memory [`FullSearch::build`] takes for `patterns`, in bytes: a dense table and
    /// its building's bookkeeping per state; the crate's automaton is estimated per state.
    pub(crate) fn estimate_bytes<P: AsRef<[u8]>>(patterns: &[P]) -> usize {
        let slices: Vec<&[u8]> = patterns.iter().map(AsRef::as_ref).collect();
        let states = trie_states(&slices);
        match columns_of(&slices) {
            Some((_, stride)) if states.saturating_mul(stride) <= MAX_ENTRIES => {
                states * (stride * 4 + DENSE_BYTES_PER_STATE)
            }
            _ => states.saturating_mul(CRATE_BYTES_PER_STATE),
        }
    }

    /// [`FullSearch::build`] with a dense table of at most `max_entries` entries.
    fn build_within<P: AsRef<[u8]>>(
        patterns: &[P],
        max_entries: usize,
    ) -> Result<FullSearch, BuildError> {
        let slices: Vec<&[u8]> = patterns.iter().map(AsRef::as_ref).collect();
        let dense = columns_of(&slices)
            .and_then(|(columns, stride)| DenseDfa::build(&slices, columns, stride, max_entries));
        if let Some(dfa) = dense {
            let lens = slices.iter().map(|p| p.len() as u32).collect();
            return Ok(FullSearch::Dense { dfa, lens });
        }
        AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&slices)
            .map(FullSearch::Crate)
    }

    /// Calls `f(pattern, start, end)` for every occurrence of a pattern in `haystack`, in order
    /// of end.
    pub(crate) fn for_each_match(&self, haystack: &[u8], mut f: impl FnMut(u32, usize, usize)) {
        match self {
            FullSearch::Dense { dfa, lens } => dfa.for_each_match(haystack, |p, end| {
                f(p, end - lens[p as usize] as usize, end)
            }),
            FullSearch::Crate(ac) => {
                for m in ac.find_overlapping_iter(haystack) {
                    f(m.pattern().as_u32(), m.start(), m.end());
                }
            }
        }
    }
}

/// Columns for `patterns`: one per byte that occurs in them, and column 0 for every other byte
/// (which no pattern can step on). `None` if all 256 bytes occur (never in UTF-8 keys, which
/// hold no `0xC0`, `0xC1` or `0xF5`–`0xFF`).
pub(crate) fn columns_of(patterns: &[&[u8]]) -> Option<(Box<[u8; 256]>, usize)> {
    let mut seen = [false; 256];
    for p in patterns {
        for &b in p.iter() {
            seen[usize::from(b)] = true;
        }
    }
    let mut columns = Box::new([0u8; 256]);
    let mut stride = 1;
    for b in 0..256 {
        if seen[b] {
            columns[b] = stride as u8;
            stride += 1;
        }
    }
    (stride <= 256).then_some((columns, stride))
}

#[cfg(test)]
mod tests {
    use super::{columns_of, DenseDfa, FullSearch};
    use aho_corasick::{AhoCorasick, MatchKind};
    use proptest::prelude::*;

    fn overlapping(dfa: &DenseDfa, patterns: &[&[u8]], text: &[u8]) -> Vec<(u32, usize, usize)> {
        let mut out = Vec::new();
        dfa.for_each_match(text, |p, end| {
            out.push((p, end - patterns[p as usize].len(), end))
        });
        out.sort_unstable_by_key(|&(p, i, j)| (j, i, p));
        out
    }

    #[test]
    fn nesting_counts_the_patterns_ending_at_one_place() {
        let patterns: [&[u8]; 5] = [b"ass", b"badass", b"ss", b"asshole", b"xq"];
        assert_eq!(super::max_nesting(&patterns), (3, 1));
        let nested: Vec<Vec<u8>> = (1..=20).map(|k| b"xq".repeat(k)).collect();
        let nested: Vec<&[u8]> = nested.iter().map(Vec::as_slice).collect();
        assert_eq!(super::max_nesting(&nested), (20, 19));
    }

    #[test]
    fn the_trie_size_is_known_before_building() {
        let patterns: [&[u8]; 4] = [b"abc", b"ab", b"b", b"abd"];
        assert_eq!(super::trie_states(&patterns), 6);
        let (columns, stride) = columns_of(&patterns).expect("columns");
        let dfa = DenseDfa::build(&patterns, columns.clone(), stride, usize::MAX).expect("dfa");
        assert_eq!(dfa.trans.len(), 6 * stride);
        // One entry short of the table: refused.
        assert!(DenseDfa::build(&patterns, columns, stride, 6 * stride - 1).is_none());
    }

    #[test]
    fn reports_every_occurrence_including_patterns_inside_others() {
        let patterns: Vec<&[u8]> = vec![b"he", b"she", b"his", b"hers", b"e"];
        let (columns, stride) = columns_of(&patterns).expect("few bytes");
        let dfa = DenseDfa::build(&patterns, columns, stride, 1000).expect("small");
        assert_eq!(
            overlapping(&dfa, &patterns, b"ushers"),
            [(1, 1, 4), (0, 2, 4), (4, 3, 4), (3, 2, 6)]
        );
    }

    #[test]
    fn a_list_too_large_for_a_dense_table_is_searched_all_the_same() {
        let patterns: Vec<Vec<u8>> = ["he", "she", "his", "hers", "e"]
            .iter()
            .map(|p| p.as_bytes().to_vec())
            .collect();
        let hits = |search: &FullSearch| {
            let mut out = Vec::new();
            search.for_each_match(b"ushers his", |p, i, j| out.push((p, i, j)));
            out.sort_unstable();
            out
        };
        let dense = FullSearch::build_within(&patterns, 1000).expect("dense");
        let small = FullSearch::build_within(&patterns, 20).expect("other");
        assert!(matches!(dense, FullSearch::Dense { .. }));
        assert!(matches!(small, FullSearch::Crate(_)));
        assert_eq!(hits(&dense).len(), 5);
        assert_eq!(hits(&dense), hits(&small));
    }

    proptest! {
        /// The same occurrences as the `aho-corasick` crate's overlapping search.
        #[test]
        fn equals_aho_corasick(
            patterns in prop::collection::vec("[abc ]{1,5}", 1..20),
            text in "[abcd ]{0,60}",
        ) {
            let patterns: Vec<&[u8]> = patterns.iter().map(|p| p.as_bytes()).collect();
            let (columns, stride) = columns_of(&patterns).expect("few bytes");
            let dfa = DenseDfa::build(&patterns, columns, stride, 1 << 16).expect("small");
            let ac = AhoCorasick::builder().match_kind(MatchKind::Standard).build(&patterns).expect("ac");
            let mut want: Vec<(u32, usize, usize)> = ac
                .find_overlapping_iter(text.as_bytes())
                .map(|m| (m.pattern().as_u32(), m.start(), m.end()))
                .collect();
            want.sort_unstable_by_key(|&(p, i, j)| (j, i, p));
            prop_assert_eq!(overlapping(&dfa, &patterns, text.as_bytes()), want);
        }
    }
}
