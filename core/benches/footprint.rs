//! Memory of the default matcher: heap bytes held once built, and what scanning adds, measured
//! with a counting global allocator (`stats_alloc`, so this crate keeps `unsafe_code = "forbid"`).
//! Not a timing benchmark.
//!
//! Run: `cargo bench -p kavach --bench footprint`

#![allow(missing_docs)]

use std::alloc::System;

use kavach::Matcher;
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

fn mb(bytes: isize) -> f64 {
    bytes as f64 / 1e6
}

fn main() {
    let region = Region::new(GLOBAL);
    let m = Matcher::bundled().expect("bundled");
    let s = region.change();
    let held = s.bytes_allocated as isize - s.bytes_deallocated as isize + s.bytes_reallocated;
    let lists: Vec<String> = m
        .lists()
        .iter()
        .map(|l| format!("{}@{}", l.id, l.version))
        .collect();
    println!(
        "default matcher ({}): {:.2} MB of heap held ({:.2} MB allocated in total while building)",
        lists.join(", "),
        mb(held),
        mb(s.bytes_allocated as isize)
    );
    // Scanning reuses per-thread buffers: a 1 MB text costs about its matching form, once.
    let text = "clean words and then some more ".repeat(32 << 10);
    let region = Region::new(GLOBAL);
    assert!(m.find(&text).is_empty());
    let s = region.change();
    println!(
        "find on {:.1} MB of text: {:.2} MB allocated, {:.2} MB still held afterwards",
        text.len() as f64 / 1e6,
        mb(s.bytes_allocated as isize),
        mb(s.bytes_allocated as isize - s.bytes_deallocated as isize + s.bytes_reallocated)
    );
}
