//! The bundled matcher, compiled when the library is.
//!
//! Building the matcher of every bundled list takes tens of milliseconds (every spelling of
//! every term, then the automata), which a command-line run, a Python import or a cold start
//! pays before its first scan. So the build script (`core/build.rs`) compiles it once, with this
//! crate's own code, and writes it with [`write`](fn@write); the library includes those bytes and
//! [`load`] reads them back: the large tables are borrowed in place (see
//! [`crate::table_bytes`]), the rest decoded, and the lists' parsed form is made only if asked
//! for ([`super::Matcher::wordlists`]).
//!
//! Only the builder's request for exactly every bundled list, in order, at its bundled version,
//! under limits it passes, is answered from these bytes; anything else is built as before. The
//! bytes come from the same source as the code that reads them, so they are current by
//! construction; a test compares the loaded matcher with one built at run time.

use std::borrow::Cow;
use std::sync::{Arc, Mutex, OnceLock};

use super::compiled::{BuildNeeds, Compiled, Matcher, PlainReach, Role, Target, Variant};
use super::limits::Limits;
use super::lists::{ListInfo, ListSpec};
use crate::allow::AllowWords;
use crate::dfa::FullSearch;
use crate::error::{Error, ErrorKind};
use crate::plain_search::PlainSearch;
use crate::policy::Policy;
use crate::symbols::SymbolSearch;
use crate::table_bytes::{Reader, Writer};
use crate::wordlist::bundled::split_spec;
use crate::wordlist::{Category, MatchMode, Severity, Wordlist};

/// What the bytes start with.
const MAGIC: &[u8; 8] = b"kavach\x02\x00";

/// The header: [`MAGIC`], the length of the bytes (`u64`), the id of the build that wrote them.
const HEADER: usize = 8 + 8 + BUILD_ID_LEN;

/// The build id's length: 16 bytes of SHA-256, in hex.
const BUILD_ID_LEN: usize = 32;

/// The crate version that wrote them: bytes of another version are not read.
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A hash of this build's sources and bundled lists (`core/build.rs`): bytes written by a build
/// of other code or lists are not read, so a package cannot pair its module with stale bytes.
fn build_id() -> &'static str {
    // The build script compiles these modules too, before the id is set; it passes its id.
    option_env!("KAVACH_BUILD_ID").unwrap_or("")
}

/// The compiled bundled matcher given by [`install`], when the library has none of its own.
static INSTALLED: OnceLock<&'static [u8]> = OnceLock::new();

/// The compiled bundled matcher compiled into the library (the `precompiled` feature).
#[cfg(kavach_precompiled)]
fn compiled_in() -> Option<&'static [u8]> {
    /// Aligned so that tables of numbers can be borrowed in place.
    #[repr(C, align(8))]
    struct Aligned<B: ?Sized>(B);
    static BYTES: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(
        env!("OUT_DIR"),
        "/bundled-matcher.bin"
    )));
    Some(&BYTES.0)
}

#[cfg(not(kavach_precompiled))]
fn compiled_in() -> Option<&'static [u8]> {
    None
}

/// The compiled bundled matcher: compiled into the library, or installed.
pub(super) fn bundled_bytes() -> Option<&'static [u8]> {
    compiled_in().or_else(|| INSTALLED.get().copied())
}

/// A function that gives the compiled bundled matcher's bytes (see [`set_source`]).
pub(super) type Source = fn() -> Option<Vec<u8>>;

/// Where to read the compiled bundled matcher from when it is first needed, for a library
/// without its own (see [`set_source`]); taken when called, so it is tried once.
static SOURCE: Mutex<Option<Source>> = Mutex::new(None);

/// Makes `source` give the compiled bundled matcher the first time a matcher of every bundled
/// list is asked for and none is installed: the Node entries of the WebAssembly package read
/// the file they ship, so a program that never asks for the bundled lists never reads it. If
/// it gives nothing or bytes [`install`] refuses, the matcher is built, as without it.
pub(super) fn set_source(source: Source) {
    if let Ok(mut s) = SOURCE.lock() {
        *s = Some(source);
    }
}

