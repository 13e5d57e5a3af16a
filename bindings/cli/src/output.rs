//! The human view of `check` (`scan` writes the core's report JSON; see [`crate::stream`]).

use std::io::{self, Write};

use kavach::Report;

/// `check`: the text with matches highlighted (or bracketed without colour), then one line per
/// match and the verdict, with why it is not the matches' own (truncated, not scanned).
pub fn write_check(
    out: &mut (impl Write + ?Sized),
    text: &str,
    report: &Report,
    colour: bool,
) -> io::Result<()> {
    let (open, close) = if colour {
        ("\x1b[1;31m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    let mut at = 0;
    for m in &report.matches {
        write!(
            out,
            "{}{open}{}{close}",
            &text[at..m.start],
            &text[m.start..m.end]
        )?;
        at = m.end;
    }
    writeln!(out, "{}", &text[at..])?;
    for (m, d) in report.matches.iter().zip(report.decisions()) {
        let transforms: Vec<&str> = m.transforms.names().collect();
        writeln!(
            out,
            "  {}..{} \"{}\" -> {} ({}, {}: {d}) {}@{}{}",
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
    if report.truncated {
        writeln!(
            out,
            "  (more matches than the limit: only the first {} are shown)",
            report.matches.len()
        )?;
    }
    if let Some(e) = &report.error {
        writeln!(out, "  not scanned: {e}")?;
    }
    writeln!(
        out,
        "verdict: {}{}",
        report.verdict.decision,
        if report.verdict.report {
            " (report)"
        } else {
            ""
        }
    )
}
