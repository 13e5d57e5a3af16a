//! Hindi across spellings and scripts, applied to terms when the matcher is built (the text is
//! never rewritten, so spans stay exact and scanning costs nothing extra):
//!
//! - [`spelling_variants`]: the ways romanised Hindi is typed for one word (`chutiya`,
//!   `chootiya`, `chutia`, `chuttiya`, `chutiye`), from a small set of documented rules;
//! - [`romanise`]: a Devanagari term as it is typed in Latin letters, with Hindi schwa deletion
//!   (`चूतिया` → `chutiya`, `मादरचोद` → `madarchod`), so a Devanagari entry also catches its
//!   romanised spellings.
//!
//! Both work on a *spelling*: the letters of a term's matching form with their run lengths
//! (`chootiya` is `c h o×2 t i y a`). A run of one vowel in a term also matches a doubled vowel in
//! the text, so `a`/`aa` need no rule here.

/// Letters of a matching form with their run lengths.
pub(crate) type Spelling = Vec<(char, u16)>;

/// At most this many rules are combined in one variant: one or two changes keep the variants
/// close to how people actually type a word, and keep ordinary English words out.
const MAX_RULES: usize = 2;
/// At most this many variants per term.
const MAX_VARIANTS: usize = 64;
/// At most this many variants per multi-word term: each variant of a phrase is a full-length
/// pattern, and the choices of its words multiply (the 1.0.0 lists' 225 romanised phrases took
/// more memory than every other entry together). The first variants kept are the single-rule ones.
const MAX_PHRASE_VARIANTS: usize = 8;

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Every single-rule rewrite of `sp`. The rules, each a common alternation in romanised Hindi:
///
/// 1. `u` ↔ `oo`, `i` ↔ `ee` (long vowels written doubled or not);
/// 2. `w` ↔ `v`, `z` ↔ `j`, `ph` ↔ `f`;
/// 3. an aspirate typed without its `h`: `bh` → `b`, `chh` → `ch` (not `jh` or `th`: `jhaat`
///    and `muth` would become `jaat` and English `mut`);
/// 4. endings: `-iya` as `-ia` or `-ya`, `-iye` as `-ie`; a final `e` as `ey`. (Inflected
///    endings, `chutiya` → `chutiye`, `chutiyon`, are [`inflections`], a transform of their own.)
fn one_rule(sp: &Spelling) -> Vec<Spelling> {
    let mut out = Vec::new();
    let n = sp.len();
    let replace = |at: usize, len: usize, with: &[(char, u16)]| -> Spelling {
        let mut v = sp[..at].to_vec();
        v.extend_from_slice(with);
        v.extend_from_slice(&sp[at + len..]);
        v
    };
    for k in 0..n {
        let (c, run) = sp[k];
        let next = sp.get(k + 1).map(|&(c, _)| c);
        match (c, run) {
            ('u', 1) => out.push(replace(k, 1, &[('o', 2)])),
            ('o', 2) => out.push(replace(k, 1, &[('u', 1)])),
            ('i', 1) => out.push(replace(k, 1, &[('e', 2)])),
            ('e', 2) => out.push(replace(k, 1, &[('i', 1)])),
            ('w', r) => out.push(replace(k, 1, &[('v', r)])),
            ('v', r) => out.push(replace(k, 1, &[('w', r)])),
            ('z', r) => out.push(replace(k, 1, &[('j', r)])),
            ('j', r) if next != Some('h') => out.push(replace(k, 1, &[('z', r)])),
            ('f', 1) => out.push(replace(k, 1, &[('p', 1), ('h', 1)])),
            ('p', 1) if next == Some('h') => out.push(replace(k, 2, &[('f', 1)])),
            ('b', 1) if next == Some('h') && sp[k + 1].1 == 1 => {
                out.push(replace(k, 2, &[(c, 1)]));
            }
            ('c', 1) if next == Some('h') && sp[k + 1].1 == 2 => {
                out.push(replace(k, 2, &[('c', 1), ('h', 1)]));
            }
            _ => {}
        }
    }
    // Endings.
    let tail: String = sp.iter().rev().take(3).map(|&(c, _)| c).collect();
    if n >= 5 {
        match tail.as_str() {
            "ayi" => {
                out.push(replace(n - 3, 3, &[('i', 1), ('a', 1)]));
                out.push(replace(n - 3, 3, &[('y', 1), ('a', 1)]));
            }
            "eyi" => out.push(replace(n - 3, 3, &[('i', 1), ('e', 1)])),
            _ => {}
        }
    }
    if n >= 4 {
        match sp[n - 1] {
            ('e', 1) if !sp[n - 2].0.eq(&'y') => out.push(replace(n - 1, 1, &[('e', 1), ('y', 1)])),
            _ => {}
        }
    }
    out
}

