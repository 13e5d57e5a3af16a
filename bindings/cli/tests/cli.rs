//! The CLI contract, run against the built `kavach` binary: JSON Lines in and out, byte spans
//! from the shared vectors, error objects for bad lines, exit codes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn kavach(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kavach"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run kavach");
    // Written from another thread: a large input would otherwise fill the pipes both ways.
    // A run that fails before reading its input (a list it refuses) closes stdin early.
    let mut pipe = child.stdin.take().expect("stdin");
    std::thread::scope(|s| {
        s.spawn(move || match pipe.write_all(stdin) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            other => other.expect("write stdin"),
        });
        child.wait_with_output().expect("kavach output")
    })
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

const FIXTURE: &str = "tests/vectors/lists/fixture.kavach";

#[test]
fn scan_runs_the_shared_vectors_with_byte_spans() {
    let doc: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/vectors/evasion.json")).expect("vectors"),
    )
    .expect("vectors JSON");
    let cases = doc["cases"].as_array().expect("cases");
    let mut input = String::new();
    for (k, c) in cases.iter().enumerate() {
        input += &serde_json::json!({"id": format!("case-{k}"), "text": c["text"]}).to_string();
        input.push('\n');
    }
    let out = kavach(
        &["scan", "--no-bundled", "--list-file", FIXTURE],
        input.as_bytes(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let results = json_lines(&out);
    assert_eq!(results.len(), cases.len());
    for (k, (c, r)) in cases.iter().zip(&results).enumerate() {
        let name = c["name"].as_str().expect("name");
        assert_eq!(r["id"], format!("case-{k}"), "{name}");
        let expected = c["matches"].as_array().expect("matches");
        let got = r["matches"].as_array().expect("matches");
        assert_eq!(r["flagged"], !expected.is_empty(), "{name}");
        assert_eq!(got.len(), expected.len(), "{name}: {r}");
        for (g, e) in got.iter().zip(expected) {
            assert_eq!(
                [&g["start"], &g["end"]],
                [&e["byte"][0], &e["byte"][1]],
                "{name}"
            );
            for key in [
                "text",
                "term",
                "category",
                "severity",
                "list",
                "version",
                "transforms",
            ] {
                assert_eq!(g[key], e[key], "{name}: {key}");
            }
        }
        if let Some(v) = c.get("verdict") {
            assert_eq!(&r["verdict"], v, "{name}");
        }
    }
}

#[test]
fn scan_reports_bad_lines_and_goes_on() {
    let mut input = b"{\"text\": \"fuck\"}\nnot json\n{\"id\": 7}\n".to_vec();
    input.extend_from_slice(
        b"{\"text\": \"caf\xff\"}\n{\"text\": \"clean\", \"id\": {\"post\": 1}}\n",
    );
    let out = kavach(&["scan", "--no-bundled", "--list-file", FIXTURE], &input);
    assert_eq!(out.status.code(), Some(2));
    let r = json_lines(&out);
    assert_eq!(r.len(), 5);
    assert_eq!(r[0]["id"], 1);
    assert_eq!(r[0]["verdict"], "block");
    // A line that cannot be scanned still gets a result: status error, verdict review.
    for (k, code) in [(1, "invalid-json"), (2, "no-text"), (3, "invalid-utf8")] {
        assert_eq!(r[k]["status"], "error", "{}", r[k]);
        assert_eq!(r[k]["verdict"], "review", "{}", r[k]);
        assert_eq!(r[k]["error"]["code"], code, "{}", r[k]);
    }
    assert_eq!(r[1]["id"], 2, "no id could be read: the line number");
    assert!(r[1]["error"]["message"]
        .as_str()
        .expect("message")
        .starts_with("invalid JSON"));
    assert_eq!(r[2]["id"], 7, "the id the line gave");
    assert_eq!(
        r[3]["error"]["message"],
        "invalid UTF-8 at byte 13 of the line"
    );
    assert_eq!(r[0]["status"], "scanned");
    assert_eq!(r[4]["id"], serde_json::json!({"post": 1}));
    assert_eq!(r[4]["flagged"], false);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("kavach: -:2: invalid JSON"), "{stderr}");
}

