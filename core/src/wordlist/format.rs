//! The kavach list format: a `key = value` header, then `[terms]` and `[allow]` sections with
//! `|`-separated fields. Documented in `wordlists/README.md`.

use crate::error::{Error, ErrorKind};

use super::check::{check_date, check_id, check_size, check_version, valid_lang};
use super::entry::{AllowEntry, ContextWord, Entry, ListMeta, MatchMode};
use super::list::Wordlist;

const HEADER_KEYS: [&str; 7] = [
    "id",
    "version",
    "title",
    "languages",
    "source",
    "license",
    "date",
];

enum Section {
    Header,
    Terms,
    Allow,
    Context,
}

/// Parses a whole list; the first problem is reported with its line and nothing is returned.
pub(crate) fn parse(text: &str, source: &str) -> Result<Wordlist, Error> {
    check_size(text.len(), source)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut header: Vec<(&str, String, usize)> = Vec::new();
    let mut entries = Vec::new();
    let mut allow = Vec::new();
    let mut context = Vec::new();
    let mut section = Section::Header;
    let mut meta: Option<ListMeta> = None;
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = |kind| Error::at(kind, source, line_no);
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = match name.trim() {
                "terms" => Section::Terms,
                "allow" => Section::Allow,
                "context" => Section::Context,
                other => return Err(at(ErrorKind::UnknownSection(other.to_string()))),
            };
            if meta.is_none() {
                meta = Some(header_meta(&header, source, line_no)?);
            }
            continue;
        }
        match section {
            Section::Header => {
                let Some((k, v)) = line.split_once('=') else {
                    return Err(at(ErrorKind::UnexpectedLine(line.to_string())));
                };
                let k = k.trim();
                let Some(&key) = HEADER_KEYS.iter().find(|&&h| h == k) else {
                    return Err(at(ErrorKind::BadHeader(format!(
                        "unknown key `{k}` (expected one of: {})",
                        HEADER_KEYS.join(", ")
                    ))));
                };
                if header.iter().any(|(h, _, _)| *h == key) {
                    return Err(at(ErrorKind::DuplicateHeader(key.to_string())));
                }
                header.push((key, v.trim().to_string(), line_no));
            }
            Section::Terms => {
                let default_lang = meta
                    .as_ref()
                    .and_then(|m| m.languages.first().cloned())
                    .unwrap_or_default();
                entries.push(parse_entry(line, &default_lang, line_no).map_err(at)?);
            }
            Section::Allow => allow.push(parse_allow(line, line_no).map_err(at)?),
            Section::Context => context.push(parse_context(line, line_no).map_err(at)?),
        }
    }
    let meta = match meta {
        Some(m) => m,
        None => header_meta(&header, source, text.lines().count().max(1))?,
    };
    Wordlist::assemble(meta, entries, allow, context, source)
}

fn fields(line: &str) -> Vec<&str> {
    line.split('|').map(str::trim).collect()
}

/// `term | category | severity [| mode [| lang]]`
pub(crate) fn parse_entry(
    line: &str,
    default_lang: &str,
    line_no: usize,
) -> Result<Entry, ErrorKind> {
    let f = fields(line);
    if !(3..=5).contains(&f.len()) {
        return Err(ErrorKind::BadColumns {
            expected: "3 to 5",
            found: f.len(),
        });
    }
    if f[0].is_empty() {
        return Err(ErrorKind::EmptyTerm(String::new()));
    }
    let mode = match f.get(3) {
        Some(m) if !m.is_empty() => m.parse()?,
        _ => MatchMode::Word,
    };
    let lang = match f.get(4) {
        Some(l) if !l.is_empty() => l.to_string(),
        _ => default_lang.to_string(),
    };
    Ok(Entry {
        term: f[0].to_string(),
        category: f[1].parse()?,
        severity: f[2].parse()?,
        mode,
        lang,
        line: line_no,
    })
}

/// `term [| mode]`
fn parse_allow(line: &str, line_no: usize) -> Result<AllowEntry, ErrorKind> {
    let f = fields(line);
    if f.len() > 2 {
        return Err(ErrorKind::BadColumns {
            expected: "1 or 2",
            found: f.len(),
        });
    }
    if f[0].is_empty() {
        return Err(ErrorKind::EmptyTerm(String::new()));
    }
    let mode = match f.get(1) {
        Some(m) if !m.is_empty() => m.parse()?,
        _ => MatchMode::Stem,
    };
    Ok(AllowEntry {
        term: f[0].to_string(),
        mode,
        line: line_no,
    })
}

/// One word per line.
fn parse_context(line: &str, line_no: usize) -> Result<ContextWord, ErrorKind> {
    let f = fields(line);
    if f.len() != 1 {
        return Err(ErrorKind::BadColumns {
            expected: "1",
            found: f.len(),
        });
    }
    Ok(ContextWord {
        term: f[0].to_string(),
        line: line_no,
    })
}

