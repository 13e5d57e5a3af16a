//! The library's own throughput on a JSON Lines file of posts (one `find` per post, one
//! thread), to compare with `kavach scan` on the same file:
//!
//! ```sh
//! python3 tools/gen_posts.py 20 > posts.jsonl
//! cargo run --release -p kavach-text --example scan_jsonl -- posts.jsonl
//! hyperfine 'target/release/kavach scan posts.jsonl'
//! ```

use std::time::Instant;

use kavach::Matcher;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: scan_jsonl FILE.jsonl")?;
    let data = std::fs::read_to_string(&path)?;
    let mut texts = Vec::new();
    for (n, line) in data.lines().enumerate() {
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
            texts.push(t.to_string());
        }
    }
    let matcher = Matcher::bundled()?;
    let start = Instant::now();
    let found: usize = texts.iter().map(|t| matcher.find(t).len()).sum();
    let secs = start.elapsed().as_secs_f64();
    let text_bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "{} posts, {found} matches: find {:.3} s, {:.1} MB/s of text, {:.1} MB/s of the file ({} bytes)",
        texts.len(),
        secs,
        text_bytes as f64 / secs / 1e6,
        data.len() as f64 / secs / 1e6,
        data.len()
    );
    Ok(())
}
