//! Wordlists: entries with category, severity and match mode, list metadata with provenance,
//! and a content fingerprint. Loading lives in [`format`](mod@format) (our format), [`import`] (plain text
//! and CSV as platforms supply them) and [`bundled`] (the lists compiled into the library).

pub(crate) mod bundled;
pub(crate) mod diff;
pub(crate) mod format;
pub(crate) mod import;
mod write;

use std::fmt;
use std::str::FromStr;

use sha2::{Digest, Sha256};

use crate::error::{Error, ErrorKind};
use crate::normalize::normalize;

pub use diff::ListDiff;
pub use import::{Format, ImportOptions};

macro_rules! named_enum {
    ($(#[$m:meta])* $name:ident, $err:ident, { $($(#[$vm:meta])* $v:ident => $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name { $($(#[$vm])* $v),+ }

        impl $name {
            /// Every value, in order.
            ///
            /// # Examples
            ///
            /// ```
            /// use kavach::{Category, MatchMode, Severity};
            ///
            /// assert_eq!(Category::ALL.len(), 6);
            /// assert_eq!(Category::ALL[0], Category::Profanity);
            /// assert!(Severity::ALL.windows(2).all(|w| w[0] < w[1])); // Low to Critical
            /// let modes: Vec<&str> = MatchMode::ALL.iter().map(|m| m.as_str()).collect();
            /// assert_eq!(modes, ["word", "stem", "substring", "context"]);
            /// ```
            pub const ALL: &'static [$name] = &[$($name::$v),+];

            /// The stable lower-case name used in lists, JSON and every binding.
            ///
            /// It is also what `Display` writes and what `FromStr` reads (in any case).
            ///
            /// # Examples
            ///
            /// ```
            /// use kavach::{Category, MatchMode, Severity};
            ///
            /// assert_eq!(Category::ChildSafety.as_str(), "child-safety");
            /// assert_eq!(Severity::Critical.to_string(), "critical");
            /// assert_eq!("Substring".parse::<MatchMode>(), Ok(MatchMode::Substring));
            /// let err = "subword".parse::<MatchMode>().unwrap_err();
            /// assert_eq!(err.code(), "unknown-mode");
            /// ```
            pub fn as_str(self) -> &'static str {
                match self { $($name::$v => $s),+ }
            }
        }

        impl FromStr for $name {
            type Err = ErrorKind;
            fn from_str(s: &str) -> Result<Self, ErrorKind> {
                match s.trim().to_ascii_lowercase().as_str() {
                    $($s => Ok($name::$v),)+
                    _ => Err(ErrorKind::$err(s.trim().to_string())),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

named_enum!(
    /// What kind of harm a term signals.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Category, Matcher};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let found = matcher.find("fuck, kill yourself");
    /// assert_eq!((found[0].term, found[0].category), ("fuck", Category::Profanity));
    /// assert_eq!((found[1].term, found[1].category), ("kill yourself", Category::Violence));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    Category, UnknownCategory, {
        /// Swearing and vulgar language.
        Profanity => "profanity",
        /// Sexual terms.
        Sexual => "sexual",
        /// Slurs against a group of people.
        Slur => "slur",
        /// Insults aimed at a person.
        Insult => "insult",
        /// Threats and incitement to violence.
        Violence => "violence",
        /// Terms that signal child sexual abuse material or grooming.
        ChildSafety => "child-safety",
    }
);

named_enum!(
    /// How harmful a term is; ordered from `Low` to `Critical`.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, Severity};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let found = matcher.find("damn, this shit, fuck");
    /// let severities: Vec<Severity> = found.iter().map(|m| m.severity).collect();
    /// assert_eq!(severities, [Severity::Low, Severity::Medium, Severity::High]);
    /// // Ordered: act only on high and critical matches.
    /// let strong = found.iter().filter(|m| m.severity >= Severity::High);
    /// assert_eq!(strong.map(|m| m.text).collect::<Vec<_>>(), ["fuck"]);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    Severity, UnknownSeverity, {
        /// Mild (damn, crap).
        Low => "low",
        /// Vulgar (shit, piss).
        Medium => "medium",
        /// Strong profanity, sexual insults.
        High => "high",
        /// Hate slurs, threats, child-safety indicators.
        Critical => "critical",
    }
);

named_enum!(
    /// Where a term may match.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{MatchMode, Matcher, Wordlist};
    ///
    /// # let header = "version = 1.0.0\ntitle = t\nlanguages = en\nsource = me\n\
    /// #     license = CC0-1.0\ndate = 2026-01-01\n";
    /// let text = format!("id = mine\n{header}[terms]\n\
    ///     ass | profanity | medium | word\n\
    ///     shit | profanity | medium | stem\n\
    ///     fuck | profanity | high | substring\n");
    /// let list = Wordlist::parse(&text, "mine.kavach")?;
    /// assert_eq!(list.entries()[1].mode, MatchMode::Stem);
    /// let matcher = Matcher::builder().list(list).build()?;
    /// let found = |text| matcher.find(text).iter().map(|m| m.text).collect::<Vec<_>>();
    /// assert_eq!(found("assassin ass"), ["ass"]); // word: whole words only
    /// assert_eq!(found("bullshit shitty"), ["shitty"]); // stem: at the start of a word
    /// assert_eq!(found("#motherfucking"), ["fuck"]); // substring: anywhere
    /// # Ok::<(), kavach::Error>(())
    /// ```
    MatchMode, UnknownMode, {
        /// As a whole word only.
        Word => "word",
        /// At the start of a word, with any ending (`fuck` → `fucking`, `fuckers`).
        Stem => "stem",
        /// Anywhere, including inside run-together words and hashtags.
        Substring => "substring",
        /// As a whole word, and only in a text that also holds one of the list's `[context]`
        /// words or a match in another mode: for terms that are ordinary words or names
        /// elsewhere (`bc` is "because" in English chat, Randi and Lund are names).
        Context => "context",
    }
);

/// One term of a list.
///
/// # Examples
///
/// ```
/// use kavach::{Category, MatchMode, Severity, Wordlist};
///
/// # let header = "version = 1.0.0\ntitle = t\nlanguages = en\nsource = me\n\
/// #     license = CC0-1.0\ndate = 2026-01-01\n";
/// let text = format!("id = mine\n{header}[terms]\nFuck | profanity | high\n");
/// let list = Wordlist::parse(&text, "mine.kavach")?;
/// let entry = &list.entries()[0];
/// assert_eq!(entry.term, "Fuck"); // as written
/// assert_eq!((entry.category, entry.severity), (Category::Profanity, Severity::High));
/// assert_eq!(entry.mode, MatchMode::Word); // the defaults: word mode ...
/// assert_eq!(entry.lang, "en"); // ... and the list's first language
/// assert_eq!(entry.line, 9);
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Entry {
    /// The term as written in the list (its canonical spelling).
    pub term: String,
    /// What kind of harm it signals.
    pub category: Category,
    /// How harmful it is.
    pub severity: Severity,
    /// Where it may match.
    pub mode: MatchMode,
    /// BCP 47 language tag (`en`, `hi`, `hi-Latn`).
    pub lang: String,
    /// 1-based line in the source file (0 when built in code).
    pub line: usize,
}

/// A benign word that contains a listed term (`Scunthorpe`, `assassin`): matches that lie
/// inside one of its occurrences are suppressed.
///
/// # Examples
///
/// ```
/// use kavach::{MatchMode, Matcher, Wordlist};
///
/// # let header = "version = 1.0.0\ntitle = t\nlanguages = en\nsource = me\n\
/// #     license = CC0-1.0\ndate = 2026-01-01\n";
/// let text = format!("id = mine\n{header}[terms]\ncunt | slur | high | substring\n\
///     [allow]\nscunthorpe\n");
/// let list = Wordlist::parse(&text, "mine.kavach")?;
/// let allow = &list.allow()[0];
/// assert_eq!((allow.term.as_str(), allow.mode), ("scunthorpe", MatchMode::Stem)); // the default
/// let matcher = Matcher::builder().list(list).build()?;
/// let text = "Scunthorpe United, you cunt";
/// let found = matcher.find(text);
/// assert_eq!(found.len(), 1); // not inside the town's name
/// assert_eq!(&text[found[0].start..found[0].end], "cunt");
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct AllowEntry {
    /// The benign word.
    pub term: String,
    /// Where it applies (default [`MatchMode::Stem`]: the word and its endings).
    pub mode: MatchMode,
    /// 1-based line in the source file (0 when built in code).
    pub line: usize,
}

/// A word that shows a text is in a list's language (`hai`, `yaar`, `है` for romanised Hindi):
/// the list's [`MatchMode::Context`] entries only match in a text that holds one.
///
/// # Examples
///
/// ```
/// use kavach::{Matcher, Wordlist};
///
/// # let header = "version = 1.0.0\ntitle = t\nlanguages = en\nsource = me\n\
/// #     license = CC0-1.0\ndate = 2026-01-01\n";
/// let text = format!("id = mine\n{header}[terms]\nbc | profanity | medium | context\n\
///     [context]\nyaar\n");
/// let list = Wordlist::parse(&text, "mine.kavach")?;
/// assert_eq!(list.context()[0].term, "yaar");
/// let matcher = Matcher::builder().list(list).build()?;
/// assert!(matcher.find("bc I was late").is_empty()); // "because"
/// assert_eq!(matcher.find("bc kya bakwas hai yaar")[0].term, "bc");
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ContextWord {
    /// The word (matched as a whole word).
    pub term: String,
    /// 1-based line in the source file (0 when built in code).
    pub line: usize,
}

impl Entry {
    /// An entry built in code (the struct is `#[non_exhaustive]`): matched as a whole word
    /// ([`MatchMode::Word`], the list format's default); set `mode` to change that.
    /// [`Wordlist::new`] checks it.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Category, Entry, ListMeta, MatchMode, Matcher, Severity, Wordlist};
    ///
    /// let mut meta = ListMeta::default();
    /// (meta.id, meta.version, meta.date) = ("mine".into(), "1.0.0".into(), "2026-01-01".into());
    /// let mut zorp = Entry::new("zorp", Category::Insult, Severity::Medium, "en");
    /// zorp.mode = MatchMode::Substring;
    /// let list = Wordlist::new(meta, vec![zorp], Vec::new(), "mine")?;
    /// let matcher = Matcher::builder().list(list).build()?;
    /// let m = &matcher.find("you ZORPface")[0];
    /// assert_eq!((m.text, m.term, m.category), ("ZORP", "zorp", Category::Insult));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn new(
        term: impl Into<String>,
        category: Category,
        severity: Severity,
        lang: impl Into<String>,
    ) -> Entry {
        Entry {
            term: term.into(),
            category,
            severity,
            mode: MatchMode::Word,
            lang: lang.into(),
            line: 0,
        }
    }
}

impl AllowEntry {
    /// An allow entry built in code (the struct is `#[non_exhaustive]`), suppressing matches
    /// inside words that begin with `term` ([`MatchMode::Stem`], the list format's default).
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{AllowEntry, Category, Entry, ListMeta, MatchMode, Matcher, Severity, Wordlist};
    ///
    /// let mut meta = ListMeta::default();
    /// (meta.id, meta.version, meta.date) = ("mine".into(), "1.0.0".into(), "2026-01-01".into());
    /// let mut zorp = Entry::new("zorp", Category::Insult, Severity::Medium, "en");
    /// zorp.mode = MatchMode::Substring;
    /// let allow = AllowEntry::new("bizorp");
    /// let list = Wordlist::new(meta, vec![zorp], vec![allow], "mine")?;
    /// let matcher = Matcher::builder().list(list).build()?;
    /// assert!(matcher.find("the bizorpian league").is_empty());
    /// assert_eq!(matcher.find("you zorpface").len(), 1);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn new(term: impl Into<String>) -> AllowEntry {
        AllowEntry {
            term: term.into(),
            mode: MatchMode::Stem,
            line: 0,
        }
    }
}

impl ContextWord {
    /// A context word built in code (the struct is `#[non_exhaustive]`); see
    /// [`Wordlist::with_context`].
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Category, ContextWord, Entry, ListMeta, MatchMode, Matcher, Severity, Wordlist};
    ///
    /// let mut meta = ListMeta::default();
    /// (meta.id, meta.version, meta.date) = ("mine".into(), "1.0.0".into(), "2026-01-01".into());
    /// let mut bc = Entry::new("bc", Category::Profanity, Severity::Medium, "hi-Latn");
    /// bc.mode = MatchMode::Context;
    /// let list = Wordlist::new(meta, vec![bc], Vec::new(), "mine")?
    ///     .with_context(vec![ContextWord::new("yaar")], "mine")?;
    /// let matcher = Matcher::builder().list(list).build()?;
    /// assert!(matcher.find("bc I was late").is_empty());
    /// assert_eq!(matcher.find("bc late ho gaya yaar")[0].term, "bc");
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn new(term: impl Into<String>) -> ContextWord {
        ContextWord {
            term: term.into(),
            line: 0,
        }
    }
}

