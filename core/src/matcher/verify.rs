//! A hit becomes a candidate when its letters' runs and word boundaries fit its mode; allow
//! words then drop the candidates they cover, and a context-mode candidate needs a context word
//! or another match.

use crate::allow::{AllowSpan, AllowSpans, AllowWords, Covered};
use crate::indic::is_devanagari;
use crate::normalize::{is_boundary_byte, Normalized, Transforms};
use crate::plain_search::Hit;
use crate::wordlist::MatchMode;

use super::compiled::{modes_accept, Matcher, Role, Variant};
use super::variants::UPSIDE_DOWN;

/// Per-scan evidence besides candidates: allow-word spans and context-word hits.
#[derive(Default)]
pub(super) struct Evidence {
    pub(super) allows: AllowSpans,
    /// (start, end, list) of each context word.
    pub(super) contexts: Vec<(usize, usize, u16)>,
    /// Where the words of stem candidates end.
    pub(super) word_ends: WordEnds,
}

/// The end of the word around a key position (the next word boundary of the key), remembered for
/// the last word asked about. Hits come in order of end, so most stem hits in one word ask in
/// turn: without this, every stem inside one long word (a spaced-out word joined into one,
/// `s.h.i.t.s.h.i.t...`) would scan to the word's end again, quadratic in its length. With it,
/// each key byte is scanned about once while the hits move forward.
pub(super) struct WordEnds {
    /// `key[from..end]` holds no word boundary and `key[end]` is one (or the end of the key);
    /// `from > end` when nothing is remembered.
    pub(super) from: usize,
    pub(super) end: usize,
    /// Key bytes scanned since the last [`WordEnds::clear`] (for the tests bounding the work).
    #[cfg(test)]
    pub(super) scanned: usize,
}

impl Default for WordEnds {
    fn default() -> Self {
        let mut w = WordEnds {
            from: 0,
            end: 0,
            #[cfg(test)]
            scanned: 0,
        };
        w.clear();
        w
    }
}

impl WordEnds {
    pub(super) fn clear(&mut self) {
        *self = WordEnds {
            from: 1,
            end: 0,
            #[cfg(test)]
            scanned: 0,
        };
    }

    /// The end of the word that contains key byte `j - 1`: the first word boundary byte at or
    /// after `j` ([`is_boundary_byte`]), or the end of the key.
    pub(super) fn get(&mut self, norm: &Normalized, j: usize) -> usize {
        if self.from <= j && j <= self.end {
            return self.end;
        }
        // Before the remembered word: scan only up to it.
        let upto = if j < self.from && self.from <= self.end {
            self.from
        } else {
            norm.key.len()
        };
        let found = norm.key[j..upto].iter().position(|&b| is_boundary_byte(b));
        #[cfg(test)]
        {
            self.scanned += found.map_or(upto - j, |p| p + 1);
        }
        match found {
            Some(p) => {
                self.from = j;
                self.end = j + p;
            }
            None if upto < norm.key.len() => self.from = j,
            None => {
                self.from = j;
                self.end = upto;
            }
        }
        self.end
    }
}

/// A candidate in key coordinates.
#[derive(Clone, Copy, Debug)]
pub(super) struct Candidate {
    pub(super) i: usize,
    pub(super) j: usize,
    /// End of the term proper (before a stem's ending).
    pub(super) term_end: usize,
    /// Index into [`Compiled::variants`](super::compiled::Compiled::variants).
    pub(super) variant: u32,
}

impl Candidate {
    pub(super) fn covered(&self) -> Covered {
        Covered {
            i: self.i,
            term_end: self.term_end,
            j: self.j,
        }
    }
}

/// Whether `a` and `b` have the same Devanagari characters in the same order; with `stem`,
/// only those of `b` but its last, against as many of `a`'s (`a` an inflection of `b`).
pub(super) fn same_devanagari(a: &str, b: &str, stem: bool) -> bool {
    let b: Vec<char> = b.chars().filter(|&c| is_devanagari(c)).collect();
    let b = if stem {
        &b[..b.len().saturating_sub(1)]
    } else {
        &b[..]
    };
    let a = a.chars().filter(|&c| is_devanagari(c));
    if stem {
        a.take(b.len()).eq(b.iter().copied())
    } else {
        a.eq(b.iter().copied())
    }
}

