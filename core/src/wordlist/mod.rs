//! Wordlists: entries with category, severity and match mode, list metadata with provenance,
//! and a content fingerprint.
//!
//! [`entry`] holds what a list is made of and [`list`] the validated list ([`Wordlist`]),
//! checked by the rules in [`check`]. Loading lives in [`format`](mod@format) (our format),
//! [`import`] (plain text, CSV and TSV as platforms supply them) and [`bundled`] (the lists
//! compiled into the library); [`write`](mod@write) writes our format and [`diff`] compares
//! two versions. This file only joins the loaders to [`Wordlist`]; no module here names it,
//! so they form no cycle.

pub(crate) mod bundled;
pub(crate) mod check;
pub(crate) mod diff;
mod entry;
pub(crate) mod format;
pub(crate) mod import;
mod list;
mod write;

use crate::error::Error;

pub use diff::ListDiff;
pub use entry::{AllowEntry, Category, ContextWord, Entry, ListMeta, MatchMode, Severity};
pub use import::{Format, ImportOptions};
pub use list::{ListStats, Wordlist};

impl Wordlist {
    /// Parses a list in kavach format (see `wordlists/README.md`).
    ///
    /// # Errors
    ///
    /// Any error of the list format, naming `source` and the line: `missing-header`,
    /// `bad-header`, `duplicate-header`, `unknown-section`, `unexpected-line`, `bad-columns`,
    /// `empty-term`, `bad-term`, `bad-lang`, `unknown-category`, `unknown-severity`,
    /// `unknown-mode`, `empty-list`.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Severity, Wordlist};
    ///
    /// let text = "\
    /// id = mine
    /// version = 1.0.0
    /// title = My list
    /// languages = en
    /// source = our moderators
    /// license = CC0-1.0
    /// date = 2026-01-01
    ///
    /// [terms]
    /// ## term | category | severity | mode | lang
    /// zorkface | insult | high | stem
    /// ";
    /// let list = Wordlist::parse(text, "mine.kavach")?;
    /// let entry = &list.entries()[0];
    /// assert_eq!((entry.term.as_str(), entry.severity), ("zorkface", Severity::High));
    /// assert_eq!(entry.line, 11);
    ///
    /// let err = Wordlist::parse(&text.replace("high", "hihg"), "mine.kavach").unwrap_err();
    /// assert_eq!(err.code(), "unknown-severity");
    /// assert!(err.to_string().starts_with("mine.kavach:11: unknown severity `hihg`"));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn parse(text: &str, source: &str) -> Result<Self, Error> {
        format::parse(text, source)
    }

    /// Loads a list from raw bytes in the given format, reporting invalid UTF-8 by line.
    ///
    /// # Errors
    ///
    /// `invalid-utf8` naming the line, `csv` for a malformed CSV, and the errors of
    /// [`Wordlist::parse`] or of an entry (`unknown-category`, `bad-term`, ...), by line.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Category, Format, ImportOptions, Severity, Wordlist};
    ///
    /// let options = ImportOptions::default();
    /// let csv = b"term,category,severity\nzorkface,insult,high\nblorp,,\n";
    /// let list = Wordlist::from_bytes(csv, "platform.csv", Format::Csv, &options)?;
    /// assert_eq!(list.meta().id, "platform"); // the file stem, as no id was given
    /// let e = &list.entries()[1]; // empty fields take the defaults of `ImportOptions`
    /// assert_eq!((e.term.as_str(), e.category), ("blorp", Category::Profanity));
    /// assert_eq!(e.severity, Severity::Medium);
    ///
    /// let bad = b"term,severity\nzorkface,hihg\n";
    /// let err = Wordlist::from_bytes(bad, "platform.csv", Format::Csv, &options).unwrap_err();
    /// assert_eq!(err.code(), "unknown-severity");
    /// assert_eq!(err.location().and_then(|l| l.line), Some(2));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn from_bytes(
        bytes: &[u8],
        source: &str,
        format: Format,
        options: &ImportOptions,
    ) -> Result<Self, Error> {
        import::from_bytes(bytes, source, format, options)
    }

    /// Reads and loads a list file; the format defaults from the extension (`.csv`, `.txt`,
    /// anything else is kavach format).
    ///
    /// # Errors
    ///
    /// `io` if the file cannot be read, then as [`Wordlist::from_bytes`].
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{ImportOptions, Matcher, Severity, Wordlist};
    ///
    /// # let dir = std::env::temp_dir();
    /// let path = dir.join(format!("kavach-doc-{}-platform.txt", std::process::id()));
    /// std::fs::write(&path, "# our own terms\nzorkface\nblorp\n")?;
    /// let mut options = ImportOptions::default();
    /// options.severity = Severity::High;
    /// let list = Wordlist::load(&path, None, &options)?; // `.txt`: one term per line
    /// assert_eq!(list.entries().len(), 2);
    /// assert_eq!((list.entries()[1].term.as_str(), list.entries()[1].line), ("blorp", 3));
    /// let matcher = Matcher::builder().list(list).build()?;
    /// assert_eq!(matcher.find("you zorkface")[0].severity, Severity::High);
    ///
    /// std::fs::remove_file(&path)?;
    /// let err = Wordlist::load(&path, None, &options).unwrap_err();
    /// assert_eq!(err.code(), "io");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn load(
        path: &std::path::Path,
        format: Option<Format>,
        options: &ImportOptions,
    ) -> Result<Self, Error> {
        import::load(path, format, options)
    }

    /// A list file if `spec` names one, else a bundled list `ID[@VERSION]` (what the CLI and the
    /// bindings accept wherever a list is named). A `spec` that looks like a path (a `/` or `\`,
    /// or the extension of a list format) is always read as a file, so a mistyped path is
    /// reported as the missing file it is.
    ///
    /// # Errors
    ///
    /// As [`Wordlist::load`] for a file, as [`Wordlist::bundled`] otherwise.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{ImportOptions, Wordlist};
    ///
    /// let options = ImportOptions::default();
    /// let en = Wordlist::load_spec("en", None, &options)?; // no such file: a bundled list
    /// assert_eq!(en.meta().id, "en");
    /// let pinned = format!("en@{}", en.meta().version);
    /// assert_eq!(Wordlist::load_spec(&pinned, None, &options)?.fingerprint(), en.fingerprint());
    /// let err = Wordlist::load_spec("no-such-list.txt", None, &options).unwrap_err();
    /// assert_eq!(err.code(), "io");
    /// assert_eq!(err.location().map(|l| l.source.as_str()), Some("no-such-list.txt"));
    /// let err = Wordlist::load_spec("hi-latin", None, &options).unwrap_err();
    /// assert_eq!(err.code(), "unknown-list");
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn load_spec(
        spec: &str,
        format: Option<Format>,
        options: &ImportOptions,
    ) -> Result<Self, Error> {
        let path = std::path::Path::new(spec);
        let path_like = spec.contains(['/', '\\']) || Format::by_extension(path).is_some();
        if path.exists() || path_like {
            Wordlist::load(path, format, options)
        } else {
            Wordlist::bundled(spec)
        }
    }

    /// A list bundled with the library, by id (`en`, `hi`, `hi-Latn`).
    ///
    /// # Errors
    ///
    /// `unknown-list` for an id that is not bundled, `version-mismatch` for `id@version` at
    /// another version.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Wordlist;
    ///
    /// let hinglish = Wordlist::bundled("hi-Latn")?;
    /// assert_eq!(hinglish.meta().languages[0], "hi-Latn");
    /// assert!(hinglish.entries().iter().any(|e| e.term == "chutiya"));
    ///
    /// assert_eq!(Wordlist::bundled("en@0.0.1").unwrap_err().code(), "version-mismatch");
    /// assert_eq!(Wordlist::bundled("fr").unwrap_err().code(), "unknown-list");
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn bundled(id: &str) -> Result<Self, Error> {
        bundled::load(id)
    }

    /// The ids of the bundled lists.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Wordlist;
    ///
    /// let ids: Vec<&str> = Wordlist::bundled_ids().collect();
    /// assert!(ids.starts_with(&["en", "hi", "hi-Latn"]));
    /// assert!(ids.contains(&"child-safety"));
    /// for id in ids {
    ///     assert_eq!(Wordlist::bundled(id)?.meta().id, id);
    /// }
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn bundled_ids() -> impl Iterator<Item = &'static str> {
        bundled::ids()
    }
}
