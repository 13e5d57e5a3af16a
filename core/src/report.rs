//! The outcome of scanning one text, for every surface: matches, verdict, whether the matches
//! were cut at the limit, and why a text was not scanned. [`Matcher::report`] makes it; the CLI,
//! Python and JavaScript all write it through [`Report::write_json`], so no binding decides
//! anything about limits or verdicts.
//!
//! It fails closed: a text over the match limit keeps its first matches and a verdict at least
//! `review` (never milder than its most severe match); a text over the length limit, or one that
//! could not be read, is an error with a verdict of `review`, never `allow`.
//!
//! [`Matcher::report`]: crate::Matcher::report

use crate::error::Error;
use crate::matcher::Match;
use crate::policy::{Decision, Policy, Verdict};
use crate::span::{convert_offsets, OffsetUnit};

/// Whether a text was scanned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Scanned (perhaps with its matches cut at the limit: see [`Report::truncated`]).
    Scanned,
    /// Not scanned: over the length limit, or not readable (see [`Report::error`]).
    Error,
}

impl Status {
    /// `scanned` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Scanned => "scanned",
            Status::Error => "error",
        }
    }
}

/// The outcome of scanning one text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report<'a> {
    text: &'a str,
    /// The matches, in order; at most [`crate::Limits::max_matches`] of them.
    pub matches: Vec<Match<'a>>,
    /// The policy's decision, over every match found (not only those kept), and at least
    /// `review` when the text was truncated or not scanned.
    pub verdict: Verdict,
    /// Whether the text had more matches than the limit (only the first are in `matches`).
    pub truncated: bool,
    /// Why the text was not scanned (`input-too-long`, `invalid-utf8`, `not-text`, …).
    pub error: Option<Error>,
    /// Per kept match, the decision it calls for on its own.
    decisions: Vec<Decision>,
}

