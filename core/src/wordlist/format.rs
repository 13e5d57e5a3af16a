//! The kavach list format: a `key = value` header, then `[terms]` and `[allow]` sections with
//! `|`-separated fields. Documented in `wordlists/README.md`.

use super::{AllowEntry, ContextWord, Entry, ListMeta, MatchMode, Wordlist};
use crate::error::{Error, ErrorKind};

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
    super::import::check_size(text.len(), source)?;
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

/// A BCP 47-shaped tag: ASCII letters, digits and `-`, starting with a letter.
pub(crate) fn valid_lang(tag: &str) -> bool {
    tag.starts_with(|c: char| c.is_ascii_alphabetic())
        && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
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

/// A list's id, version and date, as every list must have them (parsed, imported or built):
/// the reason for the first that is not, as [`ErrorKind::BadHeader`] says it.
pub(crate) fn check_meta(meta: &ListMeta) -> Result<(), String> {
    check_id(&meta.id)?;
    check_version(&meta.version)?;
    check_date(&meta.date)
}

/// List ids: 1 to 64 ASCII letters, digits, `-` and `_` (what `id@version`, file names and
/// terminals take as they are).
pub(crate) fn valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn check_id(id: &str) -> Result<(), String> {
    if valid_id(id) {
        Ok(())
    } else {
        Err(format!(
            "id `{id}` must be 1 to 64 ASCII letters, digits, `-` or `_`"
        ))
    }
}

/// A SemVer 2.0 version: `MAJOR.MINOR.PATCH`, numbers without leading zeros, then optionally
/// `-` and dot-separated pre-release identifiers (numeric ones without leading zeros) and `+`
/// and dot-separated build identifiers, each identifier non-empty ASCII letters, digits and
/// `-`.
pub(crate) fn valid_semver(v: &str) -> bool {
    let (rest, build) = match v.split_once('+') {
        Some((r, b)) => (r, Some(b)),
        None => (v, None),
    };
    let (core, pre) = match rest.split_once('-') {
        Some((c, p)) => (c, Some(p)),
        None => (rest, None),
    };
    let identifier =
        |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    let number = |s: &str| {
        !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && (s == "0" || !s.starts_with('0'))
    };
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts.iter().all(|p| number(p))
        && pre.is_none_or(|p| {
            p.split('.')
                .all(|i| identifier(i) && (number(i) || !i.bytes().all(|b| b.is_ascii_digit())))
        })
        && build.is_none_or(|b| b.split('.').all(identifier))
}

fn check_version(v: &str) -> Result<(), String> {
    if valid_semver(v) {
        Ok(())
    } else {
        Err(format!(
            "version `{v}` is not a semantic version (MAJOR.MINOR.PATCH, then optionally \
             -PRERELEASE and +BUILD of ASCII letters, digits, `-` and `.`; SemVer 2.0)"
        ))
    }
}

/// A calendar date `YYYY-MM-DD` (proleptic Gregorian: 2024-02-29 is one, 2025-02-29 is not).
pub(crate) fn valid_date(d: &str) -> bool {
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

fn check_date(d: &str) -> Result<(), String> {
    if valid_date(d) {
        Ok(())
    } else {
        Err(format!("date `{d}` is not a calendar date YYYY-MM-DD"))
    }
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
    fn versions_are_semver_2() {
        use super::valid_semver;
        for v in [
            "0.0.0",
            "1.2.3",
            "10.20.30",
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-0.3.7",
            "1.0.0-x.7.z.92",
            "1.0.0-x-y-z.--",
            "1.0.0-alpha+001",
            "1.0.0+20130313144700",
            "1.0.0-beta+exp.sha.5114f85",
            "1.0.0+21AF26D3----117B344092BD",
        ] {
            assert!(valid_semver(v), "{v}");
        }
        for v in [
            "",
            "1",
            "1.0",
            "1.0.0.0",
            "01.0.0",
            "1.02.0",
            "1.0.00",
            "1.0.0-",
            "1.0.0+",
            "1.0.0-01",
            "1.0.0-alpha..1",
            "1.0.0-alpha_1",
            "1.0.0+build+2",
            "1.0.0-\u{1b}[2J",
            "1.0.0-\u{7}",
            "1.0.0-é",
            "v1.0.0",
            " 1.0.0",
            "1.0.0-a b",
        ] {
            assert!(!valid_semver(v), "{v:?}");
        }
    }

    #[test]
    fn dates_are_calendar_dates() {
        use super::valid_date;
        for d in [
            "2026-11-28",
            "2024-02-29",
            "2000-02-29",
            "0001-01-01",
            "9999-12-31",
        ] {
            assert!(valid_date(d), "{d}");
        }
        for d in [
            "",
            "garbage",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "2026-11-00",
            "2025-02-29",
            "1900-02-29",
            "2026-1-1",
            "2026/11/28",
            "2026-11-28T00:00",
            "+026-11-28",
            "2026-11-2\u{1b}",
        ] {
            assert!(!valid_date(d), "{d:?}");
        }
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
