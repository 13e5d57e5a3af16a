//! A match as reported: its span in the original text and what it is.

use crate::normalize::Transforms;
use crate::wordlist::{Category, Severity};

/// One match: where it is in the original text and what it is.
///
/// It borrows the text it was found in (`text`) and the matcher that found it (`term`, `list`,
/// `version`), so finding costs no allocation or reference count per match. Copy out what
/// must outlive either.
///
/// # Examples
///
/// ```
/// use kavach::{Category, Matcher, Severity};
///
/// let matcher = Matcher::bundled()?;
/// let text = "well, Sh!t happens";
/// let m = &matcher.find(text)[0];
/// assert_eq!((m.start, m.end), (6, 10));
/// assert_eq!(&text[m.start..m.end], m.text);
/// assert_eq!((m.text, m.term), ("Sh!t", "shit"));
/// assert_eq!((m.category, m.severity), (Category::Profanity, Severity::Medium));
/// assert_eq!((m.list, m.version), ("en", &*matcher.lists()[0].version));
/// assert_eq!(m.transforms.names().collect::<Vec<_>>(), ["leet"]);
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Match<'a> {
    /// Byte offset of the first byte in the original text (on a char boundary).
    pub start: usize,
    /// Byte offset one past the last byte (half-open; on a char boundary).
    pub end: usize,
    /// The original text of the span, `&text[start..end]`.
    pub text: &'a str,
    /// The canonical term from the list.
    pub term: &'a str,
    /// The term's category.
    pub category: Category,
    /// The term's severity.
    pub severity: Severity,
    /// Id of the list that flagged it.
    pub list: &'a str,
    /// Version of that list.
    pub version: &'a str,
    /// The evasions undone to find it.
    pub transforms: Transforms,
}
