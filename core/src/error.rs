//! Errors: what went wrong ([`ErrorKind`], with a stable [`ErrorKind::code`]) and where
//! ([`Location`]: file and 1-based line), rendered as `file:line: reason`.

use std::fmt;

/// Where a load error happened: the source name (a path, or a bundled list id) and line.
///
/// # Examples
///
/// ```
/// use kavach::Wordlist;
///
/// # let header = "id = mine\nversion = 1.0.0\ntitle = t\nlanguages = en\nsource = me\n\
/// #     license = CC0-1.0\ndate = 2026-01-01\n";
/// let text = format!("{header}[terms]\nfuck | profanty | high\n"); // line 9
/// let err = Wordlist::parse(&text, "mine.kavach").unwrap_err();
/// let at = err.location().map(|l| (l.source.as_str(), l.line));
/// assert_eq!(at, Some(("mine.kavach", Some(9))));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Location {
    /// The file path or name the caller gave for the input.
    pub source: String,
    /// 1-based line number, when the error belongs to one line.
    pub line: Option<usize>,
}

/// Why loading a wordlist, building a matcher or reading a text failed.
///
/// Loading lists and building matchers return these as errors. Scanning fails only over a
/// limit ([`crate::Limits`]), and only where the caller asked for an error:
/// [`crate::Matcher::scan`] and [`crate::Matcher::censor_checked`] return `too-many-matches`
/// or `input-too-long`. [`crate::Matcher::report`], what the bindings and the CLI use, never
/// fails: a text over a limit, or one that could not be read, gets a [`crate::Report`] whose
/// `error` holds the kind and whose verdict is at least `review` (fail closed).
///
/// # Examples
///
/// ```
/// use kavach::{ErrorKind, Wordlist};
///
/// # let header = "id = mine\nversion = 1.0.0\ntitle = t\nlanguages = en\nsource = me\n\
/// #     license = CC0-1.0\ndate = 2026-01-01\n";
/// let text = format!("{header}[terms]\nfuck | profanity | hgih\n");
/// let err = Wordlist::parse(&text, "mine.kavach").unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::UnknownSeverity(s) if s == "hgih"));
/// assert_eq!(
///     err.kind().to_string(),
///     "unknown severity `hgih` (expected one of: low, medium, high, critical)"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not valid UTF-8.
    #[error("invalid UTF-8 at byte {byte} of the line")]
    InvalidUtf8 {
        /// Byte offset within the line of the first invalid byte.
        byte: usize,
    },
    /// A required header key is missing.
    #[error("missing header key `{0}`")]
    MissingHeader(String),
    /// A header line is malformed or has an invalid value.
    #[error("bad header: {0}")]
    BadHeader(String),
    /// A header key appears twice.
    #[error("duplicate header key `{0}`")]
    DuplicateHeader(String),
    /// An unknown `[section]`.
    #[error("unknown section `{0}` (expected [terms], [allow] or [context])")]
    UnknownSection(String),
    /// A line outside any section that is not a header line.
    #[error("expected `key = value` or a [section], found `{0}`")]
    UnexpectedLine(String),
    /// Wrong number of fields on an entry line.
    #[error("expected {expected} fields separated by `|`, found {found}")]
    BadColumns {
        /// What the format allows, e.g. "3 to 5".
        expected: &'static str,
        /// How many were found.
        found: usize,
    },
    /// An entry whose term is empty, or normalises to nothing matchable.
    #[error("term `{0}` is empty after normalisation")]
    EmptyTerm(String),
    /// A term, allow word or context word that the kavach format cannot hold.
    #[error("term `{0}` {1}")]
    BadTerm(String, &'static str),
    /// An entry's language tag is not a tag.
    #[error("language tag `{0}` must be ASCII letters, digits and `-`")]
    BadLang(String),
    /// An unknown category name.
    #[error("unknown category `{0}` (expected one of: profanity, sexual, slur, insult, violence, child-safety)")]
    UnknownCategory(String),
    /// An unknown severity name.
    #[error("unknown severity `{0}` (expected one of: low, medium, high, critical)")]
    UnknownSeverity(String),
    /// An unknown match mode.
    #[error("unknown match mode `{0}` (expected one of: word, stem, substring, context)")]
    UnknownMode(String),
    /// A CSV file without a `term` column, or otherwise malformed.
    #[error("CSV: {0}")]
    Csv(String),
    /// The list has no terms and no allow entries.
    #[error("the list has no terms and no allow entries")]
    EmptyList,
    /// No bundled list has this id.
    #[error("no bundled list `{0}` (bundled: {1})")]
    UnknownList(String, String),
    /// A bundled list exists, but not at the requested version.
    #[error("bundled list `{id}` is version {have}, not {want}")]
    VersionMismatch {
        /// The list id.
        id: String,
        /// The bundled version.
        have: String,
        /// The requested version.
        want: String,
    },
    /// Two lists given to one matcher share an id.
    #[error("list id `{0}` given twice")]
    DuplicateList(String),
    /// The matcher was asked to build with no lists.
    #[error("no lists to match")]
    NoLists,
    /// Reading a file failed.
    #[error("cannot read: {0}")]
    Io(String),
    /// Bytes given as the compiled bundled matcher ([`crate::Matcher::install_precompiled`])
    /// are not those of this build.
    #[error("not the compiled bundled matcher of this build: {0}")]
    BadPrecompiled(String),
    /// The automaton could not be built (e.g. too many patterns).
    #[error("cannot build the automaton: {0}")]
    Build(String),
    /// A list is larger than any list should be (256 MiB).
    #[error("{}", list_too_large(*bytes, *max))]
    ListTooLarge {
        /// The list's size; `max + 1` when its size was not known beforehand (a pipe, a
        /// device) and reading stopped one byte over the limit.
        bytes: u64,
        /// The limit.
        max: u64,
    },
    /// Building the matcher would take more memory than the limit (see
    /// [`crate::Limits::max_build_bytes`]); refused before the automata are allocated.
    #[error("building the matcher would take about {estimate} bytes, over the limit of {max} bytes (max-build-bytes)")]
    BuildTooLarge {
        /// The estimate, in bytes.
        estimate: u64,
        /// The limit.
        max: u64,
    },
    /// Too many terms and spellings end where a term ends (see
    /// [`crate::Limits::max_nesting`]).
    #[error("term `{term}` has {nesting} terms and spellings ending where it ends, over the limit of {max} (max-nesting)")]
    TooNested {
        /// The term.
        term: String,
        /// How many end there, itself included.
        nesting: usize,
        /// The limit.
        max: usize,
    },
    /// A term is longer than the limit (see [`crate::Limits::max_term_chars`]).
    #[error("term of {chars} characters is over the limit of {max} characters (max-term-chars)")]
    TermTooLong {
        /// The term's length, in characters.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// A text is longer than the matcher's limit (see [`crate::Limits`]).
    #[error("text of {bytes} bytes is over the limit of {max} bytes")]
    InputTooLong {
        /// The text's length in bytes.
        bytes: usize,
        /// The limit.
        max: usize,
    },
    /// An option given by name (a binding's keyword, the CLI's flag) has a bad name or value.
    #[error("{0}")]
    BadOption(String),
    /// A line of JSON input is not a JSON object.
    #[error("invalid JSON: {0}")]
    InvalidJson(String),
    /// An input record has no text to scan (no `text` field, or it is null).
    #[error("no text: {0}")]
    NoText(String),
    /// An input that should be a text is some other type.
    #[error("expected a string, found {0}")]
    NotText(String),
    /// A text has more matches than the matcher's limit (see [`crate::Limits`]).
    #[error("text has {found} matches, over the limit of {max}")]
    TooManyMatches {
        /// How many matches the text has.
        found: usize,
        /// The limit.
        max: usize,
    },
}

/// The message of [`ErrorKind::ListTooLarge`]: the size when it is known.
fn list_too_large(bytes: u64, max: u64) -> String {
    if bytes > max.saturating_add(1) {
        format!("list of {bytes} bytes is over the limit of {max} bytes")
    } else {
        format!("list is over the limit of {max} bytes")
    }
}

impl ErrorKind {
    /// A stable, machine-readable code for this kind of error, identical in every binding.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{ErrorKind, Matcher};
    ///
    /// assert_eq!(ErrorKind::EmptyList.code(), "empty-list");
    /// let err = Matcher::builder().build().unwrap_err(); // no lists given
    /// assert_eq!(err.kind().code(), "no-lists");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ErrorKind::InvalidUtf8 { .. } => "invalid-utf8",
            ErrorKind::MissingHeader(_) => "missing-header",
            ErrorKind::BadHeader(_) => "bad-header",
            ErrorKind::DuplicateHeader(_) => "duplicate-header",
            ErrorKind::UnknownSection(_) => "unknown-section",
            ErrorKind::UnexpectedLine(_) => "unexpected-line",
            ErrorKind::BadColumns { .. } => "bad-columns",
            ErrorKind::EmptyTerm(_) => "empty-term",
            ErrorKind::BadTerm(..) => "bad-term",
            ErrorKind::BadLang(_) => "bad-lang",
            ErrorKind::UnknownCategory(_) => "unknown-category",
            ErrorKind::UnknownSeverity(_) => "unknown-severity",
            ErrorKind::UnknownMode(_) => "unknown-mode",
            ErrorKind::Csv(_) => "csv",
            ErrorKind::EmptyList => "empty-list",
            ErrorKind::UnknownList(..) => "unknown-list",
            ErrorKind::VersionMismatch { .. } => "version-mismatch",
            ErrorKind::DuplicateList(_) => "duplicate-list",
            ErrorKind::NoLists => "no-lists",
            ErrorKind::Io(_) => "io",
            ErrorKind::Build(_) => "build",
            ErrorKind::BadPrecompiled(_) => "bad-precompiled",
            ErrorKind::ListTooLarge { .. } | ErrorKind::BuildTooLarge { .. } => "list-too-large",
            ErrorKind::TermTooLong { .. } => "term-too-long",
            ErrorKind::TooNested { .. } => "list-too-nested",
            ErrorKind::InputTooLong { .. } => "input-too-long",
            ErrorKind::TooManyMatches { .. } => "too-many-matches",
            ErrorKind::BadOption(_) => "bad-option",
            ErrorKind::InvalidJson(_) => "invalid-json",
            ErrorKind::NoText(_) => "no-text",
            ErrorKind::NotText(_) => "not-text",
        }
    }
}

