//! Tests of the scanning stages' internals: the fast path against the general passes, the
//! work done per hit, buffers kept between calls.

use proptest::prelude::*;

use crate::normalize::{prefix_cut, Normalized, Scratch};
use crate::plain_search::Hit;
use crate::Matcher;

use super::search::{BUFFERS, EARLY_CUT_WITHIN, EARLY_PART, KEEP_BUFFER_BYTES};

fn matcher() -> &'static Matcher {
    static M: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
    M.get_or_init(|| Matcher::bundled().expect("bundled"))
}

fn both(text: &str) -> (Vec<Hit>, Vec<Hit>) {
    matcher().fast_and_general_hits(text)
}

/// The matching form of `text`, the hits found while the fast path writes it, and the full
/// automaton's hits over all of it.
fn raw_hits(text: &str) -> (Normalized, Vec<Hit>, Vec<Hit>) {
    let m = matcher();
    let (mut norm, mut fused, mut all) = (Normalized::default(), Vec::new(), Vec::new());
    let scratch = &mut Scratch::default();
    m.normalize_and_search(text, &mut norm, scratch, &mut fused, &mut Vec::new());
    m.search_all(&norm, &mut all);
    (norm, fused, all)
}

#[test]
fn large_buffers_stay_for_a_run_of_large_texts_only() {
    let held = || BUFFERS.with(|b| b.borrow().norm.key.capacity());
    let m = matcher();
    let doc = "what a day it was, honestly ".repeat(20_000);
    m.find(&doc);
    let after_one = held();
    assert!(after_one >= doc.len() / 2, "{after_one}");
    m.find(&doc);
    assert_eq!(held(), after_one, "a second document reuses the buffers");
    m.find("a short post");
    assert!(held() <= KEEP_BUFFER_BYTES, "{}", held());
    // Over the larger bound, dropped at once.
    let huge = "what a day it was, honestly ".repeat(100_000);
    m.find(&huge);
    assert!(held() <= KEEP_BUFFER_BYTES, "{}", held());
    m.find(&doc);
    assert!(held() >= after_one);
}

#[test]
fn bundled_full_automaton_is_dense_only_near_the_root() {
    // Every state dense, the 1.0.0 lists' full automaton held 42 MB; dense rows for the
    // first trie levels and sparse states below hold a small part of that (6.5 MB with
    // hi 1.2.0 and hi-Latn 1.3.0).
    let automaton = &matcher().inner.automaton;
    let (bytes, rows) = (automaton.heap_bytes(), automaton.dense_rows());
    assert!(bytes < 8 << 20, "{bytes} bytes");
    assert!((1000..20_000).contains(&rows), "{rows} dense rows");
}

/// Key bytes scanned for the ends of stem candidates' words while verifying `text`'s hits,
/// and the length of its key.
fn word_end_work(text: &str) -> (usize, usize) {
    let m = matcher();
    m.with_hits(text, |norm, hits, work| {
        m.verify_all(norm, hits, work);
        (work.ev.word_ends.scanned, norm.key.len())
    })
}

#[test]
fn the_ends_of_stems_in_one_long_word_are_found_in_one_scan() {
    // Spaced-out words join into one long word with a stem at every repetition: each
    // stem's word end was once searched from the stem, quadratic in the word's length.
    for unit in ["s.h.i.t.", "s h i t ", "c.h.u.t.i.y.a.", "p.o.r.n.", "shit"] {
        for reps in [1_000, 10_000] {
            let text = unit.repeat(reps);
            let (scanned, key) = word_end_work(&text);
            assert!(
                key > 0 && scanned <= 2 * key + 2,
                "{unit} x {reps}: {scanned} scanned for {key} key bytes"
            );
        }
    }
    // Ordinary text with stems asks about each word once.
    let (scanned, key) = word_end_work(&"what a shitty day, shithead ".repeat(1_000));
    assert!(scanned <= key, "{scanned} scanned for {key} key bytes");
}

/// Whether `is_match` answers from the prefix of `text` alone.
fn answered_by_prefix(text: &str) -> bool {
    let m = matcher();
    let cut = prefix_cut(text, text.len() / EARLY_PART, EARLY_CUT_WITHIN).expect("a place to cut");
    m.with_hits(&text[..cut], |norm, hits, work| {
        m.sure_in_prefix(norm, hits, work)
    })
}

#[test]
fn is_match_stops_at_an_early_match_that_nothing_later_can_undo() {
    let filler = "we met at the cocktail bar in Scunthorpe ".repeat(2000);
    let early = format!("you are an asshole. {filler}");
    assert!(answered_by_prefix(&early));
    assert!(matcher().is_match(&early));
    // A context-mode term needs context, which may come later: the whole text decides.
    let context_late = format!("bc {filler} kya hai");
    assert!(!answered_by_prefix(&context_late));
    assert!(matcher().is_match(&context_late));
    assert!(!matcher().is_match(&format!("bc {filler}")));
    assert!(!answered_by_prefix(&filler));
    assert!(!matcher().is_match(&filler));
}

