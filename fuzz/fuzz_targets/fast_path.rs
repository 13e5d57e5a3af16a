//! The fast path (normalising and searching plain text in one pass) against the general passes
//! on any text (see `kavach_fuzz::check_fast_path`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        kavach_fuzz::check_fast_path(text);
    }
});