/// A load or build error: its [`ErrorKind`] and, when known, its [`Location`].
///
/// It displays as `file:line: reason`, `file: reason` or `reason`, depending on what is known.
///
/// # Examples
///
/// ```
/// use kavach::Wordlist;
///
/// # let header = "id = mine\nversion = 1.0.0\ntitle = t\nlanguages = en\nsource = me\n\
/// #     license = CC0-1.0\ndate = 2026-01-01\n";
/// let text = format!("{header}[terms]\nfuck | profanity\n");
/// let err = Wordlist::parse(&text, "mine.kavach").unwrap_err();
/// assert_eq!(err.code(), "bad-columns");
/// assert_eq!(
///     err.to_string(),
///     "mine.kavach:9: expected 3 to 5 fields separated by `|`, found 2"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    location: Option<Location>,
}

impl Error {
    /// An error without a location.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Error, ErrorKind};
    ///
    /// let err = Error::new(ErrorKind::NotText("a number".to_string()));
    /// assert_eq!(err.code(), "not-text");
    /// assert_eq!(err.to_string(), "expected a string, found a number");
    /// assert!(err.location().is_none());
    /// ```
    pub fn new(kind: ErrorKind) -> Self {
        Error {
            kind,
            location: None,
        }
    }

    /// An error at `line` (1-based) of `source`.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Error, ErrorKind};
    ///
    /// let err = Error::at(ErrorKind::BadLang("en_US".to_string()), "terms.csv", 3);
    /// assert_eq!(err.location().and_then(|l| l.line), Some(3));
    /// assert_eq!(
    ///     err.to_string(),
    ///     "terms.csv:3: language tag `en_US` must be ASCII letters, digits and `-`"
    /// );
    /// ```
    pub fn at(kind: ErrorKind, source: &str, line: usize) -> Self {
        Error {
            kind,
            location: Some(Location {
                source: source.to_string(),
                line: Some(line),
            }),
        }
    }

