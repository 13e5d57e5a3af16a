//! What changed between two versions of a list, keyed by each term's matching form, so a
//! respelling that matches the same text (`Fuck` → `fuck`) is not reported as a change.

use std::collections::BTreeMap;

use crate::normalize::normalize;
use crate::symbols::TermKey;

use super::entry::{AllowEntry, Entry};
use super::list::Wordlist;

/// The entries added, removed and changed from one list version to another.
///
/// # Examples
///
/// ```
/// use kavach::{ListDiff, Severity, Wordlist};
///
/// # let header = "version = 1.0.0\ntitle = t\nlanguages = en\nsource = me\n\
/// #     license = CC0-1.0\ndate = 2026-01-01\n";
/// let list = |terms: &str| Wordlist::parse(&format!("id = t\n{header}[terms]\n{terms}"), "t");
/// let old = list("Fuck | profanity | high\nshit | profanity | medium\ndamn | profanity | low\n")?;
/// let new = list("fuck | profanity | high\nshit | profanity | high\nzorkface | insult | high\n")?;
/// let d = ListDiff::between(&old, &new);
/// assert_eq!((d.added[0].term.as_str(), d.removed[0].term.as_str()), ("zorkface", "damn"));
/// let (before, after) = &d.changed[0];
/// assert_eq!((before.severity, after.severity), (Severity::Medium, Severity::High));
/// assert_eq!(d.changed.len(), 1); // `Fuck` → `fuck` matches the same text: no change
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListDiff {
    /// Terms only in the new list.
    pub added: Vec<Entry>,
    /// Terms only in the old list.
    pub removed: Vec<Entry>,
    /// Terms in both whose category, severity, mode or language changed: (old, new).
    pub changed: Vec<(Entry, Entry)>,
    /// Allow-list words only in the new list.
    pub allow_added: Vec<AllowEntry>,
    /// Allow-list words only in the old list.
    pub allow_removed: Vec<AllowEntry>,
    /// Context words only in the new list.
    pub context_added: Vec<String>,
    /// Context words only in the old list.
    pub context_removed: Vec<String>,
}

impl ListDiff {
    /// Compares `old` with `new`.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{ListDiff, Wordlist};
    ///
    /// # let header = "version = 1.0.0\ntitle = t\nlanguages = en\nsource = me\n\
    /// #     license = CC0-1.0\ndate = 2026-01-01\n";
    /// let list = |body: &str| Wordlist::parse(&format!("id = t\n{header}{body}"), "t");
    /// let old = list("[terms]\nfuck | profanity | high\n")?;
    /// let new = list("[terms]\nfuck | profanity | high\nbc | profanity | medium | context\n\
    ///     [context]\nyaar\n")?;
    /// let d = ListDiff::between(&old, &new);
    /// assert_eq!(d.added.iter().map(|e| e.term.as_str()).collect::<Vec<_>>(), ["bc"]);
    /// assert_eq!(d.context_added, ["yaar"]);
    /// assert!(d.removed.is_empty() && d.changed.is_empty());
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn between(old: &Wordlist, new: &Wordlist) -> ListDiff {
        let key = |e: &Entry| TermKey::of(&e.term).into_string();
        let old_terms: BTreeMap<String, &Entry> =
            old.entries().iter().map(|e| (key(e), e)).collect();
        let new_terms: BTreeMap<String, &Entry> =
            new.entries().iter().map(|e| (key(e), e)).collect();
        let mut d = ListDiff::default();
        for (k, n) in &new_terms {
            match old_terms.get(k) {
                None => d.added.push((*n).clone()),
                Some(o) => {
                    if (o.category, o.severity, o.mode, &o.lang)
                        != (n.category, n.severity, n.mode, &n.lang)
                    {
                        d.changed.push(((*o).clone(), (*n).clone()));
                    }
                }
            }
        }
        d.removed = old_terms
            .iter()
            .filter(|(k, _)| !new_terms.contains_key(*k))
            .map(|(_, e)| (*e).clone())
            .collect();
        let allow_key = |a: &AllowEntry| (normalize(&a.term), a.mode);
        let old_allow: BTreeMap<_, &AllowEntry> =
            old.allow().iter().map(|a| (allow_key(a), a)).collect();
        let new_allow: BTreeMap<_, &AllowEntry> =
            new.allow().iter().map(|a| (allow_key(a), a)).collect();
        d.allow_added = new_allow
            .iter()
            .filter(|(k, _)| !old_allow.contains_key(*k))
            .map(|(_, a)| (*a).clone())
            .collect();
        d.allow_removed = old_allow
            .iter()
            .filter(|(k, _)| !new_allow.contains_key(*k))
            .map(|(_, a)| (*a).clone())
            .collect();
        let context = |l: &Wordlist| -> BTreeMap<String, String> {
            l.context()
                .iter()
                .map(|w| (normalize(&w.term), w.term.clone()))
                .collect()
        };
        let (old_ctx, new_ctx) = (context(old), context(new));
        d.context_added = new_ctx
            .iter()
            .filter(|(k, _)| !old_ctx.contains_key(*k))
            .map(|(_, w)| w.clone())
            .collect();
        d.context_removed = old_ctx
            .iter()
            .filter(|(k, _)| !new_ctx.contains_key(*k))
            .map(|(_, w)| w.clone())
            .collect();
        d
    }

