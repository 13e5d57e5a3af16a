//! Warnings about a list that loads but may not do what its author meant: duplicates, entries
//! that match the same text, and entries that match ordinary dictionary words.

use std::collections::HashMap;

use crate::matcher::Matcher;
use crate::normalize::normalize;
use crate::symbols::TermKey;
use crate::wordlist::Wordlist;

/// A problem worth a look that does not stop the list from loading.
///
/// # Examples
///
/// ```
/// use kavach::{lint, Wordlist};
///
/// # let header = "version = 1.0.0\ntitle = t\nlanguages = en\nsource = me\n\
/// #     license = CC0-1.0\ndate = 2026-01-01\n";
/// let text = format!("id = t\n{header}[terms]\nfuck | profanity | high\n\
///     FUCK | profanity | high\n");
/// let warnings = lint(&Wordlist::parse(&text, "t.kavach")?, &[]);
/// assert_eq!((warnings[0].line, warnings[0].code), (10, "duplicate"));
/// assert_eq!(warnings[0].message, "duplicate term `FUCK` (first on line 9)");
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Warning {
    /// 1-based line of the entry concerned (0 when unknown).
    pub line: usize,
    /// Stable code: `duplicate`, `same-key` or `dictionary`.
    pub code: &'static str,
    /// What is wrong, naming the entries.
    pub message: String,
}

/// At most this many example words are named per dictionary warning.
const EXAMPLES: usize = 5;

/// Checks `list` for duplicate terms, terms with the same matching form, and terms or allow
/// gaps that make it flag words of `dictionary` (one word per item; pass an empty slice to skip).
///
/// # Examples
///
/// ```
/// use kavach::{lint, Wordlist};
///
/// # let header = "version = 1.0.0\ntitle = t\nlanguages = en\nsource = me\n\
/// #     license = CC0-1.0\ndate = 2026-01-01\n";
/// let text = format!("id = t\n{header}[terms]\nass | profanity | medium | stem\n\
///     fück | profanity | high\nfuck | profanity | high\n[allow]\nassassin\n");
/// let list = Wordlist::parse(&text, "t.kavach")?;
/// let warnings = lint(&list, &["assassin", "assess", "class", "assessment"]);
/// let codes: Vec<(usize, &str)> = warnings.iter().map(|w| (w.line, w.code)).collect();
/// assert_eq!(codes, [(9, "dictionary"), (11, "same-key")]);
/// assert_eq!(warnings[0].message, "`ass` matches 2 dictionary words: assess, assessment");
/// # Ok::<(), kavach::Error>(())
/// ```
pub fn lint(list: &Wordlist, dictionary: &[&str]) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let mut seen_term: HashMap<String, usize> = HashMap::new();
    let mut seen_key: HashMap<String, (usize, &str)> = HashMap::new();
    for e in list.entries() {
        let lower = e.term.trim().to_lowercase();
        if let Some(&first) = seen_term.get(&lower) {
            warnings.push(Warning {
                line: e.line,
                code: "duplicate",
                message: format!("duplicate term `{}` (first on line {first})", e.term),
            });
            continue;
        }
        seen_term.insert(lower, e.line);
        let key = TermKey::of(&e.term).into_string();
        let same = seen_key
            .get(&key)
            .filter(|&&(first, _)| match_each_other(list, first, e));
        if let Some(&(first, other)) = same {
            warnings.push(Warning {
                line: e.line,
                code: "same-key",
                message: format!(
                    "`{}` matches the same text as `{other}` (line {first}); one entry is enough",
                    e.term
                ),
            });
        } else {
            seen_key.insert(key, (e.line, &e.term));
        }
    }
    if !dictionary.is_empty() {
        warnings.extend(dictionary_hits(list, dictionary));
    }
    warnings.sort_by_key(|w| w.line);
    warnings
}