/// A list's identity and provenance.
///
/// # Examples
///
/// ```
/// use kavach::Wordlist;
///
/// let text = "id = mine\nversion = 1.2.0\ntitle = My list\nlanguages = en, hi-Latn\n\
///     source = our moderators\nlicense = CC0-1.0\ndate = 2026-01-01\n\
///     [terms]\nfuck | profanity | high\n";
/// let list = Wordlist::parse(text, "mine.kavach")?;
/// let meta = list.meta();
/// assert_eq!((meta.id.as_str(), meta.version.as_str()), ("mine", "1.2.0"));
/// assert_eq!(meta.languages, ["en", "hi-Latn"]);
/// assert_eq!((meta.license.as_str(), meta.date.as_str()), ("CC0-1.0", "2026-01-01"));
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ListMeta {
    /// Stable id (`en`, `hi-Latn`, or the platform's own).
    pub id: String,
    /// Semantic version of the list's content.
    pub version: String,
    /// Human-readable title.
    pub title: String,
    /// BCP 47 language tags.
    pub languages: Vec<String>,
    /// Where the entries come from.
    pub source: String,
    /// SPDX licence id of the list.
    pub license: String,
    /// Release date, `YYYY-MM-DD`.
    pub date: String,
}

/// A loaded, validated wordlist.
///
/// # Examples
///
/// ```
/// use kavach::{Matcher, Wordlist};
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
/// zorkface | insult | high | stem
/// ";
/// let list = Wordlist::parse(text, "mine.kavach")?;
/// let matcher = Matcher::builder().bundled("en").list(list).build()?;
/// let m = &matcher.find("you zorkfaces")[0];
/// assert_eq!((m.text, m.term, m.list, m.version), ("zorkfaces", "zorkface", "mine", "1.0.0"));
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wordlist {
    meta: ListMeta,
    entries: Vec<Entry>,
    allow: Vec<AllowEntry>,
    context: Vec<ContextWord>,
    fingerprint: String,
}

