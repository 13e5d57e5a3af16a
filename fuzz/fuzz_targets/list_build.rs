//! Matchers built from lists grown from the input, under build limits far below the fuzzer's
//! memory cap (see `kavach_fuzz::check_list_build`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| kavach_fuzz::check_list_build(data));
