//! The CLI's JSON Lines reader on any bytes: no panic, one output line per input line (a result
//! or an error naming the line), each valid JSON, and every bad line reported.
#![no_main]

use std::sync::OnceLock;

use kavach::{Limits, Matcher};
use kavach_cli::stream::scan_stream;
use libfuzzer_sys::fuzz_target;

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        Matcher::builder()
            .all_bundled()
            .limits({
                let mut limits = Limits::default();
                limits.max_input_bytes = Some(256);
                limits.max_matches = Some(8);
                limits
            })
            .build()
            .expect("bundled lists")
    })
}

fuzz_target!(|data: &[u8]| {
    for plain in [false, true] {
        let mut out = Vec::new();
        let mut reported = 0;
        let summary = scan_stream(matcher(), &mut &data[..], &mut out, plain, 1, |_, _| {
            reported += 1
        })
        .expect("writing to a Vec cannot fail");
        // On several threads: the same lines, in the same order.
        let mut threaded = Vec::new();
        let again = scan_stream(matcher(), &mut &data[..], &mut threaded, plain, 3, |_, _| {})
            .expect("writing to a Vec cannot fail");
        assert_eq!((threaded.as_slice(), again), (out.as_slice(), summary));
        let lines: Vec<&[u8]> = out
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(lines.len(), summary.lines);
        for line in lines {
            // The result writer escapes by hand: every line must still be JSON (checked as a
            // raw value: an id such as `1e400` is JSON, if no float).
            if let Err(e) = serde_json::from_slice::<Box<serde_json::value::RawValue>>(line) {
                panic!("{e}: {}", String::from_utf8_lossy(line));
            }
        }
        assert_eq!(reported, summary.bad_lines);
    }
});
