//! Every spelling a term is searched in: its leet and masked forms, joined and split compounds,
//! letters written apart or upside down, Hindi spellings, inflections and readings across
//! scripts. Generated when a matcher is built, never listed.

use crate::indic;
use crate::indic::Spelling;
use crate::normalize::{Normalized, Transforms};
use crate::wordlist::MatchMode;

pub(super) fn spelling(norm: &Normalized) -> Spelling {
    let key = std::str::from_utf8(&norm.key).unwrap_or_default();
    key.char_indices()
        .map(|(i, ch)| (ch, norm.runs[i]))
        .collect()
}

/// Every spelling of every target while a matcher is built, in flat arrays (a key's bytes and
/// their minimum runs side by side), so a list costs a few dozen bytes per spelling rather than
/// several allocations each; equal keys become one pattern by sorting ([`Spelled::grouped`]).
#[derive(Default)]
pub(super) struct Spelled {
    /// The keys, one after another.
    pub(super) keys: Vec<u8>,
    /// Per key byte: the fewest equal letters the text must have there (`ass` needs two `s`).
    pub(super) runs: Vec<u16>,
    pub(super) recs: Vec<SpelledRec>,
}

/// One spelling: where its key is in [`Spelled::keys`], its target and its transforms.
#[derive(Clone, Copy)]
pub(super) struct SpelledRec {
    pub(super) at: u32,
    pub(super) len: u32,
    pub(super) target: u32,
    pub(super) flags: u16,
}

impl Spelled {
    /// Adds `target`'s spelling `sp` (re-collapsing equal neighbours, which a variant can
    /// create). Digits are left as they are: a text's key keeps the digits of a word that
    /// leetspeak does not read as letters uncollapsed (`88`, `1488`, `zq000123x`), so a term
    /// made of such a word found no text, itself included.
    pub(super) fn push(&mut self, target: u32, sp: &[(char, u16)], flags: u16) {
        let at = self.keys.len();
        let mut last: Option<char> = None;
        for &(ch, run) in sp {
            if last == Some(ch) && ch != ' ' && ch != '\n' && !ch.is_ascii_digit() {
                let n = ch.len_utf8();
                let from = self.runs.len() - n;
                for r in &mut self.runs[from..] {
                    *r = r.saturating_add(run);
                }
                continue;
            }
            last = Some(ch);
            let mut buf = [0u8; 4];
            for &b in ch.encode_utf8(&mut buf).as_bytes() {
                self.keys.push(b);
                self.runs.push(run);
            }
        }
        self.recs.push(SpelledRec {
            at: at as u32,
            len: (self.keys.len() - at) as u32,
            target,
            flags,
        });
    }

    pub(super) fn key(&self, r: u32) -> &[u8] {
        let x = self.recs[r as usize];
        &self.keys[x.at as usize..][..x.len as usize]
    }

    pub(super) fn runs(&self, r: u32) -> &[u16] {
        let x = self.recs[r as usize];
        &self.runs[x.at as usize..][..x.len as usize]
    }

    /// Bytes held, by capacity (what the build limit counts).
    pub(super) fn bytes(&self) -> usize {
        self.keys.capacity()
            + 2 * self.runs.capacity()
            + std::mem::size_of::<SpelledRec>() * self.recs.capacity()
    }

    /// The spellings in order of key, and per key the range of them with that key, in order of
    /// appearance.
    pub(super) fn grouped(&self) -> (Vec<u32>, Vec<(u32, u32)>) {
        let mut order: Vec<u32> = (0..self.recs.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| self.key(a).cmp(self.key(b)).then(a.cmp(&b)));
        let mut groups = Vec::new();
        let mut start = 0;
        for k in 1..=order.len() {
            if k == order.len() || self.key(order[k]) != self.key(order[start]) {
                groups.push((start as u32, k as u32));
                start = k;
            }
        }
        (order, groups)
    }
}

/// Most `i`/`l` positions for which every combination of `1` gets a variant.
pub(super) const MAX_IL_POSITIONS: usize = 4;

/// Up to this many `i`/`l` positions, each alone also gets a variant (a long term would get
/// one full-length pattern per position).
pub(super) const MAX_IL_SINGLES: usize = 8;

/// Terms longer than this (in letters) get no mask variants.
pub(super) const MAX_MASKED_LEN: usize = 24;

