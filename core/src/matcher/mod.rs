//! The compiled matcher: a builder collects lists, `build` normalises every term into one
//! Aho-Corasick automaton (and a small DFA of the patterns plain text can contain, which the
//! normaliser's fast path feeds as it writes), and the immutable [`Matcher`] is shared across
//! threads.
//!
//! The pipeline, one file per stage:
//! - building: [`builder`] (what to compile, the precompiled bundled matcher or a build),
//!   [`variants`] (every spelling a term is searched in), [`compile`] (the automata and tables,
//!   [`compiled`]), [`precompiled`] (those tables as bytes in the binary);
//! - scanning: [`search`] (normalise and find automaton hits, in one pass for plain text),
//!   [`verify`] (a hit becomes a candidate: runs, word boundaries, allow and context words),
//!   [`resolve`] (overlapping candidates become the reported [`Match`]es, in [`found`]);
//! - this file: the public API, which runs those stages; [`many`]: the same on many texts.
//!
//! Only this file names the stages; each stage names only the ones before it and the data
//! ([`compiled`], [`found`], [`lists`], [`limits`]), so the modules form no cycle
//! (`tools/check_module_graph.py`).

mod builder;
mod compile;
mod compiled;
pub(crate) mod found;
mod limits;
mod lists;
mod many;
pub(crate) mod precompiled;
mod resolve;
mod search;
#[cfg(test)]
mod tests;
mod variants;
mod verify;

use crate::censor::{censor_spans, CensorOptions};
use crate::error::{Error, ErrorKind};
use crate::links::{generated_slugs, in_generated_slug};
use crate::normalize::reread::Reading;
use crate::normalize::{prefix_cut, reread, Normalized, Transforms};
use crate::plain_search::Hit;
use crate::policy::{Policy, Verdict};
use crate::report::Report;
use crate::symbols::SymbolSearch;
use crate::wordlist::{MatchMode, Wordlist};

use compiled::{mode_bit, Role};
use resolve::merge_matches;
use search::{EARLY_CUT_WITHIN, EARLY_MIN_BYTES, EARLY_PART};
use verify::{Candidate, Work};

