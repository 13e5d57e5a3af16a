//! The limits that bound a build and a scan.

/// Limits that keep one hostile text from exhausting a server. [`Matcher::report`] (what every
/// binding and the CLI use) fails closed on them: over the match limit it keeps the first
/// matches and a verdict at least `review`; over the length limit it does not scan and answers
/// `review`. [`Matcher::scan`] returns an error instead; [`Matcher::find`] ignores them.
///
/// [`Matcher::report`]: crate::Matcher::report
/// [`Matcher::scan`]: crate::Matcher::scan
/// [`Matcher::find`]: crate::Matcher::find
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
pub(super) const DEFAULT_MAX_BUILD_BYTES: usize = if cfg!(target_arch = "wasm32") {
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
