//! The compiled matcher: a builder collects lists, `build` normalises every term into one
//! Aho-Corasick automaton (and a small DFA of the patterns plain text can contain, which the
//! normaliser's fast path feeds as it writes), and the immutable [`Matcher`] is shared across
//! threads.

use std::cell::RefCell;
use std::sync::{Arc, OnceLock};

use crate::allow::{AllowSpan, AllowSpans, AllowWords, Covered};
use crate::censor::{censor_spans, CensorOptions};
use crate::dfa::{max_nesting, FullSearch, Sorted, DENSE_BYTES_PER_STATE, MAX_ENTRIES};
use crate::error::{Error, ErrorKind};
use crate::indic::{self, is_devanagari, Spelling};
use crate::normalize::reread::{self, Reading};
use crate::normalize::{
    can_match_plain, is_boundary_byte, normalize_into, normalize_with, prefix_cut, Normalized,
    Scratch, Transforms,
};
use crate::plain_search::{Hit, PlainPattern, PlainSearch};
use crate::policy::{Policy, Verdict};
use crate::report::Report;
use crate::table_bytes::Table;
use crate::wordlist::{Category, MatchMode, Severity, Wordlist};

#[path = "matcher/precompiled.rs"]
pub(crate) mod precompiled;

/// One match: where it is in the original text and what it is.
///
/// It borrows the text it was found in (`text`) and the matcher that found it (`term`, `list`,
/// `version`), so finding costs no allocation or reference count per match. Copy out what
/// must outlive either.
///
/// # Examples
///
/// ```
/// use kavach::{Category, Matcher, Severity};
///
/// let matcher = Matcher::bundled()?;
/// let text = "well, Sh!t happens";
/// let m = &matcher.find(text)[0];
/// assert_eq!((m.start, m.end), (6, 10));
/// assert_eq!(&text[m.start..m.end], m.text);
/// assert_eq!((m.text, m.term), ("Sh!t", "shit"));
/// assert_eq!((m.category, m.severity), (Category::Profanity, Severity::Medium));
/// assert_eq!((m.list, m.version), ("en", &*matcher.lists()[0].version));
/// assert_eq!(m.transforms.names().collect::<Vec<_>>(), ["leet"]);
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Match<'a> {
    /// Byte offset of the first byte in the original text (on a char boundary).
    pub start: usize,
    /// Byte offset one past the last byte (half-open; on a char boundary).
    pub end: usize,
    /// The original text of the span, `&text[start..end]`.
    pub text: &'a str,
    /// The canonical term from the list.
    pub term: &'a str,
    /// The term's category.
    pub category: Category,
    /// The term's severity.
    pub severity: Severity,
    /// Id of the list that flagged it.
    pub list: &'a str,
    /// Version of that list.
    pub version: &'a str,
    /// The evasions undone to find it.
    pub transforms: Transforms,
}

/// A list compiled into a matcher: identity, provenance and counts.
///
/// # Examples
///
/// ```
/// use kavach::{Matcher, Wordlist};
///
/// let matcher = Matcher::bundled()?;
/// let info = &matcher.lists()[0];
/// let list = Wordlist::bundled("en")?;
/// assert_eq!((&*info.id, &*info.version), ("en", list.meta().version.as_str()));
/// assert_eq!(info.title, list.meta().title);
/// assert_eq!((info.entries, info.allow), (list.entries().len(), list.allow().len()));
/// assert_eq!(info.fingerprint, list.fingerprint());
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListInfo {
    /// List id.
    pub id: Arc<str>,
    /// List version.
    pub version: Arc<str>,
    /// Title.
    pub title: String,
    /// Content fingerprint (see [`Wordlist::fingerprint`]).
    pub fingerprint: String,
    /// Number of terms.
    pub entries: usize,
    /// Number of allow-list entries.
    pub allow: usize,
}

/// What an automaton pattern stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// A term to report.
    Term(Category),
    /// An allow-list word: suppresses terms inside it.
    Allow,
    /// A context word: lets the list's context-mode terms match.
    Context,
}

#[derive(Debug)]
struct Target {
    term: Arc<str>,
    role: Role,
    severity: Severity,
    mode: MatchMode,
    list: u16,
}

/// One spelling of a target as it appears in the matching form.
#[derive(Debug)]
struct Variant {
    target: u32,
    /// Where this variant's minimum runs start in [`Compiled::min_runs`]: per key byte of the
    /// pattern, the fewest equal letters the text must have there (`ass` needs two `s`).
    min_runs: u32,
    /// Transforms implied by the variant itself (mask, leet).
    flags: u16,
    /// The target's list, mode and role, copied here so checking a hit reads one table.
    list: u16,
    mode: MatchMode,
    role: Role,
}

#[derive(Debug)]
struct Compiled {
    automaton: FullSearch,
    /// The patterns that can occur in plain text's matching form (no mask, leet or Devanagari
    /// spelling: a small share of them), as a DFA that the fast path feeds while it writes the
    /// key, so plain text is normalised and searched in one pass. `None` if it would not fit.
    plain: Option<PlainSearch>,
    /// Every pattern's variants, pattern by pattern: those of pattern `p` are
    /// `variants[variant_starts[p]..variant_starts[p + 1]]` (one allocation, not one per
    /// pattern).
    variants: Vec<Variant>,
    variant_starts: Vec<u32>,
    /// Per pattern: the [`mode_bit`]s of its variants' modes, so a hit that no mode could accept
    /// at its word boundaries is dropped without visiting its variants.
    pattern_modes: Vec<u8>,
    /// The variants' minimum runs, one after another.
    min_runs: Table<u16>,
    targets: Vec<Target>,
    lists: Vec<ListInfo>,
    policy: Policy,
    limits: Limits,
    /// The allow words, looked up from each candidate found (see [`crate::allow`]); `None`
    /// without any.
    allow_words: Option<AllowWords>,
    /// The patterns that only context words have, searched for in a text only once a candidate
    /// needs context (the automata leave them out): their search and the first one's index.
    context_words: Option<(FullSearch, u32)>,
    /// The longest automaton pattern, in key bytes.
    max_pattern_len: usize,
    /// What building took, so a precompiled matcher is used only under limits that would
    /// have let it be built.
    needs: BuildNeeds,
    /// The lists as given, so a matcher can be described and rebuilt (pickling, reloads);
    /// parsed when first asked for if the matcher was precompiled.
    wordlists: OnceLock<Vec<Wordlist>>,
}

/// The build limits a matcher's lists needed (see [`Limits`]).
#[derive(Debug)]
struct BuildNeeds {
    /// The longest term, allow word or context word, in characters.
    term_chars: usize,
    /// The most terms and spellings that end at one place.
    nesting: usize,
    /// The memory building took, as estimated.
    bytes: usize,
}

/// Per-scan evidence besides candidates: allow-word spans and context-word hits.
#[derive(Default)]
struct Evidence {
    allows: AllowSpans,
    /// (start, end, list) of each context word.
    contexts: Vec<(usize, usize, u16)>,
    /// Where the words of stem candidates end.
    word_ends: WordEnds,
}

/// The end of the word around a key position (see [`Normalized::word_end`]), remembered for
/// the last word asked about. Hits come in order of end, so most stem hits in one word ask in
/// turn: without this, every stem inside one long word (a spaced-out word joined into one,
/// `s.h.i.t.s.h.i.t...`) would scan to the word's end again, quadratic in its length. With it,
/// each key byte is scanned about once while the hits move forward.
struct WordEnds {
    /// `key[from..end]` holds no word boundary and `key[end]` is one (or the end of the key);
    /// `from > end` when nothing is remembered.
    from: usize,
    end: usize,
    /// Key bytes scanned since the last [`WordEnds::clear`] (for the tests bounding the work).
    #[cfg(test)]
    scanned: usize,
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
    fn clear(&mut self) {
        *self = WordEnds {
            from: 1,
            end: 0,
            #[cfg(test)]
            scanned: 0,
        };
    }

    /// The end of the word that contains key byte `j - 1`: [`Normalized::word_end`].
    fn get(&mut self, norm: &Normalized, j: usize) -> usize {
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

/// Limits that keep one hostile text from exhausting a server. [`Matcher::report`] (what every
/// binding and the CLI use) fails closed on them: over the match limit it keeps the first
/// matches and a verdict at least `review`; over the length limit it does not scan and answers
/// `review`. [`Matcher::scan`] returns an error instead; [`Matcher::find`] ignores them.
///
/// # Examples
///
/// ```
/// use kavach::{Decision, Limits, Matcher};
///
/// let mut limits = Limits::default();
/// limits.max_input_bytes = Some(32);
/// let matcher = Matcher::builder().bundled("en").limits(limits).build()?;
/// let long = "this text is a little too long to scan";
/// assert_eq!(matcher.scan(long).err().map(|e| e.code()), Some("input-too-long"));
/// // `report` fails closed: the text is not scanned and goes to review.
/// let report = matcher.report(long);
/// assert_eq!(report.reason_code(), Some("input-too-long"));
/// assert_eq!(report.verdict.decision, Decision::Review);
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Longest text accepted, in UTF-8 bytes (default 1 MiB); `None` for no limit. Scanning
    /// allocates a few dozen bytes per input byte, once per thread.
    pub max_input_bytes: Option<usize>,
    /// Most matches one text may have (default 1,000); `None` for no limit.
    pub max_matches: Option<usize>,
    /// Longest term, allow word or context word of a list, in characters (default 100; the
    /// longest bundled entry has 30): a longer one is refused (`term-too-long`, naming its
    /// file and line) when the matcher is built. Each term is searched under several
    /// spellings, each a path through the automaton as long as the term.
    pub max_term_chars: Option<usize>,
    /// Most memory building the matcher may take, in bytes (default 1 GiB, 256 MiB in
    /// WebAssembly), estimated from the
    /// lists before the automata are allocated: over it, the build is refused
    /// (`list-too-large`) and nothing large has been allocated. The bundled lists take about
    /// 12 MB; a list of 100,000 ordinary words about 750 MB (and 0.5 GB in fact).
    pub max_build_bytes: Option<usize>,
    /// Most terms and spellings of the lists that may end at one place of a text (default 8;
    /// the bundled lists have at most 3: `ass` in `badass`): a term with more inside its end
    /// (`xq`, `xqxq`, `xqxqxq`, …) is refused (`list-too-nested`). A scan finds at most this
    /// many hits per byte of text, so it bounds a scan's time and memory.
    pub max_nesting: Option<usize>,
}

impl Limits {
    /// No limits at all.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Limits, Matcher};
    ///
    /// let matcher = Matcher::builder().bundled("en").limits(Limits::NONE).build()?;
    /// assert_eq!(matcher.limits().max_input_bytes, None);
    /// assert!(matcher.check_input(&"a".repeat(2 << 20)).is_ok()); // 2 MiB: over the default
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub const NONE: Limits = Limits {
        max_input_bytes: None,
        max_matches: None,
        max_term_chars: None,
        max_build_bytes: None,
        max_nesting: None,
    };
}

/// The default [`Limits::max_build_bytes`]: 1 GiB, and 256 MiB in WebAssembly, whose instance
/// has at most 4 GiB (a browser tab often less) and cannot give memory back.
const DEFAULT_MAX_BUILD_BYTES: usize = if cfg!(target_arch = "wasm32") {
    256 << 20
} else {
    1 << 30
};

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: Some(1 << 20),
            max_matches: Some(1000),
            max_term_chars: Some(100),
            max_build_bytes: Some(DEFAULT_MAX_BUILD_BYTES),
            max_nesting: Some(8),
        }
    }
}