/// The bytes of the source set by [`set_source`], installed; once.
fn from_source() -> Option<&'static [u8]> {
    let source = SOURCE.lock().ok()?.take()?;
    let bytes = source()?;
    // Checked by their header only: [`load`] reads them at once, and builds if they do not
    // read (reading them twice cost a few milliseconds of the start-up they are for).
    if header_mismatch(&bytes).is_some() {
        return None;
    }
    if bundled_bytes().is_none() {
        let _ = INSTALLED.set(leak_aligned(bytes));
    }
    bundled_bytes()
}

/// Why `bytes` are not the compiled bundled matcher of this build, if they are not; only the
/// header is read.
fn header_mismatch(bytes: &[u8]) -> Option<String> {
    if bytes.len() < HEADER || bytes[..8] != MAGIC[..] {
        return Some("not a compiled kavach matcher".into());
    }
    let mut len = [0u8; 8];
    len.copy_from_slice(&bytes[8..16]);
    let len = u64::from_le_bytes(len);
    if len != bytes.len() as u64 {
        return Some(format!("{} bytes, where {len} were written", bytes.len()));
    }
    if bytes[16..HEADER] != *build_id().as_bytes() {
        return Some(format!(
            "written by another build (id {}, this build is {}): use the file of the same package",
            String::from_utf8_lossy(&bytes[16..HEADER]),
            build_id()
        ));
    }
    None
}

/// Makes `bytes` (written by [`write`](fn@write) in a build of the same code and lists: the
/// WebAssembly package ships them beside its module) the compiled bundled matcher of a library
/// built without its own, so that [`load`] reads them from then on. Their header (another
/// build's file, one cut short) and their structure are checked first; their tables are then
/// trusted as the module itself is (a state id is not checked one by one, nor is there a
/// checksum: hashing 22 MB cost 15-20 ms of a start-up of about 30 in WebAssembly, where npm
/// already checks the package's hash and HTTPS the download's), so only the package's own file
/// should be given. Once accepted they stay for the life of the program (later calls change
/// nothing).
pub(super) fn install(bytes: Vec<u8>) -> Result<(), Error> {
    let bad = |reason: String| Error::new(ErrorKind::BadPrecompiled(reason));
    if let Some(reason) = header_mismatch(&bytes) {
        return Err(bad(reason));
    }
    if bundled_bytes().is_some() {
        // Same build id: the same bytes, by construction.
        return Ok(());
    }
    let bytes = leak_aligned(bytes);
    // The whole matcher must read (its header matched, so only a damaged file fails here).
    if read(
        &mut Reader::new(bytes),
        &Policy::default(),
        Limits::default(),
    )
    .is_none()
    {
        return Err(bad("damaged: its tables do not read".into()));
    }
    let _ = INSTALLED.set(bytes);
    Ok(())
}

/// The bundled matcher from its compiled bytes, if `lists` asks for exactly it (every bundled
/// list in order, by id or as a loaded list of the same content) and `limits` let it be
/// built; `None` otherwise (or without the bytes): then it is built.
pub(super) fn load(lists: &[ListSpec], policy: &Policy, limits: Limits) -> Option<Matcher> {
    // Every bundled list, in order, by id: checked before anything is read.
    let id_of = |spec: &ListSpec| match spec {
        ListSpec::Bundled(spec) => split_spec(spec).0.to_string(),
        ListSpec::List(list, _) => list.meta().id.clone(),
    };
    if !lists.iter().map(id_of).eq(Wordlist::bundled_ids()) {
        return None;
    }
    let bytes = bundled_bytes().or_else(from_source)?;
    let compiled = read(&mut Reader::new(bytes), policy, limits)?;
    for (spec, info) in lists.iter().zip(&compiled.lists) {
        let same = match spec {
            ListSpec::Bundled(spec) => split_spec(spec).1.is_none_or(|v| v == &*info.version),
            // A loaded list with the bundled list's content (an unpickled matcher's, a copy
            // of the file).
            ListSpec::List(list, _) => {
                list.meta().version == *info.version && list.fingerprint() == info.fingerprint
            }
        };
        if !same || *info.id != id_of(spec) {
            return None;
        }
    }
    let needs = &compiled.needs;
    let fits = |limit: Option<usize>, need: usize| limit.is_none_or(|max| need <= max);
    if !(fits(limits.max_term_chars, needs.term_chars)
        && fits(limits.max_nesting, needs.nesting)
        && fits(limits.max_build_bytes, needs.bytes))
    {
        return None;
    }
    Some(Matcher {
        inner: Arc::new(compiled),
    })
}

