//! Build the default matcher, find, censor and decide. Run: `cargo run --example quickstart`.

use kavach::{CensorOptions, Matcher};

fn main() -> Result<(), kavach::Error> {
    let matcher = Matcher::bundled()?;
    for list in matcher.lists() {
        println!(
            "{}@{} {} terms {}",
            list.id, list.version, list.entries, list.fingerprint
        );
    }
    let text = "what the f.u.с.k, tu chutiya hai 😀";
    for m in matcher.find(text) {
        println!(
            "{}..{} {:?} -> {} ({}, {}) {}@{} {:?}",
            m.start, m.end, m.text, m.term, m.category, m.severity, m.list, m.version, m.transforms
        );
        assert_eq!(&text[m.start..m.end], m.text);
    }
    println!("{}", matcher.censor(text, &CensorOptions::default()));
    println!("verdict: {}", matcher.verdict(text).decision);
    Ok(())
}