/// Fewest letters a romanised term needs to be inflected: `loda` is not (`lode` is an English
/// word).
const MIN_INFLECTED_LEN: usize = 5;
/// Fewest characters a Devanagari term needs to be inflected (`गधा` is three).
const MIN_INFLECTED_DEVANAGARI: usize = 3;

/// Whether `c` is in the Devanagari block.
pub(crate) fn is_devanagari(c: char) -> bool {
    ('\u{0900}'..='\u{097F}').contains(&c)
}

/// The Devanagari virama (halant): joins the consonant before it to the next into a conjunct.
pub(crate) const VIRAMA: char = '\u{094D}';

/// Whether `bytes` (UTF-8) begins with a Devanagari letter that begins a syllable.
pub(crate) fn is_devanagari_lead(bytes: &[u8]) -> bool {
    // Devanagari is U+0900..U+097F: E0 A4 xx and E0 A5 xx.
    match bytes {
        [0xE0, b1 @ (0xA4 | 0xA5), b2, ..] => {
            let cp = 0x0900 + (u32::from(*b1 - 0xA4) << 6) + u32::from(b2 & 0x3F);
            char::from_u32(cp).is_some_and(begins_syllable)
        }
        _ => false,
    }
}

/// A Devanagari letter that begins a syllable: a consonant or an independent vowel.
pub(crate) fn begins_syllable(c: char) -> bool {
    matches!(c as u32, 0x0904..=0x0939 | 0x0958..=0x0961 | 0x0972..=0x097F)
}

/// A Devanagari sign that belongs to the letter before it: vowel signs, virama, anusvara,
/// visarga, candrabindu (the nukta is folded away before the matcher sees it).
pub(crate) fn is_dependent_sign(c: char) -> bool {
    matches!(c as u32, 0x0900..=0x0903 | 0x093A..=0x094F | 0x0955..=0x0957 | 0x0962..=0x0963)
}

/// Devanagari consonants (after folding: no nukta letters).
fn is_devanagari_consonant(c: char) -> bool {
    ('\u{0915}'..='\u{0939}').contains(&c)
}

