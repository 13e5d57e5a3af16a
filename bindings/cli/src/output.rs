//! What the CLI writes for people: the view of `check`, and the one rule for putting text that
//! came from outside (input texts, terms, list ids and versions, file names, error messages that
//! quote them) on a terminal: [`escape_for_terminal`]. (`scan` writes the core's report JSON;
//! see [`crate::stream`].)

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

use kavach::Report;

/// Whether `c` must not reach a terminal raw: it controls the terminal, reorders the line, or
/// cannot be seen.
///
/// - C0 controls U+0000..U+001F (TAB, CR and LF too) and DEL U+007F: ESC starts the sequences
///   that set the window title (`ESC ] 0 ; … BEL`), clear the screen (`ESC [ 2 J`) or recolour;
/// - C1 controls U+0080..U+009F (U+009B is a one-character CSI on some terminals);
/// - bidirectional controls U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069, which
///   reorder what follows them on the line;
/// - the line and paragraph separators U+2028, U+2029;
/// - invisible format characters that hide inside words: soft hyphen U+00AD, U+180E, zero
///   width space U+200B, U+2060..U+2064, U+206A..U+206F, U+FEFF, U+FFF9..U+FFFB.
///
/// Zero width joiner and non-joiner (U+200D, U+200C) and variation selectors are left as
/// they are: emoji sequences and Indic scripts need them to render.
pub fn needs_escape(c: char) -> bool {
    matches!(
        c,
        '\0'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{ad}'
            | '\u{61c}'
            | '\u{180e}'
            | '\u{200b}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
    )
}

/// `s` made safe to write to a terminal: every character of [`needs_escape`] is written as a
/// Rust-style escape, `\u{` + its code point in lower-case hex without leading zeros + `}`
/// (ESC is `\u{1b}`, a line feed `\u{a}`, U+202E `\u{202e}`). Everything else, backslashes
/// included, is left as it is: this keeps the terminal safe and the text readable; it is not
/// meant to be reversed. Borrowed when nothing needs escaping.
pub fn escape_for_terminal(s: &str) -> Cow<'_, str> {
    let Some(first) = s.find(needs_escape) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 16);
    out.push_str(&s[..first]);
    for c in s[first..].chars() {
        if needs_escape(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Writes `line` escaped for the terminal (see [`escape_for_terminal`]), then a line feed: for
/// every line the CLI writes for people that holds no styling of its own.
pub fn write_line(out: &mut (impl Write + ?Sized), line: &str) -> io::Result<()> {
    out.write_all(escape_for_terminal(line).as_bytes())?;
    out.write_all(b"\n")
}

/// JSON from serde_json with the characters it writes raw inside strings that terminals or
/// line splitters act on (DEL, C1 controls, U+2028, U+2029) written as `\uXXXX`, as the
/// core's report JSON writes them. serde_json already escapes C0 controls, and writes none of
/// these outside strings, so the JSON stays valid and reads back the same.
pub fn escape_json_controls(json: &str) -> Cow<'_, str> {
    let special = |c: char| matches!(c, '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}');
    if !json.contains(special) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if special(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `check`: the text with matches highlighted (or bracketed without colour), then one line per
/// match and the verdict, with why it is not the matches' own (truncated, not scanned). Text
/// from the input is escaped ([`escape_for_terminal`]) piece by piece, so the highlighting
/// wraps exactly the (escaped) matched text; the spans shown are byte offsets in the original.
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
            escape_for_terminal(&text[at..m.start]),
            escape_for_terminal(&text[m.start..m.end])
        )?;
        at = m.end;
    }
    writeln!(out, "{}", escape_for_terminal(&text[at..]))?;
    for (m, d) in report.matches.iter().zip(report.decisions()) {
        let transforms: Vec<&str> = m.transforms.names().collect();
        let line = format!(
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
        );
        write_line(out, &line)?;
    }
    if report.truncated {
        writeln!(
            out,
            "  (more matches than the limit: only the first {} are shown)",
            report.matches.len()
        )?;
    }
    if let Some(e) = &report.error {
        write_line(out, &format!("  not scanned: {e}"))?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use kavach::Matcher;

    #[test]
    fn control_bidi_and_invisible_characters_are_escaped() {
        assert!(matches!(
            escape_for_terminal("plain, é, चूतिया, 😀, \\x1b"),
            Cow::Borrowed(_)
        ));
        for (raw, shown) in [
            ("\u{1b}]0;title\u{7}", "\\u{1b}]0;title\\u{7}"),
            ("\u{1b}[2J", "\\u{1b}[2J"),
            ("a\tb\r\nc\0", "a\\u{9}b\\u{d}\\u{a}c\\u{0}"),
            (
                "\u{7f}\u{80}\u{9b}31m\u{9f}",
                "\\u{7f}\\u{80}\\u{9b}31m\\u{9f}",
            ),
            ("abc\u{202e}fed\u{202c}", "abc\\u{202e}fed\\u{202c}"),
            (
                "\u{2066}x\u{2069}\u{200e}\u{200f}\u{61c}",
                "\\u{2066}x\\u{2069}\\u{200e}\\u{200f}\\u{61c}",
            ),
            (
                "f\u{200b}u\u{ad}c\u{feff}k\u{2028}",
                "f\\u{200b}u\\u{ad}c\\u{feff}k\\u{2028}",
            ),
            // Emoji and Indic sequences keep their joiners and selectors.
            (
                "👩\u{200d}💻 ❤\u{fe0f} क्\u{200c}ष",
                "👩\u{200d}💻 ❤\u{fe0f} क्\u{200c}ष",
            ),
        ] {
            assert_eq!(escape_for_terminal(raw), shown, "{raw:?}");
        }
    }

    #[test]
    fn serde_json_output_gets_the_reports_escapes() {
        let json = serde_json::to_string(&["\u{7f}\u{85}\u{2028}\u{1b}é"]).unwrap();
        let escaped = escape_json_controls(&json);
        assert_eq!(escaped, r#"["\u007f\u0085\u2028\u001bé"]"#);
        let back: Vec<String> = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, ["\u{7f}\u{85}\u{2028}\u{1b}é"]);
    }

    #[test]
    fn check_escapes_the_input_and_keeps_its_own_highlighting() {
        let m = Matcher::bundled().unwrap();
        let text = "\u{1b}]0;owned\u{7}\u{1b}[2J you f\u{200b}uck \u{202e}ok";
        let report = m.report(text);
        assert_eq!(report.matches.len(), 1);
        let mut out = Vec::new();
        write_check(&mut out, text, &report, true).unwrap();
        let out = String::from_utf8(out).unwrap();
        let first = out.lines().next().unwrap();
        assert_eq!(
            first,
            "\\u{1b}]0;owned\\u{7}\\u{1b}[2J you \u{1b}[1;31mf\\u{200b}uck\u{1b}[0m \\u{202e}ok"
        );
        // The only ESCs written are the highlighting's own.
        assert_eq!(out.matches('\u{1b}').count(), 2);
        assert!(
            out.contains(" 19..26 \"f\\u{200b}uck\" -> fuck (profanity, high: block) en@"),
            "{out}"
        );
        let mut plain = Vec::new();
        write_check(&mut plain, text, &report, false).unwrap();
        let plain = String::from_utf8(plain).unwrap();
        assert!(
            !plain.contains(|c: char| c != '\n' && needs_escape(c)),
            "{plain}"
        );
        assert!(
            plain.starts_with("\\u{1b}]0;owned\\u{7}\\u{1b}[2J you [f\\u{200b}uck] \\u{202e}ok\n")
        );
    }
}
