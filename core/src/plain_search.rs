//! The search that runs while the fast path writes plain text's matching form.
//!
//! Plain text's key has only ASCII lower-case letters, ASCII digits and the two boundary bytes,
//! so the patterns it can contain fit a small DFA over 37 symbols (the two boundaries share a
//! column: see [`PlainSearch::build`]), a [`HybridDfa`]: in the dense states near the root,
//! where text spends most of its bytes, the step is a table lookup through slices the fast
//! path's loop keeps in registers (a deeper, sparse state's id lies past the table, so the one
//! bounds check sends it out of line), and a possible match is one comparison.
//!
//! A pattern whose variants all need a word boundary before it (word, context and stem modes)
//! is searched with a boundary byte in front, and one whose variants all need one after it
//! (word and context modes) with a boundary byte behind: `ass` in `class` or `cock` in
//! `cocktail` then never reaches a match state, so it costs no hit to record and check. The
//! search starts as if after a boundary and takes one more boundary step at the end of the
//! text.

use crate::dfa::{HybridDfa, HybridSteps, Sorted};

use crate::normalize::{is_boundary_byte, KeySink};
use crate::table_bytes::{Reader, Table, Writer};

/// The bytes plain text's key is made of, in column order.
/// Every other byte (the hard boundary `'\n'`) is in the space's column.
const ALPHABET: &[u8; 37] = b" abcdefghijklmnopqrstuvwxyz0123456789";

/// A space and the letters `a` to `z` are [`ALPHABET`]'s first columns, so their column is
/// their low five bits.
const LETTER_COLUMNS: std::ops::RangeInclusive<usize> = 1..=26;

/// One automaton hit: pattern (of the full automaton), start and end in the key.
pub(crate) type Hit = (u32, u32, u32);

/// A pattern for [`PlainSearch::build`]: a key that can occur in plain text, the full
/// automaton's id for it, and whether every variant of it needs a word boundary before it and
/// after it (so a hit without one would be dropped when checked).
pub(crate) struct PlainPattern<'a> {
    pub key: &'a [u8],
    pub id: u32,
    pub boundary_before: bool,
    pub boundary_after: bool,
}

/// Bytes of dense rows the plain DFA holds at most: its states nearest the root, where a text
/// spends most of its bytes. With the bundled lists, the levels up to a space and seven
/// letters: 23,302 of 73,979 states, 3.4 MB, where every state dense took 10.9 MB (half of the
/// precompiled matcher, read at every start of the WebAssembly package). A budget of 2 MB (a
/// space and five letters) took a further 1.7 MB off but cost about 2-5% of `find`'s time on
/// tweets in sparse steps; this one costs none that could be measured.
const DENSE_BUDGET: usize = 4 << 20;

/// The plain DFA: a [`HybridDfa`] over [`ALPHABET`], and what its patterns stand for.
#[derive(Debug)]
pub(crate) struct PlainSearch {
    dfa: HybridDfa,
    /// The state after a boundary byte: where a text starts (its start is a word boundary).
    after_boundary: u32,
    /// Per DFA pattern: (pattern of the full automaton, bytes from the key's start to the DFA
    /// pattern's end, bytes after the key's end).
    ends: Vec<(u32, u32, u32)>,
    /// The keys that hold a boundary byte (phrases; an apostrophe is a hard boundary: `i'll`):
    /// the two boundaries share a column, so a hit of one of these is checked against its key
    /// ([`BoundaryKeys`]).
    with_boundaries: BoundaryKeys,
}

impl PlainSearch {
    /// The most memory [`PlainSearch::build`] takes for `patterns`, in bytes. Counted without
    /// making the patterns with their boundary bytes: those with one before put a boundary
    /// byte in front of their trie, and one after adds at most one state.
    pub(crate) fn estimate_bytes(patterns: &[PlainPattern]) -> usize {
        let trie = |before: bool| {
            let keys: Vec<&[u8]> = patterns
                .iter()
                .filter(|p| p.boundary_before == before)
                .map(|p| p.key)
                .collect();
            crate::dfa::trie_states(&keys) - 1
        };
        let after = patterns.iter().filter(|p| p.boundary_after).count();
        let states = 1 + trie(false) + 1 + trie(true) + after;
        // Its dense rows are the budget's at most; each pattern is copied with its boundary
        // bytes, then sorted: twice a pattern's bookkeeping.
        let dense = DENSE_BUDGET.min(states.saturating_mul(ALPHABET.len() * 4));
        crate::dfa::hybrid_build_bytes(dense, states, 2 * patterns.len())
    }

