//! Allow words (`scunthorpe`, `shiitake`): benign words that contain a listed term.
//!
//! An allow word covers the terms found inside its own letters: `cunt` in `Scunthorpe` is
//! covered, but neither `fuck` in `scunthorpefuck` nor `asshole` in `pornimasshole` (the name
//! `Pornima` is an allow word), so gluing a term to an allow word does not hide it.
//!
//! A term's key then lies inside the allow word's key, at a place known when the matcher is
//! built, so allow words need not be searched for in the text: a candidate compares the key
//! before it with the allow words that have its term ([`AllowWords`]); most terms are in none,
//! and cost nothing. The automata leave out patterns that only allow words have, so benign
//! words (`assessment`, `analysis`, `Scunthorpe`) cost the search nothing unless a term is
//! found in them.

use crate::dfa::FullSearch;
use crate::table_bytes::{Reader, Writer};

/// For each automaton pattern, the allow words that have its key, and where.
#[derive(Debug)]
pub(crate) struct AllowWords {
    /// Per automaton pattern: its range of `places`.
    starts: Vec<u32>,
    /// `(allow word, distance)`: the allow word (an index into `words`) has the pattern's key
    /// `distance` bytes into its own.
    places: Vec<(u32, u32)>,
    /// Per allow word: its pattern and its key's range of `bytes`.
    words: Vec<(u32, u32, u32)>,
    bytes: Vec<u8>,
    /// The longest allow word, in key bytes.
    longest: usize,
}

impl AllowWords {
    /// The places of `allows` (`(pattern, key)` of each pattern that allow words have) for the
    /// `patterns` patterns that `automaton` searches: each allow word's key is searched once.
    /// An allow word's own pattern at distance 0 is left out: checking a hit of the pattern
    /// checks its allow words there. `None` without allow words.
    pub(crate) fn build<'a>(
        automaton: &FullSearch,
        patterns: usize,
        allows: impl IntoIterator<Item = (u32, &'a [u8])>,
    ) -> Option<AllowWords> {
        let (mut words, mut bytes, mut found) = (Vec::new(), Vec::new(), Vec::new());
        let mut longest = 0;
        for (pattern, key) in allows {
            let word = words.len() as u32;
            automaton.for_each_match(key, |p, i, _| {
                if p != pattern || i != 0 {
                    found.push((p, word, i as u32));
                }
            });
            words.push((
                pattern,
                bytes.len() as u32,
                (bytes.len() + key.len()) as u32,
            ));
            bytes.extend_from_slice(key);
            longest = longest.max(key.len());
        }
        if words.is_empty() {
            return None;
        }
        found.sort_unstable();
        found.dedup();
        let mut starts = Vec::with_capacity(patterns + 1);
        let mut k = 0;
        for p in 0..patterns as u32 {
            starts.push(k as u32);
            while k < found.len() && found[k].0 == p {
                k += 1;
            }
        }
        starts.push(k as u32);
        Some(AllowWords {
            starts,
            places: found.iter().map(|&(_, w, d)| (w, d)).collect(),
            words,
            bytes,
            longest,
        })
    }

    /// Writes the allow words for [`AllowWords::read`].
    #[cfg_attr(not(test), allow(dead_code))] // the build script writes
    pub(crate) fn write(&self, w: &mut Writer) {
        w.table(&self.starts);
        let places: Vec<u32> = self.places.iter().flat_map(|&(a, b)| [a, b]).collect();
        w.table(&places);
        let words: Vec<u32> = self.words.iter().flat_map(|&(a, b, c)| [a, b, c]).collect();
        w.table(&words);
        w.table(&self.bytes);
        w.len(self.longest);
    }

