//! Aho-Corasick automata built straight from the patterns' trie.
//!
//! The matcher has two searches, both [`HybridDfa`]s (dense rows near the root, sparse states
//! below, so a large list's automaton stays a few megabytes): the plain DFA that the fast path
//! feeds while it writes the key (`PlainSearch`: in a dense state the step is one add and one
//! load), and the full automaton over what the general passes wrote ([`FullSearch`]).
//! Building the tables in one breadth-first pass over the trie (a missing transition is the
//! failure state's, which is complete by then) is several times faster than building the
//! `aho-corasick` crate's DFA and copying it, which mattered for the matcher's build time.

mod hybrid;
mod patterns;

pub(crate) use hybrid::{HybridDfa, HybridSteps};
use patterns::trie_levels;
pub(crate) use patterns::{max_nesting, trie_states, Sorted};

use crate::table_bytes::{Reader, Table, Writer};

/// Every pattern over any key (see `Matcher::search_general`).
#[derive(Debug)]
pub(crate) struct FullSearch {
    dfa: HybridDfa,
    /// Per pattern: its length.
    lens: Table<u32>,
}

/// The error of a list whose automaton would have more state ids than a `u32` holds.
#[derive(Debug)]
pub(crate) struct TooManyStates;

impl std::fmt::Display for TooManyStates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the automaton would have 2^32 states or more")
    }
}

impl FullSearch {
    /// The search for `patterns`.
    pub(crate) fn build(patterns: &Sorted) -> Result<FullSearch, TooManyStates> {
        FullSearch::build_within(patterns, hybrid::DENSE_BUDGET)
    }

    /// The most memory [`FullSearch::build`] takes for `patterns`, in bytes (see
    /// [`hybrid_build_bytes`]).
    pub(crate) fn estimate_bytes(patterns: &Sorted) -> usize {
        let levels = trie_levels(patterns);
        let states: usize = levels.iter().sum();
        let stride = full_columns(patterns.patterns()).1;
        let dense = hybrid::dense_states(&levels, stride, hybrid::DENSE_BUDGET);
        hybrid_build_bytes(dense * stride * 4, states, patterns.patterns().len())
    }

    /// [`FullSearch::build`] with at most `budget` bytes of dense rows.
    fn build_within(patterns: &Sorted, budget: usize) -> Result<FullSearch, TooManyStates> {
        let (columns, stride) = full_columns(patterns.patterns());
        let dfa = HybridDfa::build(patterns, columns, stride, budget).ok_or(TooManyStates)?;
        let lens = patterns.patterns().iter().map(|p| p.len() as u32).collect();
        Ok(FullSearch {
            dfa,
            lens: Table::Owned(lens),
        })
    }

    /// Writes the search for [`FullSearch::read`].
    #[cfg_attr(not(test), allow(dead_code))] // the build script writes
    pub(crate) fn write(&self, w: &mut Writer) {
        self.dfa.write(w);
        w.table(&self.lens);
    }

    /// Reads what [`FullSearch::write`] wrote.
    pub(crate) fn read(r: &mut Reader) -> Option<FullSearch> {
        Some(FullSearch {
            dfa: HybridDfa::read(r)?,
            lens: r.table()?,
        })
    }

    /// The bytes held: the automaton and the pattern lengths.
    #[cfg(test)]
    pub(crate) fn heap_bytes(&self) -> usize {
        self.dfa.heap_bytes() + self.lens.len() * 4
    }

    /// The number of states with a dense row.
    #[cfg(test)]
    pub(crate) fn dense_rows(&self) -> usize {
        self.dfa.dense_len()
    }

    /// Calls `f(pattern, start, end)` for every occurrence of a pattern in `haystack`, in order
    /// of end.
    pub(crate) fn for_each_match(&self, haystack: &[u8], mut f: impl FnMut(u32, usize, usize)) {
        let lens = &self.lens;
        self.dfa.for_each_match(haystack, |p, end| {
            f(p, end - lens[p as usize] as usize, end)
        });
    }
}

/// The most memory building a [`HybridDfa`] with `dense_bytes` of dense rows, `states` states
/// and `patterns` patterns takes, in bytes: the rows twice (built, then renumbered into a
/// copy), bookkeeping per state and per pattern.
pub(crate) fn hybrid_build_bytes(dense_bytes: usize, states: usize, patterns: usize) -> usize {
    2 * dense_bytes
        + states.saturating_mul(hybrid::BUILD_BYTES_PER_STATE)
        + patterns.saturating_mul(hybrid::BUILD_BYTES_PER_PATTERN)
}

