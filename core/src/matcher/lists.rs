//! The lists a matcher is asked for ([`ListSpec`]) and those it holds ([`ListInfo`]).

use std::sync::Arc;

use crate::wordlist::Wordlist;

/// A list compiled into a matcher: identity, provenance and counts.
///
/// # Examples
///
/// ```
/// use kavach::{Matcher, Wordlist};
///
/// let matcher = Matcher::bundled()?;
/// let info = &matcher.lists()[0];
/// let list = Wordlist::bundled("en")?;
/// assert_eq!((&*info.id, &*info.version), ("en", list.meta().version.as_str()));
/// assert_eq!(info.title, list.meta().title);
/// assert_eq!((info.entries, info.allow), (list.entries().len(), list.allow().len()));
/// assert_eq!(info.fingerprint, list.fingerprint());
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListInfo {
    /// List id.
    pub id: Arc<str>,
    /// List version.
    pub version: Arc<str>,
    /// Title.
    pub title: String,
    /// Content fingerprint (see [`Wordlist::fingerprint`]).
    pub fingerprint: String,
    /// Number of terms.
    pub entries: usize,
    /// Number of allow-list entries.
    pub allow: usize,
}

pub(super) enum ListSpec {
    Bundled(String),
    /// A loaded list and the name of its file (for errors), if known.
    List(Box<Wordlist>, Option<String>),
}
