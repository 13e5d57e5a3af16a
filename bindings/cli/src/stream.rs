//! The JSON Lines reader behind `kavach scan`, as a library so it can be fuzzed and reused: it
//! reads line by line with a cap (an over-long line is skipped as it is read), and reports every
//! bad line (invalid UTF-8, invalid JSON, no "text", over a limit) with its number while the run
//! goes on.

use std::borrow::Cow;
use std::io::{self, BufRead, Write};

use kavach::{Error, ErrorKind, Matcher, OffsetUnit, Report};
use serde::Deserialize;
use serde_json::value::RawValue;

#[derive(Deserialize)]
struct InputLine<'a> {
    #[serde(borrow)]
    text: Option<Cow<'a, str>>,
    #[serde(borrow)]
    id: Option<&'a RawValue>,
}

/// A line of input, without its line ending.
pub enum Line<'a> {
    /// The line's bytes.
    Bytes(&'a [u8]),
    /// A line longer than the cap, with its length; its bytes were skipped, not kept.
    TooLong(usize),
}

/// The UTF-8 byte order mark.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// Calls `each(line_number, line)` for every line. Lines longer than `cap` bytes are skipped
/// as they are read, so memory stays bounded whatever the input. A byte order mark at the start
/// of the input is dropped.
pub fn for_each_line(
    reader: &mut dyn BufRead,
    cap: Option<usize>,
    mut each: impl FnMut(usize, Line<'_>) -> io::Result<()>,
) -> io::Result<()> {
    let mut buf = Vec::with_capacity(1 << 12);
    let mut n = 0;
    loop {
        buf.clear();
        let mut total = 0usize;
        let mut ended = false;
        while !ended {
            let avail = reader.fill_buf()?;
            if avail.is_empty() {
                break;
            }
            let take = match memchr::memchr(b'\n', avail) {
                Some(p) => {
                    ended = true;
                    p + 1
                }
                None => avail.len(),
            };
            // Keep one byte over the cap, so an over-long line is recognised.
            let room = cap.map_or(take, |c| take.min((c + 2).saturating_sub(buf.len())));
            buf.extend_from_slice(&avail[..room]);
            total += take;
            reader.consume(take);
        }
        if total == 0 {
            break;
        }
        n += 1;
        let mut len = total;
        let mut line = &buf[..];
        // A UTF-8 byte order mark opens many files written on Windows: not part of the text.
        if n == 1 {
            if let Some(l) = line.strip_prefix(BOM) {
                line = l;
                len -= BOM.len();
            }
        }
        if ended {
            len -= 1;
            line = line.strip_suffix(b"\n").unwrap_or(line);
        }
        if let Some(l) = line.strip_suffix(b"\r") {
            line = l;
            len -= 1;
        }
        match cap {
            Some(c) if len > c => each(n, Line::TooLong(len))?,
            _ => each(n, Line::Bytes(line))?,
        }
    }
    Ok(())
}

/// The longest line worth reading for texts of at most `max` bytes: a JSON line may escape every
/// character (`\uXXXX`, six bytes for one).
pub fn line_cap(matcher: &Matcher, plain: bool) -> Option<usize> {
    let max = matcher.limits().max_input_bytes?;
    Some(if plain {
        max
    } else {
        max.saturating_mul(6).saturating_add(4096)
    })
}

/// What a `scan` run saw.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Lines read.
    pub lines: usize,
    /// Texts with at least one match.
    pub flagged: usize,
    /// Lines that could not be scanned (each still has a result line, status "error").
    pub bad_lines: usize,
}