    /// Reads what [`AllowWords::write`] wrote.
    pub(crate) fn read(r: &mut Reader) -> Option<AllowWords> {
        Some(AllowWords {
            starts: r.vec()?,
            places: r.arrays::<2>()?.into_iter().map(|[a, b]| (a, b)).collect(),
            words: r
                .arrays::<3>()?
                .into_iter()
                .map(|[a, b, c]| (a, b, c))
                .collect(),
            bytes: r.vec()?,
            longest: r.len()?,
        })
    }

    /// The longest allow word, in key bytes: how far before a candidate one can start.
    pub(crate) fn longest(&self) -> usize {
        self.longest
    }

    /// Whether some allow word has the key of `pattern`.
    #[inline]
    pub(crate) fn has(&self, pattern: u32) -> bool {
        !self.places_of(pattern).is_empty()
    }

    /// The places of `pattern` (none for a pattern the automaton does not search).
    #[inline]
    fn places_of(&self, pattern: u32) -> &[(u32, u32)] {
        match self.starts.get(pattern as usize..pattern as usize + 2) {
            Some(&[from, to]) => &self.places[from as usize..to as usize],
            _ => &[],
        }
    }

    /// Calls `found(pattern, start, end)` for each allow word that `key` has at `[start,
    /// end)` with the hit of `pattern` at `[i, j)` inside it.
    pub(crate) fn around(
        &self,
        key: &[u8],
        (pattern, i, j): (u32, usize, usize),
        mut found: impl FnMut(u32, usize, usize),
    ) {
        for &(word, distance) in self.places_of(pattern) {
            let (allow, a, b) = self.words[word as usize];
            let word = &self.bytes[a as usize..b as usize];
            let d = distance as usize;
            let Some(start) = i.checked_sub(d) else {
                continue;
            };
            let end = start + word.len();
            let Some(have) = key.get(start..end) else {
                continue;
            };
            // The hit's bytes are the allow word's there: compare the rest, the last byte
            // first (where most allow words that have the term differ from the text).
            let after = d + (j - i);
            if have.last() == word.last()
                && have[..d].iter().eq(&word[..d])
                && have[after..].iter().eq(&word[after..])
            {
                found(allow, start, end);
            }
        }
    }
}

/// An allow word found in the key: bytes `[start, letters_end)` spell it, and it covers the
/// candidates whose term lies within those bytes and that end by `end` (a stem's candidate
/// runs to the end of its word, and so does a stem allow word's span).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct AllowSpan {
    pub start: usize,
    pub letters_end: usize,
    pub end: usize,
}

impl AllowSpan {
    fn covers(&self, x: Covered) -> bool {
        self.start <= x.i && x.term_end <= self.letters_end && x.j <= self.end
    }
}

/// What [`AllowSpans`] needs of a candidate: where it starts, where its term ends and where it
/// ends, in key bytes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Covered {
    pub i: usize,
    pub term_end: usize,
    pub j: usize,
}

/// Above this many allow words in one text, checks go through a sorted copy instead of a scan,
/// so a text full of allow words (`Scunthorpe Scunthorpe …`) stays linear.
const FEW: usize = 16;

/// The allow words found in one text.
#[derive(Debug, Default)]
pub(crate) struct AllowSpans {
    spans: Vec<AllowSpan>,
}

impl AllowSpans {
    pub(crate) fn clear(&mut self) {
        self.spans.clear();
    }

    /// Adds a span (once: a word found again from the next candidate in it is not kept twice).
    pub(crate) fn push(&mut self, span: AllowSpan) {
        if self.spans.last() != Some(&span) {
            self.spans.push(span);
        }
    }

    /// Whether there are so many that [`AllowSpans::cover`], a scan, should not be called for
    /// every candidate.
    pub(crate) fn many(&self) -> bool {
        self.spans.len() > FEW
    }

    /// Whether some allow word covers `x`.
    pub(crate) fn cover(&self, x: Covered) -> bool {
        self.spans.iter().any(|s| s.covers(x))
    }

