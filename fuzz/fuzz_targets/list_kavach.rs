//! The kavach list loader on any bytes (see `kavach_fuzz::check_list_loader`).
#![no_main]

use kavach::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| kavach_fuzz::check_list_loader(data, Format::Kavach));