    /// Builds the search for `patterns` (see [`PlainPattern`]). `None` if the automaton would
    /// have 2^32 state ids or more.
    ///
    /// A soft boundary (`' '`) and a hard one (`'\n'`) are one column: a pattern that needs a
    /// boundary is searched once, with a space, not once per boundary byte (which doubled the
    /// table). So a pattern with a boundary inside it is found wherever either boundary stands
    /// there (`kill\nyou` for `kill you`, `i l` for `i\nl`); the caller drops those hits (see
    /// [`PlainSearch::drop_boundary_mismatches`]).
    pub(crate) fn build(patterns: &[PlainPattern]) -> Option<PlainSearch> {
        let (mut searched, ends) = with_boundaries(patterns);
        let space = ALPHABET.iter().position(|&b| b == b' ').unwrap_or(0) as u8;
        let mut columns = Box::new([space; 256]);
        for (column, &b) in ALPHABET.iter().enumerate() {
            columns[b as usize] = column as u8;
        }
        // The trie is built over the patterns' bytes: the hard boundary is written as the
        // space whose column it shares, or `i\nll` and `i ll` would be two paths of one column.
        for p in &mut searched {
            for b in p.iter_mut().filter(|b| !ALPHABET.contains(b)) {
                *b = b' ';
            }
        }
        let mut dfa = HybridDfa::build(
            &Sorted::new(&searched),
            columns,
            ALPHABET.len(),
            DENSE_BUDGET,
        )?;
        // A state entered on a letter steps to itself on that letter again. The key never has
        // two equal letters in a row, so this changes no search; it lets the fast path step on
        // every letter of a stretched word (`soo`) without asking which ones the key keeps.
        dfa.loop_on_repeats(LETTER_COLUMNS);
        let with_boundaries = BoundaryKeys::of(
            patterns
                .iter()
                .filter(|p| p.key.iter().any(|&b| is_boundary_byte(b)))
                .map(|p| (p.id, p.key)),
        );
        Some(PlainSearch {
            after_boundary: dfa.steps().next(dfa.start(), b' '),
            dfa,
            ends,
            with_boundaries,
        })
    }

    /// Writes the search for [`PlainSearch::read`].
    #[cfg_attr(not(test), allow(dead_code))] // the build script writes
    pub(crate) fn write(&self, w: &mut Writer) {
        self.dfa.write(w);
        w.put(self.after_boundary);
        let ends: Vec<u32> = self.ends.iter().flat_map(|&(a, b, c)| [a, b, c]).collect();
        w.table(&ends);
        self.with_boundaries.write(w);
    }

    /// Reads what [`PlainSearch::write`] wrote.
    pub(crate) fn read(r: &mut Reader) -> Option<PlainSearch> {
        let dfa = HybridDfa::read(r)?;
        let after_boundary = r.get()?;
        let ends = r
            .arrays::<3>()?
            .into_iter()
            .map(|[a, b, c]| (a, b, c))
            .collect();
        let with_boundaries = BoundaryKeys::read(r)?;
        Some(PlainSearch {
            dfa,
            after_boundary,
            ends,
            with_boundaries,
        })
    }

    /// Drops the hits whose key bytes differ from their pattern's: a boundary in the key where
    /// the pattern has the other one. Only a hit over a boundary byte can be one, and only of a
    /// pattern that has one.
    pub(crate) fn drop_boundary_mismatches(&self, key: &[u8], hits: &mut Vec<Hit>) {
        if self.with_boundaries.ids.is_empty() {
            return;
        }
        hits.retain(|&(p, i, j)| {
            let span = &key[i as usize..j as usize];
            if !span.iter().any(|&b| is_boundary_byte(b)) {
                return true;
            }
            self.with_boundaries.key(p).is_none_or(|k| k == span)
        });
    }

    /// Whether a pattern that `accept`s (given its id in the automaton) ends somewhere in
    /// `key`, searched as a key that starts after a word boundary (as words of letters, digits
    /// and spaces do). Linear: one step per byte, and a look at the patterns of each state that
    /// may have some (every sparse state may: most have none).
    pub(crate) fn finds_in(&self, key: &[u8], accept: impl Fn(u32) -> bool) -> bool {
        let steps = self.dfa.steps();
        let mut state = self.after_boundary;
        key.iter().any(|&b| {
            state = steps.next(state, b);
            steps.is_match(state)
                && self
                    .dfa
                    .matches_at(state)
                    .iter()
                    .any(|&p| accept(self.ends[p as usize].0))
        })
    }

    /// A sink that searches the key bytes given to it, recording hits in `hits` and the key
    /// ranges the general passes wrote in `general` (both cleared first).
    pub(crate) fn sink<'a>(
        &'a self,
        hits: &'a mut Vec<Hit>,
        general: &'a mut Vec<(u32, u32)>,
    ) -> PlainSink<'a> {
        hits.clear();
        general.clear();
        PlainSink {
            search: self,
            state: self.after_boundary,
            hits,
            general,
        }
    }
}

