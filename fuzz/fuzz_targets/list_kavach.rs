//! The kavach list loader on any bytes: an error names the source (and a line when it has one),
//! or the list loads, converts to kavach format and parses back to the same fingerprint.
#![no_main]

use kavach::{Format, ImportOptions, Wordlist};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match Wordlist::from_bytes(data, "fuzz.list", Format::Kavach, &ImportOptions::default()) {
        Ok(list) => {
            let again = Wordlist::parse(&list.to_kavach(), "again").expect("round trip parses");
            assert_eq!(again.fingerprint(), list.fingerprint());
            assert_eq!(again.entries().len(), list.entries().len());
        }
        Err(e) => {
            assert!(e.to_string().starts_with("fuzz.list"), "{e}");
            if let Some(line) = e.location().and_then(|l| l.line) {
                assert!(
                    line >= 1 && line <= data.split(|&b| b == b'\n').count(),
                    "{e}"
                );
            }
        }
    }
});