/// `bytes` for the life of the program, 8-aligned: tables are borrowed in place only from
/// aligned bytes (see `crate::table_bytes`). Copied only if they are not aligned already.
fn leak_aligned(bytes: Vec<u8>) -> &'static [u8] {
    if bytes.as_ptr().align_offset(8) == 0 {
        return Box::leak(bytes.into_boxed_slice());
    }
    let mut words = vec![0u64; bytes.len().div_ceil(8)];
    bytemuck::cast_slice_mut::<u64, u8>(&mut words)[..bytes.len()].copy_from_slice(&bytes);
    let words: &'static [u64] = Box::leak(words.into_boxed_slice());
    &bytemuck::cast_slice(words)[..bytes.len()]
}

/// The bytes of `m` for [`load`], as this build writes them.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn write(m: &Matcher) -> Vec<u8> {
    write_as(m, build_id())
}

/// The bytes of `m` for [`load`], for the build `id` (the build script writes those of the
/// bundled matcher).
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn write_as(m: &Matcher, id: &str) -> Vec<u8> {
    let c = &m.inner;
    let mut w = Writer::default();
    for &b in MAGIC {
        w.put(b);
    }
    w.put(0u64); // the length, set at the end
    assert_eq!(
        id.len(),
        BUILD_ID_LEN,
        "a build id is {BUILD_ID_LEN} hex digits"
    );
    for &b in id.as_bytes() {
        w.put(b);
    }
    w.str(VERSION);
    c.automaton.write(&mut w);
    w.bool(c.plain.is_some());
    if let Some(p) = &c.plain {
        p.write(&mut w);
    }
    w.len(c.variants.len());
    for v in &c.variants {
        w.put(v.target);
        w.put(v.min_runs);
        w.put(v.flags);
        w.put(v.list);
        w.put(mode_byte(v.mode));
        w.put(role_byte(v.role));
    }
    w.table(&c.variant_starts);
    w.table(&c.pattern_modes);
    w.table(&c.min_runs);
    w.len(c.targets.len());
    for t in &c.targets {
        w.str(&t.term);
        w.put(role_byte(t.role));
        w.put(index_of(Severity::ALL, t.severity));
        w.put(mode_byte(t.mode));
        w.put(t.list);
    }
    w.len(c.lists.len());
    for l in &c.lists {
        for s in [&*l.id, &*l.version, &l.title, &l.fingerprint] {
            w.str(s);
        }
        w.len(l.entries);
        w.len(l.allow);
    }
    w.bool(c.allow_words.is_some());
    if let Some(a) = &c.allow_words {
        a.write(&mut w);
    }
    w.bool(c.context_words.is_some());
    if let Some((search, first)) = &c.context_words {
        search.write(&mut w);
        w.put(*first);
    }
    w.bool(c.symbols.is_some());
    if let Some(s) = &c.symbols {
        s.write(&mut w);
    }
    w.len(c.plain_reach.before);
    w.len(c.plain_reach.after);
    for n in [c.needs.term_chars, c.needs.nesting, c.needs.bytes] {
        w.len(n);
    }
    let mut bytes = w.into_bytes();
    let len = (bytes.len() as u64).to_le_bytes();
    bytes[8..16].copy_from_slice(&len);
    bytes
}

