use super::*;
use crate::Matcher;

/// True when `json` holds no C0, DEL or C1 control and no U+2028/U+2029.
fn no_raw_controls(json: &str) -> bool {
    !json
        .chars()
        .any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
}

#[test]
fn strings_are_escaped_and_read_back_whole() {
    let every_ascii: String = (0u8..0x80).map(char::from).collect();
    let c1: String = ('\u{80}'..='\u{9f}').collect();
    for s in [
        "",
        "plain",
        "say \"hi\"",
        "back\\slash",
        "tab\tnew\nline\r",
        "é, चूतिया, 😀, \u{a0}\u{ff}\u{2027}\u{202a}\u{202e}",
        &every_ascii,
    ] {
        // As serde_json writes them, when they hold no DEL, C1 or U+2028/U+2029.
        let mut out = Vec::new();
        push_json_str(&mut out, s);
        let json = String::from_utf8(out).unwrap();
        if !s.contains('\u{7f}') {
            assert_eq!(json, serde_json::to_string(s).unwrap());
        }
    }
    for s in [
        every_ascii.as_str(),
        &c1,
        "a\u{2028}b\u{2029}c\u{85}d\u{7f}",
        "\u{1b}]0;title\u{7}\u{1b}[2J\u{9b}31m",
    ] {
        let mut out = Vec::new();
        push_json_str(&mut out, s);
        let json = String::from_utf8(out).unwrap();
        assert!(no_raw_controls(&json), "{json:?}");
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), s);
    }
    let mut out = Vec::new();
    push_json_str(&mut out, "\u{7f}\u{85}\u{9b}\u{2028}\u{2029}\u{1b}\n");
    assert_eq!(
        String::from_utf8(out).unwrap(),
        r#""\u007f\u0085\u009b\u2028\u2029\u001b\n""#
    );
    for n in [0, 7, 10, 99, 1 << 20, usize::MAX] {
        let mut out = Vec::new();
        push_json_number(&mut out, n);
        assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
    }
}

#[test]
fn a_raw_id_is_written_without_raw_controls() {
    let r = Report::unscanned(Error::new(crate::ErrorKind::NoText("none".into())));
    for (id, want) in [
        ("7", "7"),
        ("[1,\r2,\t3]", "[1,2,3]"),
        (
            "\t{\"a b\" :\r\n \"x\\\"\\u001b\" }\r",
            "{\"a b\" : \"x\\\"\\u001b\" }",
        ),
        ("\"\u{85}\u{2028}\"", "\"\\u0085\\u2028\""),
        // Not valid JSON (a raw ESC and CR in a string): still no raw control written.
        ("\"\u{1b}[2J\r\"", "\"\\u001b[2J\\r\""),
    ] {
        let json = r.to_json(Some(id), OffsetUnit::Byte);
        assert!(no_raw_controls(&json), "{json:?}");
        let prefix = format!("{{\"id\":{want},\"status\":\"error\"");
        assert!(json.starts_with(&prefix), "{id:?} -> {json}");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["status"], "error");
    }
}

#[test]
fn the_json_form_parses_and_carries_every_field() {
    let m = Matcher::bundled().unwrap();
    let text = "😀 you f.u.c.k \"idiot\"\tand a shiiit";
    let r = m.report(text);
    let v: serde_json::Value =
        serde_json::from_str(&r.to_json(Some("{\"post\":\"a\\\"b\"}"), OffsetUnit::Utf16)).unwrap();
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