impl Wordlist {
    /// Builds a list from parts, checking its metadata (id, version and date as in a list
    /// file) and that every term normalises to something matchable.
    ///
    /// `source` names the input in error messages.
    ///
    /// # Errors
    ///
    /// `bad-header` for an invalid id, version or date; `empty-list` without entries;
    /// `bad-lang` for an invalid language tag; `empty-term` for a term that normalises to
    /// nothing and `bad-term` for one the list format cannot hold (naming `source`).
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Category, Matcher, Wordlist};
    ///
    /// // The slurs of the bundled English list, as a list of their own.
    /// let en = Wordlist::bundled("en")?;
    /// let slurs = en.entries().iter().filter(|e| e.category == Category::Slur).cloned().collect();
    /// let mut meta = en.meta().clone();
    /// meta.id = "en-slurs".to_string();
    /// let list = Wordlist::new(meta, slurs, en.allow().to_vec(), "en-slurs")?;
    /// assert!(list.entries().iter().all(|e| e.category == Category::Slur));
    /// let matcher = Matcher::builder().list(list).build()?;
    /// assert!(matcher.find("what the fuck").is_empty());
    ///
    /// let err = Wordlist::new(en.meta().clone(), Vec::new(), Vec::new(), "empty").unwrap_err();
    /// assert_eq!(err.to_string(), "empty: the list has no terms and no allow entries");
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn new(
        meta: ListMeta,
        entries: Vec<Entry>,
        allow: Vec<AllowEntry>,
        source: &str,
    ) -> Result<Self, Error> {
        Wordlist::assemble(meta, entries, allow, Vec::new(), source)
    }

    /// The same list with `context` as its context words (see [`MatchMode::Context`]).
    ///
    /// # Errors
    ///
    /// As [`Wordlist::new`], for the context words.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, Wordlist};
    ///
    /// # let header = "version = 1.0.0\ntitle = t\nlanguages = en\nsource = me\n\
    /// #     license = CC0-1.0\ndate = 2026-01-01\n";
    /// let text = format!("id = mine\n{header}[terms]\nbc | profanity | medium | context\n");
    /// let list = Wordlist::parse(&text, "mine.kavach")?;
    /// // Borrow the Hindi context words (`hai`, `kya`, `yaar`, ...) of the bundled list.
    /// let hinglish = Wordlist::bundled("hi-Latn")?.context().to_vec();
    /// let list = list.with_context(hinglish, "mine.kavach")?;
    /// let matcher = Matcher::builder().list(list).build()?;
    /// assert!(matcher.find("bc I was late").is_empty());
    /// assert_eq!(matcher.find("bc kya bakwas hai")[0].text, "bc");
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn with_context(self, context: Vec<ContextWord>, source: &str) -> Result<Self, Error> {
        Wordlist::assemble(self.meta, self.entries, self.allow, context, source)
    }

    pub(crate) fn assemble(
        meta: ListMeta,
        entries: Vec<Entry>,
        allow: Vec<AllowEntry>,
        context: Vec<ContextWord>,
        source: &str,
    ) -> Result<Self, Error> {
        format::check_meta(&meta)
            .map_err(|reason| Error::in_source(ErrorKind::BadHeader(reason), source))?;
        // An allow-only list is useful: a platform's own benign words, beside other lists.
        if entries.is_empty() && allow.is_empty() {
            return Err(Error::in_source(ErrorKind::EmptyList, source));
        }
        let mut lines = Vec::with_capacity(entries.len() + allow.len());
        for e in &entries {
            if !format::valid_lang(&e.lang) {
                return Err(Error::at(
                    ErrorKind::BadLang(e.lang.clone()),
                    source,
                    e.line,
                ));
            }
            let key = checked_key(&e.term, source, e.line)?;
            lines.push(format!(
                "term\t{key}\t{}\t{}\t{}\n",
                e.category, e.severity, e.mode
            ));
        }
        for a in &allow {
            let key = checked_key(&a.term, source, a.line)?;
            lines.push(format!("allow\t{key}\t{}\n", a.mode));
        }
        for w in &context {
            let key = checked_key(&w.term, source, w.line)?;
            lines.push(format!("context\t{key}\n"));
        }
        lines.sort_unstable();
        lines.dedup();
        let mut h = Sha256::new();
        for l in &lines {
            h.update(l.as_bytes());
        }
        let digest = h.finalize();
        let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        Ok(Wordlist {
            meta,
            entries,
            allow,
            context,
            fingerprint: format!("sha256:{hex}"),
        })
    }

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
        let list_extension = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            ["txt", "csv", "tsv", "kavach"].contains(&e.to_ascii_lowercase().as_str())
        });
        if path.exists() || spec.contains(['/', '\\']) || list_extension {
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

    /// Identity and provenance.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Wordlist;
    ///
    /// let en = Wordlist::bundled("en")?;
    /// let meta = en.meta();
    /// assert_eq!(meta.id, "en");
    /// assert_eq!(meta.languages, ["en"]);
    /// assert_eq!(meta.version.split('.').count(), 3); // semantic version
    /// assert!(!meta.source.is_empty() && !meta.license.is_empty());
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn meta(&self) -> &ListMeta {
        &self.meta
    }

    /// The terms.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{MatchMode, Severity, Wordlist};
    ///
    /// let en = Wordlist::bundled("en")?;
    /// let fuck = en.entries().iter().find(|e| e.term == "fuck").expect("listed");
    /// assert_eq!((fuck.severity, fuck.mode), (Severity::High, MatchMode::Substring));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The allow-list entries.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Wordlist;
    ///
    /// let en = Wordlist::bundled("en")?;
    /// assert!(en.allow().iter().any(|a| a.term == "scunthorpe"));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn allow(&self) -> &[AllowEntry] {
        &self.allow
    }

    /// The context words.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Wordlist;
    ///
    /// let hinglish = Wordlist::bundled("hi-Latn")?;
    /// assert!(hinglish.context().iter().any(|w| w.term == "yaar"));
    /// assert!(Wordlist::bundled("en")?.context().is_empty());
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn context(&self) -> &[ContextWord] {
        &self.context
    }

    /// The same entries under new metadata (id, version, provenance), re-validated: the id,
    /// version and date must be valid as in a list file (`bad-header` otherwise).
    ///
    /// # Errors
    ///
    /// `bad-header` for an invalid id, version or date.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Wordlist;
    ///
    /// # let header = "version = 1.0.0\ntitle = t\nlanguages = en\nsource = me\n\
    /// #     license = CC0-1.0\ndate = 2026-01-01\n";
    /// let text = format!("id = mine\n{header}[terms]\nzorkface | insult | high\n");
    /// let list = Wordlist::parse(&text, "mine.kavach")?;
    /// let mut meta = list.meta().clone();
    /// (meta.version, meta.date) = ("1.1.0".to_string(), "2026-02-01".to_string());
    /// let next = list.clone().with_meta(meta.clone())?;
    /// assert_eq!(next.meta().version, "1.1.0");
    /// assert_eq!(next.fingerprint(), list.fingerprint()); // the same entries
    ///
    /// meta.version = "1.1".to_string();
    /// let err = list.with_meta(meta).unwrap_err();
    /// assert_eq!(err.code(), "bad-header");
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn with_meta(self, meta: ListMeta) -> Result<Self, Error> {
        let source = self.meta.id;
        Wordlist::assemble(meta, self.entries, self.allow, self.context, &source)
    }

    /// The list in kavach format (for converting a platform's plain-text or CSV list).
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Format, ImportOptions, Wordlist};
    ///
    /// let mut options = ImportOptions::default();
    /// (options.id, options.version) = ("platform".into(), "1.0.0".into());
    /// (options.lang, options.date) = ("en".into(), "2026-01-01".into());
    /// let list = Wordlist::from_bytes(b"zorkface\n", "platform.txt", Format::Plain, &options)?;
    /// let text = list.to_kavach();
    /// assert!(text.starts_with("id = platform\nversion = 1.0.0\n"));
    /// assert!(text.contains("\n[terms]\n"));
    /// assert!(text.contains("\nzorkface | profanity | medium | word | en\n"));
    /// assert_eq!(Wordlist::parse(&text, "platform.kavach")?.fingerprint(), list.fingerprint());
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn to_kavach(&self) -> String {
        write::to_kavach(self)
    }

    /// Counts of terms by category, severity, match mode and language, in a stable order.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Wordlist;
    ///
    /// # let header = "version = 1.0.0\ntitle = t\nlanguages = en\nsource = me\n\
    /// #     license = CC0-1.0\ndate = 2026-01-01\n";
    /// let text = format!("id = mine\n{header}[terms]\nfuck | profanity | high | substring\n\
    ///     shit | profanity | medium | stem\nzorkface | insult | high\n[allow]\nscunthorpe\n");
    /// let stats = Wordlist::parse(&text, "mine.kavach")?.stats();
    /// assert_eq!((stats.terms, stats.allow), (3, 1));
    /// assert_eq!(stats.by_category, [("profanity".into(), 2), ("insult".into(), 1)]);
    /// assert_eq!(stats.by_severity, [("medium".into(), 1), ("high".into(), 2)]); // in order
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn stats(&self) -> ListStats {
        let mut s = ListStats::default();
        for e in self.entries() {
            bump(&mut s.by_category, e.category.as_str());
            bump(&mut s.by_severity, e.severity.as_str());
            bump(&mut s.by_mode, e.mode.as_str());
            bump(&mut s.by_lang, &e.lang);
        }
        sort_by_names(&mut s.by_category, Category::ALL.iter().map(|c| c.as_str()));
        sort_by_names(&mut s.by_severity, Severity::ALL.iter().map(|c| c.as_str()));
        sort_by_names(&mut s.by_mode, MatchMode::ALL.iter().map(|c| c.as_str()));
        s.by_lang.sort();
        s.terms = self.entries.len();
        s.allow = self.allow.len();
        s
    }

    /// A hash of the normalised entries (`sha256:` + 16 hex digits): two lists with the same
    /// fingerprint match exactly the same things, whatever their formatting or order.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Wordlist;
    ///
    /// # let header = "version = 1.0.0\ntitle = t\nlanguages = en\nsource = me\n\
    /// #     license = CC0-1.0\ndate = 2026-01-01\n";
    /// let list = |terms: &str| Wordlist::parse(&format!("id = t\n{header}[terms]\n{terms}"), "t");
    /// let a = list("fuck | profanity | high\nshit | profanity | medium\n")?;
    /// let b = list("# reordered\nShit|profanity|MEDIUM\nfuck|profanity|high\n")?;
    /// assert!(a.fingerprint().starts_with("sha256:"));
    /// assert_eq!(a.fingerprint(), b.fingerprint());
    /// let c = list("fuck | profanity | high\nshit | profanity | high\n")?; // a severity changed
    /// assert_ne!(a.fingerprint(), c.fingerprint());
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }
}