/// Every spelling a term is searched under: as normalised; with `1` for any `i`/`l` (leet
/// `1 ! |` are ambiguous); with interior letters masked as people mask them: one letter
/// (`sh*t`), two neighbours (`f**k`), two vowels apart (`n*gg*r`) or every interior letter
/// (`n****r`). Each masked spelling adds trie states from its first mask to its end, so the
/// masks are kept to these (about `n²` states for a term of `n` letters, where every pair of
/// positions would be `n³ / 6`): they were most of a list's memory.
pub(super) fn spellings(sp: &Spelling) -> Vec<(Spelling, u16)> {
    let mut out = vec![(sp.clone(), 0)];
    let il: Vec<usize> = (0..sp.len())
        .filter(|&k| matches!(sp[k].0, 'i' | 'l'))
        .collect();
    if !il.is_empty() {
        let subsets: Vec<Vec<usize>> = if il.len() <= MAX_IL_POSITIONS {
            (1u32..(1 << il.len()))
                .map(|m| {
                    il.iter()
                        .enumerate()
                        .filter(|(b, _)| m & (1 << b) != 0)
                        .map(|(_, &k)| k)
                        .collect()
                })
                .collect()
        } else if il.len() <= MAX_IL_SINGLES {
            let mut s: Vec<Vec<usize>> = il.iter().map(|&k| vec![k]).collect();
            s.push(il.clone());
            s
        } else {
            vec![il.clone()]
        };
        for set in subsets {
            let mut v = sp.clone();
            for k in set {
                v[k].0 = '1';
            }
            out.push((v, Transforms::LEET.bits()));
        }
    }
    // Masks hide letters of a single word: expand runs to letters, mask interior ones.
    if sp
        .iter()
        .any(|&(ch, _)| ch == ' ' || ch == '\n' || ch == '*')
    {
        return out;
    }
    let letters: Vec<char> = sp
        .iter()
        .flat_map(|&(ch, r)| std::iter::repeat_n(ch, r as usize))
        .collect();
    let n = letters.len();
    if (3..=MAX_MASKED_LEN).contains(&n) {
        let mut masked = |positions: &[usize]| {
            let mut l = letters.clone();
            for &p in positions {
                l[p] = '*';
            }
            out.push((
                l.into_iter().map(|ch| (ch, 1)).collect(),
                Transforms::MASK.bits(),
            ));
        };
        let vowel = |p: usize| matches!(letters[p], 'a' | 'e' | 'i' | 'o' | 'u');
        for p in 1..n - 1 {
            masked(&[p]);
            if p + 2 < n {
                masked(&[p, p + 1]);
            }
            for q in p + 2..n - 1 {
                if vowel(p) && vowel(q) {
                    masked(&[p, q]);
                }
            }
        }
        if n >= 5 {
            masked(&(1..n - 1).collect::<Vec<_>>());
        }
    }
    out
}

/// Fewest letters a phrase needs to be matched written as one word (`killyourself`): shorter
/// joined phrases (`godie`, `fatass`) are ordinary words or other terms.
pub(super) const MIN_JOINED_LETTERS: usize = 8;

/// A term's compound spellings: a phrase written as one word (`kill yourself` →
/// `killyourself`), and a Hindi compound written as two (`madarchod` → `madar chod`, see
/// [`indic::split_compound`]).
pub(super) fn compound_spellings(sp: &Spelling, hindi: bool) -> Vec<Spelling> {
    let mut out = Vec::new();
    if sp.iter().any(|&(c, _)| c == ' ') && sp.iter().all(|&(c, _)| c == ' ' || c.is_alphanumeric())
    {
        let joined: Spelling = sp.iter().filter(|&&(c, _)| c != ' ').copied().collect();
        if joined.iter().map(|&(_, r)| usize::from(r)).sum::<usize>() >= MIN_JOINED_LETTERS {
            out.push(joined);
        }
    }
    if hindi {
        out.extend(indic::split_compound(sp));
    }
    out
}

/// Fewest letters a term needs to be matched written in two-letter pieces (`sh.it`, `fu ck`),
/// backwards or upside down: a three-letter term in pieces is a word and a letter (`as s`),
/// reversed often a word or itself (`tit`). Four-letter terms reversed are sometimes words too
/// (`liar` is `rail`): the lists allow those.
pub(super) const MIN_APART_LETTERS: usize = 4;

/// Most letters of a term that gets these spellings.
pub(super) const MAX_APART_LETTERS: usize = 16;

/// Most letters of a term that is matched backwards or upside down: longer ones are phrases
/// run together (`hopeyourfamilypassesaway`), which nobody reverses, and their spellings were
/// a quarter of the automaton these spellings add.
pub(super) const MAX_REVERSED_LETTERS: usize = 10;

/// The letter an upside-down glyph of a letter reads as once folded: `ʞɔnɟ` is `fuck` upside
/// down, read right to left; `n` and `u`, `d` and `p`, `b` and `q` swap, `ƃ` (g) folds to `b`
/// and `ɯ` (m) to `w` (their lookalikes); the other letters have glyphs that fold back.
pub(super) fn upside_down(c: char) -> char {
    match c {
        'u' => 'n',
        'n' => 'u',
        'd' => 'p',
        'p' => 'd',
        'b' => 'q',
        'q' => 'b',
        'g' => 'b',
        'm' => 'w',
        c => c,
    }
}

