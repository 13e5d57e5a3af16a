//! Candidates become matches: where candidates overlap, one per region is kept (by rank), and
//! each is mapped from key positions back to a span of the original text.

use crate::indic::is_devanagari;
use crate::normalize::reread::Reading;
use crate::normalize::{Normalized, Transforms};
use crate::wordlist::{Category, MatchMode, Severity};

use super::compiled::{Matcher, Role};
use super::found::Match;
use super::verify::{run_fit, same_devanagari, Candidate, RunFit};

/// Adds `more`, the matches of second readings, to `out` (sorted by start, one per region). Where
/// one overlaps matches of `out`, it replaces them only when `replace` and it is longer than
/// each; without `replace` only matches that overlap none are added (a hashtag's words: a stem
/// there runs to the end of a word the first reading did not see, `#COWARDLYBITCH`, and must
/// not displace a more severe match found in it). One pass over
/// both (a match of `out` is looked at again only for the next of `more` that it overlaps too, and
/// each overlaps few).
#[cold]
#[inline(never)]
pub(super) fn merge_matches<'a>(out: &mut Vec<Match<'a>>, mut more: Vec<Match<'a>>, replace: bool) {
    if more.is_empty() {
        return;
    }
    // The readings come by kind; two of them may overlap (the first one stays).
    more.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let first = std::mem::take(out);
    let mut k = 0;
    for m in more {
        while k < first.len() && first[k].end <= m.start {
            out.push(first[k]);
            k += 1;
        }
        if out.last().is_some_and(|last| last.end > m.start) {
            continue;
        }
        let overlapping = first[k..].iter().take_while(|x| x.start < m.end).count();
        let len = m.end - m.start;
        if (replace || overlapping == 0)
            && first[k..k + overlapping]
                .iter()
                .all(|x| x.end - x.start < len)
        {
            out.push(m);
            k += overlapping;
        }
    }
    out.extend_from_slice(&first[k..]);
}

/// Sorts candidates by start, the longest first. Not generic (nor inside a generic function):
/// one copy of the sort, where [`Matcher::resolve_with`]'s callers had one each (12 KB of the
/// WebAssembly module).
fn sort_by_place(cands: &mut [Candidate]) {
    cands.sort_by_key(|x| (x.i, std::cmp::Reverse(x.j)));
}

impl Matcher {
    /// One match per overlapping region (candidates chained by overlap: each starts before the
    /// furthest end so far): the one [`Matcher::rank`] puts first, so the longest, then the most
    /// severe, then the most specific term, then a term as listed before one reached through a
    /// Hindi rule, then the first listed; of equals, the first found.
    pub(super) fn resolve<'a>(
        &'a self,
        text: &'a str,
        norm: &Normalized,
        cands: &mut [Candidate],
        out: &mut Vec<Match<'a>>,
    ) {
        self.resolve_with(cands, |x| out.push(self.to_match(text, norm, x)));
    }

    /// [`Matcher::resolve`], giving each region's best candidate to `f` in order.
    pub(super) fn resolve_with(&self, cands: &mut [Candidate], mut f: impl FnMut(&Candidate)) {
        sort_by_place(cands);
        let rank = |x: &Candidate| self.rank(x);
        let mut k = 0;
        while k < cands.len() {
            let mut best = cands[k];
            let mut region_end = best.j;
            k += 1;
            while k < cands.len() && cands[k].i < region_end {
                region_end = region_end.max(cands[k].j);
                if rank(&cands[k]) > rank(&best) {
                    best = cands[k];
                }
                k += 1;
            }
            f(&best);
        }
    }

    /// How [`Matcher::resolve`] ranks overlapping candidates, highest first: longest span, then
    /// most severe, then the most specific term (the longer term proper, before a stem's
    /// ending), then a term as listed before one reached through a Hindi spelling, script or
    /// inflection rule, then the first listed (lowest target).
    #[allow(clippy::type_complexity)]
    pub(super) fn rank(
        &self,
        x: &Candidate,
    ) -> (usize, Severity, usize, bool, std::cmp::Reverse<u32>) {
        let v = self.variant(x);
        let t = v.target;
        let hindi_bits =
            Transforms::SPELLING.bits() | Transforms::SCRIPT.bits() | Transforms::INFLECTION.bits();
        (
            x.j - x.i,
            self.inner.targets[t as usize].severity,
            x.term_end - x.i,
            v.flags & hindi_bits == 0,
            std::cmp::Reverse(t),
        )
    }

    pub(super) fn to_match<'a>(
        &'a self,
        text: &'a str,
        norm: &Normalized,
        x: &Candidate,
    ) -> Match<'a> {
        self.to_match_in(text, text, None, norm, x)
    }

    /// [`Matcher::to_match`] for a candidate found in a second reading of part of `text`.
    pub(super) fn to_match_read<'a>(
        &'a self,
        text: &'a str,
        reading: &Reading,
        norm: &Normalized,
        x: &Candidate,
    ) -> Match<'a> {
        self.to_match_in(text, &reading.text, Some(reading), norm, x)
    }

    /// The match of candidate `x` of `read`, a text normalised into `norm`: `read` is `text`
    /// itself, or `reading`'s text.
    pub(super) fn to_match_in<'a>(
        &'a self,
        text: &'a str,
        read: &str,
        reading: Option<&Reading>,
        norm: &Normalized,
        x: &Candidate,
    ) -> Match<'a> {
        let c = &self.inner;
        let v = self.variant(x);
        let t = &c.targets[v.target as usize];
        let (start, end) = norm.original_span(x.i, x.j);
        let mut flags = norm.flags_in(x.i, x.j) | v.flags;
        // The last letter of a stem may double before an ending (`shitty`): inflection.
        let len = x.term_end - x.i;
        let inflects = t.mode == MatchMode::Stem && x.j > x.term_end;
        if (0..len).any(|k| {
            let (have, need) = (norm.runs[x.i + k], c.min_runs[v.min_runs as usize + k]);
            have > need
                && run_fit(have, need, norm.key[x.i + k], inflects && k + 1 == len) != RunFit::Fits
        }) {
            flags |= Transforms::STRETCH.bits();
        }
        // A Devanagari fold is a transform exactly when the text spells the term differently
        // (`चुतिया` for `चूतिया`); when both are folded alike it is not.
        // A romanised term read in Devanagari text is a `script` match: its Devanagari reading
        // is ours, so no `indic` either way.
        let (_, term_end) = norm.original_span(x.i, x.term_end);
        let span = &read[start..term_end];
        if !span.is_ascii() && span.chars().any(is_devanagari) && t.term.chars().any(is_devanagari)
        {
            // An inflection changes the term's last vowel sign: compare what comes before it.
            let inflected = v.flags & Transforms::INFLECTION.bits() != 0;
            if same_devanagari(span, &t.term, inflected) {
                flags &= !Transforms::INDIC.bits();
            } else {
                flags |= Transforms::INDIC.bits();
            }
        } else {
            flags &= !Transforms::INDIC.bits();
        }
        let list = &c.lists[t.list as usize];
        let (start, end) = match reading {
            Some(r) => r.original(start, end),
            None => (start, end),
        };
        Match {
            start,
            end,
            text: &text[start..end],
            term: &t.term,
            // Candidates are only ever terms.
            category: match t.role {
                Role::Term(c) => c,
                Role::Allow | Role::Context => Category::Profanity,
            },
            severity: t.severity,
            list: &list.id,
            version: &list.version,
            transforms: Transforms::from_bits(flags),
        }
    }
}
