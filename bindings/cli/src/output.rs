//! What the CLI writes: the JSON Lines contract of `scan`, and the human view of `check`.

use std::io::{self, Write};

use kavach::{Match, Verdict};
use serde::Serialize;
use serde_json::value::RawValue;

#[derive(Serialize)]
struct MatchOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    term: &'a str,
    category: &'static str,
    severity: &'static str,
    list: &'a str,
    version: &'a str,
    transforms: Vec<&'static str>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Id<'a> {
    Given(&'a RawValue),
    Line(usize),
}

#[derive(Serialize)]
struct ResultOut<'a> {
    id: Id<'a>,
    flagged: bool,
    verdict: &'static str,
    matches: Vec<MatchOut<'a>>,
}

/// One `scan` result line: id (or line number), flagged, verdict and matches.
pub fn write_result(
    out: &mut (impl Write + ?Sized),
    id: Option<&RawValue>,
    line: usize,
    matches: &[Match],
    verdict: &Verdict,
) -> io::Result<()> {
    let r = ResultOut {
        id: id.map_or(Id::Line(line), Id::Given),
        flagged: !matches.is_empty(),
        verdict: verdict.decision.as_str(),
        matches: matches
            .iter()
            .map(|m| MatchOut {
                start: m.start,
                end: m.end,
                text: m.text,
                term: m.term,
                category: m.category.as_str(),
                severity: m.severity.as_str(),
                list: m.list,
                version: m.version,
                transforms: m.transforms.names().collect(),
            })
            .collect(),
    };
    serde_json::to_writer(&mut *out, &r)?;
    out.write_all(b"\n")
}

#[derive(Serialize)]
struct ErrorOut<'a> {
    line: usize,
    error: &'a str,
}

/// The error object written in place of a malformed input line.
/// One `scan` error line: the line number and what was wrong with it.
pub fn write_error(out: &mut (impl Write + ?Sized), line: usize, msg: &str) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &ErrorOut { line, error: msg })?;
    out.write_all(b"\n")
}

/// `check`: the text with matches highlighted (or bracketed without colour), then one line per
/// match and the verdict.
pub fn write_check(
    out: &mut (impl Write + ?Sized),
    text: &str,
    matches: &[Match],
    verdict: &Verdict,
    colour: bool,
) -> io::Result<()> {
    let (open, close) = if colour {
        ("\x1b[1;31m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    let mut at = 0;
    for m in matches {
        write!(
            out,
            "{}{open}{}{close}",
            &text[at..m.start],
            &text[m.start..m.end]
        )?;
        at = m.end;
    }
    writeln!(out, "{}", &text[at..])?;
    for m in matches {
        let transforms: Vec<&str> = m.transforms.names().collect();
        writeln!(
            out,
            "  {}..{} \"{}\" -> {} ({}, {}) {}@{}{}",
            m.start,
            m.end,
            m.text,
            m.term,
            m.category,
            m.severity,
            m.list,
            m.version,
            if transforms.is_empty() {
                String::new()
            } else {
                format!(" via {}", transforms.join(", "))
            }
        )?;
    }
    writeln!(
        out,
        "verdict: {}{}",
        verdict.decision,
        if verdict.report { " (report)" } else { "" }
    )
}
