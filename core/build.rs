//! Compiles the matcher of the bundled lists when the library is built (see
//! `src/matcher/precompiled.rs`), so that `Matcher::bundled()` reads it instead of building it.
//!
//! The build script is the library itself: it compiles the library's own modules (the `#[path]`
//! items below, which must follow the modules of `src/lib.rs`, and its re-exports, included from
//! `src/exports.rs`), builds the matcher of every bundled list, and writes its bytes to
//! `OUT_DIR`; the library, built with `--cfg kavach_precompiled`, includes them. So the bytes
//! always come from the code and lists of this very build. Without the `precompiled` feature
//! (the WebAssembly package, whose module the bytes would make many times larger) nothing is
//! written, and the matcher is built when asked for.

#![allow(dead_code, unused_imports, missing_docs)]

#[path = "src/allow.rs"]
mod allow;
#[path = "src/censor.rs"]
mod censor;
#[path = "src/dfa/mod.rs"]
mod dfa;
#[path = "src/error.rs"]
mod error;
#[path = "src/indic/mod.rs"]
mod indic;
#[path = "src/links.rs"]
mod links;
#[path = "src/lint.rs"]
mod lint;
#[path = "src/matcher/mod.rs"]
mod matcher;
#[path = "src/mine.rs"]
mod mine;
#[path = "src/normalize/mod.rs"]
mod normalize;
#[path = "src/options.rs"]
mod options;
#[path = "src/plain_search.rs"]
mod plain_search;
#[path = "src/policy.rs"]
mod policy;
#[path = "src/report/mod.rs"]
mod report;
#[path = "src/span.rs"]
mod span;
#[path = "src/symbols.rs"]
mod symbols;
#[path = "src/table_bytes.rs"]
mod table_bytes;
#[path = "src/wordlist/mod.rs"]
mod wordlist;

include!("src/exports.rs");

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src");
    let id = build_id();
    println!("cargo::rustc-env=KAVACH_BUILD_ID={id}");
    if std::env::var_os("CARGO_FEATURE_PRECOMPILED").is_none() {
        return;
    }
    let matcher = match Matcher::bundled() {
        Ok(m) => m,
        Err(e) => panic!("the bundled lists do not build: {e}"),
    };
    let Some(out) = std::env::var_os("OUT_DIR") else {
        panic!("cargo sets OUT_DIR for build scripts");
    };
    let path = std::path::Path::new(&out).join("bundled-matcher.bin");
    if let Err(e) = std::fs::write(&path, matcher::precompiled::write_as(&matcher, &id)) {
        panic!("cannot write {}: {e}", path.display());
    }
    println!("cargo::rustc-cfg=kavach_precompiled");
}

/// What the precompiled bytes are checked against when they are read: a hash of the library's
/// sources and the bundled lists, so that bytes written by one build are read only by a build of
/// the same code and lists (the WebAssembly package reads bytes the native build wrote).
fn build_id() -> String {
    use sha2::{Digest, Sha256};
    fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            panic!("cannot read {}", dir.display());
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.is_dir() {
                files(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = vec![root.join("build.rs")];
    files(&root.join("src"), &mut paths);
    paths.sort();
    let mut hash = Sha256::new();
    for path in &paths {
        let Ok(bytes) = std::fs::read(path) else {
            panic!("cannot read {}", path.display());
        };
        let name = path
            .strip_prefix(root)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        hash.update((name.len() as u64).to_le_bytes());
        hash.update(name.as_bytes());
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(&bytes);
    }
    for list in kavach_lists::LISTS {
        hash.update((list.text.len() as u64).to_le_bytes());
        hash.update(list.text.as_bytes());
    }
    hash.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
