//! Building a matcher: every spelling of every term ([`super::variants`]) becomes a pattern of
//! one full automaton, the plain ones also of the fast path's DFA, with the tables that verify a
//! hit. Sizes are estimated and checked against the [`Limits`] before anything large is
//! allocated.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use crate::allow::AllowWords;
use crate::dfa::{max_nesting, FullSearch, Sorted};
use crate::error::{Error, ErrorKind};
use crate::normalize::{can_match_plain, normalize_into, Normalized, Scratch, Transforms};
use crate::plain_search::{PlainPattern, PlainSearch};
use crate::policy::Policy;
use crate::symbols::{symbol_pattern, SymbolSearch, SymbolTerm};
use crate::table_bytes::Table;
use crate::wordlist::{MatchMode, Severity, Wordlist};

use super::compiled::{
    mode_bit, modes_accept, searched_modes, BuildNeeds, Compiled, Matcher, PlainReach, Role,
    Target, Variant,
};
use super::limits::Limits;
use super::lists::ListInfo;
use super::variants::{
    compound_spellings, hindi_spellings, spelling, spellings, written_apart_spellings, Spelled,
    UPSIDE_DOWN, WRITTEN_APART,
};

/// Bytes per spelling that grouping spellings into patterns takes, at most: its place in the
/// order (4), its group (8), its pattern's key (16), variant (16) and plain pattern (24), the
/// pattern's mode and start (5).
pub(super) const GROUPING_BYTES_PER_SPELLING: usize = 4 + 8 + 16 + 16 + 24 + 5;

/// `Ok` if `bytes` is within the build limit `max`.
pub(super) fn within(bytes: usize, max: usize) -> Result<(), Error> {
    if bytes <= max {
        return Ok(());
    }
    Err(Error::new(ErrorKind::BuildTooLarge {
        estimate: bytes as u64,
        max: max as u64,
    }))
}

/// What [`compile`] made.
pub(super) enum Built {
    Matcher(Matcher),
    /// Only the estimate of its memory was asked for.
    Estimate(usize),
}