/// Whether the entry on line `first` and `entry` find each other's term written plainly. The
/// normalised form groups candidates, but it folds more than matching does (a consonant doubled
/// once is distinct in matching: `gypo` does not find "gyppo"), so each pair is confirmed with a
/// matcher of each entry alone. Context-mode entries are compared by their normalised form.
fn match_each_other(list: &Wordlist, first: usize, entry: &super::Entry) -> bool {
    let Some(earlier) = list.entries().iter().find(|e| e.line == first) else {
        return true;
    };
    let alone = |e: &super::Entry| {
        let mut e = e.clone();
        if e.mode == super::MatchMode::Context {
            e.mode = super::MatchMode::Word;
        }
        Wordlist::new(list.meta().clone(), vec![e], Vec::new(), "lint")
            .ok()
            .and_then(|l| Matcher::builder().list(l).build().ok())
    };
    let finds = |m: Option<Matcher>, text: &str| {
        m.is_some_and(|m| {
            m.find(text)
                .iter()
                .any(|hit| hit.start == 0 && hit.end == text.len())
        })
    };
    finds(alone(earlier), entry.term.trim()) && finds(alone(entry), earlier.term.trim())
}

/// Entries that flag dictionary words, with a few examples each. The words are scanned as one
/// text, one per line: lines are independent, so this equals scanning each word alone.
fn dictionary_hits(list: &Wordlist, dictionary: &[&str]) -> Vec<Warning> {
    let Ok(matcher) = Matcher::builder().list(list.clone()).build() else {
        return Vec::new();
    };
    // term -> dictionary words it flags. Each word is scanned alone, as a post of one word:
    // context-mode terms need context a joined text would lend them.
    let mut hits: HashMap<&str, Vec<&str>> = HashMap::new();
    for (word, m) in dictionary
        .iter()
        .flat_map(|&w| matcher.find(w).into_iter().map(move |m| (w, m)))
    {
        let Some(e) = list.entries().iter().find(|e| *e.term == *m.term) else {
            continue;
        };
        // A term that is itself a dictionary word is the list's point, not a false positive.
        if normalize(word) == normalize(&e.term) {
            continue;
        }
        {
            let words = hits.entry(e.term.as_str()).or_default();
            if words.last() != Some(&word) {
                words.push(word);
            }
        }
    }
    let mut out = Vec::new();
    for e in list.entries() {
        if let Some(words) = hits.get(e.term.as_str()) {
            let shown: Vec<&str> = words.iter().take(EXAMPLES).copied().collect();
            let more = words.len().saturating_sub(EXAMPLES);
            out.push(Warning {
                line: e.line,
                code: "dictionary",
                message: format!(
                    "`{}` matches {} dictionary word{}: {}{}",
                    e.term,
                    words.len(),
                    if words.len() == 1 { "" } else { "s" },
                    shown.join(", "),
                    if more > 0 {
                        format!(" and {more} more")
                    } else {
                        String::new()
                    }
                ),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warns_about_duplicates_same_keys_and_dictionary_words() {
        let text = "id = t\nversion = 1.0.0\ntitle = t\nlanguages = en\nsource = t\nlicense = CC0-1.0\ndate = 2026-11-28\n[terms]\nass | profanity | medium | stem\nASS | profanity | medium\nfück | profanity | high\nfuck | profanity | high\n[allow]\nassassin\n";
        let list = Wordlist::parse(text, "t.kavach").unwrap();
        let w = lint(&list, &["ass", "assess", "assassin", "assessment", "class"]);
        let got: Vec<(usize, &str)> = w.iter().map(|w| (w.line, w.code)).collect();
        assert_eq!(
            got,
            [(9, "dictionary"), (10, "duplicate"), (12, "same-key")]
        );
        assert_eq!(
            w[0].message,
            "`ass` matches 2 dictionary words: assess, assessment"
        );
        assert_eq!(
            w[2].message,
            "`fuck` matches the same text as `fück` (line 11); one entry is enough"
        );
    }

    #[test]
    fn terms_that_differ_by_a_doubled_consonant_are_not_the_same_key() {
        // The normalised forms agree, but a consonant doubled once is ordinary spelling in
        // matching: `gypo` does not find "gyppo", so both entries are needed.
        let text = "id = t\nversion = 1.0.0\ntitle = t\nlanguages = en\nsource = t\nlicense = CC0-1.0\ndate = 2026-11-28\n[terms]\ngypo | slur | high\ngyppo | slur | high\nfuck | profanity | high\nFÜCK | profanity | high\n";
        let list = Wordlist::parse(text, "t.kavach").unwrap();
        let got: Vec<(usize, &str)> = lint(&list, &[]).iter().map(|w| (w.line, w.code)).collect();
        assert_eq!(got, [(12, "same-key")]);
    }
}
