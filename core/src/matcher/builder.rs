//! Which lists a matcher is made of, under which policy and limits, and whether it is read
//! precompiled or built ([`MatcherBuilder`]).

use crate::error::{Error, ErrorKind};
use crate::policy::Policy;
use crate::wordlist::Wordlist;

use super::compile::compile;
use super::compile::Built;
use super::compiled::Matcher;
use super::limits::Limits;
use super::lists::ListSpec;
use super::precompiled;

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
    pub(super) lists: Vec<ListSpec>,
    pub(super) policy: Policy,
    pub(super) limits: Limits,
    /// Build even what is precompiled ([`MatcherBuilder::precompiled`]).
    pub(super) at_run_time: bool,
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

    pub(super) fn compile(self, estimate_only: bool) -> Result<Built, Error> {
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