/// Counts of a list's entries.
///
/// # Examples
///
/// ```
/// use kavach::Wordlist;
///
/// let stats = Wordlist::bundled("child-safety")?.stats();
/// assert_eq!(stats.by_category, [("child-safety".to_string(), stats.terms)]);
/// assert_eq!(stats.by_severity, [("critical".to_string(), stats.terms)]);
/// assert_eq!(stats.by_mode.iter().map(|(_, n)| n).sum::<usize>(), stats.terms);
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListStats {
    /// Number of terms.
    pub terms: usize,
    /// Number of allow-list entries.
    pub allow: usize,
    /// Terms per category.
    pub by_category: Vec<(String, usize)>,
    /// Terms per severity.
    pub by_severity: Vec<(String, usize)>,
    /// Terms per match mode.
    pub by_mode: Vec<(String, usize)>,
    /// Terms per language.
    pub by_lang: Vec<(String, usize)>,
}

/// Orders counts like `names` (the enums' declaration order).
fn sort_by_names<'a>(counts: &mut [(String, usize)], names: impl Iterator<Item = &'a str>) {
    let names: Vec<&str> = names.collect();
    counts.sort_by_key(|(k, _)| names.iter().position(|n| n == k));
}

fn bump(counts: &mut Vec<(String, usize)>, key: &str) {
    match counts.iter_mut().find(|(k, _)| k == key) {
        Some((_, n)) => *n += 1,
        None => counts.push((key.to_string(), 1)),
    }
}

/// The matching form of a term, or an error naming the line if nothing matchable is left or
/// the kavach format could not hold the term (so every list can be written out and read back).
fn checked_key(term: &str, source: &str, line: usize) -> Result<String, Error> {
    let unwritable = if term.contains('|') {
        Some("contains `|`, the field separator of the kavach format")
    } else if term.contains(['\n', '\r']) {
        Some("contains a line break")
    } else if term.trim_start().starts_with(['#', '[']) {
        Some("starts with `#` or `[`, which begin comments and sections")
    } else {
        None
    };
    if let Some(reason) = unwritable {
        return Err(Error::at(
            ErrorKind::BadTerm(term.to_string(), reason),
            source,
            line,
        ));
    }
    let key = normalize(term);
    if key.bytes().all(crate::normalize::is_boundary_byte) {
        return Err(Error::at(
            ErrorKind::EmptyTerm(term.to_string()),
            source,
            line,
        ));
    }
    Ok(key)
}