/// Reads what [`write`](fn@write) wrote; `None` if the bytes are not of this version or malformed.
fn read(r: &mut Reader, policy: &Policy, limits: Limits) -> Option<Compiled> {
    for &b in MAGIC {
        (r.get::<u8>()? == b).then_some(())?;
    }
    r.get::<u64>()?;
    for &b in build_id().as_bytes() {
        (r.get::<u8>()? == b).then_some(())?;
    }
    (r.str()? == VERSION).then_some(())?;
    let automaton = FullSearch::read(r)?;
    let plain = if r.bool()? {
        Some(PlainSearch::read(r)?)
    } else {
        None
    };
    let n = r.len()?;
    let mut variants = Vec::with_capacity(n.min(1 << 20));
    for _ in 0..n {
        variants.push(Variant {
            target: r.get()?,
            min_runs: r.get()?,
            flags: r.get()?,
            list: r.get()?,
            mode: mode_of(r.get()?)?,
            role: role_of(r.get()?)?,
        });
    }
    let variant_starts = r.vec()?;
    let pattern_modes = r.vec()?;
    let min_runs = r.table()?;
    let n = r.len()?;
    let mut targets = Vec::with_capacity(n.min(1 << 20));
    for _ in 0..n {
        targets.push(Target {
            term: Cow::Borrowed(r.str()?),
            role: role_of(r.get()?)?,
            severity: *Severity::ALL.get(usize::from(r.get::<u8>()?))?,
            mode: mode_of(r.get()?)?,
            list: r.get()?,
        });
    }
    let n = r.len()?;
    let mut lists = Vec::with_capacity(n.min(1 << 16));
    for _ in 0..n {
        lists.push(ListInfo {
            id: Arc::from(r.str()?),
            version: Arc::from(r.str()?),
            title: r.str()?.to_string(),
            fingerprint: r.str()?.to_string(),
            entries: r.len()?,
            allow: r.len()?,
        });
    }
    let allow_words = if r.bool()? {
        Some(AllowWords::read(r)?)
    } else {
        None
    };
    let context_words = if r.bool()? {
        Some((FullSearch::read(r)?, r.get()?))
    } else {
        None
    };
    let symbols = if r.bool()? {
        Some(SymbolSearch::read(r)?)
    } else {
        None
    };
    let plain_reach = PlainReach {
        before: r.len()?,
        after: r.len()?,
    };
    let needs = BuildNeeds {
        term_chars: r.len()?,
        nesting: r.len()?,
        bytes: r.len()?,
    };
    r.at_end().then_some(())?;
    Some(Compiled {
        automaton,
        plain,
        variants,
        variant_starts,
        pattern_modes,
        min_runs,
        targets,
        lists,
        policy: policy.clone(),
        limits,
        allow_words,
        context_words,
        symbols,
        plain_reach,
        needs,
        wordlists: OnceLock::new(),
        precompiled: true,
    })
}

/// The bundled lists, parsed: what a precompiled matcher was compiled from.
pub(super) fn bundled_wordlists() -> Vec<Wordlist> {
    Wordlist::bundled_ids()
        .map(|id| {
            // The bytes were written from these very texts when the library was built.
            Wordlist::bundled(id).expect("a bundled list parses (it did when it was compiled)")
        })
        .collect()
}

#[cfg_attr(not(test), allow(dead_code))]
fn index_of<T: PartialEq>(all: &[T], x: T) -> u8 {
    all.iter().position(|a| *a == x).unwrap_or(0) as u8
}

#[cfg_attr(not(test), allow(dead_code))]
fn mode_byte(mode: MatchMode) -> u8 {
    index_of(MatchMode::ALL, mode)
}

fn mode_of(b: u8) -> Option<MatchMode> {
    MatchMode::ALL.get(usize::from(b)).copied()
}

/// A term's category as its index; allow and context words after every category.
#[cfg_attr(not(test), allow(dead_code))]
fn role_byte(role: Role) -> u8 {
    match role {
        Role::Term(c) => index_of(Category::ALL, c),
        Role::Allow => u8::MAX - 1,
        Role::Context => u8::MAX,
    }
}

fn role_of(b: u8) -> Option<Role> {
    match b {
        u8::MAX => Some(Role::Context),
        b if b == u8::MAX - 1 => Some(Role::Allow),
        b => Category::ALL.get(usize::from(b)).map(|&c| Role::Term(c)),
    }
}

#[cfg(test)]
mod tests {
    use super::{header_mismatch, install, leak_aligned, read, write, BUILD_ID_LEN, HEADER};
    use crate::table_bytes::Reader;
    use crate::Matcher;

    fn at_run_time() -> Matcher {
        Matcher::builder()
            .all_bundled()
            .precompiled(false)
            .build()
            .expect("bundled")
    }

