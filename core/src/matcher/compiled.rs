//! What a matcher is made of: the automata, each pattern's variants and targets, the lists,
//! policy and limits. Written by [`super::compile`] (or read by [`super::precompiled`]) and read
//! by the scanning stages.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use crate::allow::AllowWords;
use crate::dfa::FullSearch;
use crate::normalize::in_plain_key;
use crate::plain_search::PlainSearch;
use crate::policy::Policy;
use crate::symbols::SymbolSearch;
use crate::table_bytes::Table;
use crate::wordlist::{Category, MatchMode, Severity, Wordlist};

use super::limits::Limits;
use super::lists::ListInfo;

/// What an automaton pattern stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    /// A term to report.
    Term(Category),
    /// An allow-list word: suppresses terms inside it.
    Allow,
    /// A context word: lets the list's context-mode terms match.
    Context,
}

#[derive(Debug)]
pub(super) struct Target {
    /// Borrowed from the bytes of a precompiled matcher (no allocation per term when it is
    /// read), owned when built.
    pub(super) term: Cow<'static, str>,
    pub(super) role: Role,
    pub(super) severity: Severity,
    pub(super) mode: MatchMode,
    pub(super) list: u16,
}

/// One spelling of a target as it appears in the matching form.
#[derive(Debug)]
pub(super) struct Variant {
    pub(super) target: u32,
    /// Where this variant's minimum runs start in [`Compiled::min_runs`]: per key byte of the
    /// pattern, the fewest equal letters the text must have there (`ass` needs two `s`).
    pub(super) min_runs: u32,
    /// Transforms implied by the variant itself (mask, leet).
    pub(super) flags: u16,
    /// The target's list, mode and role, copied here so checking a hit reads one table.
    pub(super) list: u16,
    pub(super) mode: MatchMode,
    pub(super) role: Role,
}

#[derive(Debug)]
pub(super) struct Compiled {
    pub(super) automaton: FullSearch,
    /// The patterns that can occur in plain text's matching form (no mask, leet or Devanagari
    /// spelling: a small share of them), as a DFA that the fast path feeds while it writes the
    /// key, so plain text is normalised and searched in one pass. `None` if it would not fit.
    pub(super) plain: Option<PlainSearch>,
    /// Every pattern's variants, pattern by pattern: those of pattern `p` are
    /// `variants[variant_starts[p]..variant_starts[p + 1]]` (one allocation, not one per
    /// pattern).
    pub(super) variants: Vec<Variant>,
    pub(super) variant_starts: Vec<u32>,
    /// Per pattern: the [`mode_bit`]s of its variants' modes, so a hit that no mode could accept
    /// at its word boundaries is dropped without visiting its variants.
    pub(super) pattern_modes: Vec<u8>,
    /// The variants' minimum runs, one after another.
    pub(super) min_runs: Table<u16>,
    pub(super) targets: Vec<Target>,
    pub(super) lists: Vec<ListInfo>,
    pub(super) policy: Policy,
    pub(super) limits: Limits,
    /// The allow words, looked up from each candidate found (see [`crate::allow`]); `None`
    /// without any.
    pub(super) allow_words: Option<AllowWords>,
    /// The patterns that only context words have, searched for in a text only once a candidate
    /// needs context (the automata leave them out): their search and the first one's index.
    pub(super) context_words: Option<(FullSearch, u32)>,
    /// The terms written in symbols (emoji), which the key has not: searched for in the text
    /// as written. `None` without any.
    pub(super) symbols: Option<SymbolSearch>,
    /// How far a hit of the full automaton reaches into plain key beside a stretch the general
    /// passes wrote (see [`Matcher::search_general`]).
    pub(super) plain_reach: PlainReach,
    /// What building took, so a precompiled matcher is used only under limits that would
    /// have let it be built.
    pub(super) needs: BuildNeeds,
    /// The lists as given, so a matcher can be described and rebuilt (pickling, reloads);
    /// parsed when first asked for if the matcher was precompiled.
    pub(super) wordlists: OnceLock<Vec<Wordlist>>,
    /// Whether it was read from precompiled bytes rather than built.
    pub(super) precompiled: bool,
}

/// The build limits a matcher's lists needed (see [`Limits`]).
#[derive(Debug)]
pub(super) struct BuildNeeds {
    /// The longest term, allow word or context word, in characters.
    pub(super) term_chars: usize,
    /// The most terms and spellings that end at one place.
    pub(super) nesting: usize,
    /// The memory building took, as estimated.
    pub(super) bytes: usize,
}

/// An immutable, compiled matcher. Cheap to clone (shared state), `Send + Sync`.
///
/// To update lists while serving, build a new matcher and swap it in atomically (for example
/// with `arc_swap::ArcSwap<Matcher>`); scans in flight finish on the matcher they started with.
///
/// # Examples
///
/// ```
/// use kavach::Matcher;
///
/// let matcher = Matcher::bundled()?;
/// let shared = matcher.clone(); // shares the compiled tables
/// std::thread::scope(|s| {
///     s.spawn(|| assert!(shared.is_match("sh1t")));
///     s.spawn(|| assert!(!matcher.is_match("Scunthorpe")));
/// });
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Matcher {
    pub(super) inner: Arc<Compiled>,
}

/// One bit per match mode, for [`Compiled::pattern_modes`].
pub(super) fn mode_bit(mode: MatchMode) -> u8 {
    match mode {
        MatchMode::Substring => 1,
        MatchMode::Stem => 2,
        MatchMode::Word => 4,
        MatchMode::Context => 8,
    }
}

/// The [`mode_bit`]s of the variants of a pattern that a search must find where they occur:
/// all but allow words', which are looked up from the candidates (see [`crate::allow`]).
pub(super) fn searched_modes(variants: &[Variant]) -> u8 {
    variants
        .iter()
        .filter(|v| v.role != Role::Allow)
        .fold(0, |m, v| m | mode_bit(v.mode))
}

/// Whether some mode of `modes` (see [`mode_bit`]) accepts a hit with (`starts`) and without a
/// word boundary before it, and with (`ends`) or without one after it.
pub(super) fn modes_accept(modes: u8, starts: bool, ends: bool) -> bool {
    let accepted = mode_bit(MatchMode::Substring)
        | if starts { mode_bit(MatchMode::Stem) } else { 0 }
        | if starts && ends {
            mode_bit(MatchMode::Word) | mode_bit(MatchMode::Context)
        } else {
            0
        };
    modes & accepted != 0
}

/// How many key bytes of a hit of the full automaton can lie in plain key before a stretch the
/// general passes wrote (`before`) and after it (`after`): the longest prefix and the longest
/// suffix of a pattern made of bytes plain key holds ([`in_plain_key`]). A hit that overlaps
/// a stretch, or crosses the place where one wrote nothing, has only plain key on either side
/// of it, so [`Matcher::search_general`] reads that much around the stretch and no more: a
/// Devanagari phrase of 77 bytes needs nothing around a stretch, the longest English phrase
/// 32 bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct PlainReach {
    pub(super) before: usize,
    pub(super) after: usize,
}

impl PlainReach {
    /// The reach of `patterns` (the automaton's, in key bytes).
    pub(super) fn of(patterns: &[&[u8]]) -> PlainReach {
        let mut reach = PlainReach::default();
        for p in patterns {
            let before = p.iter().take_while(|&&b| in_plain_key(b)).count();
            let after = p.iter().rev().take_while(|&&b| in_plain_key(b)).count();
            reach.before = reach.before.max(before);
            reach.after = reach.after.max(after);
        }
        reach
    }
}
