//! What the CLI writes: the JSON Lines contract of `scan`, and the human view of `check`.

use std::io::{self, Write};

use kavach::{Match, Verdict};
use serde::Serialize;
use serde_json::value::RawValue;

/// One `scan` result line: id (or line number), flagged, verdict and matches, as
/// `{"id":…,"flagged":…,"verdict":…,"matches":[{"start":…,"end":…,"text":…,"term":…,
/// "category":…,"severity":…,"list":…,"version":…,"transforms":[…]}]}`, byte for byte what
/// serde_json writes for those fields (a test checks). Written into `line` (cleared first),
/// then to `out` in one piece: serialising each field through `out` was 12% of the time of
/// `kavach scan` on 20 MB of posts.
pub fn write_result(
    out: &mut (impl Write + ?Sized),
    line: &mut Vec<u8>,
    id: Option<&RawValue>,
    number: usize,
    matches: &[Match],
    verdict: &Verdict,
) -> io::Result<()> {
    line.clear();
    line.extend_from_slice(b"{\"id\":");
    match id {
        Some(raw) => line.extend_from_slice(raw.get().as_bytes()),
        None => push_number(line, number),
    }
    line.extend_from_slice(if matches.is_empty() {
        b",\"flagged\":false,\"verdict\":"
    } else {
        b",\"flagged\":true,\"verdict\":"
    });
    push_str(line, verdict.decision.as_str());
    line.extend_from_slice(b",\"matches\":[");
    for (k, m) in matches.iter().enumerate() {
        if k > 0 {
            line.push(b',');
        }
        line.extend_from_slice(b"{\"start\":");
        push_number(line, m.start);
        line.extend_from_slice(b",\"end\":");
        push_number(line, m.end);
        line.extend_from_slice(b",\"text\":");
        push_str(line, m.text);
        line.extend_from_slice(b",\"term\":");
        push_str(line, m.term);
        line.extend_from_slice(b",\"category\":");
        push_str(line, m.category.as_str());
        line.extend_from_slice(b",\"severity\":");
        push_str(line, m.severity.as_str());
        line.extend_from_slice(b",\"list\":");
        push_str(line, m.list);
        line.extend_from_slice(b",\"version\":");
        push_str(line, m.version);
        line.extend_from_slice(b",\"transforms\":[");
        for (t, name) in m.transforms.names().enumerate() {
            if t > 0 {
                line.push(b',');
            }
            push_str(line, name);
        }
        line.extend_from_slice(b"]}");
    }
    line.extend_from_slice(b"]}\n");
    out.write_all(line)
}

/// Appends `n` in decimal.
fn push_number(line: &mut Vec<u8>, n: usize) {
    line.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// Appends `s` as a JSON string, escaped as serde_json escapes it: `"` and `\\` with a
/// backslash, the usual control characters by their letter, the others as `\u00xx`; all else
/// (non-ASCII included) as it is. Runs that need no escape are copied whole.
fn push_str(line: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    line.push(b'"');
    let bytes = s.as_bytes();
    let mut run = 0;
    for (k, &b) in bytes.iter().enumerate() {
        let short: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0..=0x1f => b"",
            _ => continue,
        };
        line.extend_from_slice(&bytes[run..k]);
        if short.is_empty() {
            line.extend_from_slice(b"\\u00");
            line.extend_from_slice(&[HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]]);
        } else {
            line.extend_from_slice(short);
        }
        run = k + 1;
    }
    line.extend_from_slice(&bytes[run..]);
    line.push(b'"');
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut every_ascii: String = (0u8..0x80).map(char::from).collect();
        every_ascii.push_str("é, चूतिया, 😀, \u{2028}");
        for s in [
            "",
            "plain",
            "say \"hi\"",
            "back\\slash",
            "tab\tnew\nline\r",
            &every_ascii,
        ] {
            let mut line = Vec::new();
            push_str(&mut line, s);
            assert_eq!(
                String::from_utf8(line).unwrap(),
                serde_json::to_string(s).unwrap()
            );
        }
    }

    /// The result line as a serde_json serialisation of these fields in this order.
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
    struct ResultOut<'a, Id: Serialize> {
        id: Id,
        flagged: bool,
        verdict: &'static str,
        matches: Vec<MatchOut<'a>>,
    }

    fn expected(id: impl Serialize, matches: &[Match], verdict: &Verdict) -> String {
        let r = ResultOut {
            id,
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
        format!("{}\n", serde_json::to_string(&r).unwrap())
    }

    #[test]
    fn a_result_line_is_what_serde_json_writes_for_it() {
        let matcher = kavach::Matcher::bundled().unwrap();
        let raw = RawValue::from_string("{\"post\": \"a\\\"b\"}".to_string()).unwrap();
        for text in ["you f.u.c.k \"idiot\"\tand a shiiit", "all fine here", ""] {
            let matches = matcher.find(text);
            let verdict = matcher.policy().decide(&matches);
            let (mut out, mut line) = (Vec::new(), Vec::new());
            write_result(&mut out, &mut line, None, 7, &matches, &verdict).unwrap();
            assert_eq!(
                String::from_utf8(out).unwrap(),
                expected(7, &matches, &verdict)
            );
            let mut out = Vec::new();
            write_result(&mut out, &mut line, Some(&raw), 7, &matches, &verdict).unwrap();
            assert_eq!(
                String::from_utf8(out).unwrap(),
                expected(&*raw, &matches, &verdict)
            );
        }
        let matches = matcher.find("you f.u.c.k \"idiot\"\tand a shiiit");
        assert!(matches.len() >= 2, "{matches:?}");
    }
}
