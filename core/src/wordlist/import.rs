//! Lists as platforms supply them: plain text (one term per line) and CSV, with the list's
//! identity and the entries' category, severity and mode given by the caller.

use std::io::Read;
use std::path::Path;
use std::str::FromStr;

use crate::error::{Error, ErrorKind};

use super::check::{check_meta, check_size, too_large, valid_id, MAX_LIST_BYTES};
use super::entry::{Category, Entry, ListMeta, MatchMode, Severity};
use super::format;
use super::list::Wordlist;

/// The format of a list file.
///
/// # Examples
///
/// ```
/// use kavach::{Format, ImportOptions, Wordlist};
///
/// let options = ImportOptions::default();
/// let text = b"# our terms\nzorkface\n\nblorp\n";
/// let plain = Wordlist::from_bytes(text, "ours.txt", Format::Plain, &options)?;
/// assert_eq!(plain.entries().len(), 2);
/// let sheet = b"accept\tterm\tseverity\nyes\tzorkface\thigh\n\tblorp\tlow\n"; // a review sheet
/// let tsv = Wordlist::from_bytes(sheet, "review.tsv", Format::Tsv, &options)?;
/// assert_eq!(tsv.entries().iter().map(|e| e.term.as_str()).collect::<Vec<_>>(), ["zorkface"]);
/// assert_eq!("csv".parse::<Format>(), Ok(Format::Csv));
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// The kavach format, with header and sections (`wordlists/README.md`).
    Kavach,
    /// One term per line; `#` starts a comment line; blank lines are ignored.
    Plain,
    /// CSV with a header row: `term` (required), `category`, `severity`, `mode`, `lang`;
    /// with an `accept` column (a review sheet), only rows whose `accept` is `yes`, `y`, `x`,
    /// `true` or `1` are entries, those with it empty, `no`, `n`, `false` or `0` are not, and
    /// any other value is an error naming the line.
    Csv,
    /// Tab-separated, otherwise as [`Format::Csv`]: the review sheets of `kavach list mine`.
    Tsv,
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "kavach" => Ok(Format::Kavach),
            "txt" | "plain" => Ok(Format::Plain),
            "csv" => Ok(Format::Csv),
            "tsv" => Ok(Format::Tsv),
            other => Err(format!(
                "unknown list format `{other}` (expected txt, csv, tsv or kavach)"
            )),
        }
    }
}

impl Format {
    /// The format a path's extension suggests, in any case: `.txt` plain, `.csv` CSV, `.tsv`
    /// TSV, anything else the kavach format.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::path::Path;
    /// use kavach::Format;
    ///
    /// assert_eq!(Format::from_path(Path::new("terms.txt")), Format::Plain);
    /// assert_eq!(Format::from_path(Path::new("lists/terms.csv")), Format::Csv);
    /// assert_eq!(Format::from_path(Path::new("review.tsv")), Format::Tsv);
    /// assert_eq!(Format::from_path(Path::new("TERMS.TXT")), Format::Plain);
    /// assert_eq!(Format::from_path(Path::new("en.kavach")), Format::Kavach);
    /// ```
    pub fn from_path(path: &Path) -> Format {
        Format::by_extension(path).unwrap_or(Format::Kavach)
    }

    /// The format a list file's extension names, in any case (`.txt`, `.csv`, `.tsv`,
    /// `.kavach`), or `None` for any other extension.
    pub(crate) fn by_extension(path: &Path) -> Option<Format> {
        let extension = path.extension().and_then(|e| e.to_str())?;
        match extension.to_ascii_lowercase().as_str() {
            "txt" => Some(Format::Plain),
            "csv" => Some(Format::Csv),
            "tsv" => Some(Format::Tsv),
            "kavach" => Some(Format::Kavach),
            _ => None,
        }
    }
}

