//! The JSON Lines reader behind `kavach scan`, as a library so it can be fuzzed and reused: it
//! reads line by line with a cap (an over-long line is skipped as it is read), and reports every
//! bad line (invalid UTF-8, invalid JSON, no "text", over a limit) with its number while the run
//! goes on.

use std::borrow::Cow;
use std::io::{self, BufRead, Write};

use kavach::Matcher;
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::output::{write_error, write_result};

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

/// Calls `each(line_number, line)` for every line. Lines longer than `cap` bytes are skipped
/// as they are read, so memory stays bounded whatever the input.
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
    /// Lines reported as errors.
    pub bad_lines: usize,
}

/// Scans JSON Lines (or plain lines) from `reader`, writing one result or error line per input
/// line to `out` and calling `on_bad_line(line_number, message)` for each bad line.
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
    let mut report = |out: &mut dyn Write, summary: &mut Summary, n: usize, msg: &str| {
        summary.bad_lines += 1;
        on_bad_line(n, msg);
        write_error(out, n, msg)
    };
    for_each_line(reader, cap, |n, line| {
        summary.lines = n;
        let line = match line {
            Line::Bytes(b) => b,
            Line::TooLong(len) => {
                let msg = format!(
                    "line of {len} bytes is over the limit of {max_input} bytes (--max-input-bytes)"
                );
                return report(out, &mut summary, n, &msg);
            }
        };
        let s = match std::str::from_utf8(line) {
            Ok(s) => s,
            Err(e) => {
                let msg = format!("invalid UTF-8 at byte {} of the line", e.valid_up_to());
                return report(out, &mut summary, n, &msg);
            }
        };
        let (text, id) = if plain {
            (Cow::Borrowed(s), None)
        } else {
            match serde_json::from_str::<InputLine>(s) {
                Ok(InputLine {
                    text: Some(text),
                    id,
                }) => (text, id),
                Ok(InputLine { text: None, .. }) => {
                    return report(out, &mut summary, n, "no \"text\" field")
                }
                Err(e) => return report(out, &mut summary, n, &format!("invalid JSON: {e}")),
            }
        };
        match matcher.scan(&text) {
            Ok(matches) => {
                summary.flagged += usize::from(!matches.is_empty());
                let verdict = matcher.policy().decide(&matches);
                write_result(out, &mut result, id, n, &matches, &verdict)
            }
            Err(e) => report(out, &mut summary, n, &e.to_string()),
        }
    })?;
    Ok(summary)
}