/// The inflected forms of a Hindi term's spelling, as the matcher searches them (folded: long
/// `ी` is `ि`, chandrabindu is anusvara): a final `-a` after a consonant becomes the oblique or
/// plural `-e` (romanised also `-ey`, `-ay`), the vocative plural `-o` and the oblique plural
/// `-on` (`saala` → saale, saaley, saalay, saalo, saalon; `गधा` → गधे, गधो, गधों; not the
/// feminine `-i`, which makes names: `kamina` → Kamini); a final `-i` after a consonant takes
/// the plurals `-iyan`, `-iyon`, `-iyo` (`harami` → haramiyon; `हरामी` → हरामियों); a final
/// consonant takes `-on` and `-o` (`jahil` → jahilon; `जाहिल` → जाहिलों); and a romanised word
/// also the English plural `-s`, common in Hinglish (`chamchas`, `jahils`). Single words of at
/// least [`MIN_INFLECTED_LEN`] letters only ([`MIN_INFLECTED_DEVANAGARI`] characters in
/// Devanagari). For `reading`, the romanised reading of a Devanagari term, only the Hindi
/// vowel endings: its final consonant is often a dropped vowel and its plural an ordinary word
/// (छिनार reads `chinar`, a tree: `chinars`).
pub(crate) fn inflections(sp: &Spelling, reading: bool) -> Vec<Spelling> {
    let letters: usize = sp.iter().map(|&(_, r)| usize::from(r)).sum();
    let n = sp.len();
    let latin = sp.iter().all(|&(c, _)| c.is_ascii_lowercase());
    let min = if latin {
        MIN_INFLECTED_LEN
    } else {
        MIN_INFLECTED_DEVANAGARI
    };
    if n < 2 || letters < min || sp.iter().any(|&(c, _)| c == ' ' || c == '\n') {
        return Vec::new();
    }
    let (last, prev) = (sp[n - 1], sp[n - 2].0);
    let with = |end: &[char]| -> Spelling {
        let mut v = sp[..n - 1].to_vec();
        v.extend(end.iter().map(|&c| (c, 1)));
        v
    };
    let keep_with = |end: &[char]| -> Spelling {
        let mut v = sp.clone();
        v.extend(end.iter().map(|&c| (c, 1)));
        v
    };
    if latin && is_vowel(last.0) && !is_vowel(prev) {
        let mut out = match last {
            ('a', 1) if reading => vec![with(&['e']), with(&['o']), with(&['o', 'n'])],
            // Also the Pakistani and chat spellings of the `-e` ending.
            ('a', 1) => vec![
                with(&['e']),
                with(&['e', 'y']),
                with(&['a', 'y']),
                with(&['o']),
                with(&['o', 'n']),
            ],
            ('i', 1) => vec![
                keep_with(&['y', 'a', 'n']),
                keep_with(&['y', 'o', 'n']),
                keep_with(&['y', 'o']),
            ],
            _ => Vec::new(),
        };
        // The English plural, common in Hinglish (`chamchas`, `chapris`).
        if !reading && !out.is_empty() {
            out.push(keep_with(&['s']));
        }
        return out;
    }
    if latin && !reading && !is_vowel(last.0) && last.0 != 'y' && last.1 == 1 && prev != last.0 {
        // A final consonant takes the oblique and vocative plurals directly (`jahil` →
        // jahilon, jahilo), and the English plural (`jahils`).
        return vec![keep_with(&['o', 'n']), keep_with(&['o']), keep_with(&['s'])];
    }
    if is_devanagari_consonant(prev) {
        return match last.0 {
            'ा' => vec![with(&['े']), with(&['ो']), with(&['ो', 'ं'])],
            'ि' => vec![
                keep_with(&['य', 'ा', 'ं']),
                keep_with(&['य', 'ो', 'ं']),
                keep_with(&['य', 'ो']),
            ],
            _ => Vec::new(),
        };
    }
    if is_devanagari_consonant(last.0) {
        // The oblique plural: जाहिल → जाहिलों (not the vocative `-ो`: रेप → रेपो, the repo rate).
        return vec![keep_with(&['ो', 'ं'])];
    }
    Vec::new()
}

/// The second halves of Hindi compounds that are also written apart (`madar chod`, `haram
/// zada`, `haram khor`, `मादर चोद`), as the matcher searches them (nukta folded).
const COMPOUND_ENDS: &[&str] = &["chod", "zada", "jada", "khor", "चोद", "जादा", "खोर"];

/// Fewest letters before a compound's second half for it to be split (`bakchod` is not).
const MIN_COMPOUND_HEAD: usize = 4;

/// A Hindi compound term written as two words (`madarchod` → `madar chod`; `मादरचोद` → `मादर
/// चोद`), or nothing.
pub(crate) fn split_compound(sp: &Spelling) -> Option<Spelling> {
    if sp.iter().any(|&(c, _)| c == ' ' || c == '\n') {
        return None;
    }
    let word: String = sp.iter().map(|&(c, _)| c).collect();
    let end = COMPOUND_ENDS.iter().find(|e| word.ends_with(*e))?;
    let at = sp.len() - end.chars().count();
    let head: usize = sp[..at].iter().map(|&(_, r)| usize::from(r)).sum();
    if head < MIN_COMPOUND_HEAD {
        return None;
    }
    let mut v = sp[..at].to_vec();
    v.push((' ', 1));
    v.extend_from_slice(&sp[at..]);
    Some(v)
}

