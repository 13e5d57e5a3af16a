//! Writes a list in kavach format, so a platform's plain-text or CSV list can be converted
//! once and then versioned, reviewed and diffed like the bundled ones.

use std::fmt::Write;

use super::list::Wordlist;

/// The list in kavach format: header, `[terms]`, `[allow]`, `[context]`; parsing the result gives the same
/// entries and the same fingerprint.
pub(crate) fn to_kavach(list: &Wordlist) -> String {
    let m = list.meta();
    let mut out = String::new();
    let header = [
        ("id", m.id.clone()),
        ("version", m.version.clone()),
        ("title", m.title.clone()),
        ("languages", m.languages.join(", ")),
        ("source", m.source.clone()),
        ("license", m.license.clone()),
        ("date", m.date.clone()),
    ];
    for (k, v) in header {
        // Header values are single lines.
        let _ = writeln!(out, "{k} = {}", v.replace(['\n', '\r'], " "));
    }
    out.push_str("\n[terms]\n# term | category | severity | mode | lang\n");
    let width = list
        .entries()
        .iter()
        .map(|e| e.term.chars().count())
        .max()
        .unwrap_or(0);
    for e in list.entries() {
        let pad = width - e.term.chars().count();
        let _ = writeln!(
            out,
            "{}{} | {} | {} | {} | {}",
            e.term,
            " ".repeat(pad),
            e.category,
            e.severity,
            e.mode,
            e.lang
        );
    }
    if !list.allow().is_empty() {
        out.push_str("\n[allow]\n");
        for a in list.allow() {
            let _ = writeln!(out, "{} | {}", a.term, a.mode);
        }
    }
    if !list.context().is_empty() {
        out.push_str("\n[context]\n");
        for w in list.context() {
            let _ = writeln!(out, "{}", w.term);
        }
    }
    out
}

impl Wordlist {
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
        to_kavach(self)
    }
}
