//! Wordlists: entries with category, severity and match mode, list metadata with provenance,
//! and a content fingerprint. Loading lives in [`format`] (our format), [`import`] (plain text
//! and CSV as platforms supply them) and [`bundled`] (the lists compiled into the library).

pub(crate) mod bundled;
pub(crate) mod diff;
pub(crate) mod format;
pub(crate) mod import;
pub(crate) mod lint;
mod write;

use std::fmt;
use std::str::FromStr;

use sha2::{Digest, Sha256};

use crate::error::{Error, ErrorKind};
use crate::normalize::normalize;

pub use diff::ListDiff;
pub use import::{Format, ImportOptions};
pub use lint::{lint, Warning};

macro_rules! named_enum {
    ($(#[$m:meta])* $name:ident, $err:ident, { $($(#[$vm:meta])* $v:ident => $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name { $($(#[$vm])* $v),+ }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$v),+];

            /// The stable lower-case name used in lists, JSON and every binding.
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
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ContextWord {
    /// The word (matched as a whole word).
    pub term: String,
    /// 1-based line in the source file (0 when built in code).
    pub line: usize,
}

/// A list's identity and provenance.
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
    pub fn parse(text: &str, source: &str) -> Result<Self, Error> {
        format::parse(text, source)
    }

    /// Loads a list from raw bytes in the given format, reporting invalid UTF-8 by line.
    ///
    /// # Errors
    ///
    /// `invalid-utf8` naming the line, `csv` for a malformed CSV, and the errors of
    /// [`Wordlist::parse`] or of an entry (`unknown-category`, `bad-term`, ...), by line.
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
    pub fn load(
        path: &std::path::Path,
        format: Option<Format>,
        options: &ImportOptions,
    ) -> Result<Self, Error> {
        import::load(path, format, options)
    }

    /// A list file if `spec` names one, else a bundled list `ID[@VERSION]` (what the CLI and the
    /// bindings accept wherever a list is named).
    ///
    /// # Errors
    ///
    /// As [`Wordlist::load`] for a file, as [`Wordlist::bundled`] otherwise.
    pub fn load_spec(
        spec: &str,
        format: Option<Format>,
        options: &ImportOptions,
    ) -> Result<Self, Error> {
        let path = std::path::Path::new(spec);
        if path.exists() {
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
    pub fn bundled(id: &str) -> Result<Self, Error> {
        bundled::load(id)
    }

    /// The ids of the bundled lists.
    pub fn bundled_ids() -> impl Iterator<Item = &'static str> {
        bundled::ids()
    }

    /// Identity and provenance.
    pub fn meta(&self) -> &ListMeta {
        &self.meta
    }

    /// The terms.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The allow-list entries.
    pub fn allow(&self) -> &[AllowEntry] {
        &self.allow
    }

    /// The context words.
    pub fn context(&self) -> &[ContextWord] {
        &self.context
    }

    /// The same entries under new metadata (id, version, provenance), re-validated: the id,
    /// version and date must be valid as in a list file (`bad-header` otherwise).
    ///
    /// # Errors
    ///
    /// `bad-header` for an invalid id, version or date.
    pub fn with_meta(self, meta: ListMeta) -> Result<Self, Error> {
        let source = self.meta.id;
        Wordlist::assemble(meta, self.entries, self.allow, self.context, &source)
    }

    /// The list in kavach format (for converting a platform's plain-text or CSV list).
    pub fn to_kavach(&self) -> String {
        write::to_kavach(self)
    }

    /// Counts of terms by category, severity, match mode and language, in a stable order.
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
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }
}

/// Counts of a list's entries.
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
