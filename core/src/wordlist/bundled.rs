//! The lists compiled into the library (the `kavach-lists` crate).

use crate::error::{Error, ErrorKind};

use super::format;
use super::list::Wordlist;

/// A bundled list as the library holds it: its id, its file (named in errors) and its text
/// with the comment lines blanked.
struct Bundled {
    id: &'static str,
    file: &'static str,
    text: &'static [u8],
}

/// The bundled lists, made at compile time. Only the ids, file names and blanked texts are
/// read at run time, so the texts as written (with their comments) are not in the binary:
/// their comments' prose (scope, provenance notes) was 8.5 KB of the gzipped WebAssembly
/// module, and the parser skips them. Provenance ships in `NOTICE` and each list's header.
static LISTS: [Bundled; 4] = [bundled!(0), bundled!(1), bundled!(2), bundled!(3)];

const _: () = assert!(kavach_lists::LISTS.len() == 4, "one `bundled!` per list");

/// The [`Bundled`] form of `kavach_lists::LISTS[k]`, evaluated at compile time.
macro_rules! bundled {
    ($k:expr) => {{
        const LIST: kavach_lists::List = kavach_lists::LISTS[$k];
        static TEXT: [u8; LIST.text.len()] = blank_comments(LIST.text);
        Bundled {
            id: LIST.id,
            file: LIST.file,
            text: &TEXT,
        }
    }};
}
use bundled;

/// `text` with every byte of its comment lines (`#` first, after spaces or tabs) a space:
/// the same length and line numbers, and the same list to the parser.
const fn blank_comments<const N: usize>(text: &str) -> [u8; N] {
    let bytes = text.as_bytes();
    let mut out = [0u8; N];
    let (mut i, mut line_start, mut comment) = (0, true, false);
    while i < N {
        let b = bytes[i];
        if b == b'\n' {
            (line_start, comment) = (true, false);
        } else if line_start && b == b'#' {
            (line_start, comment) = (false, true);
        } else if !matches!(b, b' ' | b'\t') {
            line_start = false;
        }
        out[i] = if comment { b' ' } else { b };
        i += 1;
    }
    out
}

pub(crate) fn ids() -> impl Iterator<Item = &'static str> {
    LISTS.iter().map(|l| l.id)
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
    let Some(Bundled { file, text, .. }) = LISTS.iter().find(|l| l.id == id) else {
        let known: Vec<&str> = ids().collect();
        return Err(Error::new(ErrorKind::UnknownList(
            id.to_string(),
            known.join(", "),
        )));
    };
    // Blanking changed whole lines of bytes to spaces: still UTF-8.
    let text = std::str::from_utf8(text)
        .map_err(|e| Error::new(ErrorKind::Build(format!("bundled list `{id}`: {e}"))))?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanked_lists_parse_to_the_lists_as_written() {
        for (list, written) in LISTS.iter().zip(kavach_lists::LISTS) {
            let blanked = load(list.id).unwrap();
            let as_written = format::parse(written.text, written.file).unwrap();
            assert_eq!(blanked.fingerprint(), as_written.fingerprint());
            assert_eq!(blanked.entries(), as_written.entries()); // lines included
            assert_eq!(blanked.meta(), as_written.meta());
            // Comments are gone, and nothing else.
            let text = std::str::from_utf8(list.text).unwrap();
            assert!(!text.lines().any(|l| l.trim_start().starts_with('#')));
            assert_eq!(text.len(), written.text.len());
            for (b, w) in text.lines().zip(written.text.lines()) {
                assert!(b == w || (b.trim().is_empty() && w.trim_start().starts_with('#')));
            }
        }
    }

    #[test]
    fn comment_lines_are_blanked_and_others_kept() {
        const T: &str = "# top\nid = x\n  # indented\nfuck | a # not a comment\n\t#tab\n";
        let out: [u8; T.len()] = blank_comments(T);
        let out = std::str::from_utf8(&out).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines,
            [
                "     ",
                "id = x",
                "            ",
                "fuck | a # not a comment",
                "\t    "
            ]
        );
    }
}