/// Romanised-Hindi spelling variants of a term's spelling (not including the spelling itself),
/// combining up to [`MAX_RULES`] rules.
/// Spellings with anything but ASCII lower-case letters and spaces get none.
pub(crate) fn spelling_variants(sp: &Spelling) -> Vec<Spelling> {
    if sp.is_empty() || !sp.iter().all(|&(c, _)| c.is_ascii_lowercase() || c == ' ') {
        return Vec::new();
    }
    let cap = if sp.iter().any(|&(c, _)| c == ' ') {
        MAX_PHRASE_VARIANTS
    } else {
        MAX_VARIANTS
    };
    let mut seen = vec![sp.clone()];
    let mut frontier = vec![sp.clone()];
    for _ in 0..MAX_RULES {
        let mut next = Vec::new();
        for s in &frontier {
            for v in one_rule(s) {
                if !seen.contains(&v) && seen.len() <= cap {
                    seen.push(v.clone());
                    next.push(v);
                }
            }
        }
        frontier = next;
    }
    seen.remove(0);
    seen
}

/// Latin letters for a Devanagari consonant (after the normaliser's folding: no nukta letters).
fn consonant(c: char) -> Option<&'static str> {
    Some(match c {
        'क' => "k",
        'ख' => "kh",
        'ग' => "g",
        'घ' => "gh",
        'ङ' => "n",
        'च' => "ch",
        'छ' => "chh",
        'ज' => "j",
        'झ' => "jh",
        'ञ' => "n",
        'ट' => "t",
        'ठ' => "th",
        // ड़ (folded to ड) is typed d or r: d is the more common (bhosdi, bhosri are both listed).
        'ड' => "d",
        'ढ' => "dh",
        'ण' => "n",
        'त' => "t",
        'थ' => "th",
        'द' => "d",
        'ध' => "dh",
        'न' => "n",
        'प' => "p",
        'फ' => "ph",
        'ब' => "b",
        'भ' => "bh",
        'म' => "m",
        'य' => "y",
        'र' => "r",
        'ल' | 'ळ' => "l",
        'व' => "v",
        'श' | 'ष' => "sh",
        'स' => "s",
        'ह' => "h",
        _ => return None,
    })
}

/// Latin letters for a vowel sign (matra) or an independent vowel. Long vowels are written
/// single: a single vowel in a term also matches it doubled in the text.
fn vowel(c: char) -> Option<&'static str> {
    Some(match c {
        'ा' | 'आ' | 'अ' => "a",
        'ि' | 'ी' | 'इ' | 'ई' => "i",
        'ु' | 'ू' | 'उ' | 'ऊ' => "u",
        'े' | 'ए' => "e",
        'ै' | 'ऐ' => "ai",
        'ो' | 'ओ' => "o",
        'ौ' | 'औ' => "au",
        'ृ' | 'ऋ' => "ri",
        'ॉ' | 'ऑ' => "o",
        'ॅ' | 'ऍ' => "e",
        _ => return None,
    })
}

/// A syllable of a Devanagari word: a consonant (or none, for an independent vowel), then its
/// vowel; `schwa` when the vowel is the consonant's inherent `a`.
struct Syllable {
    consonant: &'static str,
    vowel: &'static str,
    schwa: bool,
    /// Anusvara, chandrabindu or visarga after the vowel.
    coda: &'static str,
}

/// A Devanagari term as romanised Hindi is typed (`चूतिया` → `chutiya`, `मादरचोद` →
/// `madarchod`, `गांड` → `gand`), or `None` when the term has anything but Devanagari letters,
/// signs and spaces. Schwa deletion: the inherent `a` is dropped at the end of a word, and in
/// the middle of a word when it stands between a vowel-consonant and a consonant-vowel
/// (`बहनचोद` → `bahanchod` keeps it, `गलती` → `galti` drops it).
pub(crate) fn romanise(term: &str) -> Option<String> {
    let mut out = String::new();
    for (w, word) in term.split(' ').enumerate() {
        if w > 0 {
            out.push(' ');
        }
        out.push_str(&romanise_word(word)?);
    }
    Some(out)
}