/// Whether `bytes` hold a C0, DEL or C1 control character other than the line ends.
/// `scan` on several threads writes what it writes on one, in the input's order: 10,000 lines
/// (more than one batch) with terms, clean posts and bad lines mixed in.
#[test]
fn scan_on_several_threads_keeps_the_input_order() {
    let mut input = String::new();
    for n in 1..=10_000 {
        let line = match n % 7 {
            0 => format!("{{\"id\":\"p{n}\",\"text\":\"what the f.u.c.k {n}\"}}"),
            3 => "not json at all".to_string(),
            5 => format!("{{\"id\":{n}}}"),
            _ => format!("{{\"text\":\"hello there, post {n} 😀\"}}"),
        };
        input.push_str(&line);
        input.push('\n');
    }
    let one = kavach(&["scan", "--threads", "1"], input.as_bytes());
    let three = kavach(&["scan", "--threads", "3"], input.as_bytes());
    assert_eq!(one.status.code(), Some(2), "bad lines give exit 2");
    assert_eq!(three.status.code(), one.status.code());
    assert_eq!(three.stdout, one.stdout);
    assert_eq!(three.stderr, one.stderr);
    let lines = json_lines(&three);
    assert_eq!(lines.len(), 10_000);
    assert_eq!(lines[6]["id"], "p7");
    assert_eq!(lines[6]["matches"][0]["term"], "fuck");
    assert_eq!(lines[2]["id"], 3);
    assert_eq!(lines[2]["status"], "error");
    assert_eq!(lines[9_999]["id"], 10_000);
    let stderr = String::from_utf8_lossy(&three.stderr);
    assert!(
        stderr
            .lines()
            .next()
            .is_some_and(|l| l.starts_with("kavach: -:3: ")),
        "{stderr}"
    );
}

