//! `kavach list mine`: ranks the words and phrases of labelled JSON Lines that the lists do not
//! match yet, as a review sheet (see `kavach::Miner`). Bad lines are reported with their number
//! and skipped; the run goes on.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};

use crate::output::escape_for_terminal;
use crate::stream::{for_each_line, Line};
use kavach::{write_review_sheet, Matcher, MineOptions, Miner};
use serde_json::Value;

use crate::Fatal;

/// Longest input line read (longer lines are reported and skipped): 4 MiB.
const MAX_LINE_BYTES: usize = 4 << 20;

/// Where the posts' text and label are, and which string labels mean abusive.
pub(crate) struct Fields<'a> {
    pub text: &'a str,
    pub label: &'a str,
    pub positive: &'a [String],
}

/// Reads `file` (`-` for stdin), mines it and writes the review sheet to stdout.
pub(crate) fn run(
    matcher: &Matcher,
    file: &str,
    fields: &Fields<'_>,
    options: MineOptions,
) -> Result<u8, Fatal> {
    let mut reader: Box<dyn BufRead> = if file == "-" {
        Box::new(BufReader::new(io::stdin()))
    } else {
        let f = File::open(file).map_err(|e| Fatal::Error(format!("{file}: {e}")))?;
        Box::new(BufReader::with_capacity(1 << 16, f))
    };
    let mut miner = Miner::new(matcher, options);
    let mut skipped = 0usize;
    let stderr = io::stderr();
    for_each_line(&mut reader, Some(MAX_LINE_BYTES), |n, line| {
        let bytes = match line {
            Line::Bytes(b) if b.iter().all(u8::is_ascii_whitespace) => return Ok(()),
            Line::Bytes(b) => b,
            Line::TooLong(len) => {
                skipped += 1;
                let msg = format!("line of {len} bytes is over {MAX_LINE_BYTES}");
                return writeln!(stderr.lock(), "{file}:{n}: {msg}");
            }
        };
        match labelled(bytes, fields) {
            Ok((text, abusive)) => miner.add(&text, abusive),
            Err(msg) => {
                skipped += 1;
                writeln!(stderr.lock(), "{file}:{n}: {}", escape_for_terminal(&msg))?;
            }
        }
        Ok(())
    })?;
    let (clean, abusive) = miner.posts();
    writeln!(
        stderr.lock(),
        "mined {} posts ({abusive} abusive, {clean} clean); {skipped} lines skipped",
        clean + abusive
    )?;
    if abusive == 0 || clean == 0 {
        return Err(Fatal::Error(format!(
            "{file}: need both abusive and clean posts to compare ({abusive} abusive, {clean} clean)"
        )));
    }
    let candidates = miner.finish();
    let mut out = io::stdout().lock();
    write_review_sheet(&mut out, &candidates)?;
    out.flush()?;
    Ok(0)
}

/// The text and label of one JSON line, or why it has none.
fn labelled(bytes: &[u8], fields: &Fields<'_>) -> Result<(String, bool), String> {
    let line = std::str::from_utf8(bytes)
        .map_err(|e| format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()))?;
    let record: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let Value::Object(record) = record else {
        return Err("expected a JSON object".into());
    };
    let text = match record.get(fields.text) {
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err(format!("`{}` is not a string", fields.text)),
        None => return Err(format!("no `{}`", fields.text)),
    };
    let label = record
        .get(fields.label)
        .ok_or_else(|| format!("no `{}`", fields.label))?;
    Ok((text, abusive(label, fields.positive)?))
}

/// Whether a label says abusive: a number (0 is clean), a boolean, or a string: `1`, `true`,
/// `yes` or one of `positive`; `0`, `false`, `no`, or (with `positive` given) anything else.
fn abusive(label: &Value, positive: &[String]) -> Result<bool, String> {
    let s: Cow<'_, str> = match label {
        Value::Bool(b) => return Ok(*b),
        Value::Number(n) => return Ok(n.as_f64().is_some_and(|x| x != 0.0)),
        Value::String(s) => Cow::Borrowed(s),
        other => return Err(format!("label {other} is not a number, boolean or string")),
    };
    if positive.iter().any(|p| *p == s) {
        return Ok(true);
    }
    match s.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" => Ok(true),
        "0" | "false" | "no" => Ok(false),
        _ if !positive.is_empty() => Ok(false),
        _ => Err(format!(
            "label `{s}` is not 0/1, true/false or yes/no (name the abusive labels with --positive)"
        )),
    }
}