    /// Keeps the items (candidates, as `at` describes them) that no allow word covers.
    /// `longest` is the longest allow word: a covering one starts less than that before the
    /// candidate.
    pub(crate) fn drop_covered<T>(
        &self,
        items: &mut Vec<T>,
        at: impl Fn(&T) -> Covered,
        longest: usize,
    ) {
        if self.spans.len() <= FEW {
            if !self.spans.is_empty() {
                items.retain(|x| !self.cover(at(x)));
            }
            return;
        }
        let mut sorted = self.spans.clone();
        sorted.sort_unstable();
        sorted.dedup();
        items.retain(|x| {
            let x = at(x);
            // Spans that start in `(i - longest, i]`: the only ones whose letters reach `i`.
            let to = sorted.partition_point(|s| s.start <= x.i);
            let from = sorted[..to].partition_point(|s| s.start + longest <= x.i);
            !sorted[from..to].iter().any(|s| s.covers(x))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::{AllowSpan, AllowSpans, AllowWords, Covered};
    use crate::dfa::{FullSearch, Sorted};

    #[test]
    fn a_term_is_looked_up_only_in_the_allow_words_that_have_it() {
        let terms = [&b"cunt"[..], b"shit", b"ashole", b"a", b"bc"].map(<[u8]>::to_vec);
        let automaton = FullSearch::build(&Sorted::new(&terms)).expect("automaton");
        // Allow words as patterns 5.. (`bc` is pattern 4 and an allow word: `bbc`).
        let allows = [
            (5, &b"scunthorpe"[..]),
            (6, b"shitake"),
            (7, b"pornima"),
            (4, b"bc"),
        ];
        let words = AllowWords::build(&automaton, terms.len(), allows).expect("allow words");
        assert_eq!(words.longest(), 10);
        let around = |key: &[u8], pattern, i| {
            let mut v = Vec::new();
            let len = terms[pattern as usize].len();
            words.around(key, (pattern, i, i + len), |p, s, e| v.push((p, s, e)));
            v
        };
        assert_eq!(around(b"in scunthorpe", 0, 4), [(5, 3, 13)]);
        assert_eq!(around(b"in scunthorp", 0, 4), []);
        assert_eq!(around(b"shitakes", 1, 0), [(6, 0, 7)]);
        // `a` is in `shitake` and `pornima`; `ashole` is in none (`pornima` only ends with
        // its first letter); `bc` at distance 0 is its own pattern, checked with its hit.
        assert_eq!(around(b"pornimashole", 3, 6), [(7, 0, 7)]);
        assert_eq!(around(b"pornimashole", 2, 6), []);
        assert_eq!(around(b"bc", 4, 0), []);
        assert!(AllowWords::build(&automaton, terms.len(), []).is_none());
    }

    #[test]
    fn an_allow_word_covers_only_the_terms_inside_its_letters() {
        // `scunthorpefuck`: the allow word spells bytes 0..10 and, as a stem, spans its word.
        let span = AllowSpan {
            start: 0,
            letters_end: 10,
            end: 14,
        };
        let cand = |i, term_end, j| Covered { i, term_end, j };
        for others in [0, 40] {
            let mut spans = AllowSpans::default();
            // Unrelated spans elsewhere, past the number that a scan checks.
            for k in 0..others {
                spans.push(AllowSpan {
                    start: 100 + 20 * k,
                    letters_end: 110 + 20 * k,
                    end: 110 + 20 * k,
                });
            }
            spans.push(span);
            // `cunt` (a substring), a stem inside the letters running to the word's end,
            // `fuck` after the letters, and a term that runs past them.
            let mut cands = vec![
                cand(1, 5, 5),
                cand(0, 4, 14),
                cand(10, 14, 14),
                cand(8, 12, 12),
            ];
            spans.drop_covered(&mut cands, |&c| c, 10);
            let left: Vec<_> = cands.iter().map(|c| c.i).collect();
            assert_eq!(left, [10, 8], "with {others} other spans");
        }
    }
}
