//! Normalisation: text → matching form, with an offset map back to the original.
//!
//! One pass classifies characters (ASCII table or generated Unicode tables: compatibility forms,
//! case folding, diacritics, confusables, invisibles). A second pass over words decides the
//! evasions that need context: leetspeak (only inside words of letters), masks (`f*ck`),
//! spaced-out letters (`f.u.c.k`, `f u c k`) and stretched letters (`fuuuck`). Terms go
//! through the same code, so terms and text always agree. See DESIGN.md for the rules.

mod classify;
mod general;
mod offsets;
mod plain;
pub(crate) mod reread;
#[rustfmt::skip]
#[allow(missing_docs)]
mod tables;
mod transforms;

pub(crate) use classify::is_symbol;
pub(crate) use general::Scratch;
pub(crate) use offsets::{is_boundary_byte, Normalized};
pub(crate) use plain::{can_match_plain, in_plain_key, prefix_cut, KeySink};
pub use tables::{CONFUSABLES_VERSION, UNICODE_VERSION};
pub use transforms::Transforms;

// The generated tables' flag bits are the matching transforms' bits.
const _: () = {
    assert!(tables::COMPAT as u16 == Transforms::COMPAT.bits());
    assert!(tables::CASE as u16 == Transforms::CASE.bits());
    assert!(tables::DIACRITIC as u16 == Transforms::DIACRITIC.bits());
    assert!(tables::CONFUSABLE as u16 == Transforms::CONFUSABLE.bits());
};

/// Returns the matching form of `text`: what the matcher searches, after every fold.
///
/// Normalising the matching form again gives the same string.
///
/// # Examples
///
/// ```
/// use kavach::normalize;
///
/// assert_eq!(normalize("What the F.U.C.K"), "what the fuck");
/// assert_eq!(normalize("ｆüüüｃｋ"), "fuck"); // fullwidth, diacritic, stretched
/// assert_eq!(normalize("f*ck"), "f*ck"); // a mask stays: it matches any letter
/// let key = normalize("Ｆ.Ü.С.К"); // fullwidth, accent, Cyrillic
/// assert_eq!(key, "fuck");
/// assert_eq!(normalize(&key), key);
/// ```
pub fn normalize(text: &str) -> String {
    let mut out = Normalized::default();
    normalize_into(text, &mut out, &mut Scratch::default());
    // The key is built from whole chars only.
    String::from_utf8(out.key).unwrap_or_default()
}

/// Normalises `text` into `out` (cleared first): plain text by the one-pass fast path, anything
/// else by the general passes.
pub(crate) fn normalize_into(text: &str, out: &mut Normalized, scratch: &mut Scratch) {
    normalize_with(text, out, scratch, &mut ());
}

/// [`normalize_into`], giving the matching form of plain stretches to `sink` as it is written;
/// the key ranges the general passes wrote, and those of words of letters and digits, are
/// reported to it with [`KeySink::replaced`]. Returns whether the whole text was plain. Plain text's key has only words of ASCII letters
/// or of ASCII digits: see [`can_match_plain`].
pub(crate) fn normalize_with<S: KeySink>(
    text: &str,
    out: &mut Normalized,
    scratch: &mut Scratch,
    sink: &mut S,
) -> bool {
    plain::normalize_fast(text, out, scratch, sink)
}

#[cfg(test)]
mod tests {
    use super::{normalize, tables};

    #[test]
    fn no_character_folds_to_more_than_four_bytes_per_byte() {
        // What bounds the matching form, and so the memory of a scan, at 4x the text.
        for &(cp, r, _) in tables::FOLD {
            let c = char::from_u32(cp).expect("a scalar value");
            assert!(r.len() <= 4 * c.len_utf8(), "U+{cp:04X} -> {r}");
        }
        // A phrase in one character stays one character (and a word).
        assert_eq!(normalize("\u{FDFA}"), "\u{FDFA}");
    }

    #[test]
    fn folds_compatibility_forms_and_case() {
        for s in [
            "ｆｕｃｋ",
            "𝐟𝐮𝐜𝐤",
            "𝓯𝓾𝓬𝓴",
            "𝔣𝔲𝔠𝔨",
            "ⓕⓤⓒⓚ",
            "🅵🆄🅲🅺",
            "FUCK",
            "fück",
        ] {
            assert_eq!(normalize(s), "fuck", "{s}");
        }
        assert_eq!(normalize("STRAẞE"), "strase");
    }

    #[test]
    fn keeps_devanagari_marks_and_strips_latin_ones() {
        assert_eq!(normalize("चुतिया"), "चुतिया");
        assert_eq!(normalize("f\u{301}\u{316}u\u{334}ck"), "fuck");
    }

    #[test]
    fn masked_spelling_reads_leet_like_its_word() {
        // Found by fuzzing: the groups of `w_k_$$s` once decided leet alone, so the first pass
        // kept the masks and the second joined the letters.
        for s in ["w_k_$$s", "_W_k_$$$s", "k u t*+*c"] {
            let once = normalize(s);
            assert_eq!(normalize(&once), once, "{s}");
        }
    }