    /// An error about `source` as a whole.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Error, ErrorKind};
    ///
    /// let err = Error::in_source(ErrorKind::EmptyList, "terms.txt");
    /// assert_eq!(err.location().map(|l| l.line), Some(None));
    /// assert_eq!(err.to_string(), "terms.txt: the list has no terms and no allow entries");
    /// ```
    pub fn in_source(kind: ErrorKind, source: &str) -> Self {
        Error {
            kind,
            location: Some(Location {
                source: source.to_string(),
                line: None,
            }),
        }
    }

    /// What went wrong.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{ErrorKind, Wordlist};
    ///
    /// let err = Wordlist::bundled("xx").unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::UnknownList(id, _) if id == "xx"));
    /// assert!(err.to_string().starts_with("no bundled list `xx` (bundled: en, hi,"));
    /// ```
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// Where it went wrong, if known.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Format, ImportOptions, Wordlist};
    ///
    /// let bytes = b"damn\nf\xffck\n"; // invalid UTF-8 on line 2
    /// let options = ImportOptions::default();
    /// let err = Wordlist::from_bytes(bytes, "terms.txt", Format::Plain, &options).unwrap_err();
    /// let location = err.location().map(|l| (l.source.as_str(), l.line));
    /// assert_eq!(location, Some(("terms.txt", Some(2))));
    /// assert_eq!(err.to_string(), "terms.txt:2: invalid UTF-8 at byte 1 of the line");
    /// ```
    pub fn location(&self) -> Option<&Location> {
        self.location.as_ref()
    }

    /// Shorthand for `self.kind().code()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Wordlist;
    ///
    /// assert_eq!(Wordlist::bundled("xx").unwrap_err().code(), "unknown-list");
    /// assert_eq!(Wordlist::bundled("en@0.0.1").unwrap_err().code(), "version-mismatch");
    /// ```
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Some(Location {
                source,
                line: Some(line),
            }) => write!(f, "{source}:{line}: {}", self.kind),
            Some(Location { source, line: None }) => write!(f, "{source}: {}", self.kind),
            None => write!(f, "{}", self.kind),
        }
    }
}

impl std::error::Error for Error {}