/// Keys by pattern id, in order of id, in three tables read in place from precompiled bytes
/// (a boxed key each took a fifth of the precompiled matcher's load).
#[derive(Debug)]
struct BoundaryKeys {
    ids: Table<u32>,
    /// Per key: its end in `bytes` (it starts where the one before ends).
    ends: Table<u32>,
    bytes: Table<u8>,
}

impl BoundaryKeys {
    fn of<'a>(keys: impl Iterator<Item = (u32, &'a [u8])>) -> BoundaryKeys {
        let mut keys: Vec<(u32, &[u8])> = keys.collect();
        keys.sort_unstable_by_key(|&(id, _)| id);
        let (mut ids, mut ends, mut bytes) = (Vec::new(), Vec::new(), Vec::new());
        for (id, key) in keys {
            ids.push(id);
            bytes.extend_from_slice(key);
            ends.push(bytes.len() as u32);
        }
        BoundaryKeys {
            ids: Table::Owned(ids),
            ends: Table::Owned(ends),
            bytes: Table::Owned(bytes),
        }
    }

    /// The key of pattern `id`, if it has one here.
    fn key(&self, id: u32) -> Option<&[u8]> {
        let k = self.ids.binary_search(&id).ok()?;
        let start = k.checked_sub(1).map_or(0, |k| self.ends[k]) as usize;
        self.bytes.get(start..self.ends[k] as usize)
    }

    fn write(&self, w: &mut Writer) {
        w.table(&self.ids);
        w.table(&self.ends);
        w.table(&self.bytes);
    }

    /// `None` unless there is an end per id and the ends go up within the bytes.
    fn read(r: &mut Reader) -> Option<BoundaryKeys> {
        let keys = BoundaryKeys {
            ids: r.table()?,
            ends: r.table()?,
            bytes: r.table()?,
        };
        let ordered = keys.ends.windows(2).all(|w| w[0] <= w[1]);
        let within = keys
            .ends
            .last()
            .is_none_or(|&e| e as usize <= keys.bytes.len());
        (keys.ids.len() == keys.ends.len() && ordered && within).then_some(keys)
    }
}

/// Each pattern with the boundary bytes it needs, and per
/// pattern searched: (pattern of the full automaton, bytes from the key's start to the
/// searched pattern's end, bytes after the key's end).
#[allow(clippy::type_complexity)]
fn with_boundaries(patterns: &[PlainPattern]) -> (Vec<Vec<u8>>, Vec<(u32, u32, u32)>) {
    let (mut searched, mut ends) = (Vec::new(), Vec::new());
    let boundary: &[Option<u8>] = &[Some(b' ')];
    for p in patterns {
        let before = if p.boundary_before { boundary } else { &[None] };
        let after = if p.boundary_after { boundary } else { &[None] };
        for &b in before {
            for &a in after {
                let bytes: Vec<u8> = b
                    .into_iter()
                    .chain(p.key.iter().copied())
                    .chain(a)
                    .collect();
                let back = u32::from(a.is_some());
                searched.push(bytes);
                ends.push((p.id, p.key.len() as u32 + back, back));
            }
        }
    }
    (searched, ends)
}

/// Feeds key bytes to a [`PlainSearch`] and records its hits: every occurrence of a pattern
/// inside the plain stretches of the key. Occurrences that reach into a range the general
/// passes wrote are left to the full automaton (see `Matcher::search_general`).
pub(crate) struct PlainSink<'a> {
    search: &'a PlainSearch,
    state: u32,
    hits: &'a mut Vec<Hit>,
    general: &'a mut Vec<(u32, u32)>,
}

/// What the fast path's loop holds while it searches: the table and the state.
#[derive(Clone, Copy)]
pub(crate) struct Stepper<'a> {
    steps: HybridSteps<'a>,
    state: u32,
}

impl<'a> KeySink for PlainSink<'a> {
    type Local = Stepper<'a>;

