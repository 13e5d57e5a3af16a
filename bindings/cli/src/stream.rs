//! The JSON Lines reader behind `kavach scan`, as a library so it can be fuzzed and reused: it
//! reads line by line with a cap (an over-long line is skipped as it is read), and reports every
//! bad line (invalid UTF-8, invalid JSON, no "text", over a limit) with its number while the run
//! goes on. Lines are scanned in batches on every thread asked for; results are written in the
//! order of the input.

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

/// Lines read before a batch is scanned: enough work per thread (about 0.4 MB of posts) that
/// handing it over costs little, few enough that the batch's memory stays small.
const BATCH_LINES: usize = 4096;
/// A batch also ends once its lines hold this many bytes (long lines: memory stays bounded).
const BATCH_BYTES: usize = 4 << 20;

/// The most threads a scan uses, whatever it is asked for: each thread of a batch's scan is
/// spawned afresh, so a mistyped `--threads 100000` must not try to start that many.
const MAX_THREADS: usize = 256;

/// A line of a [`Batch`]: its bytes' range in the batch's buffer, or its length when it was
/// too long to keep.
type Held = Result<(usize, usize), usize>;

/// A batch of lines, their bytes in one buffer.
#[derive(Default)]
struct Batch {
    bytes: Vec<u8>,
    /// Per line: its number and where its bytes are.
    lines: Vec<(usize, Held)>,
}

impl Batch {
    fn push(&mut self, n: usize, line: Line<'_>) {
        let held = match line {
            Line::Bytes(b) => {
                let start = self.bytes.len();
                self.bytes.extend_from_slice(b);
                Ok((start, self.bytes.len()))
            }
            Line::TooLong(len) => Err(len),
        };
        self.lines.push((n, held));
    }

    fn full(&self) -> bool {
        self.lines.len() >= BATCH_LINES || self.bytes.len() >= BATCH_BYTES
    }

    fn line(&self, k: usize) -> (usize, Line<'_>) {
        let (n, held) = self.lines[k];
        match held {
            Ok((a, b)) => (n, Line::Bytes(&self.bytes[a..b])),
            Err(len) => (n, Line::TooLong(len)),
        }
    }

    fn clear(&mut self) {
        self.bytes.clear();
        self.lines.clear();
    }
}

/// What scanning some lines of a batch gave: their result lines, in order, and their bad
/// lines' numbers and messages.
#[derive(Default)]
struct Scanned {
    out: Vec<u8>,
    bad: Vec<(usize, String)>,
    flagged: usize,
}

/// Scans JSON Lines (or plain lines) from `reader`, writing one result line per input line to
/// `out`, in the order of the input: the core's report (see [`kavach::Report::write_json`]) with
/// the line's `id` (its line number when it has none). A line that cannot be scanned (too long,
/// invalid UTF-8 or JSON, no text) gets a report with status "error" and verdict review, and
/// `on_bad_line(line_number, message)` is called for it, in order. Lines are read in batches
/// and each batch is scanned on up to `threads` threads (0: one per core; at most 256); one
/// thread scans in the caller's.
pub fn scan_stream(
    matcher: &Matcher,
    reader: &mut dyn BufRead,
    out: &mut dyn Write,
    plain: bool,
    threads: usize,
    mut on_bad_line: impl FnMut(usize, &str),
) -> io::Result<Summary> {
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    }
    .min(MAX_THREADS);
    let mut summary = Summary::default();
    let cap = line_cap(matcher, plain);
    let max_input = matcher.limits().max_input_bytes.unwrap_or(usize::MAX);
    let mut batch = Batch::default();
    let mut parts: Vec<Scanned> = (0..threads).map(|_| Scanned::default()).collect();
    let mut flush = |batch: &mut Batch, summary: &mut Summary| -> io::Result<()> {
        let lines = batch.lines.len();
        let per = lines.div_ceil(threads).max(1);
        let scan_part = |k: usize, part: &mut Scanned| {
            let range = (k * per).min(lines)..((k + 1) * per).min(lines);
            scan_lines(matcher, batch, range, plain, max_input, part);
        };
        if threads == 1 || lines <= 1 {
            scan_part(0, &mut parts[0]);
        } else {
            std::thread::scope(|s| {
                let scan_part = &scan_part;
                // Only as many threads as there are lines to share.
                for (k, part) in parts.iter_mut().enumerate().take(lines.div_ceil(per)) {
                    s.spawn(move || scan_part(k, part));
                }
            });
        }
        for part in &mut parts {
            out.write_all(&part.out)?;
            for (n, message) in &part.bad {
                on_bad_line(*n, message);
            }
            summary.flagged += part.flagged;
            summary.bad_lines += part.bad.len();
            // The output buffer is kept for the next batch.
            part.out.clear();
            part.bad.clear();
            part.flagged = 0;
        }
        batch.clear();
        Ok(())
    };
    for_each_line(reader, cap, |n, line| {
        summary.lines = n;
        batch.push(n, line);
        if batch.full() {
            flush(&mut batch, &mut summary)?;
        }
        Ok(())
    })?;
    flush(&mut batch, &mut summary)?;
    Ok(summary)
}

/// Scans the lines `range` of `batch` into `part`.
fn scan_lines(
    matcher: &Matcher,
    batch: &Batch,
    range: std::ops::Range<usize>,
    plain: bool,
    max_input: usize,
    part: &mut Scanned,
) {
    let mut number = itoa::Buffer::new();
    for k in range {
        let (n, line) = batch.line(k);
        let line_id = number.format(n);
        match read_line(line, plain, max_input) {
            Ok((text, id)) => {
                let report = matcher.report(&text);
                if let Some(e) = &report.error {
                    part.bad.push((n, e.to_string()));
                }
                part.flagged += usize::from(report.flagged());
                write_line(&mut part.out, &report, id.map_or(line_id, RawValue::get));
            }
            Err((kind, id)) => {
                let error = Error::new(kind);
                part.bad.push((n, error.to_string()));
                let id = id.map_or(line_id, RawValue::get);
                write_line(&mut part.out, &Report::unscanned(error), id);
            }
        }
    }
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

/// Appends `report` to `out` as one JSON line with `id` (raw JSON).
fn write_line(out: &mut Vec<u8>, report: &Report, id: &str) {
    report.write_json(out, Some(id), OffsetUnit::Byte);
    out.push(b'\n');
}
