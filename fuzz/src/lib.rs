//! Checks shared by the fuzz targets.

use kavach::{Format, ImportOptions, Wordlist};

/// A list loader on any bytes: an error names the source (and a line the input has), or the
/// list loads, converts to kavach format and parses back to the same fingerprint.
pub fn check_list_loader(data: &[u8], format: Format) {
    match Wordlist::from_bytes(data, "fuzz.list", format, &ImportOptions::default()) {
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
}
