//! Line-oriented input: `scan` (JSON Lines or plain text in, one JSON result per line out) and
//! `censor`. A bad line is reported with its number and skipped; the run goes on.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};

use indicatif::{ProgressBar, ProgressStyle};
use kavach::{CensorOptions, Matcher};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::output::{write_error, write_result};
use crate::Fatal;

/// Inputs larger than this get a progress bar (when stderr is a terminal).
const PROGRESS_MIN_BYTES: u64 = 8 << 20;

#[derive(Deserialize)]
struct InputLine<'a> {
    #[serde(borrow)]
    text: Option<Cow<'a, str>>,
    #[serde(borrow)]
    id: Option<&'a RawValue>,
}

struct Input {
    reader: Box<dyn BufRead>,
    progress: Option<ProgressBar>,
}

fn open(file: &str) -> Result<Input, Fatal> {
    if file == "-" {
        return Ok(Input {
            reader: Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
            progress: None,
        });
    }
    let f = File::open(file).map_err(|e| Fatal::Error(format!("{file}: {e}")))?;
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    let progress = (len >= PROGRESS_MIN_BYTES && io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(len);
        bar.set_style(
            ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    });
    let reader: Box<dyn Read> = match &progress {
        Some(bar) => Box::new(bar.wrap_read(f)),
        None => Box::new(f),
    };
    Ok(Input {
        reader: Box::new(BufReader::with_capacity(1 << 16, reader)),
        progress,
    })
}

/// A line of input, without its line ending.
enum Line<'a> {
    /// The line's bytes.
    Bytes(&'a [u8]),
    /// A line longer than the cap, with its length; its bytes were skipped, not kept.
    TooLong(usize),
}

/// Calls `each(line_number, line)` for every line. Lines longer than `cap` bytes are skipped
/// as they are read, so memory stays bounded whatever the input.
fn for_each_line(
    input: &mut Input,
    cap: Option<usize>,
    mut each: impl FnMut(usize, Line<'_>) -> io::Result<()>,
) -> Result<(), Fatal> {
    let mut buf = Vec::with_capacity(1 << 12);
    let mut n = 0;
    loop {
        buf.clear();
        let mut total = 0usize;
        let mut ended = false;
        while !ended {
            let avail = input.reader.fill_buf()?;
            if avail.is_empty() {
                break;
            }
            let take = match avail.iter().position(|&b| b == b'\n') {
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
            input.reader.consume(take);
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
    if let Some(bar) = &input.progress {
        bar.finish_and_clear();
    }
    Ok(())
}

/// The longest line worth reading for texts of at most `max` bytes: a JSON line may escape every
/// character (`\uXXXX`, six bytes for one).
fn line_cap(matcher: &Matcher, plain: bool) -> Option<usize> {
    let max = matcher.limits().max_input_bytes?;
    Some(if plain {
        max
    } else {
        max.saturating_mul(6).saturating_add(4096)
    })
}

pub(crate) fn scan(
    matcher: &Matcher,
    file: &str,
    plain: bool,
    fail_on_match: bool,
) -> Result<u8, Fatal> {
    let mut input = open(file)?;
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut flagged = false;
    let mut bad_lines = 0usize;
    let mut report = |out: &mut BufWriter<_>, n: usize, msg: &str| -> io::Result<()> {
        bad_lines += 1;
        eprintln!("kavach: {file}:{n}: {msg}");
        write_error(out, n, msg)
    };
    let cap = line_cap(matcher, plain);
    let max_input = matcher.limits().max_input_bytes.unwrap_or(usize::MAX);
    for_each_line(&mut input, cap, |n, line| {
        let line = match line {
            Line::Bytes(b) => b,
            Line::TooLong(len) => {
                return report(
                    &mut out,
                    n,
                    &format!("line of {len} bytes is over the limit of {max_input} bytes (--max-input-bytes)"),
                )
            }
        };
        let Ok(s) = std::str::from_utf8(line) else {
            let e = std::str::from_utf8(line)
                .err()
                .map_or(0, |e| e.valid_up_to());
            return report(
                &mut out,
                n,
                &format!("invalid UTF-8 at byte {e} of the line"),
            );
        };
        if plain {
            return match matcher.scan(s) {
                Ok(matches) => {
                    flagged |= !matches.is_empty();
                    let verdict = matcher.policy().decide(&matches);
                    write_result(&mut out, None, n, &matches, &verdict)
                }
                Err(e) => report(&mut out, n, &e.to_string()),
            };
        }
        match serde_json::from_str::<InputLine>(s) {
            Ok(InputLine {
                text: Some(text),
                id,
            }) => match matcher.scan(&text) {
                Ok(matches) => {
                    flagged |= !matches.is_empty();
                    let verdict = matcher.policy().decide(&matches);
                    write_result(&mut out, id, n, &matches, &verdict)
                }
                Err(e) => report(&mut out, n, &e.to_string()),
            },
            Ok(InputLine { text: None, .. }) => report(&mut out, n, "no \"text\" field"),
            Err(e) => report(&mut out, n, &format!("invalid JSON: {e}")),
        }
    })?;
    out.flush()?;
    Ok(if bad_lines > 0 {
        2
    } else {
        u8::from(fail_on_match && flagged)
    })
}

pub(crate) fn censor(matcher: &Matcher, file: &str, options: &CensorOptions) -> Result<u8, Fatal> {
    let mut input = open(file)?;
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut bad_lines = 0usize;
    let cap = matcher.limits().max_input_bytes;
    for_each_line(&mut input, cap, |n, line| {
        let line = match line {
            Line::Bytes(b) => b,
            Line::TooLong(len) => {
                bad_lines += 1;
                eprintln!("kavach: {file}:{n}: line of {len} bytes is over the limit (--max-input-bytes); written as an empty line");
                return out.write_all(b"\n");
            }
        };
        let text = match std::str::from_utf8(line) {
            Ok(s) => Cow::Borrowed(s),
            Err(e) => {
                bad_lines += 1;
                eprintln!(
                    "kavach: {file}:{n}: invalid UTF-8 at byte {} of the line (censored with replacement characters)",
                    e.valid_up_to()
                );
                String::from_utf8_lossy(line)
            }
        };
        out.write_all(matcher.censor(&text, options).as_bytes())?;
        out.write_all(b"\n")
    })?;
    out.flush()?;
    Ok(if bad_lines > 0 { 2 } else { 0 })
}