/// Identity and defaults for lists that carry no header (plain text and CSV).
///
/// # Examples
///
/// ```
/// use kavach::{Category, Format, ImportOptions, Matcher, Severity, Wordlist};
///
/// let mut options = ImportOptions::default(); // `#[non_exhaustive]`: set the fields
/// (options.id, options.version) = ("platform".to_string(), "2.1.0".to_string());
/// (options.category, options.severity) = (Category::Slur, Severity::Critical);
/// let list = Wordlist::from_bytes(b"zorkface\n", "terms.txt", Format::Plain, &options)?;
/// let matcher = Matcher::builder().list(list).build()?;
/// let m = &matcher.find("you zorkface")[0];
/// assert_eq!((m.category, m.severity), (Category::Slur, Severity::Critical));
/// assert_eq!((m.list, m.version), ("platform", "2.1.0"));
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ImportOptions {
    /// List id; when empty, the source's file stem (or `list`).
    pub id: String,
    /// List version.
    pub version: String,
    /// Category of entries that do not give one.
    pub category: Category,
    /// Severity of entries that do not give one.
    pub severity: Severity,
    /// Match mode of entries that do not give one.
    pub mode: MatchMode,
    /// Language of entries that do not give one.
    pub lang: String,
    /// Provenance, recorded in the list's metadata.
    pub source: String,
    /// Licence, recorded in the list's metadata.
    pub license: String,
    /// Release date recorded in the list's metadata, `YYYY-MM-DD` (default: today, UTC; on
    /// `wasm32-unknown-unknown`, which has no clock, `1970-01-01` unless the caller sets it).
    pub date: String,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            id: String::new(),
            version: "0.0.0".to_string(),
            category: Category::Profanity,
            severity: Severity::Medium,
            mode: MatchMode::Word,
            lang: "und".to_string(),
            source: "supplied by the caller".to_string(),
            license: "NOASSERTION".to_string(),
            date: today(),
        }
    }
}

pub(crate) fn load(
    path: &Path,
    format: Option<Format>,
    options: &ImportOptions,
) -> Result<Wordlist, Error> {
    let source = path.display().to_string();
    let io = |e: std::io::Error| Error::in_source(ErrorKind::Io(e.to_string()), &source);
    let file = std::fs::File::open(path).map_err(io)?;
    // A file's size is checked before reading, so a huge file costs no memory ...
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_LIST_BYTES {
        return Err(too_large(size, &source));
    }
    // ... and the limit holds while reading, for a pipe or a device (`/dev/zero`) has no size,
    // and a file may grow: at most one byte over it is read.
    let mut bytes = Vec::with_capacity(usize::try_from(size).map_or(0, |s| s + 1));
    file.take(MAX_LIST_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    check_size(bytes.len(), &source)?;
    let mut options = options.clone();
    if options.id.is_empty() {
        options.id = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("list")
            .to_string();
    }
    from_bytes(
        &bytes,
        &source,
        format.unwrap_or_else(|| Format::from_path(path)),
        &options,
    )
}

/// Decodes UTF-8, naming the line and byte of the first invalid sequence.
pub(crate) fn decode<'a>(bytes: &'a [u8], source: &str) -> Result<&'a str, Error> {
    std::str::from_utf8(bytes).map_err(|e| {
        let bad = e.valid_up_to();
        let line_start = bytes[..bad]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let line = bytes[..bad].iter().filter(|&&b| b == b'\n').count() + 1;
        Error::at(
            ErrorKind::InvalidUtf8 {
                byte: bad - line_start,
            },
            source,
            line,
        )
    })
}

pub(crate) fn from_bytes(
    bytes: &[u8],
    source: &str,
    format: Format,
    options: &ImportOptions,
) -> Result<Wordlist, Error> {
    check_size(bytes.len(), source)?;
    let text = decode(bytes, source)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match format {
        Format::Kavach => format::parse(text, source),
        Format::Plain => plain(text, source, options),
        Format::Csv => csv(text, source, options, b','),
        Format::Tsv => csv(text, source, options, b'\t'),
    }
}

