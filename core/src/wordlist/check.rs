//! The rules every list follows however it is loaded or built: id, version and date in the
//! header, language tags, and the size limit.

use crate::error::{Error, ErrorKind};

use super::entry::ListMeta;

/// A BCP 47-shaped tag: ASCII letters, digits and `-`, starting with a letter.
pub(crate) fn valid_lang(tag: &str) -> bool {
    tag.starts_with(|c: char| c.is_ascii_alphabetic())
        && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
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

pub(crate) fn check_id(id: &str) -> Result<(), String> {
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

pub(crate) fn check_version(v: &str) -> Result<(), String> {
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

pub(crate) fn check_date(d: &str) -> Result<(), String> {
    if valid_date(d) {
        Ok(())
    } else {
        Err(format!("date `{d}` is not a calendar date YYYY-MM-DD"))
    }
}

/// The largest list loaded: 256 MiB, far above any real list (a 200,000-term list is about
/// 8 MB). It holds for files (before reading, and while reading, for pipes and devices that
/// have no size) and for lists given as text or bytes.
pub(crate) const MAX_LIST_BYTES: u64 = 256 << 20;

/// The error for a list over [`MAX_LIST_BYTES`] of `bytes` bytes (`MAX_LIST_BYTES + 1` when
/// reading stopped at the limit).
pub(crate) fn too_large(bytes: u64, source: &str) -> Error {
    Error::in_source(
        ErrorKind::ListTooLarge {
            bytes,
            max: MAX_LIST_BYTES,
        },
        source,
    )
}

/// An error if a list of `len` bytes is over the limit.
pub(crate) fn check_size(len: usize, source: &str) -> Result<(), Error> {
    match u64::try_from(len) {
        Ok(n) if n <= MAX_LIST_BYTES => Ok(()),
        Ok(n) => Err(too_large(n, source)),
        Err(_) => Err(too_large(u64::MAX, source)),
    }
}

#[cfg(test)]
mod tests {
    use super::{valid_date, valid_semver};

    #[test]
    fn versions_are_semver_2() {
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
}