/// [`columns_of`], or if every byte occurs in `patterns`, each byte its own column.
fn full_columns(patterns: &[&[u8]]) -> (Box<[u8; 256]>, usize) {
    columns_of(patterns).unwrap_or_else(|| {
        let mut columns = Box::new([0u8; 256]);
        for (b, c) in columns.iter_mut().enumerate() {
            *c = b as u8;
        }
        (columns, 256)
    })
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
    use super::{columns_of, FullSearch, HybridDfa, Sorted};
    use aho_corasick::{AhoCorasick, MatchKind};
    use proptest::prelude::*;

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
        let dfa = HybridDfa::build(&Sorted::new(&patterns), columns, stride, usize::MAX);
        assert_eq!(dfa.expect("dfa").dense_len(), 6);
    }

    /// Hits of `patterns` in `text`, sorted, from a full search with `budget` bytes of rows.
    fn full_hits(patterns: &[&[u8]], budget: usize, text: &[u8]) -> Vec<(u32, usize, usize)> {
        let search = FullSearch::build_within(&Sorted::new(patterns), budget).expect("search");
        let mut out = Vec::new();
        search.for_each_match(text, |p, i, j| out.push((p, i, j)));
        out.sort_unstable_by_key(|&(p, i, j)| (j, i, p));
        out
    }

    #[test]
    fn deep_states_are_sparse_and_find_the_same() {
        let patterns: Vec<&[u8]> = vec![b"he", b"she", b"his", b"hers", b"e", b"shell"];
        let (columns, stride) = columns_of(&patterns).expect("few bytes");
        // Rows for the root alone, for two levels, for every state.
        for (budget, dense) in [(0, 1), (4 * stride * 4, 4), (1 << 20, 13)] {
            let dfa = HybridDfa::build(&Sorted::new(&patterns), columns.clone(), stride, budget)
                .expect("dfa");
            assert_eq!(dfa.dense_len(), dense, "budget {budget}");
            assert_eq!(
                full_hits(&patterns, budget, b"ushers shells his"),
                [
                    (1, 1, 4),
                    (0, 2, 4),
                    (4, 3, 4),
                    (3, 2, 6),
                    (1, 7, 10),
                    (0, 8, 10),
                    (4, 9, 10),
                    (5, 7, 12),
                    (2, 14, 17)
                ]
            );
        }
    }

    #[test]
    fn a_long_list_holds_few_dense_rows() {
        // 20,000 words of 8 letters: a dense table would take 20,000 * 7 rows of 27 columns
        // (15 MB); the sparse states take about 13 bytes each.
        let words: Vec<Vec<u8>> = (0..20_000u32)
            .map(|i| {
                (0..8)
                    .map(|k| b'a' + ((i.wrapping_mul(2_654_435_761) >> (3 * k)) % 26) as u8)
                    .collect()
            })
            .collect();
        let slices: Vec<&[u8]> = words.iter().map(Vec::as_slice).collect();
        let (columns, stride) = columns_of(&slices).expect("letters");
        let dfa = HybridDfa::build(&Sorted::new(&slices), columns, stride, 1 << 20).expect("dfa");
        let states = super::trie_states(&slices);
        assert!(
            dfa.heap_bytes() < (1 << 20) + states * 20,
            "{}",
            dfa.heap_bytes()
        );
        assert_eq!(
            super::trie_levels(&Sorted::new(&slices))
                .iter()
                .sum::<usize>(),
            states
        );
        let text = [slices[7], b" ", slices[19_999]].concat();
        let hits = full_hits(&slices, 1 << 20, &text);
        assert!(
            hits.contains(&(7, 0, 8)) && hits.contains(&(19_999, 9, 17)),
            "{hits:?}"
        );
    }

    proptest! {
        /// The same occurrences as the `aho-corasick` crate's overlapping search.
        #[test]
        fn equals_aho_corasick(
            patterns in prop::collection::vec("[abc ]{1,5}", 1..20),
            text in "[abcd ]{0,60}",
            budget in 0usize..2000,
        ) {
            let patterns: Vec<&[u8]> = patterns.iter().map(|p| p.as_bytes()).collect();
            let ac = AhoCorasick::builder().match_kind(MatchKind::Standard).build(&patterns).expect("ac");
            let mut want: Vec<(u32, usize, usize)> = ac
                .find_overlapping_iter(text.as_bytes())
                .map(|m| (m.pattern().as_u32(), m.start(), m.end()))
                .collect();
            want.sort_unstable_by_key(|&(p, i, j)| (j, i, p));
            // The full search, with rows for the root only, for a few levels and for all.
            for budget in [0, budget, 1 << 20] {
                prop_assert_eq!(full_hits(&patterns, budget, text.as_bytes()), want.clone());
            }
        }

        /// A DFA that loops on repeated letters, stepped over a key whose letters are
        /// stretched, is where it is after the key's letter on every repeat: in dense and in
        /// sparse states alike.
        #[test]
        fn a_repeated_letter_leaves_the_state_where_it_was(
            patterns in prop::collection::vec("[abc ]{1,6}", 1..20),
            key in "[abc ]{0,40}",
            stretch in prop::collection::vec(1usize..4, 40),
            budget in 0usize..2000,
        ) {
            // Keys (patterns' and text's) never repeat a letter.
            let collapse = |s: &str| {
                let mut out: Vec<u8> = Vec::new();
                for b in s.bytes() {
                    if b == b' ' || out.last() != Some(&b) {
                        out.push(b);
                    }
                }
                out
            };
            let patterns: Vec<Vec<u8>> = patterns.iter().map(|p| collapse(p)).collect();
            let key = collapse(&key);
            let mut columns = Box::new([0u8; 256]);
            for (c, b) in b"abc".iter().enumerate() {
                columns[usize::from(*b)] = c as u8 + 1;
            }
            let mut dfa = HybridDfa::build(&Sorted::new(&patterns), columns, 4, budget)
                .expect("dfa");
            dfa.loop_on_repeats(1..=3);
            let steps = dfa.steps();
            let (mut plain, mut stretched) = (dfa.start(), dfa.start());
            for (k, &b) in key.iter().enumerate() {
                plain = steps.next(plain, b);
                let times = if b == b' ' { 1 } else { stretch[k] };
                for _ in 0..times {
                    stretched = steps.next(stretched, b);
                    prop_assert_eq!(stretched, plain);
                }
            }
        }
    }
}