    #[test]
    fn folds_devanagari_spelling_variants() {
        // Long ू and ी read as short, chandrabindu as anusvara, nukta dropped (precomposed or
        // not), ZWJ/ZWNJ dropped, Devanagari digits as ASCII.
        assert_eq!(normalize("चूतिया"), "चुतिया");
        assert_eq!(normalize("गाँड"), normalize("गांड"));
        assert_eq!(normalize("भोसड़ी"), "भोसडि");
        assert_eq!(normalize("भोसड\u{93C}ी"), "भोसडि");
        assert_eq!(normalize("क़\u{200D}मीना"), "कमिना");
        assert_eq!(normalize("१२३"), "123");
        assert_eq!(normalize("f\u{301}\u{316}u\u{334}ck"), "fuck");
    }

    #[test]
    fn leet_only_inside_words_of_letters() {
        assert_eq!(
            normalize("5hit sh1t a55hole b@stard"),
            "shit sh1t ashole bastard"
        );
        assert_eq!(normalize("c# code, 5% off"), "c\ncode\n5\nof");
        assert_eq!(normalize("$3x^2"), "$3x 2");
        assert_eq!(normalize("2024 1000"), "2024 1000");
    }

    #[test]
    fn separators_join_spaced_single_letters_only() {
        assert_eq!(
            normalize("f.u.c.k f-u-c-k f_u_c_k f*u*c*k"),
            "fuck fuck fuck fuck"
        );
        assert_eq!(normalize("f u c k you"), "fuck you");
        assert_eq!(normalize("a b"), "a\nb");
        assert_eq!(normalize("I am here"), "i am here");
    }

    #[test]
    fn any_single_symbol_between_letters_joins_them() {
        // Mixed punctuation, commas (a hard boundary elsewhere), emoji, and `| + !` standing
        // alone between single letters.
        assert_eq!(
            normalize("f.u-c.k s,h,i,t f🔥u🔥c🔥k f|u|c|k f+u+c+k f!u!c!k"),
            "fuck shit fuck fuck fuck fuck"
        );
        // `| + !` inside a longer group are letters; two in a row are not a separator.
        assert_eq!(normalize("sh!t"), "sh1t");
        assert_eq!(normalize("t*+*c"), normalize(&normalize("t*+*c")));
        // Whitespace is not a symbol gap: a line break keeps single letters apart (the matching
        // form itself writes one between letters it does not join), and two are never joined.
        assert_eq!(normalize("f\nu\nc\nk"), "f\nu\nc\nk");
        assert_eq!(normalize("a, b"), "a\nb");
    }

    #[test]
    fn dense_leet_reads_from_four_characters() {
        assert_eq!(normalize("5h!7 b4574rd n166er"), "sh1t bastard n1ger");
        // Three characters with more digits or symbols than letters stay codes and amounts.
        for code in ["$3x", "A55", "4x4"] {
            assert_eq!(normalize(code), code.to_lowercase(), "{code}");
        }
        assert_eq!(normalize("f%ck"), "f*ck");
        assert_eq!(normalize("50% off"), "50\nof");
    }

    #[test]
    fn mentions_read_leet_by_the_strict_rule() {
        assert_eq!(normalize("@man1376 hi"), "@man1376 hi");
        assert_eq!(normalize("@s$$8"), normalize(&normalize("@s$$8")));
        assert_eq!(normalize("@sh1t"), "sh1t");
    }

    #[test]
    fn masked_pairs_beside_spaced_letters() {
        assert_eq!(normalize("f.u-c_k this"), "fuck this");
        // Found by fuzzing: a group that is a letter only in the word's leet reading.
        let t = "7%k%t-t*++t";
        assert_eq!(normalize(&normalize(t)), normalize(t));
    }

    #[test]
    fn stretched_syllables_are_syllables() {
        // Found by fuzzing: `तति` collapses to the syllable `ति`, so the second pass took it
        // for a letter of a masked spelling that the first had not.
        let t = "तति####@###f[h5##882#ଯा ह\u{948}";
        assert_eq!(normalize(&normalize(t)), normalize(t));
    }

    #[test]
    fn devanagari_conjuncts_and_signs_written_apart() {
        // A conjunct (`ल्ला`) is one syllable of a spaced-out word; a vowel sign written apart
        // from its letter is a letter of it.
        assert_eq!(normalize("क.ठ.मु.ल्ला"), normalize("कठमुल्ला"));
        assert_eq!(normalize("च.ू.त.ि.य.ा"), normalize("चूतिया"));
    }

    #[test]
    fn masks_and_stretching() {
        assert_eq!(normalize("f*ck f#ck sh!t"), "f*ck f*ck sh1t");
        assert_eq!(normalize("fuuuuck shiiiiit"), "fuck shit");
        assert_eq!(normalize("fuck! *wow* #tag @user"), "fuck\nwow\ntag\nuser");
    }

    #[test]
    fn invisibles_and_homoglyphs() {
        assert_eq!(normalize("fu\u{200b}ck f\u{ad}u\u{200d}ck"), "fuck fuck");
        assert_eq!(normalize("fu\u{441}k р0rn"), "fuck porn");
    }
}