fn romanise_word(word: &str) -> Option<String> {
    let mut syl: Vec<Syllable> = Vec::new();
    for c in word.chars() {
        if let Some(cons) = consonant(c) {
            syl.push(Syllable {
                consonant: cons,
                vowel: "a",
                schwa: true,
                coda: "",
            });
        } else if c == '्' {
            // Virama: the consonant has no vowel.
            let last = syl.last_mut()?;
            last.vowel = "";
            last.schwa = false;
        } else if matches!(c, 'ं' | 'ँ' | 'ः') {
            let last = syl.last_mut()?;
            last.coda = if c == 'ः' { "h" } else { "n" };
        } else if let Some(v) = vowel(c) {
            match syl.last_mut() {
                // A vowel sign after a consonant that still has its inherent vowel.
                Some(last) if last.schwa && !"अआइईउऊएऐओऔऋऑऍ".contains(c) =>
                {
                    last.vowel = v;
                    last.schwa = false;
                }
                _ => syl.push(Syllable {
                    consonant: "",
                    vowel: v,
                    schwa: false,
                    coda: "",
                }),
            }
        } else {
            return None;
        }
    }
    // Final schwa deletion (not after a lone consonant: क stays ka).
    let n = syl.len();
    if n > 1 && syl[n - 1].schwa && syl[n - 1].coda.is_empty() {
        syl[n - 1].vowel = "";
        syl[n - 1].schwa = false;
    }
    // Medial schwa deletion, right to left: V C [a] C V → the schwa goes.
    for k in (1..n.saturating_sub(1)).rev() {
        let before_has_vowel = !syl[k - 1].vowel.is_empty();
        let after = &syl[k + 1];
        if syl[k].schwa
            && syl[k].coda.is_empty()
            && before_has_vowel
            && !syl[k].consonant.is_empty()
            && !after.consonant.is_empty()
            && !after.vowel.is_empty()
        {
            syl[k].vowel = "";
            syl[k].schwa = false;
        }
    }
    Some(
        syl.iter()
            .map(|s| format!("{}{}{}", s.consonant, s.vowel, s.coda))
            .collect(),
    )
}

/// Devanagari spellings a romanised term may have in Devanagari text (`chutiya` → `चुतिया`,
/// `चुटिया`, `चुतिआ`…), at most [`MAX_VARIANTS`], or none when the term is not plain lower-case
/// ASCII words. Romanisation loses distinctions Devanagari makes, so the likely readings are
/// produced: `d` as dental or retroflex (द ड; `t` is dental only), `a` as the inherent vowel or `ा`
/// (`ा` only at the end of a word), a consonant before
/// another as a conjunct (`न्` + `च`) or with its inherent vowel (schwa deletion), `n`/`m` before a
/// consonant also as anusvara (गांड). Long and short `i`/`u` need no choice: the normaliser folds
/// them.
pub(crate) fn devanagari_spellings(term: &str) -> Vec<String> {
    let cap = if term.contains(' ') {
        MAX_PHRASE_VARIANTS
    } else {
        MAX_VARIANTS
    };
    let mut out = vec![String::new()];
    for (w, word) in term.split(' ').enumerate() {
        if word.is_empty() || !word.bytes().all(|b| b.is_ascii_lowercase()) {
            return Vec::new();
        }
        let options = word_options(word);
        let mut next = Vec::new();
        for prefix in &out {
            for o in &options {
                if next.len() >= cap {
                    break;
                }
                let sep = if w > 0 { " " } else { "" };
                next.push(format!("{prefix}{sep}{o}"));
            }
        }
        out = next;
    }
    out
}

/// Romanised letters read as one sound, longest first.
const TOKENS: [&str; 15] = [
    "chh", "kh", "gh", "ch", "jh", "th", "dh", "ph", "bh", "sh", "ai", "au", "aa", "ee", "oo",
];

