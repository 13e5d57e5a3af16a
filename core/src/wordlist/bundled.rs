//! The lists compiled into the library (the `kavach-lists` crate).

use crate::error::{Error, ErrorKind};

use super::format;
use super::list::Wordlist;

pub(crate) fn ids() -> impl Iterator<Item = &'static str> {
    kavach_lists::LISTS.iter().map(|l| l.id)
}

/// The id and the version, if pinned, of a bundled list named as `id` or `id@version`.
pub(crate) fn split_spec(spec: &str) -> (&str, Option<&str>) {
    match spec.split_once('@') {
        Some((id, v)) => (id, Some(v)),
        None => (spec, None),
    }
}

/// Loads `id` or `id@version`.
pub(crate) fn load(spec: &str) -> Result<Wordlist, Error> {
    let (id, want) = split_spec(spec);
    let Some(kavach_lists::List { file, text, .. }) =
        kavach_lists::LISTS.iter().find(|l| l.id == id)
    else {
        let known: Vec<&str> = ids().collect();
        return Err(Error::new(ErrorKind::UnknownList(
            id.to_string(),
            known.join(", "),
        )));
    };
    let list = format::parse(text, file)?;
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