#[test]
fn context_words_are_searched_for_only_when_a_candidate_needs_context() {
    let m = matcher();
    // Context words (`kya`, `hai`) are not in the automata: chat full of them costs no hit.
    let (_, fused, all) = raw_hits("kya hai yaar, sab theek hai");
    assert!(fused.is_empty() && all.is_empty(), "{fused:?} {all:?}");
    // A context-mode term finds them anywhere in the text, by `find` and `is_match`.
    for text in [
        "bc kya hai",
        "kya hai bc",
        "bc, the weather is bad today; hai na",
    ] {
        let terms: Vec<&str> = m.find(text).iter().map(|x| x.term).collect();
        assert_eq!(terms, ["bc"], "{text:?}");
        assert!(m.is_match(text), "{text:?}");
    }
    assert!(m.find("bc is short for British Columbia").is_empty());
    assert!(!m.is_match("bc is short for British Columbia"));
}

#[test]
fn second_readings_merge_in_order() {
    let text = "fuck चू ति या fu(k x fuck ʞɔnɟ f\nu\nc\nk";
    let found: Vec<&str> = matcher().find(text).iter().map(|m| m.text).collect();
    assert_eq!(
        found,
        ["fuck", "चू ति या", "fu(k", "fuck", "ʞɔnɟ", "f\nu\nc\nk"]
    );
    assert!(matcher().is_match("चू ति या"));
    assert!(matcher().is_match("a fu(k"));
}

#[test]
fn plain_text_is_searched_in_the_same_pass() {
    let m = matcher();
    assert!(m.inner.plain.is_some());
    let (fused, all) = both("you are an ASSHOLE, a b c d ok");
    assert!(!all.is_empty());
    assert_eq!(fused, all);
}

#[test]
fn plain_text_has_no_hits_that_its_word_boundaries_rule_out() {
    // The key text of the plain DFA's hits and of the full automaton's.
    let hits = |text: &str| {
        let (norm, fused, all) = raw_hits(text);
        let key = |h: Vec<Hit>| {
            h.iter()
                .map(|&(_, i, j)| {
                    String::from_utf8_lossy(&norm.key[i as usize..j as usize]).into_owned()
                })
                .collect::<Vec<_>>()
        };
        (key(fused), key(all))
    };
    // `ass` and `cock` are word-mode terms: inside `class` or `cocktail` no variant
    // accepts them, and the plain DFA does not report them.
    let (fused, all) = hits("a class act, the cocktail");
    assert_eq!(all, ["as", "cock"]);
    assert!(fused.is_empty(), "{fused:?}");
    // At the start and end of a text, and by either boundary byte, they are found.
    for text in [
        "ass",
        "ass cock",
        "you ass, cock",
        "a b ass",
        "ASS! ok. cock",
    ] {
        let (fused, all) = hits(text);
        assert!(fused.contains(&"as".to_string()), "{text:?}: {fused:?}");
        assert_eq!(fused, all, "{text:?}");
    }
}

#[test]
fn stretches_that_are_not_plain_are_searched_with_the_key_around_them() {
    // Terms that start, end or lie wholly in a stretch the general passes take (`j0b`,
    // `s3nd`, `f*ck`, spaced letters), or run across one, next to terms in plain text.
    for text in [
        "a blow j0b and a hand job",
        "s3nd nudes now, send nudes",
        "gang bang f*ck gang bang",
        "ok blow job a b c jerk off",
        "b u t t plug, butt plug",
        // One term over two such stretches, with a plain word between them.
        "ok i w1ll kill y0u ok, d1e in a f1re",
    ] {
        let (fused, all) = both(text);
        assert!(all.len() >= 2, "{text:?}: {all:?}");
        assert_eq!(fused, all, "{text:?}");
    }
    let m = matcher();
    let terms = |text| m.find(text).iter().map(|x| x.term).collect::<Vec<_>>();
    assert_eq!(terms("a blow j0b and a hand job"), ["blow job", "hand job"]);
    assert_eq!(
        terms("s3nd nudes now, send nudes"),
        ["send nudes", "send nudes"]
    );
    assert_eq!(
        terms("ok i w1ll kill y0u ok, d1e in a f1re"),
        ["i will kill you", "die in a fire"]
    );
    // A whole-word term right before such a stretch, in a text long enough that the full
    // automaton searches only around the stretch: the plain DFA sees the boundary after the
    // term only when the next word starts plain (`sh1t`), not when its first character is
    // already not plain (`$hit`), so the full automaton keeps the hits that end where a
    // stretch starts.
    let filler = "we talked about the weather and the traffic today ".repeat(4);
    for middle in ["you ass $hit", "dumb ass sh1t"] {
        let text = format!("{filler}{middle} {filler}");
        let (fused, all) = both(&text);
        assert_eq!(fused, all, "{text:?}");
        let found: Vec<&str> = m.find(&text).iter().map(|x| x.term).collect();
        assert_eq!(found, ["ass", "shit"], "{text:?}");
    }
    // A word of letters and digits that an invisible then joins to more: the general passes
    // take it again, from the last word of two letters before it (found by the fuzz target
    // `fast_path`).
    let text = format!("{filler}oh shit x bcs4444\u{f}0003 {filler}");
    let (fused, all) = both(&text);
    assert_eq!(fused, all, "{text:?}");
    assert_eq!(
        m.find(&text).iter().map(|x| x.term).collect::<Vec<_>>(),
        ["shit"]
    );
    // A phrase that starts far before the stretch (its plain part is the longest the lists
    // have, within a few bytes), and one that ends far after it.
    for (middle, term) in [
        (
            "hope your entire family d1es",
            "hope your entire family dies",
        ),
        ("ch1ng chong ching chong", "ching chong"),
    ] {
        let text = format!("{filler}{middle} {filler}");
        let (fused, all) = both(&text);
        assert_eq!(fused, all, "{text:?}");
        let found: Vec<&str> = m.find(&text).iter().map(|x| x.term).collect();
        assert!(found.contains(&term), "{text:?}: {found:?}");
    }
}