    /// True when the two lists match exactly the same things.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{ListDiff, Wordlist};
    ///
    /// # let header = "version = 1.0.0\ntitle = t\nlanguages = en\nsource = me\n\
    /// #     license = CC0-1.0\ndate = 2026-01-01\n";
    /// let list = |terms: &str| Wordlist::parse(&format!("id = t\n{header}[terms]\n{terms}"), "t");
    /// let old = list("fuck | profanity | high\nshit | profanity | medium\n")?;
    /// let reformatted = list("# reordered\nshit|profanity|medium\nFUCK|profanity|high\n")?;
    /// assert!(ListDiff::between(&old, &reformatted).is_empty());
    /// let changed = list("fuck | profanity | high | stem\nshit | profanity | medium\n")?;
    /// assert!(!ListDiff::between(&old, &changed).is_empty()); // a mode changed
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.allow_added.is_empty()
            && self.allow_removed.is_empty()
            && self.context_added.is_empty()
            && self.context_removed.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(version: &str, body: &str) -> Wordlist {
        let text = format!("id = t\nversion = {version}\ntitle = t\nlanguages = en\nsource = t\nlicense = CC0-1.0\ndate = 2026-11-28\n{body}");
        Wordlist::parse(&text, "t").unwrap()
    }

    #[test]
    fn added_removed_changed_by_matching_form() {
        let old = list("1.0.0", "[terms]\nFuck | profanity | high | stem\nshit | profanity | medium\ndamn | profanity | low\n[allow]\nscunthorpe\n");
        let new = list("1.1.0", "[terms]\nfuck | profanity | high | stem\nshit | profanity | high\ncrap | profanity | low\n");
        let d = ListDiff::between(&old, &new);
        assert_eq!(
            d.added.iter().map(|e| e.term.as_str()).collect::<Vec<_>>(),
            ["crap"]
        );
        assert_eq!(
            d.removed
                .iter()
                .map(|e| e.term.as_str())
                .collect::<Vec<_>>(),
            ["damn"]
        );
        assert_eq!(d.changed.len(), 1);
        assert_eq!(
            (
                d.changed[0].0.severity.as_str(),
                d.changed[0].1.severity.as_str()
            ),
            ("medium", "high")
        );
        assert_eq!(d.allow_removed.len(), 1);
        assert!(ListDiff::between(&new, &new).is_empty());
    }

    #[test]
    fn kavach_format_round_trips() {
        let l = list("1.0.0", "[terms]\nkill yourself | violence | critical | word | en\nचूतिया | insult | high | stem | hi\n[allow]\nscunthorpe | word\n");
        let again = Wordlist::parse(&l.to_kavach(), "again").unwrap();
        assert_eq!(again.fingerprint(), l.fingerprint());
        assert_eq!(again.meta(), l.meta());
        let s = l.stats();
        assert_eq!((s.terms, s.allow), (2, 1));
        assert_eq!(s.by_lang, [("en".to_string(), 1), ("hi".to_string(), 1)]);
    }
}
