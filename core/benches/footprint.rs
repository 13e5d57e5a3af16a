//! Memory of the default matcher: heap bytes held once built, and what scanning adds, measured
//! with a counting global allocator (`stats_alloc`, so this crate keeps `unsafe_code = "forbid"`).
//! What a matcher holds is counted as the bytes freed when it is dropped (the allocator's
//! reallocation counter makes "allocated minus freed" overstate it). Not a timing benchmark.
//!
//! Run: `cargo bench -p kavach-text --bench footprint`

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
    let built = Matcher::bundled().expect("bundled");
    let after_build = region.change();
    drop(built);
    let held = region.change().bytes_deallocated - after_build.bytes_deallocated;
    let m = Matcher::bundled().expect("bundled");
    let lists: Vec<String> = m
        .lists()
        .iter()
        .map(|l| format!("{}@{}", l.id, l.version))
        .collect();
    println!(
        "default matcher ({}): {:.2} MB of heap held ({:.2} MB allocated in total while building)",
        lists.join(", "),
        mb(held as isize),
        mb(after_build.bytes_allocated as isize)
    );
    // Scanning reuses per-thread buffers: a 1 MB text costs about its matching form, once.
    let text = "clean words and then some more ".repeat(32 << 10);
    let region = Region::new(GLOBAL);
    assert!(m.find(&text).is_empty());
    let s = region.change();
    println!(
        "find on {:.1} MB of text: {:.2} MB allocated, {:.2} MB freed afterwards",
        text.len() as f64 / 1e6,
        mb(s.bytes_allocated as isize + s.bytes_reallocated),
        mb(s.bytes_deallocated as isize)
    );
    // They stay for the next large text and go with the next short one.
    let region = Region::new(GLOBAL);
    assert!(m.find("a short post").is_empty());
    println!(
        "then a short post: {:.2} MB freed",
        mb(region.change().bytes_deallocated as isize)
    );
}