    #[test]
    fn a_matcher_written_and_read_back_finds_the_same() {
        let built = at_run_time();
        let bytes: &'static [u8] = Box::leak(write(&built).into_boxed_slice());
        let c = read(&mut Reader::new(bytes), built.policy(), built.limits()).expect("reads");
        let read_back = Matcher {
            inner: std::sync::Arc::new(c),
        };
        assert!(write(&read_back) == bytes);
        for text in [
            "what the f.u.с.k",
            "तू चूतिया है",
            "Scunthorpe",
            "sh!t kcuf ʞɔnɟ",
            "",
        ] {
            assert_eq!(read_back.find(text), built.find(text), "{text}");
        }
        assert_eq!(read_back.lists(), built.lists());
        // Cut short, or of another version, the bytes are not read.
        assert!(read(
            &mut Reader::new(&bytes[..bytes.len() - 1]),
            built.policy(),
            built.limits()
        )
        .is_none());
        let mut other: Vec<u8> = bytes.to_vec();
        other[7] ^= 1;
        let other: &'static [u8] = Box::leak(other.into_boxed_slice());
        assert!(read(&mut Reader::new(other), built.policy(), built.limits()).is_none());
    }

    #[test]
    fn bytes_of_another_build_cut_short_or_damaged_are_refused_with_the_reason() {
        let bytes = write(&at_run_time());
        assert_eq!(header_mismatch(&bytes), None);
        let reason = |b: &[u8]| header_mismatch(b).unwrap_or_default();
        assert_eq!(reason(b"{\"text\": 1}"), "not a compiled kavach matcher");
        let short = &bytes[..bytes.len() - 8];
        assert_eq!(
            reason(short),
            format!("{} bytes, where {} were written", short.len(), bytes.len())
        );
        let mut other = bytes.clone();
        other[16..HEADER].copy_from_slice(&[b'0'; BUILD_ID_LEN]);
        assert!(
            reason(&other).starts_with(&format!(
                "written by another build (id {}, this",
                "0".repeat(32)
            )),
            "{}",
            reason(&other)
        );
        // Refused by `install` with its code, before anything is kept.
        let err = install(other).expect_err("another build");
        assert_eq!(err.code(), "bad-precompiled");
        assert!(
            err.to_string().starts_with(
                "not the compiled bundled matcher of this build: written by another build"
            ),
            "{err}"
        );
    }

    #[test]
    fn installed_bytes_are_aligned_whatever_the_vec_was() {
        let bytes = write(&at_run_time());
        // A vector one byte into an aligned allocation.
        let mut unaligned = vec![0u8; bytes.len() + 1];
        unaligned[1..].copy_from_slice(&bytes);
        let unaligned = unaligned.split_off(1);
        for v in [bytes.clone(), unaligned] {
            let kept = leak_aligned(v);
            assert_eq!(kept.as_ptr().align_offset(8), 0);
            assert!(kept == &bytes[..]);
        }
    }

    /// What only a build with the precompiled matcher has.
    #[cfg(kavach_precompiled)]
    mod bundled {
        use std::borrow::Cow;

        use super::{at_run_time, write};
        use crate::{ErrorKind, Limits, Matcher, Policy, Severity, Thresholds};

        /// Whether `m` was read from the precompiled bytes (its tables borrowed, not built).
        fn precompiled(m: &Matcher) -> bool {
            matches!(m.inner.min_runs, Cow::Borrowed(_))
        }

        #[test]
        fn the_precompiled_matcher_is_the_one_built_at_run_time() {
            let loaded = Matcher::bundled().expect("bundled");
            assert!(precompiled(&loaded));
            let built = at_run_time();
            assert!(!precompiled(&built));
            // Everything that was written reads back the same: its bytes are those of a matcher
            // built now, from these lists with this code.
            assert!(
                write(&loaded) == write(&built),
                "the precompiled matcher differs"
            );
            assert_eq!(loaded.lists(), built.lists());
            let fingerprints = |m: &Matcher| -> Vec<String> {
                m.wordlists()
                    .iter()
                    .map(|l| l.fingerprint().to_string())
                    .collect()
            };
            assert_eq!(fingerprints(&loaded), fingerprints(&built));
            let text = "what the f.u.с.k, तू चूतिया है, madarchod, kcuf, 🇫 sh!t";
            assert_eq!(loaded.find(text), built.find(text));
            assert!(!loaded.find(text).is_empty());
        }