/// Scans JSON Lines (or plain lines) from `reader`, writing one result line per input line to
/// `out`: the core's report (see [`kavach::Report::write_json`]) with the line's `id` (its line
/// number when it has none). A line that cannot be scanned (too long, invalid UTF-8 or JSON, no
/// text) gets a report with status "error" and verdict review, and `on_bad_line(line_number,
/// message)` is called for it.
pub fn scan_stream(
    matcher: &Matcher,
    reader: &mut dyn BufRead,
    out: &mut dyn Write,
    plain: bool,
    mut on_bad_line: impl FnMut(usize, &str),
) -> io::Result<Summary> {
    let mut summary = Summary::default();
    let cap = line_cap(matcher, plain);
    let max_input = matcher.limits().max_input_bytes.unwrap_or(usize::MAX);
    let mut result = Vec::new();
    let mut number = itoa::Buffer::new();
    for_each_line(reader, cap, |n, line| {
        summary.lines = n;
        let line_id = number.format(n);
        let (text, id) = match read_line(line, plain, max_input) {
            Ok(read) => read,
            Err((kind, id)) => {
                let error = Error::new(kind);
                summary.bad_lines += 1;
                on_bad_line(n, &error.to_string());
                let id = id.map_or(line_id, RawValue::get);
                return write_line(out, &mut result, &Report::unscanned(error), id);
            }
        };
        let report = matcher.report(&text);
        if let Some(e) = &report.error {
            summary.bad_lines += 1;
            on_bad_line(n, &e.to_string());
        }
        summary.flagged += usize::from(report.flagged());
        write_line(out, &mut result, &report, id.map_or(line_id, RawValue::get))
    })?;
    Ok(summary)
}

/// A line's text and id, or why it has none (with the id, if it could be read).
#[allow(clippy::type_complexity)]
fn read_line<'a>(
    line: Line<'a>,
    plain: bool,
    max_input: usize,
) -> Result<(Cow<'a, str>, Option<&'a RawValue>), (ErrorKind, Option<&'a RawValue>)> {
    let line = match line {
        Line::Bytes(b) => b,
        Line::TooLong(len) => {
            return Err((
                ErrorKind::InputTooLong {
                    bytes: len,
                    max: max_input,
                },
                None,
            ))
        }
    };
    let s = std::str::from_utf8(line).map_err(|e| {
        (
            ErrorKind::InvalidUtf8 {
                byte: e.valid_up_to(),
            },
            None,
        )
    })?;
    if plain {
        return Ok((Cow::Borrowed(s), None));
    }
    // serde reads a struct from an array too (`["hi"]`): only an object is a record.
    if let Some(found) = not_an_object(s) {
        return Err((
            ErrorKind::InvalidJson(format!("expected a JSON object, found {found}")),
            None,
        ));
    }
    match serde_json::from_str::<InputLine>(s) {
        Ok(InputLine {
            text: Some(text),
            id,
        }) => Ok((text, id)),
        Ok(InputLine { text: None, id }) => Err((
            ErrorKind::NoText("the line has no \"text\" field, or it is null".into()),
            id,
        )),
        Err(e) => Err((ErrorKind::InvalidJson(e.to_string()), None)),
    }
}

/// What `line` holds when it is valid JSON but not an object (`an array`, `a string`, …).
fn not_an_object(line: &str) -> Option<&'static str> {
    let first = line
        .trim_start_matches([' ', '\t', '\r', '\n'])
        .bytes()
        .next();
    let found = match first? {
        b'{' => return None,
        b'[' => "an array",
        b'"' => "a string",
        b't' | b'f' => "a boolean",
        b'n' => "null",
        _ => "a number",
    };
    // Invalid JSON keeps the parser's own message (what is wrong, and where).
    serde_json::from_str::<serde::de::IgnoredAny>(line)
        .is_ok()
        .then_some(found)
}

/// Writes `report` as one JSON line with `id` (raw JSON).
fn write_line(out: &mut dyn Write, buf: &mut Vec<u8>, report: &Report, id: &str) -> io::Result<()> {
    buf.clear();
    report.write_json(buf, Some(id), OffsetUnit::Byte);
    buf.push(b'\n');
    out.write_all(buf)
}
