//! Normalises a text and finds every automaton hit in its key: plain text in one pass (the
//! fast path feeds the plain DFA as it writes the key), the stretches the general passes wrote
//! with the full automaton. The buffers are per thread and reused across calls.

use std::cell::RefCell;

use crate::normalize::{normalize_into, normalize_with, Normalized, Scratch};
use crate::plain_search::Hit;

use super::compiled::{Matcher, PlainReach};
use super::verify::Work;

thread_local! {
    /// Per-thread buffers, reused across calls.
    pub(super) static BUFFERS: RefCell<Buffers> = RefCell::new(Default::default());
}

/// The matching form of a text, its automaton hits and the working space to check them.
#[derive(Default)]
pub(super) struct Buffers {
    pub(super) norm: Normalized,
    pub(super) scratch: Scratch,
    pub(super) hits: Vec<Hit>,
    /// Key ranges that are not plain text's: what the general passes wrote, and words of
    /// letters and digits (see [`Matcher::search_general`]).
    pub(super) general: Vec<(u32, u32)>,
    pub(super) work: Work,
}

/// Texts at least this long are first checked on a prefix by [`Matcher::is_match`].
pub(super) const EARLY_MIN_BYTES: usize = 64 << 10;

/// [`Matcher::is_match`] checks the first `1 / EARLY_PART` of a long text first.
pub(super) const EARLY_PART: usize = 32;

/// How far past that [`Matcher::is_match`] looks for a place to cut the text.
pub(super) const EARLY_CUT_WITHIN: usize = 4 << 10;

/// Buffers larger than this (in key bytes) are dropped after a text that fits in it, so one
/// huge text does not pin memory in a thread that goes back to posts. Twice the 64 KiB of a
/// long post or article, so documents of that size reuse them: kept buffers hold at most about
/// 1.7 MB per thread (13 bytes per key byte) once the thread scans a short text.
pub(super) const KEEP_BUFFER_BYTES: usize = 128 << 10;

/// Buffers larger than this (in key bytes) are dropped after every text. Up to it, a run of
/// large texts (a rescan of 1 MiB documents) reuses them: allocating 13 MB afresh for each
/// text, then returning it to the system, cost half the scan's time in page faults.
pub(super) const KEEP_LARGE_BUFFER_BYTES: usize = 2 << 20;

impl Matcher {
    /// Normalises `text` into this thread's reusable buffers, finds every automaton hit in its
    /// key (in the same pass for plain text) and runs `f` on both.
    pub(super) fn with_hits<R>(
        &self,
        text: &str,
        f: impl FnOnce(&Normalized, &[Hit], &mut Work) -> R,
    ) -> R {
        self.with_hits_trimming(text, true, f)
    }

    /// [`Matcher::with_hits`]; buffers past their size limits are dropped after it only when
    /// `trim`. Not on the first part of a text whose whole comes next ([`Matcher::is_match`]
    /// on a long text): dropping them there cost the whole text's call its buffers, grown
    /// again from nothing on every call (1.9x `find`'s time on 1 MB of clean chat).
    pub(super) fn with_hits_trimming<R>(
        &self,
        text: &str,
        trim: bool,
        f: impl FnOnce(&Normalized, &[Hit], &mut Work) -> R,
    ) -> R {
        BUFFERS.with(|cell| match cell.try_borrow_mut() {
            Ok(mut buffers) => {
                let r = self.hits_in(text, &mut buffers, f);
                let held = buffers.norm.key.capacity();
                let used = buffers.norm.key.len();
                if trim
                    && (held > KEEP_LARGE_BUFFER_BYTES
                        || (held > KEEP_BUFFER_BYTES && used <= KEEP_BUFFER_BYTES))
                {
                    *buffers = Default::default();
                }
                r
            }
            // Only reachable if `f` re-enters the matcher; fall back to fresh buffers.
            Err(_) => self.hits_in(text, &mut Buffers::default(), f),
        })
    }

    /// [`Matcher::with_hits`] in the given buffers.
    pub(super) fn hits_in<R>(
        &self,
        text: &str,
        buffers: &mut Buffers,
        f: impl FnOnce(&Normalized, &[Hit], &mut Work) -> R,
    ) -> R {
        let Buffers {
            norm,
            scratch,
            hits,
            general,
            work,
        } = buffers;
        self.normalize_and_search(text, norm, scratch, hits, general);
        f(norm, hits, work)
    }

    /// Normalises `text` into `norm` and puts every automaton hit in its key into `hits`, in
    /// order of end. The plain DFA searches plain stretches as they are written; the full
    /// automaton then searches only around the key ranges that are not plain text's
    /// (`general`: what the general passes wrote, words of letters and digits).
    pub(super) fn normalize_and_search(
        &self,
        text: &str,
        norm: &mut Normalized,
        scratch: &mut Scratch,
        hits: &mut Vec<Hit>,
        general: &mut Vec<(u32, u32)>,
    ) {
        let c = &self.inner;
        if let Some(search) = &c.plain {
            let all_plain = normalize_with(text, norm, scratch, &mut search.sink(hits, general));
            search.drop_boundary_mismatches(&norm.key, hits);
            if !all_plain {
                self.search_general(norm, general, hits);
            }
            return;
        }
        hits.clear();
        normalize_into(text, norm, scratch);
        self.search_all(norm, hits);
    }