        #[test]
        fn only_every_bundled_list_in_order_at_its_version_is_precompiled() {
            let all: Vec<&str> = crate::Wordlist::bundled_ids().collect();
            let versions: Vec<String> = at_run_time()
                .lists()
                .iter()
                .map(|l| format!("{}@{}", l.id, l.version))
                .collect();
            let with = |specs: &[&str]| {
                specs
                    .iter()
                    .fold(Matcher::builder(), |b, s| b.bundled(s))
                    .build()
                    .expect("builds")
            };
            assert!(precompiled(&with(&all)));
            let pinned: Vec<&str> = versions.iter().map(String::as_str).collect();
            assert!(precompiled(&with(&pinned)));
            assert!(!precompiled(&with(&all[..1])));
            let mut reversed = all.clone();
            reversed.reverse();
            assert!(!precompiled(&with(&reversed)));
            // Another version of a list is refused by the bundled lists, as before.
            let err = Matcher::builder()
                .bundled("en@0.0.1")
                .bundled(all[1])
                .bundled(all[2])
                .bundled(all[3])
                .build()
                .expect_err("no such version");
            assert!(
                matches!(err.kind(), ErrorKind::VersionMismatch { .. }),
                "{err}"
            );
            let text = "id = mine\nversion = 1.0.0\ntitle = Mine\nlanguages = en\nsource = a test\nlicense = CC0-1.0\ndate = 2026-12-06\n[terms]\nzorp | profanity | medium\n";
            let list = crate::Wordlist::parse(text, "mine").expect("parses");
            let plus = Matcher::builder()
                .all_bundled()
                .list(list)
                .build()
                .expect("builds");
            assert!(!precompiled(&plus));
            // The same lists loaded (as an unpickled matcher has them): read precompiled; one of
            // them changed: built.
            let loaded = || {
                all.iter()
                    .map(|id| crate::Wordlist::bundled(id).expect("bundled"))
            };
            let copies = loaded().fold(Matcher::builder(), |b, l| b.list(l));
            assert!(precompiled(&copies.build().expect("builds")));
            let mut changed: Vec<crate::Wordlist> = loaded().collect();
            let en = changed[0]
                .to_kavach()
                .replace("\n[terms]\n", "\n[terms]\nzorp | insult | high\n");
            changed[0] = crate::Wordlist::parse(&en, "en copy").expect("parses");
            let built = changed
                .into_iter()
                .fold(Matcher::builder(), |b, l| b.list(l));
            let built = built.build().expect("builds");
            assert!(!precompiled(&built));
            assert_eq!(built.find("a zorp")[0].term, "zorp");
            assert_eq!(plus.find("a zorp")[0].term, "zorp");
        }

        #[test]
        fn limits_that_would_refuse_the_lists_still_refuse_them() {
            let limits = Limits {
                max_nesting: Some(2),
                ..Limits::default()
            };
            let err = Matcher::builder()
                .all_bundled()
                .limits(limits)
                .build()
                .expect_err("too nested");
            assert!(matches!(err.kind(), ErrorKind::TooNested { .. }), "{err}");
            let limits = Limits {
                max_term_chars: Some(5),
                ..Limits::default()
            };
            let err = Matcher::builder()
                .all_bundled()
                .limits(limits)
                .build()
                .expect_err("too long");
            assert!(matches!(err.kind(), ErrorKind::TermTooLong { .. }), "{err}");
            // Scanning limits and the policy do not change what is compiled.
            let limits = Limits {
                max_matches: Some(1),
                ..Limits::default()
            };
            let policy = Policy {
                default: Thresholds {
                    review: Severity::Low,
                    block: Severity::Critical,
                },
                overrides: Vec::new(),
            };
            let m = Matcher::builder()
                .all_bundled()
                .limits(limits)
                .policy(policy.clone())
                .build()
                .expect("builds");
            assert!(precompiled(&m));
            assert_eq!(m.limits().max_matches, Some(1));
            assert_eq!(m.policy(), &policy);
        }
    }
}