fn consonant_letters(t: &str) -> Option<&'static [&'static str]> {
    Some(match t {
        "k" | "q" => &["क"],
        "kh" => &["ख"],
        "g" => &["ग"],
        "gh" => &["घ"],
        "ch" | "c" => &["च"],
        "chh" => &["छ"],
        "j" | "z" => &["ज"],
        "jh" => &["झ"],
        // Dental only: retroflex readings hit ordinary words (chutiya → चुटिया "braid",
        // kutiya → कुटिया "hut"); Devanagari spellings with ट are listed in `hi`.
        "t" => &["त"],
        "th" => &["थ"],
        "d" => &["द", "ड"],
        "dh" => &["ध", "ढ"],
        "n" => &["न"],
        "p" => &["प"],
        "ph" | "f" => &["फ"],
        "b" => &["ब"],
        "bh" => &["भ"],
        "m" => &["म"],
        "y" => &["य"],
        "r" => &["र"],
        "l" => &["ल"],
        "v" | "w" => &["व"],
        "sh" => &["श"],
        "s" => &["स"],
        "h" => &["ह"],
        "x" => &["क्स"],
        _ => return None,
    })
}

/// (vowel sign after a consonant, independent vowel) readings of a romanised vowel.
fn vowel_readings(t: &str) -> (&'static [&'static str], &'static [&'static str]) {
    match t {
        "a" => (&["", "ा"], &["अ", "आ"]),
        "aa" => (&["ा"], &["आ"]),
        "i" | "ee" => (&["ि"], &["इ"]),
        "u" | "oo" => (&["ु"], &["उ"]),
        "e" => (&["े"], &["ए"]),
        "ai" => (&["ै", "ाइ"], &["ऐ"]),
        "o" => (&["ो"], &["ओ"]),
        "au" => (&["ौ"], &["औ"]),
        _ => (&[], &[]),
    }
}

fn tokens(word: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = word;
    while !rest.is_empty() {
        let t = TOKENS
            .iter()
            .find(|t| rest.starts_with(**t))
            .map_or(&rest[..1], |t| &rest[..t.len()]);
        out.push(t);
        rest = &rest[t.len()..];
    }
    out
}

fn word_options(word: &str) -> Vec<String> {
    let toks = tokens(word);
    let mut out = vec![String::new()];
    let mut k = 0;
    let extend = |out: &mut Vec<String>, opts: &[String]| {
        let mut next = Vec::new();
        for prefix in out.iter() {
            for o in opts {
                if next.len() < MAX_VARIANTS {
                    next.push(format!("{prefix}{o}"));
                }
            }
        }
        *out = next;
    };
    while k < toks.len() {
        let t = toks[k];
        if let Some(letters) = consonant_letters(t) {
            let next = toks.get(k + 1).copied();
            let mut opts: Vec<String> = Vec::new();
            if next == Some(t) {
                // A doubled consonant is a conjunct of the letter with itself (त्त, ट्ट).
                for l in letters {
                    opts.push(format!("{l}्{l}"));
                }
                k += 1;
            } else {
                opts = letters.iter().map(|l| (*l).to_string()).collect();
            }
            let after = toks.get(k + 1).copied();
            let before_consonant = after.is_some_and(|a| consonant_letters(a).is_some());
            if before_consonant {
                let mut with: Vec<String> = Vec::new();
                for o in &opts {
                    with.push(format!("{o}्"));
                    with.push(o.clone());
                }
                if matches!(t, "n" | "m") {
                    with.push("ं".to_string());
                }
                opts = with;
            } else if let Some(v) = after.filter(|a| consonant_letters(a).is_none()) {
                // A word-final `a` is typed for `ा`: the inherent vowel is silent there (loda is
                // लोडा, not लोड "load"; saala is साला, not साल "year").
                let (signs, _) = if v == "a" && k + 2 == toks.len() {
                    vowel_readings("aa")
                } else {
                    vowel_readings(v)
                };
                let mut with: Vec<String> = Vec::new();
                for o in &opts {
                    for s in signs {
                        with.push(format!("{o}{s}"));
                    }
                }
                opts = with;
                k += 1;
            }
            extend(&mut out, &opts);
        } else {
            let (_, independent) = vowel_readings(t);
            if independent.is_empty() {
                return Vec::new();
            }
            let opts: Vec<String> = independent.iter().map(|s| (*s).to_string()).collect();
            extend(&mut out, &opts);
        }
        k += 1;
    }
    out
}

#[cfg(test)]
mod tests;
