//! Line-oriented input: `scan` (JSON Lines or plain text in, one JSON result per line out) and
//! `censor`. A bad line is reported with its number and skipped; the run goes on.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};

use indicatif::{ProgressBar, ProgressStyle};
use kavach::{CensorOptions, Matcher};

use crate::output::write_line;
use crate::stream::{for_each_line, scan_stream, Line};

use crate::Fatal;

/// Inputs larger than this get a progress bar (when stderr is a terminal).
const PROGRESS_MIN_BYTES: u64 = 8 << 20;

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

pub(crate) fn scan(
    matcher: &Matcher,
    file: &str,
    plain: bool,
    fail_on_match: bool,
    threads: usize,
) -> Result<u8, Fatal> {
    let mut input = open(file)?;
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut err = io::stderr();
    let summary = scan_stream(
        matcher,
        &mut input.reader,
        &mut out,
        plain,
        threads,
        |n, msg| {
            let _ = write_line(&mut err, &format!("kavach: {file}:{n}: {msg}"));
        },
    )?;
    if let Some(bar) = &input.progress {
        bar.finish_and_clear();
    }
    out.flush()?;
    Ok(if summary.bad_lines > 0 {
        2
    } else {
        u8::from(fail_on_match && summary.flagged > 0)
    })
}
pub(crate) fn censor(matcher: &Matcher, file: &str, options: &CensorOptions) -> Result<u8, Fatal> {
    let mut input = open(file)?;
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut bad_lines = 0usize;
    let cap = matcher.limits().max_input_bytes;
    for_each_line(&mut input.reader, cap, |n, line| {
        let line = match line {
            Line::Bytes(b) => b,
            Line::TooLong(len) => {
                bad_lines += 1;
                let _ = write_line(&mut io::stderr(), &format!("kavach: {file}:{n}: line of {len} bytes is over the limit (--max-input-bytes); written as an empty line"));
                return out.write_all(b"\n");
            }
        };
        let text = match std::str::from_utf8(line) {
            Ok(s) => Cow::Borrowed(s),
            Err(e) => {
                bad_lines += 1;
                let _ = write_line(
                    &mut io::stderr(),
                    &format!(
                        "kavach: {file}:{n}: invalid UTF-8 at byte {} of the line (censored with replacement characters)",
                        e.valid_up_to()
                    ),
                );
                String::from_utf8_lossy(line)
            }
        };
        out.write_all(matcher.censor(&text, options).as_bytes())?;
        out.write_all(b"\n")
    })?;
    if let Some(bar) = &input.progress {
        bar.finish_and_clear();
    }
    out.flush()?;
    Ok(if bad_lines > 0 { 2 } else { 0 })
}
