//! The normaliser on any UTF-8: no panic, and normalising is idempotent.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let once = kavach::normalize(text);
        assert_eq!(kavach::normalize(&once), once, "not idempotent on {text:?}");
    }
});