/// Compiles lists into a [`Matcher`].
///
/// # Examples
///
/// ```
/// use kavach::Matcher;
///
/// let matcher = Matcher::builder().bundled("en").bundled("hi-Latn").build()?;
/// let found = matcher.find("f.u.c.k this, tu chutiya hai");
/// let lists: Vec<&str> = found.iter().map(|m| m.list).collect();
/// assert_eq!(lists, ["en", "hi-Latn"]);
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Default)]
pub struct MatcherBuilder {
    lists: Vec<ListSpec>,
    policy: Policy,
    limits: Limits,
    /// Build even what is precompiled ([`MatcherBuilder::precompiled`]).
    at_run_time: bool,
}

enum ListSpec {
    Bundled(String),
    /// A loaded list and the name of its file (for errors), if known.
    List(Box<Wordlist>, Option<String>),
}

impl MatcherBuilder {
    /// Adds a bundled list by id, optionally pinned as `id@version`.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Matcher;
    ///
    /// let matcher = Matcher::builder().bundled("hi-Latn").build()?;
    /// assert_eq!(matcher.find("tu chutiya hai")[0].term, "chutiya");
    /// assert!(!matcher.is_match("what the fuck")); // `en` is not in it
    /// // Pinned to a version that is not bundled:
    /// let pinned = Matcher::builder().bundled("en@0.0.1").build();
    /// assert_eq!(pinned.err().map(|e| e.code()), Some("version-mismatch"));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    #[must_use]
    pub fn bundled(mut self, spec: &str) -> Self {
        self.lists.push(ListSpec::Bundled(spec.to_string()));
        self
    }

    /// Adds every bundled list.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, Wordlist};
    ///
    /// let matcher = Matcher::builder().all_bundled().build()?;
    /// let ids: Vec<&str> = matcher.lists().iter().map(|l| &*l.id).collect();
    /// assert_eq!(ids, Wordlist::bundled_ids().collect::<Vec<_>>());
    /// assert_eq!(matcher.find("pthc")[0].list, "child-safety");
    /// # Ok::<(), kavach::Error>(())
    /// ```
    #[must_use]
    pub fn all_bundled(mut self) -> Self {
        for id in Wordlist::bundled_ids() {
            self.lists.push(ListSpec::Bundled(id.to_string()));
        }
        self
    }

    /// Adds a loaded list.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, Wordlist};
    ///
    /// # let header = "version = 1.0.0\ntitle = Platform terms\nlanguages = en\n\
    /// #     source = our moderators\nlicense = CC0-1.0\ndate = 2026-01-01\n";
    /// let text = format!("id = platform\n{header}[terms]\nzorp | insult | high\n");
    /// let list = Wordlist::parse(&text, "platform.kavach")?;
    /// let matcher = Matcher::builder().bundled("en").list(list).build()?;
    /// let found = matcher.find("zorp, Z0RP and damn");
    /// let terms: Vec<(&str, &str)> = found.iter().map(|m| (m.term, m.list)).collect();
    /// assert_eq!(terms, [("zorp", "platform"), ("zorp", "platform"), ("damn", "en")]);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    #[must_use]
    pub fn list(mut self, list: Wordlist) -> Self {
        self.lists.push(ListSpec::List(Box::new(list), None));
        self
    }

    /// Adds a loaded list read from `source` (its path): errors about its entries name it.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Limits, Matcher, Wordlist};
    ///
    /// # let header = "version = 1.0.0\ntitle = Platform terms\nlanguages = en\n\
    /// #     source = our moderators\nlicense = CC0-1.0\ndate = 2026-01-01\n";
    /// let text = format!("id = platform\n{header}[terms]\nzorp | insult | high\n");
    /// let list = Wordlist::parse(&text, "platform.kavach")?;
    /// let mut limits = Limits::default();
    /// limits.max_term_chars = Some(3);
    /// let built = Matcher::builder().list_from("platform.kavach", list).limits(limits).build();
    /// let message = built.err().map(|e| e.to_string()).unwrap_or_default();
    /// assert!(message.starts_with("platform.kavach:9: term of 4 characters"), "{message}");
    /// # Ok::<(), kavach::Error>(())
    /// ```
    #[must_use]
    pub fn list_from(mut self, source: &str, list: Wordlist) -> Self {
        self.lists
            .push(ListSpec::List(Box::new(list), Some(source.to_string())));
        self
    }

    /// Sets the policy that maps matches to a verdict.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Decision, Matcher, Policy, Severity};
    ///
    /// let mut policy = Policy::default();
    /// policy.default.block = Severity::Medium; // block medium profanity too
    /// let strict = Matcher::builder().bundled("en").policy(policy).build()?;
    /// assert_eq!(strict.verdict("shit happens").decision, Decision::Block);
    /// assert_eq!(Matcher::bundled()?.verdict("shit happens").decision, Decision::Review);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    #[must_use]
    pub fn policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }

    /// Sets the limits [`Matcher::report`] and [`Matcher::scan`] enforce (default:
    /// [`Limits::default`]). A limit of `Some(0)` means no limit, as `0` does in every binding.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Limits, Matcher};
    ///
    /// let mut limits = Limits::default();
    /// limits.max_matches = Some(0); // no limit
    /// let matcher = Matcher::builder().bundled("en").limits(limits).build()?;
    /// assert_eq!(matcher.limits().max_matches, None);
    /// assert_eq!(matcher.scan(&"damn ".repeat(2000))?.len(), 2000); // the default limit is 1,000
    /// # Ok::<(), kavach::Error>(())
    /// ```
    #[must_use]
    pub fn limits(mut self, limits: Limits) -> Self {
        let lift = |l: Option<usize>| l.filter(|&n| n > 0);
        self.limits = Limits {
            max_input_bytes: lift(limits.max_input_bytes),
            max_matches: lift(limits.max_matches),
            max_term_chars: lift(limits.max_term_chars),
            max_build_bytes: lift(limits.max_build_bytes),
            max_nesting: lift(limits.max_nesting),
        };
        self
    }

    /// Compiles the lists; fails on an unknown bundled id, a duplicate list id, no lists, or a
    /// list past a build limit ([`Limits::max_term_chars`], [`Limits::max_build_bytes`],
    /// [`Limits::max_nesting`]).
    ///
    /// # Errors
    ///
    /// `unknown-list` or `version-mismatch` for a bundled list that is not bundled (at that
    /// version), `duplicate-list`, `no-lists`, `build` if the automaton would need 2^32 states or
    /// more, and the build limits: `term-too-long`, `list-too-large`, `list-too-nested`.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Matcher;
    ///
    /// let matcher = Matcher::builder().bundled("en").build()?;
    /// assert!(matcher.is_match("what the fuck"));
    /// assert_eq!(Matcher::builder().build().err().map(|e| e.code()), Some("no-lists"));
    /// let twice = Matcher::builder().bundled("en").bundled("en").build();
    /// let message = twice.err().map(|e| e.to_string());
    /// assert_eq!(message.as_deref(), Some("list id `en` given twice"));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn build(self) -> Result<Matcher, Error> {
        match self.compile(false)? {
            Built::Matcher(m) => Ok(m),
            Built::Estimate(_) => Err(Error::new(ErrorKind::Build("no matcher".into()))),
        }
    }

    /// The most memory [`MatcherBuilder::build`] would take, in bytes (what
    /// [`Limits::max_build_bytes`] is checked against), found without building the automata:
    /// to size a server for a platform's list before loading it. The build limit is not
    /// applied; the others are.
    ///
    /// # Errors
    ///
    /// As [`MatcherBuilder::build`], but never `list-too-large`.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Limits, Matcher, Wordlist};
    ///
    /// # let header = "version = 1.0.0\ntitle = Platform terms\nlanguages = en\n\
    /// #     source = our moderators\nlicense = CC0-1.0\ndate = 2026-01-01\n";
    /// let text = format!("id = platform\n{header}[terms]\nzorp | insult | high\n");
    /// let list = Wordlist::parse(&text, "platform.kavach")?;
    /// let bytes = Matcher::builder().list(list.clone()).estimate_bytes()?;
    /// let mut limits = Limits::default();
    /// limits.max_build_bytes = Some(bytes - 1);
    /// let refused = Matcher::builder().list(list.clone()).limits(limits).build();
    /// assert_eq!(refused.err().map(|e| e.code()), Some("list-too-large"));
    /// limits.max_build_bytes = Some(bytes);
    /// assert!(Matcher::builder().list(list).limits(limits).build().is_ok());
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn estimate_bytes(self) -> Result<usize, Error> {
        let mut b = self;
        b.limits.max_build_bytes = None;
        match b.compile(true)? {
            Built::Estimate(bytes) => Ok(bytes),
            Built::Matcher(_) => Err(Error::new(ErrorKind::Build("no estimate".into()))),
        }
    }

    /// Whether the matcher of the bundled lists may be read as compiled with the library
    /// (default: yes, where the `precompiled` feature is on; see [`Matcher::bundled`]). `false`
    /// builds it like any other lists: to measure building, or to compare the two.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Matcher;
    ///
    /// let built = Matcher::builder().bundled("en").precompiled(false).build()?;
    /// let text = "what the f.u.с.k, sh1t"; // Cyrillic с
    /// assert_eq!(built.find(text), Matcher::bundled()?.find(text));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    #[must_use]
    pub fn precompiled(mut self, allowed: bool) -> Self {
        self.at_run_time = !allowed;
        self
    }

    fn compile(self, estimate_only: bool) -> Result<Built, Error> {
        if !(estimate_only || self.at_run_time) {
            if let Some(m) = precompiled::load(&self.lists, &self.policy, self.limits) {
                return Ok(Built::Matcher(m));
            }
        }
        let mut lists = Vec::with_capacity(self.lists.len());
        let mut sources = Vec::with_capacity(self.lists.len());
        for spec in self.lists {
            let (list, source) = match spec {
                ListSpec::Bundled(s) => (Wordlist::bundled(&s)?, None),
                ListSpec::List(l, source) => (*l, source),
            };
            sources.push(source.unwrap_or_else(|| format!("list {}", list.meta().id)));
            if lists
                .iter()
                .any(|l: &Wordlist| l.meta().id == list.meta().id)
            {
                return Err(Error::new(ErrorKind::DuplicateList(list.meta().id.clone())));
            }
            lists.push(list);
        }
        if lists.is_empty() {
            return Err(Error::new(ErrorKind::NoLists));
        }
        compile(lists, &sources, self.policy, self.limits, estimate_only)
    }
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
    inner: Arc<Compiled>,
}

