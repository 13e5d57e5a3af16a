//! # kavach
//!
//! Finds offensive terms in text, hard to evade: text is normalised (compatibility forms, case
//! folding, diacritics, homoglyphs, invisible characters, leetspeak, separators, masks,
//! stretched letters) with an offset map, searched with one Aho-Corasick automaton over
//! versioned wordlists, and every match is reported with its byte span in the *original* text,
//! the term, category, severity, and the list id and version that flagged it.
//!
//! ```
//! use kavach::{Matcher, CensorOptions};
//!
//! let matcher = Matcher::bundled()?;
//! let text = "what the f.u.с.k"; // Cyrillic с
//! let m = &matcher.find(text)[0];
//! assert_eq!((m.start, m.end), (9, 17));
//! assert_eq!(&text[m.start..m.end], "f.u.с.k");
//! assert_eq!(&*m.term, "fuck");
//! assert_eq!(m.transforms.names().collect::<Vec<_>>(), ["confusable", "separator"]);
//! assert_eq!(matcher.censor(text, &CensorOptions::default()), "what the *******");
//! # Ok::<(), kavach::Error>(())
//! ```
#![deny(missing_docs)]
// Every fallible public function says how it fails (`# Errors`).
#![warn(clippy::missing_errors_doc)]

mod allow;
mod censor;
mod dfa;
mod error;
mod indic;
mod links;
mod lint;
mod matcher;
mod mine;
mod normalize;
mod options;
mod plain_search;
mod policy;
mod report;
mod span;
mod symbols;
mod table_bytes;
mod wordlist;

include!("exports.rs");

/// The README's examples run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