/// Compiles `lists`; `sources` name them in errors, one per list.
pub(super) fn compile(
    lists: Vec<Wordlist>,
    sources: &[String],
    policy: Policy,
    limits: Limits,
    estimate_only: bool,
) -> Result<Built, Error> {
    let mut spelled = Spelled::default();
    let mut targets = Vec::new();
    let mut infos = Vec::new();
    let mut norm = Normalized::default();
    let mut scratch = Scratch::default();
    // What the spellings take is counted as they are made: a list whose spellings alone pass
    // the limit is refused before they are all made.
    let max_bytes = limits.max_build_bytes.unwrap_or(usize::MAX);
    let mut add = |term: &str, hindi: bool, target: Target, targets: &mut Vec<Target>| {
        normalize_into(term, &mut norm, &mut scratch);
        // Allow and context words are matched as spelled; only terms get evasion variants.
        let is_allow = !matches!(target.role, Role::Term(_));
        let id = targets.len() as u32;
        targets.push(target);
        let sp = spelling(&norm);
        if is_allow {
            spelled.push(id, &sp, 0);
        } else {
            for (v, flags) in spellings(&sp) {
                spelled.push(id, &v, flags);
            }
            for (v, flags) in hindi_spellings(&norm, &sp, hindi) {
                spelled.push(id, &v, flags);
            }
            for v in compound_spellings(&sp, hindi) {
                spelled.push(id, &v, Transforms::COMPOUND.bits());
            }
            let mode = targets[id as usize].mode;
            for (v, flags) in written_apart_spellings(&sp, mode) {
                spelled.push(id, &v, flags);
            }
        }
        within(spelled.bytes(), max_bytes)
    };
    let mut term_chars = 0;
    let mut too_long = |term: &str, source: &str, line: usize| {
        let chars = term.chars().count();
        term_chars = term_chars.max(chars);
        match limits.max_term_chars {
            Some(max) if chars > max => Err(Error::at(
                ErrorKind::TermTooLong { chars, max },
                source,
                line,
            )),
            _ => Ok(()),
        }
    };
    // Terms written in symbols, which the key has not: searched apart (see `crate::symbols`).
    let mut symbol_patterns: Vec<SymbolTerm<Severity>> = Vec::new();
    for (li, list) in lists.iter().enumerate() {
        let meta = list.meta();
        let list_idx = u16::try_from(li)
            .map_err(|_| Error::new(ErrorKind::Build("more than 65535 lists".into())))?;
        for e in list.entries() {
            let t = Target {
                term: Cow::Owned(e.term.clone()),
                role: Role::Term(e.category),
                severity: e.severity,
                mode: e.mode,
                list: list_idx,
            };
            let hindi = e.lang == "hi" || e.lang.starts_with("hi-");
            too_long(&e.term, &sources[li], e.line)?;
            if let Some(symbols) = symbol_pattern(&e.term) {
                symbol_patterns.push((symbols, targets.len() as u32, e.severity));
                targets.push(t);
                continue;
            }
            add(&e.term, hindi, t, &mut targets)?;
        }
        for a in list.allow() {
            let t = Target {
                term: Cow::Owned(a.term.clone()),
                role: Role::Allow,
                severity: Severity::Low,
                mode: a.mode,
                list: list_idx,
            };
            too_long(&a.term, &sources[li], a.line)?;
            add(&a.term, false, t, &mut targets)?;
        }
        for w in list.context() {
            let t = Target {
                term: Cow::Owned(w.term.clone()),
                role: Role::Context,
                severity: Severity::Low,
                mode: MatchMode::Word,
                list: list_idx,
            };
            too_long(&w.term, &sources[li], w.line)?;
            add(&w.term, false, t, &mut targets)?;
        }
        infos.push(ListInfo {
            id: Arc::from(meta.id.as_str()),
            version: Arc::from(meta.version.as_str()),
            title: meta.title.clone(),
            fingerprint: list.fingerprint().to_string(),
            entries: list.entries().len(),
            allow: list.allow().len(),
        });
    }
    // Equal keys are one pattern, numbered in order of first appearance. The automata search
    // the patterns of terms, first in the order. Context words come next: they are searched
    // for only in a text with a candidate that needs context (one more pass over its key), and
    // allow words last: they are looked up from the candidates (see `crate::allow`).
    let group = |role: Role| match role {
        Role::Term(_) => 0u8,
        Role::Context => 1,
        Role::Allow => 2,
    };
    // What grouping and the variants will take, from the counts, before they are made.
    let recs = spelled.recs.len();
    within(
        spelled.bytes() + recs * GROUPING_BYTES_PER_SPELLING + spelled.keys.len() * 2,
        max_bytes,
    )?;
    let (order, by_key) = spelled.grouped();
    let kind = |&(a, b): &(u32, u32)| {
        order[a as usize..b as usize]
            .iter()
            .map(|&r| group(targets[spelled.recs[r as usize].target as usize].role))
            .min()
            .unwrap_or(2)
    };
    // Pattern `p` is the key of `by_key[numbered[p]]`.
    let mut numbered: Vec<u32> = (0..by_key.len() as u32).collect();
    numbered.sort_by_key(|&g| {
        let g = &by_key[g as usize];
        (kind(g), order[g.0 as usize])
    });
    let grouped: Vec<(u32, u32)> = numbered.iter().map(|&g| by_key[g as usize]).collect();
    let searched = grouped.iter().filter(|g| kind(g) == 0).count();
    let with_context = searched + grouped[searched..].iter().filter(|g| kind(g) == 1).count();
    let patterns: Vec<&[u8]> = grouped
        .iter()
        .map(|&(a, _)| spelled.key(order[a as usize]))
        .collect();
    // The automata's patterns in order of key, known from the grouping: sorting them again
    // was a fifth of the build.
    let mut in_key_order = vec![0u32; numbered.len()];
    for (p, &g) in numbered.iter().enumerate() {
        in_key_order[g as usize] = p as u32;
    }
    drop(numbered);
    let sorted = |from: usize, to: usize| {
        let order = in_key_order
            .iter()
            .filter(|&&p| (from..to).contains(&(p as usize)))
            .map(|&p| p - from as u32)
            .collect();
        Sorted::with_order(patterns[from..to].to_vec(), order)
    };
    let (searched_sorted, context_sorted) = (sorted(0, searched), sorted(searched, with_context));
    drop(in_key_order);
    let spent = spelled.bytes() + recs * GROUPING_BYTES_PER_SPELLING + spelled.keys.len() * 2;
    let mut variant_starts = Vec::with_capacity(grouped.len() + 1);
    variant_starts.push(0u32);
    let mut pattern_modes = Vec::with_capacity(grouped.len());
    let mut min_runs: Vec<u16> = Vec::new();
    let mut variants: Vec<Variant> = Vec::new();
    for &(a, b) in &grouped {
        let first = variants.len();
        let mut modes = 0u8;
        for &r in &order[a as usize..b as usize] {
            let rec = spelled.recs[r as usize];
            let runs = spelled.runs(r);
            // The same key can come from several rules; keep the first (plainest) variant.
            if variants[first..].iter().any(|v: &Variant| {
                v.target == rec.target && min_runs[v.min_runs as usize..][..runs.len()] == *runs
            }) {
                continue;
            }
            let t = &targets[rec.target as usize];
            // A term written apart or backwards (see [`written_apart_spellings`]) is matched
            // as a whole word: a stem's ending would come before it (`resol` would find
            // `resolution`), and a substring would find pieces inside other words.
            let mode = if rec.flags & WRITTEN_APART != 0 && t.mode != MatchMode::Context {
                MatchMode::Word
            } else {
                t.mode
            };
            modes |= mode_bit(mode);
            variants.push(Variant {
                target: rec.target,
                min_runs: min_runs.len() as u32,
                flags: rec.flags,
                list: t.list,
                mode,
                role: t.role,
            });
            min_runs.extend_from_slice(runs);
        }
        pattern_modes.push(modes);
        variant_starts.push(variants.len() as u32);
    }
    min_runs.shrink_to_fit();
    variants.shrink_to_fit();
    // The plain DFA has the patterns of terms (and their context-word variants), and a pattern
    // none of whose modes (theirs) accepts it without a word boundary before (after) it is
    // searched with one there (see `PlainSearch`).
    let of_pattern =
        |p: usize| &variants[variant_starts[p] as usize..variant_starts[p + 1] as usize];
    let plain_patterns: Vec<PlainPattern> = (0..searched)
        .filter_map(|p| {
            let modes = searched_modes(of_pattern(p));
            // An upside-down spelling needs turned letters, which plain text has not.
            let upside_down = of_pattern(p)
                .iter()
                .all(|v| v.flags & UPSIDE_DOWN == UPSIDE_DOWN);
            (can_match_plain(patterns[p]) && !upside_down).then(|| PlainPattern {
                key: patterns[p],
                id: p as u32,
                boundary_before: !modes_accept(modes, false, true),
                boundary_after: !modes_accept(modes, true, false),
            })
        })
        .collect();
    // Hits per byte of text are bounded by how many patterns end at one place.
    let (key_nesting, deepest) = max_nesting(&patterns[..searched]);
    let (symbol_nesting, symbol_deepest) = SymbolSearch::nesting(&symbol_patterns);
    let nesting = key_nesting.max(symbol_nesting);
    if let Some(max) = limits.max_nesting.filter(|&max| nesting > max) {
        // A term where that many end: the symbol terms' search is one of its own.
        let (target, nesting) = if symbol_nesting > max {
            (symbol_patterns[symbol_deepest].1, symbol_nesting)
        } else {
            (
                variants[variant_starts[deepest] as usize].target,
                key_nesting,
            )
        };
        let t = &targets[target as usize];
        return Err(Error::in_source(
            ErrorKind::TooNested {
                term: t.term.to_string(),
                nesting,
                max,
            },
            &sources[usize::from(t.list)],
        ));
    }
    // Every automaton's size is known before any is allocated: refuse here, not out of memory.
    let estimate = spent
        + FullSearch::estimate_bytes(&searched_sorted)
        + FullSearch::estimate_bytes(&context_sorted)
        + PlainSearch::estimate_bytes(&plain_patterns)
        + SymbolSearch::estimate_bytes(&symbol_patterns);
    within(estimate, max_bytes)?;
    if estimate_only {
        return Ok(Built::Estimate(estimate));
    }
    let automaton = FullSearch::build(&searched_sorted)
        .map_err(|e| Error::new(ErrorKind::Build(e.to_string())))?;
    let context_words = if with_context > searched {
        let search = FullSearch::build(&context_sorted)
            .map_err(|e| Error::new(ErrorKind::Build(e.to_string())))?;
        Some((search, searched as u32))
    } else {
        None
    };
    let allow_words = AllowWords::build(
        &automaton,
        searched,
        (0..patterns.len())
            .filter(|&p| of_pattern(p).iter().any(|v| v.role == Role::Allow))
            .map(|p| (p as u32, patterns[p])),
    );
    let plain = PlainSearch::build(&plain_patterns);
    let symbols = SymbolSearch::build(&symbol_patterns)
        .map_err(|e| Error::new(ErrorKind::Build(e.to_string())))?;
    Ok(Built::Matcher(Matcher {
        inner: Arc::new(Compiled {
            automaton,
            plain,
            variant_starts,
            pattern_modes,
            variants,
            min_runs: Table::Owned(min_runs),
            targets,
            lists: infos,
            policy,
            limits,
            allow_words,
            context_words,
            symbols,
            plain_reach: PlainReach::of(&patterns[..searched]),
            needs: BuildNeeds {
                term_chars,
                nesting,
                bytes: estimate,
            },
            wordlists: OnceLock::from(lists),
            precompiled: false,
        }),
    }))
}