fn has_raw_control(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes)
        .chars()
        .any(|c| c != '\n' && (c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')))
}

#[test]
fn scan_output_holds_no_raw_control_characters() {
    // JSON allows TAB and CR between tokens: a raw CR in an id used to be copied into the
    // output line, and DEL, C1 controls and U+2028 were written raw inside strings.
    let input = "{\"id\":[1,\r2],\t\"text\":\"x\"}\n\
                 {\"id\":{\"k\":\"\u{85}\u{2028}\u{7f}\"},\"text\":\"fuck\u{9b}\u{2029}\"}\r\n\
                 {\"id\":\"\u{9b}2J\"}\n";
    let out = kavach(
        &["scan", "--no-bundled", "--list-file", FIXTURE],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2), "the third line has no text");
    assert!(!has_raw_control(&out.stdout), "{:?}", out.stdout);
    let stdout = String::from_utf8(out.stdout.clone()).expect("UTF-8");
    assert!(
        stdout.starts_with("{\"id\":[1,2],\"status\":\"scanned\""),
        "{stdout}"
    );
    let r = json_lines(&out);
    assert_eq!(r.len(), 3);
    assert_eq!(r[1]["id"]["k"], "\u{85}\u{2028}\u{7f}");
    assert!(
        stdout.contains(r#"{"id":{"k":"\u0085\u2028\u007f"}"#),
        "{stdout}"
    );
    // U+009B is drawn as nothing: like a zero-width space, it extends the word before it.
    assert_eq!(r[1]["matches"][0]["text"], "fuck\u{9b}");
    assert_eq!(r[2]["id"], "\u{9b}2J");
    assert_eq!(r[2]["error"]["code"], "no-text");
}

#[test]
fn scan_accepts_a_byte_order_mark_and_only_json_objects() {
    let dir = std::env::temp_dir().join(format!("kavach-cli-bom-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("posts.jsonl");
    let input = "\u{feff}{\"id\":\"a\",\"text\":\"fuck\"}\n[\"fuck\"]\n[\"fuck\", 1]\n\"fuck\"\n42\n[\"x\"\n";
    std::fs::write(&file, input).expect("write");
    let from_file = kavach(
        &[
            "scan",
            "--no-bundled",
            "--list-file",
            FIXTURE,
            file.to_str().expect("path"),
        ],
        b"",
    );
    let from_stdin = kavach(
        &["scan", "--no-bundled", "--list-file", FIXTURE],
        input.as_bytes(),
    );
    std::fs::remove_dir_all(&dir).expect("cleanup");
    for out in [from_file, from_stdin] {
        assert_eq!(out.status.code(), Some(2));
        let r = json_lines(&out);
        assert_eq!(r.len(), 6);
        assert_eq!(r[0]["id"], "a");
        assert_eq!(r[0]["status"], "scanned", "{}", r[0]);
        assert_eq!(r[0]["verdict"], "block");
        for (k, found) in [
            (1, "an array"),
            (2, "an array"),
            (3, "a string"),
            (4, "a number"),
        ] {
            assert_eq!(r[k]["status"], "error", "{}", r[k]);
            assert_eq!(r[k]["verdict"], "review", "{}", r[k]);
            assert_eq!(r[k]["error"]["code"], "invalid-json", "{}", r[k]);
            assert_eq!(
                r[k]["error"]["message"],
                format!("invalid JSON: expected a JSON object, found {found}")
            );
        }
        // Invalid JSON keeps the parser's message.
        assert_eq!(r[5]["error"]["code"], "invalid-json");
        assert!(r[5]["error"]["message"]
            .as_str()
            .expect("message")
            .contains("EOF while parsing"));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(":2: invalid JSON: expected a JSON object, found an array\n"),
            "{stderr}"
        );
        assert!(!stderr.contains(":1:"), "{stderr}");
    }
    // Plain text: the mark is not part of the first text either.
    let out = kavach(&["scan", "--plain"], "\u{feff}fuck\n".as_bytes());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json_lines(&out)[0]["matches"][0]["start"], 0);
    let censored = kavach(&["censor"], "\u{feff}fuck\n".as_bytes());
    assert_eq!(String::from_utf8_lossy(&censored.stdout), "****\n");
}

#[test]
fn plain_mode_and_fail_on_match() {
    let out = kavach(
        &[
            "scan",
            "--plain",
            "--fail-on-match",
            "--no-bundled",
            "--list-file",
            FIXTURE,
        ],
        "hello\nsh1t\n".as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let r = json_lines(&out);
    assert_eq!(r[0]["id"], 1);
    assert_eq!(r[0]["flagged"], false);
    assert_eq!(r[1]["id"], 2);
    assert_eq!(
        r[1]["matches"][0]["transforms"],
        serde_json::json!(["leet"])
    );
    let clean = kavach(
        &[
            "scan",
            "--plain",
            "--fail-on-match",
            "--no-bundled",
            "--list-file",
            FIXTURE,
        ],
        b"hello\n",
    );
    assert_eq!(clean.status.code(), Some(0));
}

/// The list size limit holds while reading: a device or a pipe has no size to check first.
#[cfg(target_os = "linux")]
#[test]
fn list_files_without_a_size_are_read_up_to_the_limit() {
    let started = std::time::Instant::now();
    let out = kavach(&["check", "--list-file", "/dev/zero", "hello"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "kavach: /dev/zero: list is over the limit of 268435456 bytes\n"
    );
    assert!(out.stdout.is_empty());
    assert!(started.elapsed() < std::time::Duration::from_secs(30));

    // A pipe: a small list loads ...
    let list = "id = piped\nversion = 1.0.0\ntitle = T\nlanguages = en\nsource = tests\n\
                license = CC0-1.0\ndate = 2026-12-06\n[terms]\nbadword | insult | high\n";
    let out = kavach(
        &[
            "check",
            "--no-bundled",
            "--list-file",
            "/dev/stdin",
            "a badword",
        ],
        list.as_bytes(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("piped@1.0.0"));

    // ... and an endless one is refused once it passes the limit.
    let mut child = Command::new(env!("CARGO_BIN_EXE_kavach"))
        .args([
            "check",
            "--format",
            "txt",
            "--list-file",
            "/dev/stdin",
            "hi",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run kavach");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let chunk = "term\n".repeat(1 << 14);
        // Until kavach stops reading and the pipe breaks.
        while stdin.write_all(chunk.as_bytes()).is_ok() {}
    });
    let out = child.wait_with_output().expect("kavach output");
    writer.join().expect("writer");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "kavach: /dev/stdin: list is over the limit of 268435456 bytes\n"
    );
}

#[test]
fn bundled_lists_by_id_and_version() {
    let out = kavach(
        &["scan", "--list", "hi-Latn"],
        "{\"text\": \"tu chutiya hai\"}\n".as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0));
    let r = json_lines(&out);
    assert_eq!(r[0]["matches"][0]["list"], "hi-Latn");
    let out = kavach(&["scan", "--list", "en@0.0.1"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("bundled list `en` is version 1.3.0, not 0.0.1"));
    let out = kavach(&["lists"], b"");
    let listing = String::from_utf8_lossy(&out.stdout);
    for id in ["en ", "hi ", "hi-Latn ", "child-safety "] {
        assert!(
            listing
                .lines()
                .any(|l| l.starts_with(id) && l.contains("sha256:")),
            "{listing}"
        );
    }
}

#[test]
fn bad_list_file_is_a_usage_error_with_file_and_line() {
    let dir = std::env::temp_dir().join(format!("kavach-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let csv = dir.join("platform.csv");
    std::fs::write(&csv, "term,severity\nscam,medium\ngrift,awful\n").expect("write csv");
    let out = kavach(&["scan", "--list-file", csv.to_str().expect("path")], b"");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("platform.csv:3: unknown severity `awful`"),
        "{stderr}"
    );
    let txt = dir.join("platform.txt");
    std::fs::write(&txt, "# platform terms\nscam\n").expect("write txt");
    let out = kavach(
        &[
            "scan",
            "--list-file",
            txt.to_str().expect("path"),
            "--severity",
            "high",
        ],
        b"{\"text\":\"a scam\"}\n",
    );
    let r = json_lines(&out);
    assert_eq!(r[0]["matches"][0]["list"], "platform");
    assert_eq!(r[0]["verdict"], "block");
    let out = kavach(&["scan", "--bogus"], b"");
    assert_eq!(out.status.code(), Some(2));
}

/// Whether `bytes` hold a character a terminal must not get raw (C0 but line feeds, DEL, C1,
/// bidi controls).
fn unsafe_for_terminal(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes).chars().any(|c| {
        (c != '\n' && c.is_control())
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
    })
}

/// Text from the input reaches the terminal escaped as `\u{hex}`: the text `check` shows, terms,
/// ids, versions, file names, and error messages that quote them.
#[test]
fn human_output_escapes_control_characters_from_the_input() {
    // check: window title (OSC … BEL), clear screen (CSI 2 J), C1 CSI, right-to-left override.
    let text = "\u{1b}]0;owned\u{7}\u{1b}[2J\u{9b}31m you fuck\u{202e}\tok";
    let out = kavach(&["check", "--list", "en", text], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(!unsafe_for_terminal(&out.stdout), "{:?}", out.stdout);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.starts_with(
            "\\u{1b}]0;owned\\u{7}\\u{1b}[2J\\u{9b}31m you [fuck\\u{202e}]\\u{9}ok\n  24..31 \"fuck\\u{202e}\" -> fuck"
        ),
        "{s}"
    );

    // A list whose file name, id… terms and allow words hold control characters.
    let dir = std::env::temp_dir().join(format!("kavach-escape-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let list = dir.join("l\u{1b}[31m.kavach");
    std::fs::write(
        &list,
        "id = esc\nversion = 1.0.0\ntitle = T\u{1b}]0;x\u{7}\nlanguages = en\nsource = s\u{9b}2J\n\
         license = CC0-1.0\ndate = 2026-12-06\n[terms]\nfo\u{1b}[2Jo | insult | high\n\
         fo\u{1b}[2JO | insult | high\n[allow]\nfo\u{7f}oo\n[context]\nya\u{85}r\n",
    )
    .expect("write");
    let path = list.to_str().expect("path");
    let shown = path.replace('\u{1b}', "\\u{1b}");
    let out = kavach(
        &["list", "validate", path, "--dictionary", "/dev/null"],
        b"",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!unsafe_for_terminal(&out.stdout), "{:?}", out.stdout);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().next(),
        Some(
            format!("{shown}:10: warning[duplicate]: duplicate term `fo\\u{{1b}}[2JO` (first on line 9)")
                .as_str()
        )
    );
    let out = kavach(
        &["list", "diff", "tests/vectors/lists/platform.kavach", path],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(!unsafe_for_terminal(&out.stdout), "{:?}", out.stdout);
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(
        diff.contains("\n+ fo\\u{1b}[2JO | insult | high | word | en\n"),
        "{diff}"
    );
    assert!(diff.contains("\n+ allow fo\\u{7f}oo | stem\n"), "{diff}");
    assert!(diff.contains("\n+ context ya\\u{85}r\n"), "{diff}");
    let out = kavach(
        &[
            "list",
            "diff",
            "tests/vectors/lists/platform.kavach",
            path,
            "--json",
        ],
        b"",
    );
    assert!(!unsafe_for_terminal(&out.stdout), "{:?}", out.stdout);
    let d: Value = serde_json::from_slice(&out.stdout).expect("diff JSON");
    assert_eq!(d["allow_added"][0]["term"], "fo\u{7f}oo");
    assert_eq!(d["context_added"][0], "ya\u{85}r");
    let out = kavach(&["list", "stats", path], b"");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().next(),
        Some("esc@1.0.0: 2 terms, 1 allow entries")
    );

    // Error messages: a term quoted from a list, a file name, a bundled list id.
    let bad = dir.join("bad\u{7}.kavach");
    std::fs::write(&bad, "id = t\u{1b}[2J\n").expect("write");
    let out = kavach(&["list", "validate", bad.to_str().expect("path")], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(!unsafe_for_terminal(&out.stderr), "{:?}", out.stderr);
    assert!(
        String::from_utf8_lossy(&out.stderr).ends_with(
            "bad\\u{7}.kavach:1: bad header: id `t\\u{1b}[2J` must be 1 to 64 ASCII letters, digits, `-` or `_`\n"
        ),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::remove_dir_all(&dir).expect("cleanup");
    let out = kavach(&["check", "--list", "x\u{1b}[2J", "hi"], b"");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "kavach: no bundled list `x\\u{1b}[2J` (bundled: en, hi, hi-Latn, child-safety)\n"
    );
    let out = kavach(&["scan", "no\u{1b}]0;such\u{7}file"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).starts_with("kavach: no\\u{1b}]0;such\\u{7}file: "),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Usage errors from the argument parser quote the argument too.
    let out = kavach(&["--category", "\u{1b}]0;T\u{7}\u{9b}", "check", "hi"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(!unsafe_for_terminal(&out.stderr), "{:?}", out.stderr);
    assert!(
        String::from_utf8_lossy(&out.stderr).starts_with(
            "error: invalid value '\\u{1b}]0;T\\u{7}\\u{9b}' for '--category <CATEGORY>'"
        ),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn censor_and_check() {
    let out = kavach(
        &[
            "censor",
            "--no-bundled",
            "--list-file",
            FIXTURE,
            "--keep-first",
        ],
        "what the f.u.c.k\nclean\n".as_bytes(),
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "what the f******\nclean\n"
    );
    let out = kavach(
        &[
            "check",
            "--no-bundled",
            "--list-file",
            FIXTURE,
            "--fail-on-match",
            "you",
            "b@stard",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.starts_with("you [b@stard]\n"), "{s}");
    assert!(
        s.contains("-> bastard (insult, high: block) fixture@1.0.0 via leet"),
        "{s}"
    );
    assert!(s.contains("verdict: block"), "{s}");
}

/// `list import` writes only lists that `list validate` accepts: a bad --date, --version or
/// --id is an error naming the file.
#[test]
fn list_import_refuses_metadata_a_list_cannot_have() {
    let dir = std::env::temp_dir().join(format!("kavach-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let txt = dir.join("words.txt");
    std::fs::write(&txt, "scam\n").expect("write");
    let file = txt.to_str().expect("path");
    for (flag, value, reason) in [
        (
            "--date",
            "garbage",
            "date `garbage` is not a calendar date YYYY-MM-DD",
        ),
        (
            "--date",
            "2026-02-29",
            "date `2026-02-29` is not a calendar date YYYY-MM-DD",
        ),
        (
            "--version",
            "1.0",
            "version `1.0` is not a semantic version",
        ),
        (
            "--version",
            "1.0.0-01",
            "version `1.0.0-01` is not a semantic version",
        ),
        (
            "--id",
            "my list",
            "id `my list` must be 1 to 64 ASCII letters, digits, `-` or `_`",
        ),
    ] {
        let out = kavach(&["list", "import", file, flag, value], b"");
        assert_eq!(out.status.code(), Some(2), "{flag} {value}");
        assert!(out.stdout.is_empty(), "{flag} {value}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.starts_with(&format!("kavach: {file}: bad header: {reason}")),
            "{stderr}"
        );
    }
    let out = kavach(&["list", "import", file, "--date", "2028-02-29"], b"");
    assert_eq!(out.status.code(), Some(0));
    let kavach_list = dir.join("words.kavach");
    std::fs::write(&kavach_list, &out.stdout).expect("write");
    let out = kavach(
        &[
            "list",
            "validate",
            kavach_list.to_str().expect("path"),
            "--dictionary",
            "/dev/null",
        ],
        b"",
    );
    std::fs::remove_dir_all(&dir).expect("cleanup");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn list_import_validate_diff_stats() {
    let dir = std::env::temp_dir().join(format!("kavach-list-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let txt = dir.join("platform.txt");
    std::fs::write(&txt, "# terms seen in posts\nscam\ngrift\nScam\n").expect("write");
    let p = |p: &Path| p.to_str().expect("path").to_string();
    let out = kavach(
        &[
            "list",
            "import",
            &p(&txt),
            "--id",
            "platform",
            "--version",
            "1.0.0",
            "--category",
            "insult",
            "--date",
            "2026-11-28",
            "--lang",
            "en",
        ],
        b"",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let imported = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        imported
            .starts_with("id = platform\nversion = 1.0.0\ntitle = Imported from platform.txt\n"),
        "{imported}"
    );
    assert!(
        imported.contains("\ngrift | insult | medium | word | en\n"),
        "{imported}"
    );
    let v1 = dir.join("platform-1.kavach");
    std::fs::write(&v1, &imported).expect("write v1");

    let dict = dir.join("words.txt");
    std::fs::write(&dict, "scam\nscampi\nscams\ngrifter\n").expect("write dict");
    let out = kavach(
        &["list", "validate", &p(&v1), "--dictionary", &p(&dict)],
        b"",
    );
    let report = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        report.contains(
            "platform-1.kavach:13: warning[duplicate]: duplicate term `Scam` (first on line 11)"
        ),
        "{report}"
    );
    assert!(
        report.contains(
            "ok: platform@1.0.0, 3 terms, 0 allow entries, 1 warnings (checked against 4 words"
        ),
        "{report}"
    );

    let v2 = dir.join("platform-2.kavach");
    let changed = imported
        .replace("version = 1.0.0", "version = 1.1.0")
        .replace("grift | insult | medium", "grift | insult | high")
        .replace("Scam  | insult | medium | word | en\n", "")
        + "fraud | insult | low | word | en\n";
    std::fs::write(&v2, changed).expect("write v2");
    let out = kavach(&["list", "diff", &p(&v1), &p(&v2)], b"");
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(
        diff.contains("+ fraud | insult | low | word | en"),
        "{diff}"
    );
    assert!(
        diff.contains(
            "~ grift | insult | high | word | en  (was: grift | insult | medium | word | en)"
        ),
        "{diff}"
    );
    assert!(
        diff.ends_with("1 added, 0 removed, 1 changed; allow: 0 added, 0 removed; context: 0 added, 0 removed\n"),
        "{diff}"
    );
    let out = kavach(&["list", "diff", &p(&v1), &p(&v2), "--json"], b"");
    let d: Value = serde_json::from_slice(&out.stdout).expect("diff JSON");
    assert_eq!(d["new"]["version"], "1.1.0");
    assert_eq!(d["changed"][0]["new"]["severity"], "high");

    let bad = dir.join("bad.kavach");
    std::fs::write(
        &bad,
        imported.replace("grift | insult | medium", "grift | insult | awful"),
    )
    .expect("write bad");
    let out = kavach(&["list", "validate", &p(&bad)], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("bad.kavach:12: unknown severity `awful`")
    );

    let out = kavach(&["list", "stats", "hi-Latn", &p(&v2)], b"");
    let stats = String::from_utf8_lossy(&out.stdout);
    assert!(stats.contains("platform@1.1.0: 3 terms, 0 allow entries\n  category: insult 3\n  severity: low 1, medium 1, high 1\n"), "{stats}");
    assert!(stats.starts_with("hi-Latn@1.6.0: "), "{stats}");
}

#[test]
fn limits_report_long_lines_and_too_many_matches_and_go_on() {
    let mut input = String::new();
    input.push_str("{\"id\": 1, \"text\": \"what the fuck\"}\n");
    input.push_str(&format!(
        "{{\"id\": 2, \"text\": \"{}\"}}\n",
        "a".repeat(3_000)
    ));
    input.push_str(&format!(
        "{{\"id\": 3, \"text\": \"{}\"}}\n",
        "shit ".repeat(20)
    ));
    input.push_str("{\"id\": 4, \"text\": \"clean\"}\n");
    let out = kavach(
        &["scan", "--max-input-bytes", "100", "--max-matches", "10"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2));
    let r = json_lines(&out);
    assert_eq!(r.len(), 4);
    assert_eq!(r[0]["flagged"], true);
    assert_eq!(r[1]["id"], 2);
    assert_eq!(r[1]["status"], "error");
    assert_eq!(r[1]["verdict"], "review");
    assert_eq!(r[1]["error"]["code"], "input-too-long");
    assert_eq!(
        r[1]["error"]["message"],
        "text of 3000 bytes is over the limit of 100 bytes"
    );
    // Over the match limit: the first ten, truncated, and never milder than its matches.
    assert_eq!(r[2]["status"], "scanned");
    assert_eq!(r[2]["truncated"], true);
    assert_eq!(r[2]["matches"].as_array().map(Vec::len), Some(10));
    assert_eq!(r[2]["verdict"], "review");
    assert_eq!(r[2]["max_severity"], "medium");
    assert_eq!(r[3]["flagged"], false);
    assert_eq!(r[3]["verdict"], "allow");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("kavach: -:2: text of 3000 bytes"),
        "{stderr}"
    );
    // A line far over the limit is skipped while it is read (memory stays bounded).
    let plain = format!("fuck\n{}\nshit\n", "b".repeat(100_000));
    let out = kavach(
        &["scan", "--plain", "--max-input-bytes", "100"],
        plain.as_bytes(),
    );
    let r = json_lines(&out);
    assert_eq!(r[1]["error"]["code"], "input-too-long");
    assert_eq!(
        r[1]["error"]["message"],
        "text of 100000 bytes is over the limit of 100 bytes"
    );
    assert_eq!(r[1]["verdict"], "review");
    assert_eq!(
        (r[0]["flagged"].as_bool(), r[2]["flagged"].as_bool()),
        (Some(true), Some(true))
    );
    // 0 lifts the limits.
    let out = kavach(
        &["scan", "--max-input-bytes", "0", "--max-matches", "0"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        json_lines(&out)[2]["matches"].as_array().map(Vec::len),
        Some(20)
    );
}

#[test]
fn naughty_strings_scan_line_by_line() {
    let text = std::fs::read_to_string(root().join("tests/vectors/blns.json")).expect("blns");
    let strings: Vec<String> = serde_json::from_str(&text).expect("strings");
    let input: String = strings
        .iter()
        .map(|s| serde_json::json!({ "text": s }).to_string() + "\n")
        .collect();
    let out = kavach(&["scan"], input.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json_lines(&out).len(), strings.len());
    // As plain lines (some strings hold line breaks or invalid-looking bytes): every line gets a
    // result or a reported error, and the run finishes.
    let out = kavach(&["scan", "--plain"], strings.join("\n").as_bytes());
    assert!(matches!(out.status.code(), Some(0 | 2)));
}

#[test]
fn bad_list_vectors_exit_2_with_file_line_and_reason() {
    let doc: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/vectors/bad-lists.json")).expect("vectors"),
    )
    .expect("JSON");
    let dir = std::env::temp_dir().join(format!("kavach-cli-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for case in doc["cases"].as_array().expect("cases") {
        let name = case["name"].as_str().expect("name");
        let format = case["format"].as_str().expect("format");
        let path = dir.join(format!("bad.{format}"));
        let bytes = match case.get("content_hex").and_then(Value::as_str) {
            Some(h) => (0..h.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&h[i..i + 2], 16).expect("hex"))
                .collect(),
            None => case["content"]
                .as_str()
                .expect("content")
                .as_bytes()
                .to_vec(),
        };
        std::fs::write(&path, bytes).expect("write");
        let p = path.to_str().expect("path");
        let out = kavach(&["list", "validate", p, "--dictionary", "/dev/null"], b"");
        let stderr = String::from_utf8_lossy(&out.stderr);
        match case["code"].as_str() {
            None => assert_eq!(out.status.code(), Some(0), "{name}: {stderr}"),
            Some(_) => {
                assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
                let at = match case["line"].as_u64() {
                    Some(line) => format!("kavach: {p}:{line}: "),
                    None => format!("kavach: {p}: "),
                };
                assert!(stderr.starts_with(&at), "{name}: {stderr}");
                if let Some(msg) = case.get("message").and_then(Value::as_str) {
                    let reason = msg.split_once(": ").map_or(msg, |(_, r)| r);
                    let reason = reason.split_once(": ").map_or(reason, |(_, r)| r);
                    assert!(stderr.trim_end().ends_with(reason), "{name}: {stderr}");
                }
            }
        }
    }
    std::fs::remove_dir_all(&dir).expect("cleanup");
}

/// The shared report vectors (tests/vectors/reports.json) through `kavach scan`: composition
/// of bundled and platform lists by flags, truncation and the length limit, byte spans.
#[test]
fn scan_runs_the_shared_report_vectors() {
    let doc: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/vectors/reports.json")).expect("vectors"),
    )
    .expect("vectors JSON");
    for case in doc["cases"].as_array().expect("cases") {
        let name = case["name"].as_str().expect("name");
        let mut args: Vec<String> = vec!["scan".into()];
        for (key, value) in case["options"].as_object().expect("options") {
            match (key.as_str(), value) {
                ("bundled", Value::Bool(false)) => args.push("--no-bundled".into()),
                ("lists", Value::Array(ids)) => {
                    for id in ids {
                        args.extend(["--list".into(), id.as_str().expect("id").into()]);
                    }
                }
                (key, Value::String(v)) => args.extend([format!("--{key}"), v.clone()]),
                (key, v) => args.extend([format!("--{key}"), v.to_string()]),
            }
        }
        for f in case["list_files"].as_array().expect("list_files") {
            let path = format!("tests/vectors/{}", f.as_str().expect("path"));
            args.extend(["--list-file".into(), path]);
        }
        let text = case.get("text").and_then(Value::as_str).unwrap_or("");
        let input = serde_json::json!({"id": "v", "text": text}).to_string() + "\n";
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = kavach(&argv, input.as_bytes());
        let stderr = String::from_utf8_lossy(&out.stderr);
        if let Some(want) = case.get("build_error") {
            assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
            assert!(out.stdout.is_empty(), "{name}");
            if let Some(file) = want["file"].as_str() {
                assert!(stderr.contains(file), "{name}: {stderr}");
            }
            if let Some(line) = want["line"].as_u64() {
                assert!(
                    stderr.contains(&format!(".kavach:{line}: ")),
                    "{name}: {stderr}"
                );
            }
            continue;
        }
        let want = &case["report"];
        let r = &json_lines(&out)[0];
        let code = if want["status"] == "error" { 2 } else { 0 };
        assert_eq!(out.status.code(), Some(code), "{name}: {stderr}");
        assert_eq!(r["id"], "v", "{name}");
        for key in [
            "status",
            "flagged",
            "verdict",
            "report",
            "max_severity",
            "truncated",
        ] {
            assert_eq!(r[key], want[key], "{name}: {key}");
        }
        assert_eq!(
            r["error"]["code"].as_str(),
            want["error"].as_str(),
            "{name}"
        );
        let got = r["matches"].as_array().expect("matches");
        let expected = case["matches"].as_array().expect("matches");
        assert_eq!(got.len(), expected.len(), "{name}: {r}");
        for (g, e) in got.iter().zip(expected) {
            for key in ["text", "term", "list", "decision"] {
                assert_eq!(g[key], e[key], "{name}: {key}");
            }
            assert_eq!(
                [&g["start"], &g["end"]],
                [&e["byte"][0], &e["byte"][1]],
                "{name}"
            );
        }
    }
}

#[test]
fn check_fails_closed_on_limits() {
    let out = kavach(
        &[
            "check",
            "--max-matches",
            "2",
            "damn",
            "shit",
            "fuck",
            "shit",
        ],
        b"",
    );
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("only the first 2 are shown"), "{s}");
    assert!(s.ends_with("verdict: block\n"), "{s}");
    let out = kavach(&["check", "--max-input-bytes", "8", "what the fuck"], b"");
    assert_eq!(out.status.code(), Some(2));
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains("not scanned: text of 13 bytes is over the limit of 8 bytes"),
        "{s}"
    );
    assert!(s.ends_with("verdict: review\n"), "{s}");
    let out = kavach(&["check", "--max-matchez", "2", "x"], b"");
    assert_eq!(out.status.code(), Some(2));
    let out = kavach(
        &["check", "--review-at", "critical", "--block-at", "low", "x"],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(
        e.contains("review-at (critical) is above block-at (low)"),
        "{e}"
    );
}

/// `list mine` ranks what abusive posts say and the lists do not match, writes a review sheet,
/// reports bad lines by number, and `list import` takes the sheet's accepted rows.
#[test]
fn list_mine_writes_a_review_sheet_that_list_import_reads() {
    let mut input = String::new();
    for k in 0..60 {
        let clean = ["what a match today", "see you at the game", "तुम कैसे हो दोस्त"][k % 3];
        input += &serde_json::json!({"text": clean, "label": 0}).to_string();
        input.push('\n');
    }
    for k in 0..20 {
        let abusive = [
            "you zorkface, see you",
            "तू झोरकू है",
            "what the fuck zorkface",
        ][k % 3];
        input += &serde_json::json!({"text": abusive, "label": "HOF"}).to_string();
        input.push('\n');
    }
    input += "{\"text\": \"cut\n[1]\n{\"text\": \"x\", \"label\": \"NOT\"}\n";
    let out = kavach(
        &["list", "mine", "-", "--positive", "HOF", "--top", "5"],
        input.as_bytes(),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("-:81: invalid JSON"), "{stderr}");
    assert!(stderr.contains("-:82: expected a JSON object"), "{stderr}");
    assert!(
        stderr.contains("mined 81 posts (20 abusive, 61 clean); 2 lines skipped"),
        "{stderr}"
    );
    let sheet = String::from_utf8(out.stdout).expect("utf-8");
    let rows: Vec<Vec<&str>> = sheet.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows[0], kavach::REVIEW_COLUMNS);
    assert!(rows.len() <= 6, "{sheet}");
    let zork = rows.iter().find(|r| r[1] == "zorkface").expect("zorkface");
    assert_eq!((zork[7], zork[8]), ("13", "0"));
    let devanagari = rows.iter().find(|r| r[1] == "झोरकू").expect("झोरकू");
    assert_eq!(devanagari[5], "hi");
    // `fuck` is listed: never a row of its own.
    assert!(rows.iter().all(|r| r[1] != "fuck"), "{sheet}");
    // Accept one row; import reads only it.
    let dir = std::env::temp_dir().join(format!("kavach-mine-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let reviewed: Vec<String> = sheet
        .lines()
        .map(|l| match l.strip_prefix("\tzorkface\t") {
            Some(rest) => format!("yes\tzorkface\t{rest}"),
            None => l.to_string(),
        })
        .collect();
    let path = dir.join("sheet.tsv");
    std::fs::write(&path, reviewed.join("\n")).expect("write");
    let out = kavach(
        &[
            "list",
            "import",
            path.to_str().expect("path"),
            "--id",
            "platform",
        ],
        b"",
    );
    let list = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let terms: Vec<&str> = list
        .lines()
        .skip_while(|l| *l != "[terms]")
        .filter(|l| !l.starts_with('#') && l.contains('|'))
        .collect();
    assert_eq!(terms.len(), 1, "{list}");
    assert!(
        terms[0].starts_with("zorkface | insult | low | word"),
        "{list}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn list_precompile_writes_the_bytes_the_library_reads() {
    let dir = std::env::temp_dir().join(format!("kavach-precompile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("kavach_bundled.bin");
    let out = kavach(
        &[
            "list",
            "precompile",
            "--out",
            path.to_str().expect("UTF-8 path"),
        ],
        b"",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&path).expect("written");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("{}: {} bytes", path.display(), bytes.len())
    );
    assert!(Some(&bytes[..]) == kavach::Matcher::precompiled_bytes());
    // Accepted as this build's (a library with its own changes nothing).
    kavach::Matcher::install_precompiled(bytes).expect("this build's bytes");
    // Only the bundled lists can be precompiled: a list option is refused, not ignored.
    let out = kavach(
        &[
            "--list",
            "en",
            "list",
            "precompile",
            "--out",
            path.to_str().expect("UTF-8 path"),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "kavach: list precompile writes the matcher of every bundled list only: --list, --list-file and --no-bundled do not apply"
    );
    std::fs::remove_dir_all(&dir).expect("clean up");
}