#[test]
fn plain_reach_is_the_longest_plain_prefix_and_suffix_of_a_pattern() {
    use super::compiled::PlainReach;
    let reach = PlainReach::of(&[
        "चूतिया मादरचोद".as_bytes(),
        b"kill you",
        b"f*ck",
        b"ab\ncdefghijkl*x",
    ]);
    // `kill you` whole before; `ab\ncdefghijkl` (13 bytes) before the mask of the last.
    assert_eq!(
        reach,
        PlainReach {
            before: 13,
            after: 8
        }
    );
    // The bundled lists: their longest pattern is a Devanagari phrase that plain key
    // never holds, so a stretch is searched with far less around it than that phrase.
    let c = &matcher().inner;
    assert!(
        c.plain_reach.before < 40 && c.plain_reach.after < 40,
        "{:?}",
        c.plain_reach
    );
}

proptest! {
    /// The plain DFA, fed byte by byte, reports exactly the full automaton's hits in the
    /// same order (patterns that cannot occur in plain text never hit there).
    #[test]
    fn fused_search_equals_full_search(words in prop::collection::vec(
        prop_oneof![
            Just("ass"), Just("class"), Just("FUCK"), Just("fuuuck"), Just("a"), Just("b"),
            Just("i"), Just("ll"), Just("kill"), Just("you"), Just("bc"), Just("hai"),
            Just("chutiya"), Just("2024"), Just("!"), Just("#tag"), Just("😀"), Just(","),
            Just("slit"), Just("your"), Just("throat"), Just("sh1t"), Just("f*ck"),
            Just("blow"), Just("job"), Just("j0b"), Just("send"), Just("nudes"),
            Just("f.u.c.k"), Just("चूतिया"), Just("y0ur"), Just("cwc19"), Just("@user12"),
            Just("a55"), Just("1000x"), Just("k1ll"), Just("b1tch3s"),
        ],
        0..30,
    ), seps in prop::collection::vec(prop_oneof![Just(" "), Just(", "), Just("\n"), Just(".")], 30)) {
        let text: String = words.iter().zip(&seps).flat_map(|(w, s)| [*w, *s]).collect();
        let (fused, all) = both(&text);
        prop_assert_eq!(fused, all);
    }
}

#[test]
fn terms_only_in_generated_link_slugs_are_not_matches() {
    let m = Matcher::bundled().expect("bundled");
    // Slugs of public tweets that blocked them (as `ctiya`, `kuttiya`, `fck`).
    for text in [
        "so true https://t.co/ctYA8j7pGS",
        "RT @a: look https://t.co/kuTtyOm3j7",
        "https://t.co/FCkvpO8QJK",
    ] {
        assert_eq!(m.find(text), [], "{text}");
        assert!(!m.is_match(text), "{text}");
        assert_eq!(m.report(text).verdict.decision, crate::Decision::Allow);
    }
    // The rest of the text is read as ever, and so is a slug a person chose.
    let text = "https://t.co/ctYA8j7pGS tu chutiya hai, bit.ly/FuckOff";
    let found: Vec<&str> = m.find(text).iter().map(|x| x.text).collect();
    assert_eq!(found, ["chutiya", "Fuck"]); // a capital starts a word: `Fuck` `Off`
    assert!(m.is_match("https://t.co/ctYA8j7pGS tu chutiya hai"));
    // A long text whose early part is settled by its first 1/32 still drops slugs.
    let long = format!("t.co/ctYA8j7pGS {}", "all good here ".repeat(6000));
    assert!(!m.is_match(&long));
}

#[test]
fn a_term_in_a_generated_slug_gives_no_context() {
    let m = Matcher::bundled().expect("bundled");
    // `randi` is a context-mode term (also a name): another match gives it context, but a
    // link's slug is not text.
    let terms =
        |text: &str| -> Vec<String> { m.find(text).iter().map(|x| x.term.to_string()).collect() };
    assert_eq!(terms("Randi https://t.co/Chutiya9x2"), Vec::<String>::new());
    assert_eq!(terms("Randi, chutiya"), ["randi", "chutiya"]);
    assert!(!m.is_match("Randi https://t.co/Chutiya9x2"));
}