    #[inline(always)]
    fn local(&self) -> Stepper<'a> {
        let s = self.search;
        Stepper {
            steps: s.dfa.steps(),
            state: self.state,
        }
    }

    #[inline(always)]
    fn step(local: &mut Stepper<'a>, byte: u8) -> bool {
        local.state = local.steps.next(local.state, byte);
        local.steps.is_match(local.state)
    }

    /// A letter's or a space's column is its low five bits ([`LETTER_COLUMNS`]): no look-up.
    #[inline(always)]
    fn step_letter(local: &mut Stepper<'a>, byte: u8) -> bool {
        local.state = local
            .steps
            .next_in_column(local.state, usize::from(byte & 0x1f));
        local.steps.is_match(local.state)
    }

    /// Records the patterns of the match state just entered.
    #[cold]
    #[inline(never)]
    fn record(&mut self, local: Stepper<'a>, end: usize) {
        let s = self.search;
        let end = end as u32;
        let hit = |&p: &u32| {
            let (id, back, after) = s.ends[p as usize];
            (id, end - back, end - after)
        };
        let patterns = s.dfa.matches_at(local.state);
        // A repeated letter steps the state to itself and reports its hits again, at the end
        // the letter before it reported them (see `KeySink::step_letter`).
        if patterns
            .last()
            .map(hit)
            .is_some_and(|h| self.hits.last() == Some(&h))
        {
            return;
        }
        self.hits.extend(patterns.iter().map(hit));
    }

    #[inline(always)]
    fn store(&mut self, local: Stepper<'a>) {
        self.state = local.state;
    }

    /// Drops the hits that end at or past `from` (hits come in order of end; the boundary
    /// after one that ends at `from` may not have been seen), notes the range and starts afresh
    /// at `to` (the key byte there is a boundary, or the key starts there): the search then
    /// sees only plain key bytes. A range noted before that the new one writes over (a word of
    /// letters and digits, then a stretch for the general passes from before it) is dropped or
    /// merged, so the ranges stay in order and apart.
    fn replaced(&mut self, from: usize, to: usize) {
        let mut from = from as u32;
        while let Some(&(a, b)) = self.general.last() {
            if b <= from && a < from {
                break;
            }
            from = from.min(a);
            self.general.pop();
        }
        while self.hits.last().is_some_and(|h| h.2 >= from) {
            self.hits.pop();
        }
        self.general.push((from, to as u32));
        let s = self.search;
        self.state = if to == 0 {
            s.after_boundary
        } else {
            s.dfa.start()
        };
    }

    /// The end of the text is a word boundary: one more boundary step.
    fn finish(&mut self, end: usize) {
        let mut local = self.local();
        if Self::step(&mut local, b' ') {
            self.record(local, end + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{BoundaryKeys, PlainPattern, PlainSearch, PlainSink};
    use crate::normalize::KeySink;
    use crate::table_bytes::{Reader, Writer};

    /// The hits of `search` in `key`, fed as the fast path feeds it.
    fn hits(search: &PlainSearch, key: &[u8]) -> Vec<(u32, u32, u32)> {
        let (mut hits, mut general) = (Vec::new(), Vec::new());
        let mut sink = search.sink(&mut hits, &mut general);
        let mut local = sink.local();
        for (k, &b) in key.iter().enumerate() {
            if PlainSink::step(&mut local, b) {
                sink.record(local, k + 1);
            }
        }
        sink.store(local);
        sink.finish(key.len());
        search.drop_boundary_mismatches(key, &mut hits);
        hits
    }

    #[test]
    fn a_hard_boundary_inside_a_pattern_shares_the_space_s_path() {
        // `i'll` is `i\nl`: the two boundaries are one column, so the trie must not hold two
        // paths for them (the hard one was missed when it did).
        let pattern = |key: &'static [u8], id| PlainPattern {
            key,
            id,
            boundary_before: true,
            boundary_after: true,
        };
        let patterns = [pattern(b"i\nl kil you", 7), pattern(b"i l kil", 9)];
        let search = PlainSearch::build(&patterns).expect("small");
        assert_eq!(hits(&search, b"so i\nl kil you"), [(7, 3, 14)]);
        assert_eq!(hits(&search, b"i l kil it"), [(9, 0, 7)]);
    }

    fn read(bytes: Vec<u8>) -> Option<BoundaryKeys> {
        BoundaryKeys::read(&mut Reader::new(Box::leak(bytes.into_boxed_slice())))
    }

    #[test]
    fn boundary_keys_are_found_by_id_and_read_back() {
        let keys =
            BoundaryKeys::of([(7, &b"kill you"[..]), (2, b"son of"), (9, b"i\nll")].into_iter());
        let mut w = Writer::default();
        keys.write(&mut w);
        let read = read(w.into_bytes()).expect("written keys read");
        for k in [&keys, &read] {
            assert_eq!(k.key(2), Some(&b"son of"[..]));
            assert_eq!(k.key(7), Some(&b"kill you"[..]));
            assert_eq!(k.key(9), Some(&b"i\nll"[..]));
            assert_eq!(k.key(3), None);
        }
    }

    #[test]
    fn malformed_boundary_keys_are_refused() {
        let write = |ids: &[u32], ends: &[u32], bytes: &[u8]| {
            let mut w = Writer::default();
            w.table(ids);
            w.table(ends);
            w.table(bytes);
            w.into_bytes()
        };
        assert!(read(write(&[1, 2], &[3, 5], b"abcde")).is_some());
        // An end past the bytes, ends going down, an id without an end.
        assert!(read(write(&[1, 2], &[3, 6], b"abcde")).is_none());
        assert!(read(write(&[1, 2], &[4, 3], b"abcde")).is_none());
        assert!(read(write(&[1, 2], &[5], b"abcde")).is_none());
    }
}
