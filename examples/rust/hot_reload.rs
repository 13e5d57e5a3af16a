//! A backend keeps serving while a platform pushes a new list version: scanning threads load
//! the current matcher from an `ArcSwap`; the updater builds a new one and swaps it in. A list
//! that fails to load leaves the old matcher serving.
//! Run: `cargo run --example hot_reload`.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use arc_swap::ArcSwap;
use kavach::{Matcher, Wordlist};

fn platform_list(version: &str, extra: &str) -> String {
    format!(
        "id = platform\nversion = {version}\ntitle = Platform-supplied terms\nlanguages = en\n\
         source = example\nlicense = CC0-1.0\ndate = 2026-11-28\n[terms]\nscam | insult | medium\n{extra}"
    )
}

fn build(text: &str) -> Result<Matcher, kavach::Error> {
    Matcher::builder()
        .bundled("en")
        .list(Wordlist::parse(text, "platform.kavach")?)
        .build()
}

fn main() -> Result<(), kavach::Error> {
    let live = Arc::new(ArcSwap::from_pointee(build(&platform_list("1.0.0", ""))?));
    let stop = Arc::new(AtomicBool::new(false));
    let scans = Arc::new(AtomicUsize::new(0));
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let (live, stop, scans) = (live.clone(), stop.clone(), scans.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let matcher = live.load();
                    let found = matcher.find("this is a scam, a total grift");
                    assert!(!found.is_empty());
                    scans.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    // A new version adds a term; a broken one is rejected and the old matcher keeps serving.
    live.store(Arc::new(build(&platform_list(
        "1.1.0",
        "grift | insult | medium\n",
    ))?));
    match build(&platform_list("1.2.0", "grift | insult | awful\n")) {
        Ok(m) => live.store(Arc::new(m)),
        Err(e) => println!("rejected update: {e}"),
    }
    std::thread::sleep(std::time::Duration::from_millis(200));
    stop.store(true, Ordering::Relaxed);
    for w in workers {
        w.join().expect("worker");
    }
    let current = live.load();
    println!(
        "serving platform@{} after {} scans; matches: {:?}",
        current.lists()[1].version,
        scans.load(Ordering::Relaxed),
        current
            .find("a total grift")
            .iter()
            .map(|m| m.term.to_string())
            .collect::<Vec<_>>()
    );
    Ok(())
}