/// A single-word Latin term written apart or backwards: in two-letter pieces (`sh it` for
/// `sh.it`, `fu ck`: transform `separator`), reversed (`kcuf`) and upside down (`ʞɔnɟ` folds
/// to `kcnf`; transform `reversed`). Each is matched as a whole word, whatever the term's
/// mode; context terms get none.
pub(super) fn written_apart_spellings(sp: &Spelling, mode: MatchMode) -> Vec<(Spelling, u16)> {
    let mut out = Vec::new();
    if mode == MatchMode::Context || !sp.iter().all(|&(c, _)| c.is_ascii_lowercase()) {
        return out;
    }
    let letters: String = sp
        .iter()
        .flat_map(|&(c, r)| std::iter::repeat_n(c, usize::from(r)))
        .collect();
    let n = letters.len();
    if !(MIN_APART_LETTERS..=MAX_APART_LETTERS).contains(&n) {
        return out;
    }
    let pieces: Vec<&str> = (0..n)
        .step_by(2)
        .map(|k| &letters[k..(k + 2).min(n)])
        .collect();
    out.push((
        collapse_runs(&pieces.join(" ")),
        Transforms::SEPARATOR.bits(),
    ));
    if n > MAX_REVERSED_LETTERS {
        return out;
    }
    let reversed: String = letters.chars().rev().collect();
    out.push((collapse_runs(&reversed), Transforms::REVERSED.bits()));
    // Without `n u d p b q g m` the upside-down spelling is the reversed one.
    let flipped: String = reversed.chars().map(upside_down).collect();
    if flipped != reversed {
        out.push((collapse_runs(&flipped), UPSIDE_DOWN));
    }
    out
}

/// The flags only [`written_apart_spellings`] give a spelling.
pub(super) const WRITTEN_APART: u16 = Transforms::REVERSED.bits() | Transforms::SEPARATOR.bits();

/// The flags of an upside-down spelling: reversed, and its turned letters are lookalikes (a
/// match needs them: see [`Matcher::check`](crate::Matcher::check)).
pub(super) const UPSIDE_DOWN: u16 = Transforms::REVERSED.bits() | Transforms::CONFUSABLE.bits();

/// Fewest letters a romanised term needs to be matched in Devanagari text (`bc`, `mc` are not).
pub(super) const MIN_LATIN_FOR_DEVANAGARI: usize = 4;

/// Fewest letters a Devanagari term's romanised form needs to be matched in Latin text.
pub(super) const MIN_ROMANISED_LEN: usize = 7;

/// The extra spellings of a Hindi term (entry language `hi` or `hi-*`): romanised spelling
/// variants of a Latin term, and the romanised form (and its variants) of a Devanagari term.
pub(super) fn hindi_spellings(
    norm: &Normalized,
    sp: &Spelling,
    hindi: bool,
) -> Vec<(Spelling, u16)> {
    let mut out = Vec::new();
    if !hindi {
        return out;
    }
    let spelling_bit = Transforms::SPELLING.bits();
    let script_bit = Transforms::SCRIPT.bits();
    let inflection_bit = Transforms::INFLECTION.bits();
    // Inflections of the term and of each of its spellings.
    let spellings = indic::spelling_variants(sp);
    for v in indic::inflections(sp, false) {
        out.push((v, inflection_bit));
    }
    for v in spellings {
        for i in indic::inflections(&v, false) {
            out.push((i, inflection_bit | spelling_bit));
        }
        out.push((v, spelling_bit));
    }
    let key = std::str::from_utf8(&norm.key).unwrap_or_default();
    // Short romanised forms are ordinary words (लंड → land, चोद → chod "leave", गांड → gand as
    // in Gandhi): only longer ones are matched across scripts.
    if let Some(latin) = indic::romanise(key).filter(|l| l.len() >= MIN_ROMANISED_LEN) {
        let rsp = collapse_runs(&latin);
        for i in indic::inflections(&rsp, true) {
            out.push((i, script_bit | inflection_bit));
        }
        for v in indic::spelling_variants(&rsp) {
            for i in indic::inflections(&v, true) {
                out.push((i, script_bit | spelling_bit | inflection_bit));
            }
            out.push((v, script_bit | spelling_bit));
        }
        out.insert(0, (rsp, script_bit));
    }
    // A romanised term in Devanagari text: every Devanagari reading of its letters.
    let letters = sp.iter().filter(|(c, _)| c.is_ascii_lowercase()).count();
    if letters >= MIN_LATIN_FOR_DEVANAGARI {
        let latin: String = sp
            .iter()
            .flat_map(|&(c, r)| std::iter::repeat_n(c, r as usize))
            .collect();
        for d in indic::devanagari_spellings(&latin) {
            let key = crate::normalize::normalize(&d);
            out.push((collapse_runs(&key), script_bit));
        }
    }
    out
}

/// A spelling with equal neighbours as runs (spaces excepted).
pub(super) fn collapse_runs(s: &str) -> Spelling {
    let mut sp: Spelling = Vec::new();
    for ch in s.chars() {
        match sp.last_mut() {
            Some((last, r)) if *last == ch && ch != ' ' => *r += 1,
            _ => sp.push((ch, 1)),
        }
    }
    sp
}
