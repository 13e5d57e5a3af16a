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
use crate::matcher::found::Match;
use crate::policy::{Decision, Policy, Verdict};
use crate::span::{convert_offsets, OffsetUnit};

/// Whether a text was scanned.
///
/// # Examples
///
/// ```
/// use kavach::{Error, ErrorKind, Matcher, Report, Status};
///
/// let matcher = Matcher::bundled()?;
/// assert_eq!(matcher.report("what the fuck").status(), Status::Scanned);
/// let unreadable = Report::unscanned(Error::new(ErrorKind::NotText("None".into())));
/// assert_eq!(unreadable.status(), Status::Error);
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Status {
    /// Scanned (perhaps with its matches cut at the limit: see [`Report::truncated`]).
    Scanned,
    /// Not scanned: over the length limit, or not readable (see [`Report::error`]).
    Error,
}

impl Status {
    /// `scanned` or `error`.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, Status};
    ///
    /// assert_eq!(Status::Error.as_str(), "error");
    /// let matcher = Matcher::bundled()?;
    /// assert_eq!(matcher.report("hello").status().as_str(), "scanned");
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Scanned => "scanned",
            Status::Error => "error",
        }
    }
}

/// The outcome of scanning one text.
///
/// # Examples
///
/// ```
/// use kavach::{Decision, Matcher, OffsetUnit};
///
/// let matcher = Matcher::bundled()?;
/// let report = matcher.report("you idiot, what the fuck");
/// assert_eq!(report.matches.len(), 2);
/// assert_eq!(report.verdict.decision, Decision::Block);
/// // `idiot` alone would be allowed: `fuck` is what blocks the text.
/// let reasons: Vec<&str> = report.reasons().map(|m| m.text).collect();
/// assert_eq!(reasons, ["fuck"]);
/// assert!(report.to_json(None, OffsetUnit::Byte).contains(r#""verdict":"block""#));
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
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
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Decision, Error, ErrorKind, Report, Status};
    ///
    /// let report = Report::unscanned(Error::new(ErrorKind::NotText("None".into())));
    /// assert_eq!(report.status(), Status::Error);
    /// assert_eq!(report.verdict.decision, Decision::Review);
    /// assert_eq!(report.reason_code(), Some("not-text"));
    /// assert!(report.matches.is_empty());
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Limits, Matcher, Status};
    ///
    /// let mut limits = Limits::default();
    /// limits.max_input_bytes = Some(16);
    /// let matcher = Matcher::builder().bundled("en").limits(limits).build()?;
    /// assert_eq!(matcher.report("what the fuck").status(), Status::Scanned);
    /// let report = matcher.report("a text over sixteen bytes");
    /// assert_eq!(report.status(), Status::Error);
    /// assert_eq!(report.error.map(|e| e.code()), Some("input-too-long"));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn status(&self) -> Status {
        if self.error.is_some() {
            Status::Error
        } else {
            Status::Scanned
        }
    }

    /// Whether the text has any match.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Decision, Matcher};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let report = matcher.report("damn it");
    /// assert!(report.flagged()); // a match...
    /// assert_eq!(report.verdict.decision, Decision::Allow); // ...that the policy allows
    /// assert!(!matcher.report("hello").flagged());
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn flagged(&self) -> bool {
        !self.matches.is_empty()
    }

    /// Per match in [`Report::matches`], the decision it calls for on its own under the policy.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Decision, Matcher};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let report = matcher.report("damn, shit, fuck");
    /// assert_eq!(report.decisions(), [Decision::Allow, Decision::Review, Decision::Block]);
    /// assert_eq!(report.verdict.decision, Decision::Block);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn decisions(&self) -> &[Decision] {
        &self.decisions
    }

    /// The matches that drove the verdict: those whose own decision is the verdict's (none for
    /// `allow`). What a user should be shown as the reason.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Matcher;
    ///
    /// let matcher = Matcher::bundled()?;
    /// let report = matcher.report("damn, shit, fuck, what the f*ck");
    /// let reasons: Vec<&str> = report.reasons().map(|m| m.text).collect();
    /// assert_eq!(reasons, ["fuck", "f*ck"]);
    /// // An allowed text has no reason, even with matches.
    /// assert_eq!(matcher.report("damn").reasons().count(), 0);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn reasons(&self) -> impl Iterator<Item = &Match<'a>> {
        self.reason_indices().map(|k| &self.matches[k])
    }

    /// The positions in [`Report::matches`] of [`Report::reasons`], in order (for bindings
    /// that refer to the matches they have already converted).
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Matcher;
    ///
    /// let matcher = Matcher::bundled()?;
    /// let report = matcher.report("damn, shit, fuck");
    /// assert_eq!(report.reason_indices().collect::<Vec<_>>(), [2]);
    /// assert_eq!(report.matches[2].term, "fuck");
    /// # Ok::<(), kavach::Error>(())
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Decision, Limits, Matcher};
    ///
    /// let mut limits = Limits::default();
    /// limits.max_matches = Some(2);
    /// let matcher = Matcher::builder().bundled("en").limits(limits).build()?;
    /// assert_eq!(matcher.report("damn damn").reason_code(), None);
    /// let report = matcher.report("damn damn damn");
    /// assert_eq!(report.reason_code(), Some("too-many-matches"));
    /// // Fails closed: `damn` is allowed, but a truncated text goes to review.
    /// assert_eq!(report.verdict.decision, Decision::Review);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn reason_code(&self) -> Option<&'static str> {
        match &self.error {
            Some(e) => Some(e.code()),
            None if self.truncated => Some("too-many-matches"),
            None => None,
        }
    }

    /// The matches' spans as `[start, end, start, end, …]` in `unit`.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, OffsetUnit};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let report = matcher.report("😀 you shit");
    /// assert_eq!(report.offsets(OffsetUnit::Byte), [9, 13]);
    /// assert_eq!(report.offsets(OffsetUnit::CodePoint), [6, 10]); // Python `str` indices
    /// assert_eq!(report.offsets(OffsetUnit::Utf16), [7, 11]); // JavaScript string indices
    /// # Ok::<(), kavach::Error>(())
    /// ```
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
    /// `id` is raw JSON (written as given, less any TAB, CR or LF between its tokens; left out
    /// when `None`); offsets are in `unit`; an error is `{"code":…,"message":…}`. The line never
    /// holds a raw control character (C0, DEL, C1) or U+2028/U+2029: strings escape them as
    /// `\uxxxx` (or `\n`, `\t`, …), and TAB, CR and LF between the tokens of `id` are dropped.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, OffsetUnit};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let mut out = Vec::new();
    /// for (id, text) in [("1", "hello"), ("2", "what the fuck")] {
    ///     matcher.report(text).write_json(&mut out, Some(id), OffsetUnit::Byte);
    ///     out.push(b'\n'); // JSON Lines
    /// }
    /// let jsonl = String::from_utf8_lossy(&out);
    /// let lines: Vec<&str> = jsonl.lines().collect();
    /// let first = r#"{"id":1,"status":"scanned","flagged":false,"verdict":"allow""#;
    /// assert!(lines[0].starts_with(first));
    /// assert!(lines[1].contains(r#""verdict":"block""#) && lines[1].contains(r#""term":"fuck""#));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn write_json(&self, out: &mut Vec<u8>, id: Option<&str>, unit: OffsetUnit) {
        out.push(b'{');
        if let Some(id) = id {
            out.extend_from_slice(b"\"id\":");
            push_raw_json(out, id);
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
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, OffsetUnit};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let json = matcher.report("😀 shit").to_json(Some(r#"{"post": 7}"#), OffsetUnit::Utf16);
    /// assert!(json.starts_with(r#"{"id":{"post": 7},"status":"scanned","flagged":true"#));
    /// assert!(json.contains(r#""verdict":"review""#));
    /// assert!(json.contains(r#""start":3,"end":7,"text":"shit","term":"shit""#));
    /// # Ok::<(), kavach::Error>(())
    /// ```
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

/// Appends `s` as a JSON string. `"` and `\` get a backslash; C0 controls (U+0000..U+001F)
/// their short escape (`\n`, `\r`, `\t`, `\b`, `\f`) or `\u00xx`, as serde_json writes them;
/// DEL, the C1 controls (U+007F..U+009F) and the line and paragraph separators U+2028 and
/// U+2029 are written `\uxxxx` too (serde_json writes them raw), so no output line holds a
/// character that a terminal acts on or that a line splitter (Python's `str.splitlines`,
/// JavaScript source before ES2019) treats as a line break. Everything else (non-ASCII
/// included) is written as it is; runs that need no escape are copied whole. A JSON parser
/// reads back `s` exactly.
pub(crate) fn push_json_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let (mut run, mut k) = (0, 0);
    while k < bytes.len() {
        let b = bytes[k];
        if b == b'"' || b == b'\\' {
            out.extend_from_slice(&bytes[run..k]);
            out.extend_from_slice(&[b'\\', b]);
            k += 1;
            run = k;
        } else if let Some((code, len)) = control_at(bytes, k) {
            out.extend_from_slice(&bytes[run..k]);
            push_escape(out, code);
            k += len;
            run = k;
        } else {
            k += 1;
        }
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

/// Appends `raw`, a JSON value given by the caller, without raw control characters: whitespace
/// between tokens (TAB, CR, LF) is dropped and the characters [`push_json_str`] escapes are
/// escaped inside strings (any other control character outside a string, which valid JSON does
/// not have, is dropped too). Valid JSON stays valid and reads back as the same value.
fn push_raw_json(out: &mut Vec<u8>, raw: &str) {
    let bytes = raw.as_bytes();
    let (mut run, mut k) = (0, 0);
    let (mut in_string, mut escaped) = (false, false);
    while k < bytes.len() {
        let b = bytes[k];
        if let Some((code, len)) = control_at(bytes, k) {
            out.extend_from_slice(&bytes[run..k]);
            if in_string {
                push_escape(out, code);
            }
            escaped = false;
            k += len;
            run = k;
            continue;
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
        } else if b == b'"' {
            in_string = true;
        }
        k += 1;
    }
    out.extend_from_slice(&bytes[run..]);
}

/// The character at `bytes[k]` if JSON output must not hold it raw: its code point and length
/// in bytes (C0 controls, DEL, C1 controls, U+2028, U+2029).
#[inline]
fn control_at(bytes: &[u8], k: usize) -> Option<(u32, usize)> {
    match bytes[k] {
        b @ (0..=0x1f | 0x7f) => Some((u32::from(b), 1)),
        0xc2 => match bytes.get(k + 1) {
            Some(&c @ 0x80..=0x9f) => Some((u32::from(c), 2)),
            _ => None,
        },
        0xe2 => match bytes.get(k + 1..k + 3) {
            Some(&[0x80, c @ (0xa8 | 0xa9)]) => Some((0x2028 + u32::from(c - 0xa8), 3)),
            _ => None,
        },
        _ => None,
    }
}

/// Appends the JSON escape of `code` (a code point below U+10000).
fn push_escape(out: &mut Vec<u8>, code: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match code {
        0x0a => out.extend_from_slice(b"\\n"),
        0x0d => out.extend_from_slice(b"\\r"),
        0x09 => out.extend_from_slice(b"\\t"),
        0x08 => out.extend_from_slice(b"\\b"),
        0x0c => out.extend_from_slice(b"\\f"),
        _ => {
            out.extend_from_slice(b"\\u");
            for shift in [12, 8, 4, 0] {
                out.push(HEX[((code >> shift) & 0xf) as usize]);
            }
        }
    }
}

#[cfg(test)]
mod tests;