    /// Adds the full automaton's hits that overlap a key range the general passes wrote or end
    /// where one starts (or, for an empty range, cross it): the plain DFA found those that lie
    /// wholly between the ranges and end before the next one. Such a hit has only plain key
    /// outside the range, so each range is searched with as much key before and after it as
    /// a pattern can have there ([`PlainReach`]), and the hit is seen whole; ranges whose
    /// surroundings meet are searched together. Hits stay in order of end.
    pub(super) fn search_general(
        &self,
        norm: &Normalized,
        general: &[(u32, u32)],
        hits: &mut Vec<Hit>,
    ) {
        let c = &self.inner;
        let key = &norm.key[..];
        let PlainReach { before, after } = c.plain_reach;
        let plain = hits.len();
        let mut rest = general;
        while let Some(&(a, _)) = rest.first() {
            // The ranges whose windows overlap, and the window they make together.
            let from = (a as usize).saturating_sub(before);
            let mut to = key.len();
            let mut n = rest.len();
            for (k, pair) in rest.windows(2).enumerate() {
                if pair[0].1 as usize + after < (pair[1].0 as usize).saturating_sub(before) {
                    to = pair[0].1 as usize + after;
                    n = k + 1;
                    break;
                }
            }
            let to = to.min(rest[n - 1].1 as usize + after).min(key.len());
            let (group, later) = rest.split_at(n);
            rest = later;
            if from == 0 && to == key.len() {
                // The window is the whole key (a short text): its hits are all the hits.
                hits.clear();
                return self.search_all(norm, hits);
            }
            c.automaton.for_each_match(&key[from..to], |p, i, j| {
                let (i, j) = ((from + i) as u32, (from + j) as u32);
                // The first range that does not end before the hit starts: the hit overlaps
                // it or ends where it starts, or lies wholly in plain key before it (then the
                // plain DFA has it).
                let k = group.partition_point(|&(_, b)| b <= i);
                if group.get(k).is_some_and(|&(a, _)| j >= a) {
                    hits.push((p, i, j));
                }
            });
        }
        if plain > 0 {
            hits.sort_by_key(|h| h.2);
        }
    }

    /// Every occurrence of every pattern in the key, overlapping, in order of end.
    pub(super) fn search_all(&self, norm: &Normalized, hits: &mut Vec<Hit>) {
        self.inner
            .automaton
            .for_each_match(&norm.key, |p, i, j| hits.push((p, i as u32, j as u32)));
    }
}

/// For the fuzz target comparing the fast path with the general passes (feature `fuzzing`).
#[cfg(any(test, feature = "fuzzing"))]
impl Matcher {
    /// Hits found while the fast path writes the key, and hits of the full automaton over the
    /// finished key, each without the hits that no mode of their pattern accepts at their word
    /// boundaries and those of upside-down spellings over letters that were not turned (the
    /// plain DFA leaves those out), in one order: they must be equal.
    #[doc(hidden)]
    pub fn fast_and_general_hits(&self, text: &str) -> (Vec<Hit>, Vec<Hit>) {
        use super::compiled::{modes_accept, searched_modes};
        use super::variants::UPSIDE_DOWN;
        use crate::normalize::Transforms;

        let (mut norm, mut fused, mut all) = (Normalized::default(), Vec::new(), Vec::new());
        let scratch = &mut Scratch::default();
        self.normalize_and_search(text, &mut norm, scratch, &mut fused, &mut Vec::new());
        self.search_all(&norm, &mut all);
        // The full automaton's hits around stretches that are not plain are not filtered, and
        // it finds allow words too.
        let c = &self.inner;
        let accepted = |&(p, i, j): &Hit| {
            let (p, i, j) = (p as usize, i as usize, j as usize);
            let variants =
                &c.variants[c.variant_starts[p] as usize..c.variant_starts[p + 1] as usize];
            let upside_down = variants
                .iter()
                .all(|v| v.flags & UPSIDE_DOWN == UPSIDE_DOWN);
            modes_accept(
                searched_modes(variants),
                norm.starts_word(i),
                norm.ends_word(j),
            ) && !(upside_down && norm.flags_in(i, j) & Transforms::CONFUSABLE.bits() == 0)
        };
        all.retain(accepted);
        fused.retain(accepted);
        // Hits that end at the same byte may come in another order: that order means nothing.
        for hits in [&mut fused, &mut all] {
            hits.sort_unstable_by_key(|&(p, i, j)| (j, i, p));
        }
        (fused, all)
    }
}
