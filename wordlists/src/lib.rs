//! The word lists bundled with [kavach](https://docs.rs/kavach), as data: each list's id, the
//! file it is read from (named in error messages) and its text in the kavach list format
//! (`README.md` of this crate). They are a crate of their own so that the engine, its
//! command-line tool and its bindings package the same files, with their licences and
//! attribution (`NOTICE`, `LICENSES/`).
//!
//! These files contain slurs, profanity and sexual terms. That is their purpose: they let
//! kavach find such words so that platforms can protect people from them.
#![forbid(unsafe_code)]
#![no_std]

/// One bundled list.
#[derive(Clone, Copy, Debug)]
pub struct List {
    /// The list's id (`en`, `hi`, `hi-Latn`, `child-safety`).
    pub id: &'static str,
    /// Its file in the kavach repository, as error messages name it.
    pub file: &'static str,
    /// Its text, in the kavach list format.
    pub text: &'static str,
}

/// Every bundled list, in the order a matcher of all of them uses.
pub const LISTS: &[List] = &[
    List {
        id: "en",
        file: "wordlists/en/en.kavach",
        text: include_str!("../en/en.kavach"),
    },
    List {
        id: "hi",
        file: "wordlists/hi/hi.kavach",
        text: include_str!("../hi/hi.kavach"),
    },
    List {
        id: "hi-Latn",
        file: "wordlists/hi-Latn/hi-Latn.kavach",
        text: include_str!("../hi-Latn/hi-Latn.kavach"),
    },
    List {
        id: "child-safety",
        file: "wordlists/child-safety/child-safety.kavach",
        text: include_str!("../child-safety/child-safety.kavach"),
    },
];

/// Every source of the lists, its licence and its attribution.
pub const NOTICE: &str = include_str!("../NOTICE");

/// Every released version of every list and its content fingerprint (`id version
/// fingerprint` lines): a released version never changes.
pub const MANIFEST: &str = include_str!("../MANIFEST");
