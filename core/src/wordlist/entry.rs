//! What a list holds: its entries (term, category, severity, mode, language), allow and
//! context words, and its metadata.

use crate::error::ErrorKind;

use std::fmt;
use std::str::FromStr;

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
    /// [`Wordlist::new`](crate::Wordlist::new) checks it.
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
    /// [`Wordlist::with_context`](crate::Wordlist::with_context).
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