/// A candidate in key coordinates.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    i: usize,
    j: usize,
    /// End of the term proper (before a stem's ending).
    term_end: usize,
    /// Index into [`Compiled::variants`].
    variant: u32,
}

impl Candidate {
    fn covered(&self) -> Covered {
        Covered {
            i: self.i,
            term_end: self.term_end,
            j: self.j,
        }
    }
}

impl Matcher {
    /// A builder with no lists.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Limits, Matcher, Policy};
    ///
    /// let matcher = Matcher::builder()
    ///     .bundled("en")
    ///     .policy(Policy::default())
    ///     .limits(Limits::default())
    ///     .build()?;
    /// assert_eq!(&*matcher.lists()[0].id, "en");
    /// assert!(matcher.is_match("what the fuck"));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn builder() -> MatcherBuilder {
        MatcherBuilder::default()
    }

    /// A matcher over every bundled list with the default policy. With the `precompiled`
    /// feature (the default) it is read as compiled with the library, in about a millisecond
    /// and little heap: its tables stay in the binary and are shared by every process that
    /// runs it; without it (the WebAssembly package), it is built.
    ///
    /// # Errors
    ///
    /// None with the bundled lists and the default limits; the `Result` is that of
    /// [`MatcherBuilder::build`].
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Matcher;
    ///
    /// let matcher = Matcher::bundled()?;
    /// let text = "f.u.c.k this, tu chutiya hai, तू चूतिया है";
    /// let lists: Vec<&str> = matcher.find(text).iter().map(|m| m.list).collect();
    /// assert_eq!(lists, ["en", "hi-Latn", "hi"]);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn bundled() -> Result<Matcher, Error> {
        Matcher::builder().all_bundled().build()
    }

    /// The compiled lists.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Matcher;
    ///
    /// let matcher = Matcher::bundled()?;
    /// let ids: Vec<&str> = matcher.lists().iter().map(|l| &*l.id).collect();
    /// assert_eq!(ids, ["en", "hi", "hi-Latn", "child-safety"]);
    /// assert!(matcher.lists().iter().all(|l| l.entries > 0));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn lists(&self) -> &[ListInfo] {
        &self.inner.lists
    }

    /// The lists compiled into this matcher, as loaded: with [`Matcher::policy`], all it takes
    /// to build the same matcher again (for example in another process).
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Matcher;
    ///
    /// let matcher = Matcher::bundled()?;
    /// let again = matcher
    ///     .wordlists()
    ///     .iter()
    ///     .fold(Matcher::builder(), |b, list| b.list(list.clone()))
    ///     .policy(matcher.policy().clone())
    ///     .build()?;
    /// let text = "what the f.u.c.k, tu chutiya hai";
    /// assert_eq!(again.find(text), matcher.find(text));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn wordlists(&self) -> &[Wordlist] {
        self.inner
            .wordlists
            .get_or_init(precompiled::bundled_wordlists)
    }

    /// [`Matcher::find`] on many texts, on up to `threads` threads (0: one per available
    /// core); results are in input order and identical to calling `find` on each text.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Matcher;
    ///
    /// let matcher = Matcher::bundled()?;
    /// let texts = ["what the f.u.c.k", "a clean post", "tu chutiya hai"];
    /// let found = matcher.find_many(&texts, 2);
    /// let terms: Vec<Vec<&str>> =
    ///     found.iter().map(|ms| ms.iter().map(|m| m.term).collect()).collect();
    /// assert_eq!(terms, [vec!["fuck"], vec![], vec!["chutiya"]]);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn find_many<'a, S: AsRef<str> + Sync>(
        &'a self,
        texts: &'a [S],
        threads: usize,
    ) -> Vec<Vec<Match<'a>>> {
        self.map_many(texts, threads, |t| self.find(t))
    }

    /// [`Matcher::scan_many`], with each text's result passed through `convert` on the thread
    /// that scanned it: bindings turn matches into their own types (offsets in other units,
    /// objects) in parallel too.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Limits, Matcher};
    ///
    /// let mut limits = Limits::default();
    /// limits.max_input_bytes = Some(32);
    /// let matcher = Matcher::builder().bundled("en").limits(limits).build()?;
    /// let texts = ["what the fuck", "this text is a little too long to scan"];
    /// let counts = matcher.scan_many_with(&texts, 2, |_text, result| {
    ///     result.map(|matches| matches.len()).map_err(|e| e.code())
    /// });
    /// assert_eq!(counts, [Ok(1), Err("input-too-long")]);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn scan_many_with<'a, S: AsRef<str> + Sync, R: Send>(
        &'a self,
        texts: &'a [S],
        threads: usize,
        convert: impl Fn(&'a str, Result<Vec<Match<'a>>, Error>) -> R + Sync,
    ) -> Vec<R> {
        self.map_many(texts, threads, |t| convert(t, self.scan(t)))
    }

    fn map_many<'a, S: AsRef<str> + Sync, R: Send>(
        &'a self,
        texts: &'a [S],
        threads: usize,
        f: impl Fn(&'a str) -> R + Sync,
    ) -> Vec<R> {
        let threads = match threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        }
        .min(texts.len())
        .max(1);
        if threads == 1 {
            return texts.iter().map(|t| f(t.as_ref())).collect();
        }
        // Contiguous chunks keep the output in order without sorting.
        let chunk = texts.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = texts
                .chunks(chunk)
                .map(|part| {
                    let f = &f;
                    scope.spawn(move || part.iter().map(|t| f(t.as_ref())).collect::<Vec<_>>())
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    }

    /// The limits [`Matcher::scan`] enforces.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Limits, Matcher};
    ///
    /// let matcher = Matcher::bundled()?;
    /// assert_eq!(matcher.limits(), Limits::default());
    /// assert_eq!(matcher.limits().max_input_bytes, Some(1 << 20));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn limits(&self) -> Limits {
        self.inner.limits
    }

    /// Fails when `text` is longer than [`Limits::max_input_bytes`].
    ///
    /// # Errors
    ///
    /// `input-too-long` over [`Limits::max_input_bytes`].
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Limits, Matcher};
    ///
    /// let mut limits = Limits::default();
    /// limits.max_input_bytes = Some(16);
    /// let matcher = Matcher::builder().bundled("en").limits(limits).build()?;
    /// assert!(matcher.check_input("sixteen bytes ok").is_ok());
    /// let message = matcher.check_input("seventeen bytes!!").err().map(|e| e.to_string());
    /// assert_eq!(message.as_deref(), Some("text of 17 bytes is over the limit of 16 bytes"));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn check_input(&self, text: &str) -> Result<(), Error> {
        match self.inner.limits.max_input_bytes {
            Some(max) if text.len() > max => Err(Error::new(ErrorKind::InputTooLong {
                bytes: text.len(),
                max,
            })),
            _ => Ok(()),
        }
    }

    /// [`Matcher::find`] within the matcher's [`Limits`]: a text that is too long, or that has
    /// too many matches, is an error rather than a partial answer. Use this on untrusted input.
    ///
    /// # Errors
    ///
    /// `input-too-long` over [`Limits::max_input_bytes`], `too-many-matches` over
    /// [`Limits::max_matches`].
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Limits, Matcher};
    ///
    /// let mut limits = Limits::default();
    /// limits.max_matches = Some(3);
    /// let matcher = Matcher::builder().bundled("en").limits(limits).build()?;
    /// assert_eq!(matcher.scan("what the fuck")?[0].term, "fuck");
    /// let message = matcher.scan("shit shit shit shit").err().map(|e| e.to_string());
    /// assert_eq!(message.as_deref(), Some("text has 4 matches, over the limit of 3"));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn scan<'a>(&'a self, text: &'a str) -> Result<Vec<Match<'a>>, Error> {
        self.check_input(text)?;
        let found = self.find(text);
        match self.inner.limits.max_matches {
            Some(max) if found.len() > max => Err(Error::new(ErrorKind::TooManyMatches {
                found: found.len(),
                max,
            })),
            _ => Ok(found),
        }
    }

    /// The fail-closed outcome of scanning `text` within the matcher's [`Limits`]: over the
    /// match limit, the first matches, `truncated`, and a verdict over every match found and at
    /// least `review`; over the length limit, no scan, an `input-too-long` error and a verdict
    /// of `review`. Never fails and never answers `allow` for a text it did not fully scan.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Decision, Limits, Matcher};
    ///
    /// let mut limits = Limits::default();
    /// limits.max_matches = Some(2);
    /// let matcher = Matcher::builder().bundled("en").limits(limits).build()?;
    /// assert_eq!(matcher.report("damn").verdict.decision, Decision::Allow);
    /// let report = matcher.report("damn damn damn");
    /// assert_eq!((report.matches.len(), report.truncated), (2, true));
    /// assert_eq!(report.verdict.decision, Decision::Review); // not fully scanned: not allowed
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn report<'a>(&'a self, text: &'a str) -> Report<'a> {
        if let Err(e) = self.check_input(text) {
            return Report::unscanned(e);
        }
        Report::scanned(
            text,
            self.find(text),
            &self.inner.policy,
            self.inner.limits.max_matches,
        )
    }

    /// [`Matcher::report`] on many texts, on up to `threads` threads (0: one per core), with
    /// each report passed through `convert` on the thread that made it; results in input order.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Matcher;
    ///
    /// let matcher = Matcher::bundled()?;
    /// let texts = ["what the fuck", "shit happens", "a clean post"];
    /// let lines = matcher.report_many_with(&texts, 2, |text, report| {
    ///     format!("{text}: {}", report.verdict.decision)
    /// });
    /// assert_eq!(lines, ["what the fuck: block", "shit happens: review", "a clean post: allow"]);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn report_many_with<'a, S: AsRef<str> + Sync, R: Send>(
        &'a self,
        texts: &'a [S],
        threads: usize,
        convert: impl Fn(&'a str, Report<'a>) -> R + Sync,
    ) -> Vec<R> {
        self.map_many(texts, threads, |t| convert(t, self.report(t)))
    }

    /// [`Matcher::report`] on many texts, on up to `threads` threads (0: one per core), in order.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Matcher;
    ///
    /// let matcher = Matcher::bundled()?;
    /// let reports = matcher.report_many(&["what the fuck", "shit happens", "a clean post"], 0);
    /// let decisions: Vec<&str> = reports.iter().map(|r| r.verdict.decision.as_str()).collect();
    /// assert_eq!(decisions, ["block", "review", "allow"]);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn report_many<'a, S: AsRef<str> + Sync>(
        &'a self,
        texts: &'a [S],
        threads: usize,
    ) -> Vec<Report<'a>> {
        self.report_many_with(texts, threads, |_, r| r)
    }

    /// `text` with every match masked, within the length limit: a longer text is an
    /// `input-too-long` error, not passed through unmasked. Every match is masked, however many.
    ///
    /// # Errors
    ///
    /// `input-too-long` over [`Limits::max_input_bytes`].
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{CensorOptions, Limits, Matcher};
    ///
    /// let mut limits = Limits::default();
    /// limits.max_input_bytes = Some(32);
    /// let matcher = Matcher::builder().bundled("en").limits(limits).build()?;
    /// let options = CensorOptions::default();
    /// assert_eq!(matcher.censor_checked("shit, what the fuck", &options)?, "****, what the ****");
    /// let long = "shit, this text is too long to censor";
    /// let refused = matcher.censor_checked(long, &options);
    /// assert_eq!(refused.err().map(|e| e.code()), Some("input-too-long"));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn censor_checked(&self, text: &str, options: &CensorOptions) -> Result<String, Error> {
        self.check_input(text)?;
        Ok(self.censor(text, options))
    }

    /// [`Matcher::scan`] on many texts, on up to `threads` threads (0: one per core), in order.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Limits, Matcher};
    ///
    /// let mut limits = Limits::default();
    /// limits.max_input_bytes = Some(32);
    /// let matcher = Matcher::builder().bundled("en").limits(limits).build()?;
    /// let texts = ["fuck", "this text is a little too long to scan", "shit"];
    /// let results = matcher.scan_many(&texts, 2);
    /// let codes: Vec<Option<&str>> =
    ///     results.iter().map(|r| r.as_ref().err().map(|e| e.code())).collect();
    /// assert_eq!(codes, [None, Some("input-too-long"), None]);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn scan_many<'a, S: AsRef<str> + Sync>(
        &'a self,
        texts: &'a [S],
        threads: usize,
    ) -> Vec<Result<Vec<Match<'a>>, Error>> {
        self.map_many(texts, threads, |t| self.scan(t))
    }

    /// The policy used by [`Matcher::verdict`].
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Category, Matcher, Policy, Severity};
    ///
    /// let matcher = Matcher::bundled()?;
    /// assert_eq!(matcher.policy(), &Policy::default());
    /// assert_eq!(matcher.policy().thresholds(Category::Slur).block, Severity::Medium);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn policy(&self) -> &Policy {
        &self.inner.policy
    }

    /// All matches, sorted by position, one per overlapping region.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Matcher;
    ///
    /// let matcher = Matcher::bundled()?;
    /// let text = "f*ck this shithead";
    /// let found = matcher.find(text);
    /// let spans: Vec<&str> = found.iter().map(|m| &text[m.start..m.end]).collect();
    /// assert_eq!(spans, ["f*ck", "shithead"]);
    /// let terms: Vec<&str> = found.iter().map(|m| m.term).collect();
    /// assert_eq!(terms, ["fuck", "shit"]); // `shit` is a stem: the match runs to the word's end
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn find<'a>(&'a self, text: &'a str) -> Vec<Match<'a>> {
        // Filled in place rather than returned through the buffers' closure: moving the vector
        // out through it cost a stalled copy per call.
        let mut out = Vec::new();
        let mut spaced = Vec::new();
        let mut symbols = false;
        self.with_hits(text, |norm, hits, work| {
            self.find_in(text, norm, hits, work, &mut out);
            spaced.extend_from_slice(&norm.spaced);
            symbols = norm.symbol_letters;
        });
        if !spaced.is_empty() || symbols {
            let mut more = Vec::new();
            self.second_readings(text, &spaced, symbols, |m| more.push(m));
            merge_matches(&mut out, more);
        }
        out
    }

    /// Reads the stretches of `text` that its matching form keeps as they are a second time
    /// (see [`reread`]): the runs in `spaced` joined, and, if `symbols`, the words with letters
    /// written in symbols with the letters in. Gives each match found, mapped back to `text`.
    /// Linear: each stretch is read once more. Out of line: few texts have any.
    #[cold]
    #[inline(never)]
    fn second_readings<'a>(
        &'a self,
        text: &'a str,
        spaced: &[(u32, u32)],
        symbols: bool,
        mut f: impl FnMut(Match<'a>),
    ) {
        let joined = spaced
            .iter()
            .map(|&(a, b)| Reading::joined(text, a as usize..b as usize));
        let leet = symbols
            .then(|| reread::leet_words(text))
            .into_iter()
            .flatten()
            .map(|r| Reading::leet(text, r));
        for reading in joined.chain(leet) {
            self.with_hits(&reading.text, |norm, hits, work| {
                self.verify_all(norm, hits, work);
                let Work { cands, ev } = work;
                if cands.is_empty() {
                    return;
                }
                self.confirm(norm, cands, ev);
                self.resolve_with(cands, |x| {
                    // A stem's ending would run on into the next words of a run (`चू ति या है`):
                    // the match is the term's own letters.
                    let x = Candidate {
                        j: x.term_end,
                        ..*x
                    };
                    let mut m = self.to_match_read(text, &reading, norm, &x);
                    if reading.leet {
                        m.transforms = m.transforms.union(Transforms::LEET);
                    }
                    f(m);
                });
            });
        }
    }

    fn find_in<'a>(
        &'a self,
        text: &'a str,
        norm: &Normalized,
        hits: &[Hit],
        work: &mut Work,
        out: &mut Vec<Match<'a>>,
    ) {
        self.verify_all(norm, hits, work);
        let Work { cands, ev } = work;
        if cands.is_empty() {
            return;
        }
        self.confirm(norm, cands, ev);
        self.resolve(text, norm, cands, out);
    }

    /// Verifies every hit into `work`'s candidates and evidence (cleared first).
    fn verify_all(&self, norm: &Normalized, hits: &[Hit], work: &mut Work) {
        work.clear();
        let Work { cands, ev } = work;
        for &hit in hits {
            self.verify(norm, hit, cands, ev);
        }
    }

    /// Drops candidates inside allow words, then context-mode candidates with no context: no
    /// context word of their list and no other confirmed match outside their span.
    fn confirm(&self, norm: &Normalized, cands: &mut Vec<Candidate>, ev: &mut Evidence) {
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
    fn find_context_words(&self, norm: &Normalized, ev: &mut Evidence) {
        if let Some((search, first)) = &self.inner.context_words {
            // Checking context words adds no candidate.
            let mut none = Vec::new();
            search.for_each_match(&norm.key, |p, i, j| {
                self.check::<CONTEXTS>(norm, (p + first, i as u32, j as u32), &mut none, ev);
            });
        }
    }

    /// Drops the candidates an allow word covers.
    fn drop_allowed(&self, cands: &mut Vec<Candidate>, ev: &Evidence) {
        ev.allows
            .drop_covered(cands, Candidate::covered, self.allow_reach());
    }

    /// The longest allow word, in key bytes (0 without any).
    fn allow_reach(&self) -> usize {
        self.inner
            .allow_words
            .as_ref()
            .map_or(0, AllowWords::longest)
    }

    fn variant(&self, x: &Candidate) -> &Variant {
        &self.inner.variants[x.variant as usize]
    }

    fn needs_context(&self, x: &Candidate) -> bool {
        self.variant(x).mode == MatchMode::Context
    }

    /// Whether `text` has any match; stops at the first confirmed one.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Matcher;
    ///
    /// let matcher = Matcher::bundled()?;
    /// assert!(matcher.is_match("what the f.u.c.k"));
    /// assert!(!matcher.is_match("Scunthorpe is a town in England"));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn is_match(&self, text: &str) -> bool {
        // A long text is first checked on its first 1/32: a match there that nothing later in
        // the text can undo answers without scanning the rest (at most 1/32 more work when
        // there is none).
        if text.len() >= EARLY_MIN_BYTES {
            if let Some(cut) = prefix_cut(text, text.len() / EARLY_PART, EARLY_CUT_WITHIN) {
                let prefix = &text[..cut];
                if self.with_hits(prefix, |norm, hits, work| {
                    self.sure_in_prefix(norm, hits, work)
                }) {
                    return true;
                }
            }
        }
        let mut spaced = Vec::new();
        let mut symbols = false;
        self.with_hits(text, |norm, hits, work| {
            spaced.extend_from_slice(&norm.spaced);
            symbols = norm.symbol_letters;
            self.is_match_in(norm, hits, work)
        }) || ((!spaced.is_empty() || symbols) && {
            let mut any = false;
            self.second_readings(text, &spaced, symbols, |_| any = true);
            any
        })
    }

    /// Whether the matching form of a prefix cut by [`prefix_cut`] (so it is the start of the
    /// whole text's) has a match that the rest of the text cannot undo: not a context-mode term
    /// (context may come later), not inside an allow word, and starting far enough from the cut
    /// that no allow word crossing it can cover it.
    fn sure_in_prefix(&self, norm: &Normalized, hits: &[Hit], work: &mut Work) -> bool {
        self.verify_all(norm, hits, work);
        let Work { cands, ev } = work;
        self.drop_allowed(cands, ev);
        let reach = self.allow_reach();
        cands
            .iter()
            .any(|x| !self.needs_context(x) && x.i + reach < norm.key.len())
    }

    fn is_match_in(&self, norm: &Normalized, hits: &[Hit], work: &mut Work) -> bool {
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

    /// `text` with every match masked, one mask character per grapheme.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{CensorOptions, Matcher};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let options = CensorOptions::default();
    /// assert_eq!(matcher.censor("😀 f*ck this", &options), "😀 **** this");
    /// // चूतिया is three graphemes: three masks.
    /// assert_eq!(matcher.censor("तू चूतिया है", &options), "तू *** है");
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn censor(&self, text: &str, options: &CensorOptions) -> String {
        let spans: Vec<(usize, usize)> = self.find(text).iter().map(|m| (m.start, m.end)).collect();
        censor_spans(text, &spans, options)
    }

    /// The policy's decision on `text`.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Decision, Matcher, Severity};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let verdict = matcher.verdict("shit happens");
    /// assert_eq!(verdict.decision, Decision::Review);
    /// assert_eq!(verdict.max_severity, Some(Severity::Medium));
    /// assert_eq!(matcher.verdict("hello").decision, Decision::Allow);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn verdict(&self, text: &str) -> Verdict {
        self.inner.policy.decide(&self.find(text))
    }

    /// Checks one automaton hit against each variant of its pattern (see [`Matcher::check`]);
    /// for a term it finds, looks up the allow words that could cover it.
    fn verify(&self, norm: &Normalized, hit: Hit, cands: &mut Vec<Candidate>, ev: &mut Evidence) {
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
    fn look_up_allows(
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
    fn check<const ONLY: u8>(
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

    /// One match per overlapping region: the longest, then the most severe, then the first
    /// listed.
    fn resolve<'a>(
        &'a self,
        text: &'a str,
        norm: &Normalized,
        cands: &mut [Candidate],
        out: &mut Vec<Match<'a>>,
    ) {
        self.resolve_with(cands, |x| out.push(self.to_match(text, norm, x)));
    }

    /// [`Matcher::resolve`], giving each region's best candidate to `f` in order.
    fn resolve_with(&self, cands: &mut [Candidate], mut f: impl FnMut(&Candidate)) {
        cands.sort_by_key(|x| (x.i, std::cmp::Reverse(x.j)));
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

    /// How [`Matcher::resolve`] ranks overlapping candidates: longest span, then most severe,
    /// then the most specific term, then a term as listed before one reached through a Hindi
    /// spelling or script rule, then the first listed.
    #[allow(clippy::type_complexity)]
    fn rank(&self, x: &Candidate) -> (usize, Severity, usize, bool, std::cmp::Reverse<u32>) {
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

    fn to_match<'a>(&'a self, text: &'a str, norm: &Normalized, x: &Candidate) -> Match<'a> {
        self.to_match_in(text, text, None, norm, x)
    }

    /// [`Matcher::to_match`] for a candidate found in a second reading of part of `text`.
    fn to_match_read<'a>(
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
    fn to_match_in<'a>(
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

/// Whether `a` and `b` have the same Devanagari characters in the same order; with `stem`,
/// only those of `b` but its last, against as many of `a`'s (`a` an inflection of `b`).
/// Adds `more`, the matches of second readings, to `out` (sorted by start, one per region). Where one overlaps matches of `out`, it replaces them only when it is longer than
/// each. One pass over both (a match of `out` is looked at again only for the next of `more`
/// that it overlaps too, and each overlaps few).
#[cold]
#[inline(never)]
fn merge_matches<'a>(out: &mut Vec<Match<'a>>, mut more: Vec<Match<'a>>) {
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
        if first[k..k + overlapping]
            .iter()
            .all(|x| x.end - x.start < len)
        {
            out.push(m);
            k += overlapping;
        }
    }
    out.extend_from_slice(&first[k..]);
}

fn same_devanagari(a: &str, b: &str, stem: bool) -> bool {
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
const ALL: u8 = 0;
const ALLOWS: u8 = 1;
const CONTEXTS: u8 = 2;

/// One bit per match mode, for [`Compiled::pattern_modes`].
fn mode_bit(mode: MatchMode) -> u8 {
    match mode {
        MatchMode::Substring => 1,
        MatchMode::Stem => 2,
        MatchMode::Word => 4,
        MatchMode::Context => 8,
    }
}

/// The [`mode_bit`]s of the variants of a pattern that a search must find where they occur:
/// all but allow words', which are looked up from the candidates (see [`crate::allow`]).
fn searched_modes(variants: &[Variant]) -> u8 {
    variants
        .iter()
        .filter(|v| v.role != Role::Allow)
        .fold(0, |m, v| m | mode_bit(v.mode))
}

/// Whether some mode of `modes` (see [`mode_bit`]) accepts a hit with (`starts`) and without a
/// word boundary before it, and with (`ends`) or without one after it.
fn modes_accept(modes: u8, starts: bool, ends: bool) -> bool {
    let accepted = mode_bit(MatchMode::Substring)
        | if starts { mode_bit(MatchMode::Stem) } else { 0 }
        | if starts && ends {
            mode_bit(MatchMode::Word) | mode_bit(MatchMode::Context)
        } else {
            0
        };
    modes & accepted != 0
}

/// How `have` equal letters in the text stand for `need` letters of the term.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RunFit {
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
fn run_fit(have: u16, need: u16, key_byte: u8, stem_last: bool) -> RunFit {
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

thread_local! {
    /// Per-thread buffers, reused across calls.
    static BUFFERS: RefCell<Buffers> = RefCell::new(Default::default());
}

/// The matching form of a text, its automaton hits and the working space to check them.
#[derive(Default)]
struct Buffers {
    norm: Normalized,
    scratch: Scratch,
    hits: Vec<Hit>,
    /// Key ranges the general passes wrote (see [`Matcher::search_general`]).
    general: Vec<(u32, u32)>,
    work: Work,
}

/// Per-scan working space of `find` and `is_match`, reused across calls.
#[derive(Default)]
struct Work {
    cands: Vec<Candidate>,
    ev: Evidence,
}

impl Work {
    fn clear(&mut self) {
        self.cands.clear();
        self.ev.allows.clear();
        self.ev.contexts.clear();
        self.ev.word_ends.clear();
    }
}

/// Texts at least this long are first checked on a prefix by [`Matcher::is_match`].
const EARLY_MIN_BYTES: usize = 64 << 10;
/// [`Matcher::is_match`] checks the first `1 / EARLY_PART` of a long text first.
const EARLY_PART: usize = 32;
/// How far past that [`Matcher::is_match`] looks for a place to cut the text.
const EARLY_CUT_WITHIN: usize = 4 << 10;

/// Buffers larger than this (in key bytes) are dropped after a text that fits in it, so one
/// huge text does not pin memory in a thread that goes back to posts. Twice the 64 KiB of a
/// long post or article, so documents of that size reuse them: kept buffers hold at most about
/// 1.7 MB per thread (13 bytes per key byte) once the thread scans a short text.
const KEEP_BUFFER_BYTES: usize = 128 << 10;

/// Buffers larger than this (in key bytes) are dropped after every text. Up to it, a run of
/// large texts (a rescan of 1 MiB documents) reuses them: allocating 13 MB afresh for each
/// text, then returning it to the system, cost half the scan's time in page faults.
const KEEP_LARGE_BUFFER_BYTES: usize = 2 << 20;

impl Matcher {
    /// Normalises `text` into this thread's reusable buffers, finds every automaton hit in its
    /// key (in the same pass for plain text) and runs `f` on both.
    fn with_hits<R>(&self, text: &str, f: impl FnOnce(&Normalized, &[Hit], &mut Work) -> R) -> R {
        BUFFERS.with(|cell| match cell.try_borrow_mut() {
            Ok(mut buffers) => {
                let r = self.hits_in(text, &mut buffers, f);
                let held = buffers.norm.key.capacity();
                let used = buffers.norm.key.len();
                if held > KEEP_LARGE_BUFFER_BYTES
                    || (held > KEEP_BUFFER_BYTES && used <= KEEP_BUFFER_BYTES)
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
    fn hits_in<R>(
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
    /// automaton then searches only around what the general passes wrote (`general`).
    fn normalize_and_search(
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
    /// wholly between the ranges and end before the next one. Each range is searched with as
    /// much key around it as the longest pattern, so a hit that starts or ends outside it is
    /// seen whole; ranges whose surroundings meet are searched together. Hits stay in order of
    /// end.
    fn search_general(&self, norm: &Normalized, general: &[(u32, u32)], hits: &mut Vec<Hit>) {
        let c = &self.inner;
        let key = &norm.key[..];
        let reach = c.max_pattern_len;
        let plain = hits.len();
        let mut rest = general;
        while let Some(&(a, _)) = rest.first() {
            // The ranges whose windows overlap, and the window they make together.
            let from = (a as usize).saturating_sub(reach);
            let mut to = key.len();
            let mut n = rest.len();
            for (k, pair) in rest.windows(2).enumerate() {
                if pair[0].1 as usize + reach < (pair[1].0 as usize).saturating_sub(reach) {
                    to = pair[0].1 as usize + reach;
                    n = k + 1;
                    break;
                }
            }
            let to = to.min(rest[n - 1].1 as usize + reach).min(key.len());
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
    fn search_all(&self, norm: &Normalized, hits: &mut Vec<Hit>) {
        self.inner
            .automaton
            .for_each_match(&norm.key, |p, i, j| hits.push((p, i as u32, j as u32)));
    }
}

fn spelling(norm: &Normalized) -> Spelling {
    let key = std::str::from_utf8(&norm.key).unwrap_or_default();
    key.char_indices()
        .map(|(i, ch)| (ch, norm.runs[i]))
        .collect()
}

/// Every spelling of every target while a matcher is built, in flat arrays (a key's bytes and
/// their minimum runs side by side), so a list costs a few dozen bytes per spelling rather than
/// several allocations each; equal keys become one pattern by sorting ([`Spelled::grouped`]).
#[derive(Default)]
struct Spelled {
    /// The keys, one after another.
    keys: Vec<u8>,
    /// Per key byte: the fewest equal letters the text must have there (`ass` needs two `s`).
    runs: Vec<u16>,
    recs: Vec<SpelledRec>,
}

/// One spelling: where its key is in [`Spelled::keys`], its target and its transforms.
#[derive(Clone, Copy)]
struct SpelledRec {
    at: u32,
    len: u32,
    target: u32,
    flags: u16,
}

impl Spelled {
    /// Adds `target`'s spelling `sp` (re-collapsing equal neighbours, which a variant can
    /// create). Digits are left as they are: a text's key keeps the digits of a word that
    /// leetspeak does not read as letters uncollapsed (`88`, `1488`, `zq000123x`), so a term
    /// made of such a word found no text, itself included.
    fn push(&mut self, target: u32, sp: &[(char, u16)], flags: u16) {
        let at = self.keys.len();
        let mut last: Option<char> = None;
        for &(ch, run) in sp {
            if last == Some(ch) && ch != ' ' && ch != '\n' && !ch.is_ascii_digit() {
                let n = ch.len_utf8();
                let from = self.runs.len() - n;
                for r in &mut self.runs[from..] {
                    *r = r.saturating_add(run);
                }
                continue;
            }
            last = Some(ch);
            let mut buf = [0u8; 4];
            for &b in ch.encode_utf8(&mut buf).as_bytes() {
                self.keys.push(b);
                self.runs.push(run);
            }
        }
        self.recs.push(SpelledRec {
            at: at as u32,
            len: (self.keys.len() - at) as u32,
            target,
            flags,
        });
    }

    fn key(&self, r: u32) -> &[u8] {
        let x = self.recs[r as usize];
        &self.keys[x.at as usize..][..x.len as usize]
    }

    fn runs(&self, r: u32) -> &[u16] {
        let x = self.recs[r as usize];
        &self.runs[x.at as usize..][..x.len as usize]
    }

    /// Bytes held, by capacity (what the build limit counts).
    fn bytes(&self) -> usize {
        self.keys.capacity()
            + 2 * self.runs.capacity()
            + std::mem::size_of::<SpelledRec>() * self.recs.capacity()
    }

    /// The spellings in order of key, and per key the range of them with that key, in order of
    /// appearance.
    fn grouped(&self) -> (Vec<u32>, Vec<(u32, u32)>) {
        let mut order: Vec<u32> = (0..self.recs.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| self.key(a).cmp(self.key(b)).then(a.cmp(&b)));
        let mut groups = Vec::new();
        let mut start = 0;
        for k in 1..=order.len() {
            if k == order.len() || self.key(order[k]) != self.key(order[start]) {
                groups.push((start as u32, k as u32));
                start = k;
            }
        }
        (order, groups)
    }
}

/// Most `i`/`l` positions for which every combination of `1` gets a variant.
const MAX_IL_POSITIONS: usize = 4;
/// Up to this many `i`/`l` positions, each alone also gets a variant (a long term would get
/// one full-length pattern per position).
const MAX_IL_SINGLES: usize = 8;
/// Terms longer than this (in letters) get no mask variants.
const MAX_MASKED_LEN: usize = 24;

/// Every spelling a term is searched under: as normalised; with `1` for any `i`/`l` (leet
/// `1 ! |` are ambiguous); with interior letters masked as people mask them: one letter
/// (`sh*t`), two neighbours (`f**k`), two vowels apart (`n*gg*r`) or every interior letter
/// (`n****r`). Each masked spelling adds trie states from its first mask to its end, so the
/// masks are kept to these (about `n²` states for a term of `n` letters, where every pair of
/// positions would be `n³ / 6`): they were most of a list's memory.
fn spellings(sp: &Spelling) -> Vec<(Spelling, u16)> {
    let mut out = vec![(sp.clone(), 0)];
    let il: Vec<usize> = (0..sp.len())
        .filter(|&k| matches!(sp[k].0, 'i' | 'l'))
        .collect();
    if !il.is_empty() {
        let subsets: Vec<Vec<usize>> = if il.len() <= MAX_IL_POSITIONS {
            (1u32..(1 << il.len()))
                .map(|m| {
                    il.iter()
                        .enumerate()
                        .filter(|(b, _)| m & (1 << b) != 0)
                        .map(|(_, &k)| k)
                        .collect()
                })
                .collect()
        } else if il.len() <= MAX_IL_SINGLES {
            let mut s: Vec<Vec<usize>> = il.iter().map(|&k| vec![k]).collect();
            s.push(il.clone());
            s
        } else {
            vec![il.clone()]
        };
        for set in subsets {
            let mut v = sp.clone();
            for k in set {
                v[k].0 = '1';
            }
            out.push((v, Transforms::LEET.bits()));
        }
    }
    // Masks hide letters of a single word: expand runs to letters, mask interior ones.
    if sp
        .iter()
        .any(|&(ch, _)| ch == ' ' || ch == '\n' || ch == '*')
    {
        return out;
    }
    let letters: Vec<char> = sp
        .iter()
        .flat_map(|&(ch, r)| std::iter::repeat_n(ch, r as usize))
        .collect();
    let n = letters.len();
    if (3..=MAX_MASKED_LEN).contains(&n) {
        let mut masked = |positions: &[usize]| {
            let mut l = letters.clone();
            for &p in positions {
                l[p] = '*';
            }
            out.push((
                l.into_iter().map(|ch| (ch, 1)).collect(),
                Transforms::MASK.bits(),
            ));
        };
        let vowel = |p: usize| matches!(letters[p], 'a' | 'e' | 'i' | 'o' | 'u');
        for p in 1..n - 1 {
            masked(&[p]);
            if p + 2 < n {
                masked(&[p, p + 1]);
            }
            for q in p + 2..n - 1 {
                if vowel(p) && vowel(q) {
                    masked(&[p, q]);
                }
            }
        }
        if n >= 5 {
            masked(&(1..n - 1).collect::<Vec<_>>());
        }
    }
    out
}

/// Fewest letters a phrase needs to be matched written as one word (`killyourself`): shorter
/// joined phrases (`godie`, `fatass`) are ordinary words or other terms.
const MIN_JOINED_LETTERS: usize = 8;

/// A term's compound spellings: a phrase written as one word (`kill yourself` →
/// `killyourself`), and a Hindi compound written as two (`madarchod` → `madar chod`, see
/// [`indic::split_compound`]).
fn compound_spellings(sp: &Spelling, hindi: bool) -> Vec<Spelling> {
    let mut out = Vec::new();
    if sp.iter().any(|&(c, _)| c == ' ') && sp.iter().all(|&(c, _)| c == ' ' || c.is_alphanumeric())
    {
        let joined: Spelling = sp.iter().filter(|&&(c, _)| c != ' ').copied().collect();
        if joined.iter().map(|&(_, r)| usize::from(r)).sum::<usize>() >= MIN_JOINED_LETTERS {
            out.push(joined);
        }
    }
    if hindi {
        out.extend(indic::split_compound(sp));
    }
    out
}

/// Fewest letters a term needs to be matched written in two-letter pieces (`sh.it`, `fu ck`),
/// backwards or upside down: a three-letter term in pieces is a word and a letter (`as s`),
/// reversed often a word or itself (`tit`). Four-letter terms reversed are sometimes words too
/// (`liar` is `rail`): the lists allow those.
const MIN_APART_LETTERS: usize = 4;
/// Most letters of a term that gets these spellings.
const MAX_APART_LETTERS: usize = 16;
/// Most letters of a term that is matched backwards or upside down: longer ones are phrases
/// run together (`hopeyourfamilypassesaway`), which nobody reverses, and their spellings were
/// a quarter of the automaton these spellings add.
const MAX_REVERSED_LETTERS: usize = 10;

/// The letter an upside-down glyph of a letter reads as once folded: `ʞɔnɟ` is `fuck` upside
/// down, read right to left; `n` and `u`, `d` and `p`, `b` and `q` swap, `ƃ` (g) folds to `b`
/// and `ɯ` (m) to `w` (their lookalikes); the other letters have glyphs that fold back.
fn upside_down(c: char) -> char {
    match c {
        'u' => 'n',
        'n' => 'u',
        'd' => 'p',
        'p' => 'd',
        'b' => 'q',
        'q' => 'b',
        'g' => 'b',
        'm' => 'w',
        c => c,
    }
}

/// A single-word Latin term written apart or backwards: in two-letter pieces (`sh it` for
/// `sh.it`, `fu ck`: transform `separator`), reversed (`kcuf`) and upside down (`ʞɔnɟ` folds
/// to `kcnf`; transform `reversed`). Each is matched as a whole word, whatever the term's
/// mode; context terms get none.
fn written_apart_spellings(sp: &Spelling, mode: MatchMode) -> Vec<(Spelling, u16)> {
    let mut out = Vec::new();
    if mode == MatchMode::Context || !sp.iter().all(|&(c, _)| c.is_ascii_lowercase()) {
        return out;
    }
    let letters: String = sp
        .iter()
        .flat_map(|&(c, r)| std::iter::repeat_n(c, usize::from(r)))
        .collect();
    let n = letters.len();
    if !(MIN_APART_LETTERS..=MAX_APART_LETTERS).contains(&n) {
        return out;
    }
    let pieces: Vec<&str> = (0..n)
        .step_by(2)
        .map(|k| &letters[k..(k + 2).min(n)])
        .collect();
    out.push((
        collapse_runs(&pieces.join(" ")),
        Transforms::SEPARATOR.bits(),
    ));
    if n > MAX_REVERSED_LETTERS {
        return out;
    }
    let reversed: String = letters.chars().rev().collect();
    out.push((collapse_runs(&reversed), Transforms::REVERSED.bits()));
    // Without `n u d p b q g m` the upside-down spelling is the reversed one.
    let flipped: String = reversed.chars().map(upside_down).collect();
    if flipped != reversed {
        out.push((collapse_runs(&flipped), UPSIDE_DOWN));
    }
    out
}

/// The flags only [`written_apart_spellings`] give a spelling.
const WRITTEN_APART: u16 = Transforms::REVERSED.bits() | Transforms::SEPARATOR.bits();

/// The flags of an upside-down spelling: reversed, and its turned letters are lookalikes (a
/// match needs them: see [`Matcher::check`]).
const UPSIDE_DOWN: u16 = Transforms::REVERSED.bits() | Transforms::CONFUSABLE.bits();

/// Fewest letters a romanised term needs to be matched in Devanagari text (`bc`, `mc` are not).
const MIN_LATIN_FOR_DEVANAGARI: usize = 4;
/// Fewest letters a Devanagari term's romanised form needs to be matched in Latin text.
const MIN_ROMANISED_LEN: usize = 7;

/// The extra spellings of a Hindi term (entry language `hi` or `hi-*`): romanised spelling
/// variants of a Latin term, and the romanised form (and its variants) of a Devanagari term.
fn hindi_spellings(norm: &Normalized, sp: &Spelling, hindi: bool) -> Vec<(Spelling, u16)> {
    let mut out = Vec::new();
    if !hindi {
        return out;
    }
    let spelling_bit = Transforms::SPELLING.bits();
    let script_bit = Transforms::SCRIPT.bits();
    let inflection_bit = Transforms::INFLECTION.bits();
    // Inflections of the term and of each of its spellings.
    let spellings = indic::spelling_variants(sp);
    for v in indic::inflections(sp, false) {
        out.push((v, inflection_bit));
    }
    for v in spellings {
        for i in indic::inflections(&v, false) {
            out.push((i, inflection_bit | spelling_bit));
        }
        out.push((v, spelling_bit));
    }
    let key = std::str::from_utf8(&norm.key).unwrap_or_default();
    // Short romanised forms are ordinary words (लंड → land, चोद → chod "leave", गांड → gand as
    // in Gandhi): only longer ones are matched across scripts.
    if let Some(latin) = indic::romanise(key).filter(|l| l.len() >= MIN_ROMANISED_LEN) {
        let rsp = collapse_runs(&latin);
        for i in indic::inflections(&rsp, true) {
            out.push((i, script_bit | inflection_bit));
        }
        for v in indic::spelling_variants(&rsp) {
            for i in indic::inflections(&v, true) {
                out.push((i, script_bit | spelling_bit | inflection_bit));
            }
            out.push((v, script_bit | spelling_bit));
        }
        out.insert(0, (rsp, script_bit));
    }
    // A romanised term in Devanagari text: every Devanagari reading of its letters.
    let letters = sp.iter().filter(|(c, _)| c.is_ascii_lowercase()).count();
    if letters >= MIN_LATIN_FOR_DEVANAGARI {
        let latin: String = sp
            .iter()
            .flat_map(|&(c, r)| std::iter::repeat_n(c, r as usize))
            .collect();
        for d in indic::devanagari_spellings(&latin) {
            let key = crate::normalize::normalize(&d);
            out.push((collapse_runs(&key), script_bit));
        }
    }
    out
}

/// A spelling with equal neighbours as runs (spaces excepted).
fn collapse_runs(s: &str) -> Spelling {
    let mut sp: Spelling = Vec::new();
    for ch in s.chars() {
        match sp.last_mut() {
            Some((last, r)) if *last == ch && ch != ' ' => *r += 1,
            _ => sp.push((ch, 1)),
        }
    }
    sp
}

/// Bytes per spelling that grouping spellings into patterns takes, at most: its place in the
/// order (4), its group (8), its pattern's key (16), variant (16) and plain pattern (24), the
/// pattern's mode and start (5).
const GROUPING_BYTES_PER_SPELLING: usize = 4 + 8 + 16 + 16 + 24 + 5;

/// `Ok` if `bytes` is within the build limit `max`.
fn within(bytes: usize, max: usize) -> Result<(), Error> {
    if bytes <= max {
        return Ok(());
    }
    Err(Error::new(ErrorKind::BuildTooLarge {
        estimate: bytes as u64,
        max: max as u64,
    }))
}

/// What [`compile`] made.
enum Built {
    Matcher(Matcher),
    /// Only the estimate of its memory was asked for.
    Estimate(usize),
}

/// Compiles `lists`; `sources` name them in errors, one per list.
fn compile(
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
    for (li, list) in lists.iter().enumerate() {
        let meta = list.meta();
        let list_idx = u16::try_from(li)
            .map_err(|_| Error::new(ErrorKind::Build("more than 65535 lists".into())))?;
        for e in list.entries() {
            let t = Target {
                term: Arc::from(e.term.as_str()),
                role: Role::Term(e.category),
                severity: e.severity,
                mode: e.mode,
                list: list_idx,
            };
            let hindi = e.lang == "hi" || e.lang.starts_with("hi-");
            too_long(&e.term, &sources[li], e.line)?;
            add(&e.term, hindi, t, &mut targets)?;
        }
        for a in list.allow() {
            let t = Target {
                term: Arc::from(a.term.as_str()),
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
                term: Arc::from(w.term.as_str()),
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
    let (nesting, deepest) = max_nesting(&patterns[..searched]);
    if let Some(max) = limits.max_nesting.filter(|&max| nesting > max) {
        let v = &variants[variant_starts[deepest] as usize];
        let t = &targets[v.target as usize];
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
    let plain_entries = PlainSearch::table_entries(&plain_patterns);
    let estimate = spent
        + FullSearch::estimate_bytes(&searched_sorted)
        + FullSearch::estimate_bytes(&context_sorted)
        + if plain_entries <= MAX_ENTRIES {
            plain_entries * 4 + plain_entries / PlainSearch::STRIDE * DENSE_BYTES_PER_STATE
        } else {
            0
        };
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
    let plain = PlainSearch::build(&plain_patterns, MAX_ENTRIES);
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
            max_pattern_len: patterns[..searched]
                .iter()
                .map(|p| p.len())
                .max()
                .unwrap_or(0),
            needs: BuildNeeds {
                term_chars,
                nesting,
                bytes: estimate,
            },
            wordlists: OnceLock::from(lists),
        }),
    }))
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

#[cfg(test)]
mod tests {
    use super::{Hit, Matcher, Scratch};
    use crate::normalize::Normalized;
    use proptest::prelude::*;

    fn matcher() -> &'static Matcher {
        static M: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
        M.get_or_init(|| Matcher::bundled().expect("bundled"))
    }

    fn both(text: &str) -> (Vec<Hit>, Vec<Hit>) {
        matcher().fast_and_general_hits(text)
    }

    /// The matching form of `text`, the hits found while the fast path writes it, and the full
    /// automaton's hits over all of it.
    fn raw_hits(text: &str) -> (Normalized, Vec<Hit>, Vec<Hit>) {
        let m = matcher();
        let (mut norm, mut fused, mut all) = (Normalized::default(), Vec::new(), Vec::new());
        let scratch = &mut Scratch::default();
        m.normalize_and_search(text, &mut norm, scratch, &mut fused, &mut Vec::new());
        m.search_all(&norm, &mut all);
        (norm, fused, all)
    }

    #[test]
    fn large_buffers_stay_for_a_run_of_large_texts_only() {
        let held = || super::BUFFERS.with(|b| b.borrow().norm.key.capacity());
        let m = matcher();
        let doc = "what a day it was, honestly ".repeat(20_000);
        m.find(&doc);
        let after_one = held();
        assert!(after_one >= doc.len() / 2, "{after_one}");
        m.find(&doc);
        assert_eq!(held(), after_one, "a second document reuses the buffers");
        m.find("a short post");
        assert!(held() <= super::KEEP_BUFFER_BYTES, "{}", held());
        // Over the larger bound, dropped at once.
        let huge = "what a day it was, honestly ".repeat(100_000);
        m.find(&huge);
        assert!(held() <= super::KEEP_BUFFER_BYTES, "{}", held());
        m.find(&doc);
        assert!(held() >= after_one);
    }

    #[test]
    fn bundled_full_automaton_is_dense_only_near_the_root() {
        // Every state dense, the 1.0.0 lists' full automaton held 42 MB; dense rows for the
        // first trie levels and sparse states below hold a small part of that (6.5 MB with
        // hi 1.2.0 and hi-Latn 1.3.0).
        let automaton = &matcher().inner.automaton;
        let (bytes, rows) = (automaton.heap_bytes(), automaton.dense_rows());
        assert!(bytes < 8 << 20, "{bytes} bytes");
        assert!((1000..20_000).contains(&rows), "{rows} dense rows");
    }

    /// Key bytes scanned for the ends of stem candidates' words while verifying `text`'s hits,
    /// and the length of its key.
    fn word_end_work(text: &str) -> (usize, usize) {
        let m = matcher();
        m.with_hits(text, |norm, hits, work| {
            m.verify_all(norm, hits, work);
            (work.ev.word_ends.scanned, norm.key.len())
        })
    }

    #[test]
    fn the_ends_of_stems_in_one_long_word_are_found_in_one_scan() {
        // Spaced-out words join into one long word with a stem at every repetition: each
        // stem's word end was once searched from the stem, quadratic in the word's length.
        for unit in ["s.h.i.t.", "s h i t ", "c.h.u.t.i.y.a.", "p.o.r.n.", "shit"] {
            for reps in [1_000, 10_000] {
                let text = unit.repeat(reps);
                let (scanned, key) = word_end_work(&text);
                assert!(
                    key > 0 && scanned <= 2 * key + 2,
                    "{unit} x {reps}: {scanned} scanned for {key} key bytes"
                );
            }
        }
        // Ordinary text with stems asks about each word once.
        let (scanned, key) = word_end_work(&"what a shitty day, shithead ".repeat(1_000));
        assert!(scanned <= key, "{scanned} scanned for {key} key bytes");
    }

    /// Whether `is_match` answers from the prefix of `text` alone.
    fn answered_by_prefix(text: &str) -> bool {
        let m = matcher();
        let cut = super::prefix_cut(
            text,
            text.len() / super::EARLY_PART,
            super::EARLY_CUT_WITHIN,
        )
        .expect("a place to cut");
        m.with_hits(&text[..cut], |norm, hits, work| {
            m.sure_in_prefix(norm, hits, work)
        })
    }

    #[test]
    fn is_match_stops_at_an_early_match_that_nothing_later_can_undo() {
        let filler = "we met at the cocktail bar in Scunthorpe ".repeat(2000);
        let early = format!("you are an asshole. {filler}");
        assert!(answered_by_prefix(&early));
        assert!(matcher().is_match(&early));
        // A context-mode term needs context, which may come later: the whole text decides.
        let context_late = format!("bc {filler} kya hai");
        assert!(!answered_by_prefix(&context_late));
        assert!(matcher().is_match(&context_late));
        assert!(!matcher().is_match(&format!("bc {filler}")));
        assert!(!answered_by_prefix(&filler));
        assert!(!matcher().is_match(&filler));
    }

    #[test]
    fn context_words_are_searched_for_only_when_a_candidate_needs_context() {
        let m = matcher();
        // Context words (`kya`, `hai`) are not in the automata: chat full of them costs no hit.
        let (_, fused, all) = raw_hits("kya hai yaar, sab theek hai");
        assert!(fused.is_empty() && all.is_empty(), "{fused:?} {all:?}");
        // A context-mode term finds them anywhere in the text, by `find` and `is_match`.
        for text in [
            "bc kya hai",
            "kya hai bc",
            "bc, the weather is bad today; hai na",
        ] {
            let terms: Vec<&str> = m.find(text).iter().map(|x| x.term).collect();
            assert_eq!(terms, ["bc"], "{text:?}");
            assert!(m.is_match(text), "{text:?}");
        }
        assert!(m.find("bc is short for British Columbia").is_empty());
        assert!(!m.is_match("bc is short for British Columbia"));
    }

    #[test]
    fn second_readings_merge_in_order() {
        let text = "fuck चू ति या fu(k x fuck ʞɔnɟ f\nu\nc\nk";
        let found: Vec<&str> = matcher().find(text).iter().map(|m| m.text).collect();
        assert_eq!(
            found,
            ["fuck", "चू ति या", "fu(k", "fuck", "ʞɔnɟ", "f\nu\nc\nk"]
        );
        assert!(matcher().is_match("चू ति या"));
        assert!(matcher().is_match("a fu(k"));
    }

    #[test]
    fn plain_text_is_searched_in_the_same_pass() {
        let m = matcher();
        assert!(m.inner.plain.is_some());
        let (fused, all) = both("you are an ASSHOLE, a b c d ok");
        assert!(!all.is_empty());
        assert_eq!(fused, all);
    }

    #[test]
    fn plain_text_has_no_hits_that_its_word_boundaries_rule_out() {
        // The key text of the plain DFA's hits and of the full automaton's.
        let hits = |text: &str| {
            let (norm, fused, all) = raw_hits(text);
            let key = |h: Vec<Hit>| {
                h.iter()
                    .map(|&(_, i, j)| {
                        String::from_utf8_lossy(&norm.key[i as usize..j as usize]).into_owned()
                    })
                    .collect::<Vec<_>>()
            };
            (key(fused), key(all))
        };
        // `ass` and `cock` are word-mode terms: inside `class` or `cocktail` no variant
        // accepts them, and the plain DFA does not report them.
        let (fused, all) = hits("a class act, the cocktail");
        assert_eq!(all, ["as", "cock"]);
        assert!(fused.is_empty(), "{fused:?}");
        // At the start and end of a text, and by either boundary byte, they are found.
        for text in [
            "ass",
            "ass cock",
            "you ass, cock",
            "a b ass",
            "ASS! ok. cock",
        ] {
            let (fused, all) = hits(text);
            assert!(fused.contains(&"as".to_string()), "{text:?}: {fused:?}");
            assert_eq!(fused, all, "{text:?}");
        }
    }

    #[test]
    fn stretches_that_are_not_plain_are_searched_with_the_key_around_them() {
        // Terms that start, end or lie wholly in a stretch the general passes take (`j0b`,
        // `s3nd`, `f*ck`, spaced letters), or run across one, next to terms in plain text.
        for text in [
            "a blow j0b and a hand job",
            "s3nd nudes now, send nudes",
            "gang bang f*ck gang bang",
            "ok blow job a b c jerk off",
            "b u t t plug, butt plug",
            // One term over two such stretches, with a plain word between them.
            "ok i w1ll kill y0u ok, d1e in a f1re",
        ] {
            let (fused, all) = both(text);
            assert!(all.len() >= 2, "{text:?}: {all:?}");
            assert_eq!(fused, all, "{text:?}");
        }
        let m = matcher();
        let terms = |text| m.find(text).iter().map(|x| x.term).collect::<Vec<_>>();
        assert_eq!(terms("a blow j0b and a hand job"), ["blow job", "hand job"]);
        assert_eq!(
            terms("s3nd nudes now, send nudes"),
            ["send nudes", "send nudes"]
        );
        assert_eq!(
            terms("ok i w1ll kill y0u ok, d1e in a f1re"),
            ["i will kill you", "die in a fire"]
        );
        // A whole-word term right before such a stretch, in a text long enough that the full
        // automaton searches only around the stretch: the plain DFA sees the boundary after the
        // term only when the next word starts plain (`sh1t`), not when its first character is
        // already not plain (`$hit`), so the full automaton keeps the hits that end where a
        // stretch starts.
        let filler = "we talked about the weather and the traffic today ".repeat(4);
        for middle in ["you ass $hit", "dumb ass sh1t"] {
            let text = format!("{filler}{middle} {filler}");
            let (fused, all) = both(&text);
            assert_eq!(fused, all, "{text:?}");
            let found: Vec<&str> = m.find(&text).iter().map(|x| x.term).collect();
            assert_eq!(found, ["ass", "shit"], "{text:?}");
        }
    }

    proptest! {
        /// The plain DFA, fed byte by byte, reports exactly the full automaton's hits in the
        /// same order (patterns that cannot occur in plain text never hit there).
        #[test]
        fn fused_search_equals_full_search(words in prop::collection::vec(
            prop_oneof![
                Just("ass"), Just("class"), Just("FUCK"), Just("fuuuck"), Just("a"), Just("b"),
                Just("i"), Just("ll"), Just("kill"), Just("you"), Just("bc"), Just("hai"),
                Just("chutiya"), Just("2024"), Just("!"), Just("#tag"), Just("😀"), Just(","),
                Just("slit"), Just("your"), Just("throat"), Just("sh1t"), Just("f*ck"),
                Just("blow"), Just("job"), Just("j0b"), Just("send"), Just("nudes"),
                Just("f.u.c.k"), Just("चूतिया"), Just("y0ur"),
            ],
            0..30,
        ), seps in prop::collection::vec(prop_oneof![Just(" "), Just(", "), Just("\n"), Just(".")], 30)) {
            let text: String = words.iter().zip(&seps).flat_map(|(w, s)| [*w, *s]).collect();
            let (fused, all) = both(&text);
            prop_assert_eq!(fused, all);
        }
    }
}