pub use builder::MatcherBuilder;
pub use compiled::Matcher;
pub use found::Match;
pub use limits::Limits;
pub use lists::ListInfo;

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

    /// The compiled form of the bundled matcher that [`Matcher::bundled`] reads, if this build
    /// has it (the `precompiled` feature, or [`Matcher::install_precompiled`]): the bytes the
    /// WebAssembly package ships beside its module (`kavach list precompile` writes them).
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Matcher;
    ///
    /// let bytes = Matcher::precompiled_bytes().expect("the precompiled feature is on");
    /// assert!(bytes.starts_with(b"kavach"));
    /// ```
    pub fn precompiled_bytes() -> Option<&'static [u8]> {
        precompiled::bundled_bytes()
    }

    /// Gives a library built without the `precompiled` feature (the WebAssembly package) the
    /// compiled bundled matcher, as [`Matcher::precompiled_bytes`] gave them in a build of the
    /// same code and lists, so that from then on a matcher of every bundled list is read from
    /// them (about a millisecond) instead of built (about 100 ms natively, three times that in
    /// WebAssembly). The bytes are kept for the life of the program; where the library has its
    /// own, or after a first call, nothing changes.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::BadPrecompiled`] (code
    /// `bad-precompiled`) for bytes of another build or cut short (nothing is kept), and for
    /// bytes whose tables do not read. Beyond that the bytes are trusted as the library's own
    /// code is (no checksum; see the WebAssembly package's README): give only the file of the
    /// same package.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Matcher;
    ///
    /// let err = Matcher::install_precompiled(b"not a matcher".to_vec()).unwrap_err();
    /// assert_eq!(err.code(), "bad-precompiled");
    /// let bytes = Matcher::precompiled_bytes().expect("the precompiled feature is on");
    /// Matcher::install_precompiled(bytes.to_vec())?;
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn install_precompiled(bytes: Vec<u8>) -> Result<(), Error> {
        precompiled::install(bytes)
    }

    /// Like [`Matcher::install_precompiled`], but only when first needed: `source` is called
    /// once, the first time a matcher of every bundled list is asked for while none is
    /// installed (a program that never asks never reads the bytes). If it gives nothing, or
    /// bytes `install_precompiled` would refuse, that matcher is built instead, with the same
    /// results. Setting a source again arms it again.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Matcher;
    ///
    /// // A host that can read the file the WebAssembly package ships:
    /// fn shipped_file() -> Option<Vec<u8>> {
    ///     std::fs::read("kavach_bundled.bin").ok()
    /// }
    /// Matcher::set_precompiled_source(shipped_file);
    /// // This library has its own compiled matcher, so the source is never called.
    /// assert!(Matcher::bundled()?.is_precompiled());
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn set_precompiled_source(source: fn() -> Option<Vec<u8>>) {
        precompiled::set_source(source);
    }

    /// Whether this matcher was read from the precompiled bundled matcher (see
    /// [`Matcher::bundled`], [`Matcher::install_precompiled`]) rather than built: the same
    /// results either way, only the cost of making it differs.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Matcher;
    ///
    /// assert!(Matcher::bundled()?.is_precompiled()); // the `precompiled` feature is on
    /// assert!(!Matcher::builder().bundled("en").build()?.is_precompiled());
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn is_precompiled(&self) -> bool {
        self.inner.precompiled
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
        let hashtags = self.hashtags_to_read(text);
        if !spaced.is_empty() || symbols || !hashtags.is_empty() {
            let (mut more, mut words) = (Vec::new(), Vec::new());
            self.second_readings(text, &spaced, symbols, &hashtags, |m, camel| {
                if camel { &mut words } else { &mut more }.push(m);
            });
            for (mut found, replace) in [(more, true), (words, false)] {
                if !found.is_empty() {
                    drop_in_generated_slugs(text, &mut found);
                }
                merge_matches(&mut out, found, replace);
            }
        }
        if let Some(symbols) = &self.inner.symbols {
            self.add_symbol_matches(symbols, text, &mut out);
        }
        out
    }

    /// Adds the matches of terms written in symbols (`🖕`; see [`crate::symbols`]) where
    /// nothing else was found: a symbol inside a spaced-out word (`f🔥u🔥c🔥k`) is that word's.
    fn add_symbol_matches<'a>(
        &'a self,
        symbols: &SymbolSearch,
        text: &'a str,
        out: &mut Vec<Match<'a>>,
    ) {
        let c = &self.inner;
        let found = symbols.matches(text);
        if found.is_empty() {
            return;
        }
        let found = found
            .into_iter()
            .filter_map(|(start, end, target)| {
                let t = &c.targets[target as usize];
                let list = &c.lists[t.list as usize];
                let Role::Term(category) = t.role else {
                    return None;
                };
                Some(Match {
                    start,
                    end,
                    text: &text[start..end],
                    term: &t.term,
                    category,
                    severity: t.severity,
                    list: &list.id,
                    version: &list.version,
                    transforms: Transforms::default(),
                })
            })
            .collect();
        merge_matches(out, found, false);
    }

    /// The hashtags of `text` to read as the words they join ([`reread::camel_hashtags`]):
    /// those where the plain automaton finds a pattern in their words as written (a term found
    /// in them has its letters there) that a mode other than `context` may match (a hashtag's
    /// own words are no context: see [`Matcher::second_readings`]), and those with a digit
    /// (leetspeak the check does not undo). Most hashtags hold no term and are not read again:
    /// a reading costs a search.
    fn hashtags_to_read(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        let mut tags = reread::camel_hashtags(text);
        if let Some(plain) = &self.inner.plain {
            let bytes = text.as_bytes();
            let modes = &self.inner.pattern_modes;
            let not_context = !mode_bit(MatchMode::Context);
            let mut key = Vec::new();
            tags.retain(|r| {
                bytes[r.clone()].iter().any(u8::is_ascii_digit) || {
                    reread::hashtag_key(text, r.clone(), &mut key);
                    plain.finds_in(&key, |p| modes[p as usize] & not_context != 0)
                }
            });
        }
        tags
    }

    /// Reads the stretches of `text` that its matching form keeps as they are a second time
    /// (see [`reread`]): the runs in `spaced` joined, if `symbols`, the words with letters
    /// written in symbols with the letters in, and the `hashtags` as the words they join.
    /// Gives each match found, mapped back to `text`, and whether it was read in a hashtag.
    /// Linear: each stretch is read once more. Out of line: few texts have any.
    #[cold]
    #[inline(never)]
    fn second_readings<'a>(
        &'a self,
        text: &'a str,
        spaced: &[(u32, u32)],
        symbols: bool,
        hashtags: &[std::ops::Range<usize>],
        mut f: impl FnMut(Match<'a>, bool),
    ) {
        let joined = spaced
            .iter()
            .map(|&(a, b)| Reading::joined(text, a as usize..b as usize));
        let leet = symbols
            .then(|| reread::leet_words(text))
            .into_iter()
            .flatten()
            .map(|r| Reading::leet(text, r));
        let camel = (!hashtags.is_empty()).then(|| Reading::hashtags(text, hashtags));
        for reading in joined.chain(leet).chain(camel) {
            self.with_hits(&reading.text, |norm, hits, work| {
                self.verify_all(norm, hits, work);
                let Work { cands, ev } = work;
                if cands.is_empty() {
                    return;
                }
                self.confirm(norm, cands, ev);
                self.resolve_with(cands, |x| {
                    // A hashtag's words hold no context of their own for a context-mode term
                    // (`#McDonaldsKaBurger` is not `mc`), and the text's is not theirs.
                    if reading.camel
                        && self.inner.targets[self.variant(x).target as usize].mode
                            == MatchMode::Context
                    {
                        return;
                    }
                    // A stem's ending would run on into the next words of a run (`चू ति या है`):
                    // the match is the term's own letters. A hashtag's words are words.
                    let x = Candidate {
                        j: if reading.camel { x.j } else { x.term_end },
                        ..*x
                    };
                    let mut m = self.to_match_read(text, &reading, norm, &x);
                    if reading.leet {
                        m.transforms = m.transforms.union(Transforms::LEET);
                    }
                    f(m, reading.camel);
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
        // Before anything else: such a candidate neither wins its region over one that
        // reaches out of the slug nor gives a context-mode term its context.
        drop_candidates_in_generated_slugs(text, norm, cands);
        self.confirm(norm, cands, ev);
        self.resolve(text, norm, cands, out);
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
        // What was found only in a generated link slug is not a match (see `find`): rare
        // enough to settle with `find`, and only when something was found.
        (self.any_candidate(text)
            && (generated_slugs(text).is_empty() || !self.find(text).is_empty()))
            || self
                .inner
                .symbols
                .as_ref()
                .is_some_and(|s| !s.matches(text).is_empty())
    }

    /// Whether `text` has any match, generated link slugs included.
    fn any_candidate(&self, text: &str) -> bool {
        // A long text is first checked on its first 1/32: a match there that nothing later in
        // the text can undo answers without scanning the rest (at most 1/32 more work when
        // there is none).
        if text.len() >= EARLY_MIN_BYTES {
            if let Some(cut) = prefix_cut(text, text.len() / EARLY_PART, EARLY_CUT_WITHIN) {
                let prefix = &text[..cut];
                // The whole text comes next: its buffers are kept for it.
                if self.with_hits_trimming(prefix, false, |norm, hits, work| {
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
        }) || {
            // Only when the text as written has no match.
            let hashtags = self.hashtags_to_read(text);
            (!spaced.is_empty() || symbols || !hashtags.is_empty()) && {
                let mut any = false;
                self.second_readings(text, &spaced, symbols, &hashtags, |_, _| any = true);
                any
            }
        }
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
}

/// Drops the candidates of `text` (normalised into `norm`) that lie wholly in a generated slug
/// of a shortened link (`https://t.co/ctYA8j7pGS` is not `ctiya`; see [`crate::links`]).
fn drop_candidates_in_generated_slugs(text: &str, norm: &Normalized, cands: &mut Vec<Candidate>) {
    cands.retain(|x| {
        let (start, end) = norm.original_span(x.i, x.j);
        !in_generated_slug(text, start, end)
    });
}

/// The same for matches of second readings (in `text`'s offsets).
#[cold]
fn drop_in_generated_slugs(text: &str, out: &mut Vec<Match<'_>>) {
    out.retain(|m| !in_generated_slug(text, m.start, m.end));
}