/// What [`Matcher::check`] checks of a pattern: all its variants, or only those of allow words
/// or of context words.
pub(super) const ALL: u8 = 0;

pub(super) const ALLOWS: u8 = 1;

pub(super) const CONTEXTS: u8 = 2;

/// How `have` equal letters in the text stand for `need` letters of the term.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum RunFit {
    /// They do not.
    No,
    /// As spelled (or as an inflected stem's last letter).
    Fits,
    /// Stretched (`fuuuck`).
    Stretched,
}

/// More letters than the term has are a stretch, but a consonant doubled exactly once is
/// ordinary spelling, not stretching: `rapped` is not `raped`, `assess` is not `asses`, `BBC` is
/// not `bc`. Vowels may double (`shiit`, and romanised Hindi's long vowels: `gaand`, `choot`).
/// A stem's last letter may double before an ending (`shit` → `shitty`): `stem_last` says the
/// position is one.
#[inline]
pub(super) fn run_fit(have: u16, need: u16, key_byte: u8, stem_last: bool) -> RunFit {
    let consonant = key_byte.is_ascii_lowercase()
        && !matches!(key_byte, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    if have == need || (stem_last && have == 2 && need == 1) {
        RunFit::Fits
    } else if have < need || (consonant && have < 3) {
        RunFit::No
    } else {
        RunFit::Stretched
    }
}

/// Per-scan working space of `find` and `is_match`, reused across calls.
#[derive(Default)]
pub(super) struct Work {
    pub(super) cands: Vec<Candidate>,
    pub(super) ev: Evidence,
}

impl Work {
    pub(super) fn clear(&mut self) {
        self.cands.clear();
        self.ev.allows.clear();
        self.ev.contexts.clear();
        self.ev.word_ends.clear();
    }
}

impl Matcher {
    /// Verifies every hit into `work`'s candidates and evidence (cleared first).
    pub(super) fn verify_all(&self, norm: &Normalized, hits: &[Hit], work: &mut Work) {
        work.clear();
        let Work { cands, ev } = work;
        for &hit in hits {
            self.verify(norm, hit, cands, ev);
        }
    }

    /// Drops candidates inside allow words, then context-mode candidates with no context: no
    /// context word of their list and no other confirmed match outside their span.
    pub(super) fn confirm(&self, norm: &Normalized, cands: &mut Vec<Candidate>, ev: &mut Evidence) {
        self.drop_allowed(cands, ev);
        if !cands.iter().any(|x| self.needs_context(x)) {
            return;
        }
        self.find_context_words(norm, ev);
        // Some span is apart from `[i, j)` exactly when the earliest end is at or before `i` or
        // the latest start at or after `j`: per list for context words, and over the matches
        // that need no context.
        let mut reach = vec![(usize::MAX, 0usize); self.inner.lists.len()];
        for &(a, b, l) in &ev.contexts {
            let r = &mut reach[l as usize];
            *r = (r.0.min(b), r.1.max(a));
        }
        let sure = cands
            .iter()
            .filter(|x| !self.needs_context(x))
            .fold((usize::MAX, 0usize), |r, x| (r.0.min(x.j), r.1.max(x.i)));
        let apart = |x: &Candidate, (first_end, last_start): (usize, usize)| {
            first_end <= x.i || (last_start >= x.j && first_end != usize::MAX)
        };
        cands.retain(|x| {
            !self.needs_context(x)
                || apart(x, reach[self.variant(x).list as usize])
                || apart(x, sure)
        });
    }

    /// Puts in `ev` the context words that the automata leave out (those that are not also a
    /// term): searched for only in a text with a candidate that needs context.
    pub(super) fn find_context_words(&self, norm: &Normalized, ev: &mut Evidence) {
        if let Some((search, first)) = &self.inner.context_words {
            // Checking context words adds no candidate.
            let mut none = Vec::new();
            search.for_each_match(&norm.key, |p, i, j| {
                self.check::<CONTEXTS>(norm, (p + first, i as u32, j as u32), &mut none, ev);
            });
        }
    }

    /// Drops the candidates an allow word covers.
    pub(super) fn drop_allowed(&self, cands: &mut Vec<Candidate>, ev: &Evidence) {
        ev.allows
            .drop_covered(cands, Candidate::covered, self.allow_reach());
    }

    /// The longest allow word, in key bytes (0 without any).
    pub(super) fn allow_reach(&self) -> usize {
        self.inner
            .allow_words
            .as_ref()
            .map_or(0, AllowWords::longest)
    }

    pub(super) fn variant(&self, x: &Candidate) -> &Variant {
        &self.inner.variants[x.variant as usize]
    }

    pub(super) fn needs_context(&self, x: &Candidate) -> bool {
        self.variant(x).mode == MatchMode::Context
    }

    /// Whether the matching form of a prefix cut by [`prefix_cut`](crate::normalize::prefix_cut)
    /// (so it is the start of the whole text's) has a match that the rest of the text cannot undo:
    /// not a context-mode term (context may come later), not inside an allow word, and starting far
    /// enough from the cut that no allow word crossing it can cover it.
    pub(super) fn sure_in_prefix(&self, norm: &Normalized, hits: &[Hit], work: &mut Work) -> bool {
        self.verify_all(norm, hits, work);
        let Work { cands, ev } = work;
        self.drop_allowed(cands, ev);
        let reach = self.allow_reach();
        cands
            .iter()
            .any(|x| !self.needs_context(x) && x.i + reach < norm.key.len())
    }

    pub(super) fn is_match_in(&self, norm: &Normalized, hits: &[Hit], work: &mut Work) -> bool {
        work.clear();
        let Work { cands, ev } = work;
        // Candidates that need context wait for the end of the text. Others are settled as
        // soon as they are found: the allow words that could cover them were looked up then.
        // With many allow words, checking one candidate at a time would not be linear: all
        // wait for the end.
        let mut waiting = Vec::new();
        for &hit in hits {
            self.verify(norm, hit, cands, ev);
            if ev.allows.many() {
                continue;
            }
            for x in cands.drain(..) {
                if ev.allows.cover(x.covered()) {
                    continue;
                }
                if !self.needs_context(&x) {
                    return true;
                }
                waiting.push(x);
            }
        }
        waiting.append(cands);
        self.confirm(norm, &mut waiting, ev);
        !waiting.is_empty()
    }

    /// Checks one automaton hit against each variant of its pattern (see [`Matcher::check`]);
    /// for a term it finds, looks up the allow words that could cover it.
    pub(super) fn verify(
        &self,
        norm: &Normalized,
        hit: Hit,
        cands: &mut Vec<Candidate>,
        ev: &mut Evidence,
    ) {
        let found = cands.len();
        self.check::<ALL>(norm, hit, cands, ev);
        if cands.len() > found {
            if let Some(words) = self.inner.allow_words.as_ref().filter(|w| w.has(hit.0)) {
                self.look_up_allows(words, norm, hit, cands, ev);
            }
        }
    }

    /// Puts in `ev` the allow words that have a hit inside them (see [`crate::allow`]): those
    /// that could cover its candidates. Kept out of line: few terms are in an allow word.
    #[inline(never)]
    pub(super) fn look_up_allows(
        &self,
        words: &AllowWords,
        norm: &Normalized,
        (pattern, i, j): Hit,
        cands: &mut Vec<Candidate>,
        ev: &mut Evidence,
    ) {
        let hit = (pattern, i as usize, j as usize);
        words.around(&norm.key, hit, |allow, s, e| {
            self.check::<ALLOWS>(norm, (allow, s as u32, e as u32), cands, ev);
        });
    }

    /// Checks one hit against each variant of its pattern (only the allow words' or the
    /// context words' when `ONLY` is [`ALLOWS`] or [`CONTEXTS`]): letter runs, word boundaries
    /// for the mode; stems extend to the end of the word. Inlined: once for each `ONLY`.
    pub(super) fn check<const ONLY: u8>(
        &self,
        norm: &Normalized,
        (pattern, i, j): Hit,
        cands: &mut Vec<Candidate>,
        ev: &mut Evidence,
    ) {
        let (pattern, i, j) = (pattern as usize, i as usize, j as usize);
        let c = &self.inner;
        // Word boundaries first: they need only the key and rule out most hits (`as` in `class`)
        // that the plain DFA did not already leave out.
        let (starts, ends) = (norm.starts_word(i), norm.ends_word(j));
        if !modes_accept(c.pattern_modes[pattern], starts, ends) {
            return;
        }
        let first = c.variant_starts[pattern] as usize;
        let last = c.variant_starts[pattern + 1] as usize;
        for (vi, v) in (first..last).zip(&c.variants[first..last]) {
            let skip = match ONLY {
                ALLOWS => v.role != Role::Allow,
                CONTEXTS => v.role != Role::Context,
                _ => false,
            };
            if skip {
                continue;
            }
            let stem = v.mode == MatchMode::Stem;
            let end = match v.mode {
                MatchMode::Substring => j,
                MatchMode::Word | MatchMode::Context if starts && ends => j,
                MatchMode::Stem if starts => ev.word_ends.get(norm, j),
                _ => continue,
            };
            // An upside-down spelling is plain letters once folded (`kcnf`): only text that had
            // turned letters (`ʞɔnɟ`) is upside down (`kids` is not `spik`).
            if v.flags & UPSIDE_DOWN == UPSIDE_DOWN
                && norm.flags_in(i, j) & Transforms::CONFUSABLE.bits() == 0
            {
                continue;
            }
            // Nor is a word written backwards stretched (`soogeed` is not `degos`).
            if v.flags & Transforms::REVERSED.bits() != 0
                && norm.runs[i..j] != c.min_runs[v.min_runs as usize..][..j - i]
            {
                continue;
            }
            // Letters as the term spells them fit: one comparison of the runs, not one call of
            // `run_fit` per letter (an allow word such as `scunthorpe` has ten).
            let need = &c.min_runs[v.min_runs as usize..][..j - i];
            if norm.runs[i..j] != *need
                && !(0..j - i).all(|k| {
                    run_fit(
                        norm.runs[i + k],
                        need[k],
                        norm.key[i + k],
                        stem && k + 1 == j - i,
                    ) != RunFit::No
                })
            {
                continue;
            }
            match v.role {
                Role::Allow => ev.allows.push(AllowSpan {
                    start: i,
                    letters_end: j,
                    end,
                }),
                Role::Context => ev.contexts.push((i, end, v.list)),
                Role::Term(_) => {
                    let x = Candidate {
                        i,
                        j: end,
                        term_end: j,
                        variant: vi as u32,
                    };
                    // Against the last candidate (the longest of those ending here come
                    // first), when neither needs context: one strictly inside it, or with the
                    // same span and a lower rank, can never be the match of its region (any
                    // allow word covering the other covers it too). Dropped now, so terms nested
                    // in each other (`xq`, `xqxq`, …) or spellings of several terms (`f*ck`) add
                    // one candidate a place, not one each.
                    let context =
                        |x: &Candidate| c.variants[x.variant as usize].mode == MatchMode::Context;
                    if let Some(y) = cands.last_mut().filter(|y| !context(y) && !context(&x)) {
                        let inside = y.i <= x.i
                            && x.j <= y.j
                            && x.term_end <= y.term_end
                            && y.j - y.i > x.j - x.i;
                        if inside {
                            continue;
                        }
                        if (y.i, y.j, y.term_end) == (x.i, x.j, x.term_end) {
                            if self.rank(&x) > self.rank(y) {
                                *y = x;
                            }
                            continue;
                        }
                    }
                    cands.push(x);
                }
            }
        }
    }
}
