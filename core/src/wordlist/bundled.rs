//! The lists compiled into the library.

use super::Wordlist;
use crate::error::{Error, ErrorKind};

/// (id, file name shown in errors, content).
const BUNDLED: &[(&str, &str, &str)] = &[
    (
        "en",
        "wordlists/en/en.kavach",
        include_str!("../../../wordlists/en/en.kavach"),
    ),
    (
        "hi",
        "wordlists/hi/hi.kavach",
        include_str!("../../../wordlists/hi/hi.kavach"),
    ),
    (
        "hi-Latn",
        "wordlists/hi-Latn/hi-Latn.kavach",
        include_str!("../../../wordlists/hi-Latn/hi-Latn.kavach"),
    ),
    (
        "child-safety",
        "wordlists/child-safety/child-safety.kavach",
        include_str!("../../../wordlists/child-safety/child-safety.kavach"),
    ),
];

pub(crate) fn ids() -> impl Iterator<Item = &'static str> {
    BUNDLED.iter().map(|(id, _, _)| *id)
}

/// Loads `id` or `id@version`.
pub(crate) fn load(spec: &str) -> Result<Wordlist, Error> {
    let (id, want) = match spec.split_once('@') {
        Some((id, v)) => (id, Some(v)),
        None => (spec, None),
    };
    let Some((_, file, text)) = BUNDLED.iter().find(|(i, _, _)| *i == id) else {
        let known: Vec<&str> = ids().collect();
        return Err(Error::new(ErrorKind::UnknownList(
            id.to_string(),
            known.join(", "),
        )));
    };
    let list = Wordlist::parse(text, file)?;
    if let Some(want) = want {
        if list.meta().version != want {
            return Err(Error::new(ErrorKind::VersionMismatch {
                id: id.to_string(),
                have: list.meta().version.clone(),
                want: want.to_string(),
            }));
        }
    }
    Ok(list)
}