fn header_meta(
    header: &[(&str, String, usize)],
    source: &str,
    line_no: usize,
) -> Result<ListMeta, Error> {
    let get = |key: &str| -> Result<(String, usize), Error> {
        header
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, v, l)| (v.clone(), *l))
            .ok_or_else(|| Error::at(ErrorKind::MissingHeader(key.to_string()), source, line_no))
    };
    let bad = |msg: String, line: usize| Error::at(ErrorKind::BadHeader(msg), source, line);
    let (id, l) = get("id")?;
    check_id(&id).map_err(|m| bad(m, l))?;
    let (version, l) = get("version")?;
    check_version(&version).map_err(|m| bad(m, l))?;
    let (date, l) = get("date")?;
    check_date(&date).map_err(|m| bad(m, l))?;
    let (languages, l) = get("languages")?;
    let languages: Vec<String> = languages
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if languages.is_empty() {
        return Err(bad("languages is empty".to_string(), l));
    }
    if let Some(tag) = languages.iter().find(|t| !valid_lang(t)) {
        return Err(bad(
            format!("language tag `{tag}` must be ASCII letters, digits and `-`"),
            l,
        ));
    }
    Ok(ListMeta {
        id,
        version,
        title: get("title")?.0,
        languages,
        source: get("source")?.0,
        license: get("license")?.0,
        date,
    })
}

#[cfg(test)]
mod tests {
    use super::parse;

    const HEAD: &str = "id = t\nversion = 1.0.0\ntitle = T\nlanguages = en\nsource = tests\nlicense = CC0-1.0\ndate = 2026-11-28\n";

    #[test]
    fn parses_entries_and_allow() {
        let l = parse(
            &format!("{HEAD}[terms]\nfuck | profanity | high | stem\n[allow]\nfuckerino\n"),
            "t.kavach",
        )
        .unwrap();
        assert_eq!(l.meta().id, "t");
        assert_eq!(l.entries().len(), 1);
        assert_eq!(l.entries()[0].lang, "en");
        assert_eq!(l.allow().len(), 1);
        assert!(l.fingerprint().starts_with("sha256:"));
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = parse(
            &format!("{HEAD}[terms]\nfuck | profanity | high\nshit | rude | medium\n"),
            "x.kavach",
        )
        .unwrap_err();
        assert_eq!(e.to_string(), "x.kavach:10: unknown category `rude` (expected one of: profanity, sexual, slur, insult, violence, child-safety)");
        assert_eq!(e.code(), "unknown-category");
        let e = parse("id = t\n[terms]\nfuck | profanity | high\n", "y.kavach").unwrap_err();
        assert_eq!(e.to_string(), "y.kavach:2: missing header key `version`");
        let e = parse(&format!("{HEAD}[terms]\nfuck | profanity\n"), "z").unwrap_err();
        assert_eq!(
            e.to_string(),
            "z:9: expected 3 to 5 fields separated by `|`, found 2"
        );
    }

    #[test]
    fn bad_metadata_is_reported_at_its_header_line() {
        for (key, value, reason) in [
            (
                "version",
                "1.0.0-\u{1b}]0;x\u{7}",
                "is not a semantic version",
            ),
            ("version", "1.0.0-01", "is not a semantic version"),
            ("date", "2026-02-30", "is not a calendar date YYYY-MM-DD"),
            (
                "id",
                "a\u{1b}[2Jb",
                "must be 1 to 64 ASCII letters, digits, `-` or `_`",
            ),
            ("id", &"x".repeat(65), "must be 1 to 64 ASCII letters"),
        ] {
            let line = HEAD.lines().position(|l| l.starts_with(key)).unwrap() + 1;
            let text = HEAD
                .lines()
                .map(|l| {
                    if l.starts_with(key) {
                        format!("{key} = {value}\n")
                    } else {
                        format!("{l}\n")
                    }
                })
                .collect::<String>()
                + "[terms]\nfuck | profanity | high\n";
            let e = parse(&text, "m.kavach").unwrap_err();
            assert_eq!(e.code(), "bad-header");
            let want = format!("m.kavach:{line}: bad header: {key} `{value}` {reason}");
            assert!(e.to_string().starts_with(&want), "{e}");
        }
    }

    #[test]
    fn fingerprint_ignores_order_and_formatting() {
        let a = parse(
            &format!("{HEAD}[terms]\nfuck | profanity | high | stem\nshit|profanity|medium\n"),
            "a",
        )
        .unwrap();
        let b = parse(&format!("{HEAD}[terms]\n# c\nSHIT | profanity | medium | word\nFuck | profanity | high | stem\n"), "b").unwrap();
        assert_eq!(a.fingerprint(), b.fingerprint());
        let c = parse(
            &format!("{HEAD}[terms]\nfuck | profanity | critical | stem\nshit|profanity|medium\n"),
            "c",
        )
        .unwrap();
        assert_ne!(a.fingerprint(), c.fingerprint());
    }
}