fn meta(options: &ImportOptions, source: &str) -> Result<ListMeta, Error> {
    // Without an id, the source's file stem names the list (`platform.txt` -> `platform`).
    let id = if options.id.is_empty() {
        let name = source.rsplit(['/', '\\']).next().unwrap_or(source);
        let stem = name.split_once('.').map_or(name, |(s, _)| s);
        if valid_id(stem) {
            stem.to_string()
        } else {
            "list".to_string()
        }
    } else {
        options.id.clone()
    };
    let meta = ListMeta {
        id,
        version: options.version.clone(),
        title: source.to_string(),
        languages: vec![options.lang.clone()],
        source: options.source.clone(),
        license: options.license.clone(),
        date: options.date.clone(),
    };
    // Checked before the entries, so a bad --version or --date is the error, not a bad term.
    check_meta(&meta).map_err(|reason| Error::in_source(ErrorKind::BadHeader(reason), source))?;
    Ok(meta)
}

/// Today's date (UTC) as YYYY-MM-DD, from days since the Unix epoch (Howard Hinnant's
/// civil-from-days algorithm).
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// No clock on `wasm32-unknown-unknown` (`SystemTime::now` would panic): the epoch.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
fn today() -> String {
    "1970-01-01".to_string()
}

fn plain(text: &str, source: &str, options: &ImportOptions) -> Result<Wordlist, Error> {
    let meta = meta(options, source)?;
    let entries = text
        .lines()
        .enumerate()
        .filter(|(_, l)| {
            let l = l.trim();
            !l.is_empty() && !l.starts_with('#')
        })
        .map(|(n, l)| Entry {
            term: l.trim().to_string(),
            category: options.category,
            severity: options.severity,
            mode: options.mode,
            lang: options.lang.clone(),
            line: n + 1,
        })
        .collect();
    Wordlist::new(meta, entries, Vec::new(), source)
}

fn csv(
    text: &str,
    source: &str,
    options: &ImportOptions,
    delimiter: u8,
) -> Result<Wordlist, Error> {
    let meta = meta(options, source)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(false)
        .trim(csv::Trim::All)
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let csv_err = |e: csv::Error| {
        let line = e.position().map_or(1, |p| p.line() as usize);
        let msg = match e.kind() {
            csv::ErrorKind::UnequalLengths {
                expected_len, len, ..
            } => {
                format!("expected {expected_len} fields like the header, found {len}")
            }
            _ => e.to_string(),
        };
        Error::at(ErrorKind::Csv(msg), source, line)
    };
    let headers = reader.headers().map_err(csv_err)?.clone();
    let col = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    let Some(term_col) = col("term") else {
        return Err(Error::at(
            ErrorKind::Csv("the header row has no `term` column".to_string()),
            source,
            1,
        ));
    };
    let (cat_col, sev_col, mode_col, lang_col, accept_col) = (
        col("category"),
        col("severity"),
        col("mode"),
        col("lang"),
        col("accept"),
    );
    let mut entries = Vec::new();
    for record in reader.records() {
        let record = record.map_err(csv_err)?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let at = |kind| Error::at(kind, source, line);
        let field = |c: Option<usize>| c.and_then(|c| record.get(c)).filter(|v| !v.is_empty());
        // A review sheet's row is an entry only when accepted; a value that says neither is
        // an error, never a row silently dropped.
        if let Some(c) = accept_col {
            let value = record.get(c).unwrap_or("");
            match value.to_ascii_lowercase().as_str() {
                "yes" | "y" | "x" | "true" | "1" => {}
                "" | "no" | "n" | "false" | "0" => continue,
                _ => {
                    return Err(at(ErrorKind::Csv(format!(
                    "accept `{value}` is neither yes (y, x, true, 1) nor no (empty, n, false, 0)"
                ))))
                }
            }
        }
        let term = record.get(term_col).unwrap_or("");
        if term.is_empty() {
            return Err(at(ErrorKind::EmptyTerm(String::new())));
        }
        entries.push(Entry {
            term: term.to_string(),
            category: field(cat_col)
                .map_or(Ok(options.category), str::parse)
                .map_err(at)?,
            severity: field(sev_col)
                .map_or(Ok(options.severity), str::parse)
                .map_err(at)?,
            mode: field(mode_col)
                .map_or(Ok(options.mode), str::parse)
                .map_err(at)?,
            lang: field(lang_col).unwrap_or(&options.lang).to_string(),
            line,
        });
    }
    Wordlist::new(meta, entries, Vec::new(), source)
}
