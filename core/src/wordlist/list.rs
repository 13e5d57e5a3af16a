//! A loaded, validated list ([`Wordlist`]): its parts, checked once, and its fingerprint.

use sha2::{Digest, Sha256};

use crate::error::{Error, ErrorKind};
use crate::symbols::TermKey;

use super::check;
use super::entry::{AllowEntry, Category, ContextWord, Entry, ListMeta, MatchMode, Severity};

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
        check::check_meta(&meta)
            .map_err(|reason| Error::in_source(ErrorKind::BadHeader(reason), source))?;
        // An allow-only list is useful: a platform's own benign words, beside other lists.
        if entries.is_empty() && allow.is_empty() {
            return Err(Error::in_source(ErrorKind::EmptyList, source));
        }
        let mut lines = Vec::with_capacity(entries.len() + allow.len());
        for e in &entries {
            if !check::valid_lang(&e.lang) {
                return Err(Error::at(
                    ErrorKind::BadLang(e.lang.clone()),
                    source,
                    e.line,
                ));
            }
            let symbols = if e.mode == MatchMode::Context {
                Err("is written in symbols, which have no words around them to give context: use mode word, stem or substring")
            } else {
                Ok(())
            };
            let key = checked_key(&e.term, source, e.line, symbols)?;
            lines.push(format!(
                "term\t{key}\t{}\t{}\t{}\n",
                e.category, e.severity, e.mode
            ));
        }
        for a in &allow {
            let key = checked_key(&a.term, source, a.line, Err(NO_SYMBOL_WORDS))?;
            lines.push(format!("allow\t{key}\t{}\n", a.mode));
        }
        for w in &context {
            let key = checked_key(&w.term, source, w.line, Err(NO_SYMBOL_WORDS))?;
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

/// Why an allow or context word may not be written in symbols: they lie among letters.
const NO_SYMBOL_WORDS: &str =
    "is written in symbols: only terms may be (allow and context words are read among letters)";

/// The matching form of a term (its symbols if it is written in symbols and `symbols` allows
/// it; otherwise `symbols` says why not), or an error naming the line if nothing matchable is
/// left, if it mixes symbols with letters (the matching form would drop the symbols and leave
/// a term nobody listed: `🖕 you` would be `you`), or if the kavach format could not hold the
/// term (so every list can be written out and read back).
fn checked_key(
    term: &str,
    source: &str,
    line: usize,
    symbols: Result<(), &'static str>,
) -> Result<String, Error> {
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
    let bad = |reason| {
        Err(Error::at(
            ErrorKind::BadTerm(term.to_string(), reason),
            source,
            line,
        ))
    };
    match TermKey::of(term) {
        TermKey::Key(key) if key.bytes().all(crate::normalize::is_boundary_byte) => Err(
            Error::at(ErrorKind::EmptyTerm(term.to_string()), source, line),
        ),
        TermKey::Key(key) => Ok(key),
        TermKey::Symbols(symbols_key) => match symbols {
            Ok(()) => Ok(symbols_key),
            Err(reason) => bad(reason),
        },
        TermKey::Mixed => bad(
            "mixes symbols (emoji) with letters, which are read apart: list the symbols as a term of their own",
        ),
    }
}