impl<'a> Report<'a> {
    /// The report on `text` given every match found in it.
    pub(crate) fn scanned(
        text: &'a str,
        mut matches: Vec<Match<'a>>,
        policy: &Policy,
        max_matches: Option<usize>,
    ) -> Report<'a> {
        let mut verdict = policy.decide(&matches);
        let truncated = max_matches.is_some_and(|max| matches.len() > max);
        if let (true, Some(max)) = (truncated, max_matches) {
            matches.truncate(max);
            verdict.decision = verdict.decision.max(Decision::Review);
        }
        let decisions = matches.iter().map(|m| policy.decision_for(m)).collect();
        Report {
            text,
            matches,
            verdict,
            truncated,
            error: None,
            decisions,
        }
    }

    /// The report on a text that was not scanned: over the length limit, or not readable (not
    /// a string, invalid UTF-8, a malformed record). Its verdict is `review`.
    pub fn unscanned(error: Error) -> Report<'static> {
        Report {
            text: "",
            matches: Vec::new(),
            verdict: Verdict {
                decision: Decision::Review,
                report: false,
                max_severity: None,
            },
            truncated: false,
            error: Some(error),
            decisions: Vec::new(),
        }
    }

    /// Whether the text was scanned.
    pub fn status(&self) -> Status {
        if self.error.is_some() {
            Status::Error
        } else {
            Status::Scanned
        }
    }

    /// Whether the text has any match.
    pub fn flagged(&self) -> bool {
        !self.matches.is_empty()
    }

    /// Per match in [`Report::matches`], the decision it calls for on its own under the policy.
    pub fn decisions(&self) -> &[Decision] {
        &self.decisions
    }

    /// The matches that drove the verdict: those whose own decision is the verdict's (none for
    /// `allow`). What a user should be shown as the reason.
    pub fn reasons(&self) -> impl Iterator<Item = &Match<'a>> {
        self.reason_indices().map(|k| &self.matches[k])
    }

    /// The positions in [`Report::matches`] of [`Report::reasons`], in order (for bindings
    /// that refer to the matches they have already converted).
    pub fn reason_indices(&self) -> impl Iterator<Item = usize> + '_ {
        let d = self.verdict.decision;
        self.decisions
            .iter()
            .enumerate()
            .filter(move |&(_, &md)| d != Decision::Allow && md == d)
            .map(|(k, _)| k)
    }

    /// Why the verdict is not the matches' own: the error's code, or `too-many-matches` when
    /// the matches were cut at the limit; `None` for a complete scan.
    pub fn reason_code(&self) -> Option<&'static str> {
        match &self.error {
            Some(e) => Some(e.code()),
            None if self.truncated => Some("too-many-matches"),
            None => None,
        }
    }

    /// The matches' spans as `[start, end, start, end, …]` in `unit`.
    pub fn offsets(&self, unit: OffsetUnit) -> Vec<usize> {
        let mut offsets: Vec<usize> = self.matches.iter().flat_map(|m| [m.start, m.end]).collect();
        convert_offsets(self.text, &mut offsets, unit);
        offsets
    }

    /// Appends the report's canonical JSON form (one object, no newline) to `out`:
    ///
    /// `{"id":…,"status":"scanned","flagged":true,"verdict":"block","report":false,
    /// "max_severity":"high","truncated":false,"error":null,"matches":[{"start":…,"end":…,
    /// "text":…,"term":…,"category":…,"severity":…,"decision":…,"list":…,"version":…,
    /// "transforms":[…]}]}`
    ///
    /// `id` is raw JSON (written as given; left out when `None`); offsets are in `unit`; an
    /// error is `{"code":…,"message":…}`. Strings are escaped as serde_json escapes them, so
    /// no control character is ever written raw.
    pub fn write_json(&self, out: &mut Vec<u8>, id: Option<&str>, unit: OffsetUnit) {
        out.push(b'{');
        if let Some(id) = id {
            out.extend_from_slice(b"\"id\":");
            out.extend_from_slice(id.as_bytes());
            out.push(b',');
        }
        let v = &self.verdict;
        let clean = v.decision == Decision::Allow && !v.report && v.max_severity.is_none();
        if clean && self.error.is_none() && self.matches.is_empty() && !self.truncated {
            // Most texts: scanned, nothing found (so allowed, not truncated).
            out.extend_from_slice(CLEAN_REPORT);
            return;
        }
        out.extend_from_slice(b"\"status\":");
        push_json_str(out, self.status().as_str());
        out.extend_from_slice(if self.flagged() {
            b",\"flagged\":true,\"verdict\":"
        } else {
            b",\"flagged\":false,\"verdict\":"
        });
        push_json_str(out, self.verdict.decision.as_str());
        out.extend_from_slice(if self.verdict.report {
            b",\"report\":true,\"max_severity\":"
        } else {
            b",\"report\":false,\"max_severity\":"
        });
        match self.verdict.max_severity {
            Some(s) => push_json_str(out, s.as_str()),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(if self.truncated {
            b",\"truncated\":true,\"error\":"
        } else {
            b",\"truncated\":false,\"error\":"
        });
        match &self.error {
            Some(e) => {
                out.extend_from_slice(b"{\"code\":");
                push_json_str(out, e.code());
                out.extend_from_slice(b",\"message\":");
                push_json_str(out, &e.to_string());
                out.push(b'}');
            }
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"matches\":[");
        let converted;
        let spans: &[usize] = if unit == OffsetUnit::Byte {
            &[]
        } else {
            converted = self.offsets(unit);
            &converted
        };
        for (k, (m, d)) in self.matches.iter().zip(&self.decisions).enumerate() {
            if k > 0 {
                out.push(b',');
            }
            let (start, end) = match spans.get(2 * k..2 * k + 2) {
                Some(s) => (s[0], s[1]),
                None => (m.start, m.end),
            };
            out.extend_from_slice(b"{\"start\":");
            push_json_number(out, start);
            out.extend_from_slice(b",\"end\":");
            push_json_number(out, end);
            out.extend_from_slice(b",\"text\":");
            push_json_str(out, m.text);
            out.extend_from_slice(b",\"term\":");
            push_json_str(out, m.term);
            out.extend_from_slice(b",\"category\":");
            push_json_str(out, m.category.as_str());
            out.extend_from_slice(b",\"severity\":");
            push_json_str(out, m.severity.as_str());
            out.extend_from_slice(b",\"decision\":");
            push_json_str(out, d.as_str());
            out.extend_from_slice(b",\"list\":");
            push_json_str(out, m.list);
            out.extend_from_slice(b",\"version\":");
            push_json_str(out, m.version);
            out.extend_from_slice(b",\"transforms\":[");
            for (t, name) in m.transforms.names().enumerate() {
                if t > 0 {
                    out.push(b',');
                }
                push_json_str(out, name);
            }
            out.extend_from_slice(b"]}");
        }
        out.extend_from_slice(b"]}");
    }

    /// [`Report::write_json`] into a new string.
    pub fn to_json(&self, id: Option<&str>, unit: OffsetUnit) -> String {
        let mut out = Vec::with_capacity(160 + self.matches.len() * 200);
        self.write_json(&mut out, id, unit);
        // Only whole UTF-8 strings and ASCII were written.
        String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

/// The JSON form of a scanned report without matches, after its id.
const CLEAN_REPORT: &[u8] = b"\"status\":\"scanned\",\"flagged\":false,\"verdict\":\"allow\",\"report\":false,\"max_severity\":null,\"truncated\":false,\"error\":null,\"matches\":[]}";

/// Appends `n` in decimal.
fn push_json_number(out: &mut Vec<u8>, n: usize) {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    let mut n = n;
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[at..]);
}

/// Appends `s` as a JSON string, escaped as serde_json escapes it: `"` and `\\` with a
/// backslash, the usual control characters by their letter, the others as `\u00xx`; all else
/// (non-ASCII included) as it is. Runs that need no escape are copied whole.
pub(crate) fn push_json_str(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
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
        out.extend_from_slice(&bytes[run..k]);
        if short.is_empty() {
            out.extend_from_slice(b"\\u00");
            out.extend_from_slice(&[HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]]);
        } else {
            out.extend_from_slice(short);
        }
        run = k + 1;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Matcher;

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
            let mut out = Vec::new();
            push_json_str(&mut out, s);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(s).unwrap()
            );
        }
        for n in [0, 7, 10, 99, 1 << 20, usize::MAX] {
            let mut out = Vec::new();
            push_json_number(&mut out, n);
            assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
        }
    }

    #[test]
    fn the_json_form_parses_and_carries_every_field() {
        let m = Matcher::bundled().unwrap();
        let text = "😀 you f.u.c.k \"idiot\"\tand a shiiit";
        let r = m.report(text);
        let v: serde_json::Value =
            serde_json::from_str(&r.to_json(Some("{\"post\":\"a\\\"b\"}"), OffsetUnit::Utf16))
                .unwrap();
        assert_eq!(v["id"]["post"], "a\"b");
        assert_eq!(v["status"], "scanned");
        assert_eq!(v["verdict"], r.verdict.decision.as_str());
        let ms = v["matches"].as_array().unwrap();
        assert_eq!(ms.len(), r.matches.len());
        assert!(ms.len() >= 2, "{ms:?}");
        let utf16: Vec<u16> = text.encode_utf16().collect();
        for (j, m) in ms.iter().zip(&r.matches) {
            let (s, e) = (j["start"].as_u64().unwrap(), j["end"].as_u64().unwrap());
            let slice = String::from_utf16(&utf16[s as usize..e as usize]).unwrap();
            assert_eq!(slice, m.text);
            assert_eq!(j["text"], m.text);
            assert_eq!(j["term"], m.term);
        }
    }
}
