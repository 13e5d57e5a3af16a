//! Terms written in emoji and other symbols (`🖕`).
//!
//! The matching form keeps letters and digits and drops symbols, so such a term has no key: it
//! is searched for in the text as written, beside the key's search. A symbol is a character of
//! General_Category So that the matching form drops (the generated `SYMBOLS` table). Between
//! the symbols of a term the text may have whitespace, and after each one the characters that
//! belong to it (a skin tone, a variation selector, a zero-width joiner): `🖕🏽` is `🖕`, and
//! `🍆 💦` is `🍆💦`. Anything else in between breaks the sequence.
//!
//! A term that mixes symbols and letters (`🖕 you`) is refused when the list is read: the
//! matching form would drop the symbols and leave a term (`you`) the list did not mean.

use crate::dfa::{max_nesting, FullSearch, Sorted, TooManyStates};
use crate::normalize::{is_boundary_byte, is_symbol, normalize};
use crate::table_bytes::{Reader, Table, Writer};

/// What a term is made of, for matching.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum TermKey {
    /// Letters or digits: the term's matching form (empty or all boundaries when there are
    /// none: such a term is refused).
    Key(String),
    /// Symbols only: the symbols, without what [`is_part_of_symbol`] joins to them or the
    /// whitespace between them.
    Symbols(String),
    /// Symbols and letters together (`🖕 you`).
    Mixed,
}

impl TermKey {
    /// The key of `term`.
    pub(crate) fn of(term: &str) -> TermKey {
        let key = normalize(term);
        match symbol_pattern(term) {
            Some(_) if !key.bytes().all(is_boundary_byte) => TermKey::Mixed,
            Some(symbols) => TermKey::Symbols(symbols),
            None => TermKey::Key(key),
        }
    }

    /// One string per distinct way of matching: the matching form, or the symbols (which no
    /// matching form holds, so the two never collide). For comparing lists' entries.
    pub(crate) fn into_string(self) -> String {
        match self {
            TermKey::Key(k) | TermKey::Symbols(k) => k,
            TermKey::Mixed => String::new(),
        }
    }
}

/// What [`SymbolSearch`] searches for a term with a symbol (a list's term with one has only
/// symbols: see [`TermKey::of`]): its characters without whitespace and what joins a symbol.
pub(crate) fn symbol_pattern(term: &str) -> Option<String> {
    (!term.is_ascii() && term.chars().any(is_symbol)).then(|| {
        term.chars()
            .filter(|&c| !c.is_whitespace() && !is_part_of_symbol(c))
            .collect()
    })
}

/// A character that belongs to the symbol before it: variation selectors 15 and 16, the
/// zero-width joiner, the five skin tones.
fn is_part_of_symbol(c: char) -> bool {
    matches!(
        c,
        '\u{FE0E}' | '\u{FE0F}' | '\u{200D}' | '\u{1F3FB}'..='\u{1F3FF}'
    )
}

/// Whether what lies between two symbols lets them be read together: whitespace and what
/// belongs to the first one.
fn joins(between: &str) -> bool {
    between
        .chars()
        .all(|c| c.is_whitespace() || is_part_of_symbol(c))
}

/// A byte that no symbol's UTF-8 has: it stands for whatever breaks a sequence of symbols in
/// the text's reading.
const BREAK: u8 = 0xFF;

/// The search for a matcher's symbol terms.
#[derive(Debug)]
pub(crate) struct SymbolSearch {
    search: FullSearch,
    /// Per pattern: the target it reports.
    targets: Table<u32>,
    /// The patterns' symbols, each once: a text's other symbols are only looked at when one
    /// of these follows them (then they part it from the one before).
    alphabet: Vec<char>,
    /// The distinct first bytes of the alphabet's symbols: a text without any has nothing to
    /// find.
    leads: Vec<u8>,
}

/// A term written in symbols, as the matcher is built: its symbols ([`symbol_pattern`]), its
/// target and its rank (the severity: of equal symbols the highest reports).
pub(crate) type SymbolTerm<R> = (String, u32, R);

impl SymbolSearch {
    /// The search for `terms`, or `None` without any. Of terms with equal symbols the most
    /// severe reports, then the first (as the matcher ranks a region's candidates).
    pub(crate) fn build<R: Ord + Copy>(
        terms: &[SymbolTerm<R>],
    ) -> Result<Option<SymbolSearch>, TooManyStates> {
        if terms.is_empty() {
            return Ok(None);
        }
        let keys: Vec<&[u8]> = terms.iter().map(|(p, _, _)| p.as_bytes()).collect();
        let sorted = Sorted::new(&keys);
        // Equal keys are neighbours in order of bytes, in order of index among themselves.
        let (mut unique, mut targets): (Vec<&[u8]>, Vec<u32>) = (Vec::new(), Vec::new());
        let mut best = terms[0].2;
        for &k in sorted.order() {
            let (key, target, severity) =
                (keys[k as usize], terms[k as usize].1, terms[k as usize].2);
            if unique.last() == Some(&key) {
                if severity > best {
                    best = severity;
                    *targets.last_mut().unwrap_or(&mut 0) = target;
                }
                continue;
            }
            unique.push(key);
            targets.push(target);
            best = severity;
        }
        let mut alphabet: Vec<char> = Vec::new();
        for key in &unique {
            for c in String::from_utf8_lossy(key).chars() {
                if !alphabet.contains(&c) {
                    alphabet.push(c);
                }
            }
        }
        let mut leads = [false; 256];
        for c in &alphabet {
            leads[usize::from(c.encode_utf8(&mut [0; 4]).as_bytes()[0])] = true;
        }
        let order = (0..unique.len() as u32).collect();
        let search = FullSearch::build(&Sorted::with_order(unique, order))?;
        Ok(Some(SymbolSearch {
            search,
            targets: Table::Owned(targets),
            alphabet,
            leads: (0..=255u8).filter(|&b| leads[usize::from(b)]).collect(),
        }))
    }

    /// The most memory [`SymbolSearch::build`] takes for `terms`, in bytes.
    pub(crate) fn estimate_bytes<R>(terms: &[SymbolTerm<R>]) -> usize {
        let keys: Vec<&[u8]> = terms.iter().map(|(p, _, _)| p.as_bytes()).collect();
        FullSearch::estimate_bytes(&Sorted::new(&keys)) + terms.len() * 16
    }

    /// How many terms' symbols end at one place at most, and one of the terms that do (see
    /// [`max_nesting`]).
    pub(crate) fn nesting<R>(terms: &[SymbolTerm<R>]) -> (usize, usize) {
        let keys: Vec<&[u8]> = terms.iter().map(|(p, _, _)| p.as_bytes()).collect();
        max_nesting(&keys)
    }

    /// The matches in `text` as `(start, end, target)`, in order, without overlaps: at each
    /// place the longest. `start..end` is on char boundaries and takes in what belongs to the
    /// last symbol (`🖕🏽`). One function, not inlined into each caller: few texts have a
    /// symbol, and the WebAssembly module is kept small.
    #[inline(never)]
    pub(crate) fn matches(&self, text: &str) -> Vec<(usize, usize, u32)> {
        let mut out = Vec::new();
        // The reading: the alphabet's symbols in the text, [`BREAK`] between those that other
        // characters part; per reading byte, where its symbol starts in `text`. Found by
        // their first bytes: the text's other characters cost a `memchr`, the other symbols
        // with such a first byte a look-up each.
        let (mut key, mut starts) = (Vec::new(), Vec::new());
        let mut last_end = None;
        let mut at = 0;
        while let Some(k) = self.next_lead(&text.as_bytes()[at..]) {
            // A first byte (of the alphabet, so of a multi-byte char) starts a char.
            let i = at + k;
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            at = i + c.len_utf8();
            if !self.alphabet.contains(&c) {
                continue;
            }
            if !key.is_empty() && !last_end.is_some_and(|e| joins(&text[e..i])) {
                key.push(BREAK);
                starts.push(i);
            }
            let mut buf = [0; 4];
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                key.push(b);
                starts.push(i);
            }
            last_end = Some(at);
        }
        if key.is_empty() {
            return out;
        }
        // Per place of the reading, the longest pattern that starts there (hits come in order
        // of end, so a later one that starts at the same place is longer).
        let mut longest: Vec<Option<(usize, u32)>> = vec![None; key.len()];
        self.search
            .for_each_match(&key, |p, i, j| longest[i] = Some((j, p)));
        let mut i = 0;
        while i < key.len() {
            match longest[i] {
                Some((j, p)) => {
                    let last = starts[j - 1];
                    let end = last + text[last..].chars().next().map_or(0, char::len_utf8);
                    let end = end + text[end..].len()
                        - text[end..].trim_start_matches(is_part_of_symbol).len();
                    out.push((starts[i], end, self.targets[p as usize]));
                    i = j;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The first place holding the first byte of an alphabet's symbol: most texts have none
    /// (emoji mostly share their first byte, `F0`, so that is one `memchr`).
    fn next_lead(&self, bytes: &[u8]) -> Option<usize> {
        match *self.leads.as_slice() {
            [a] => memchr::memchr(a, bytes),
            ref leads => bytes.iter().position(|b| leads.contains(b)),
        }
    }

    /// Writes the search for [`SymbolSearch::read`].
    #[cfg_attr(not(test), allow(dead_code))] // the build script writes
    pub(crate) fn write(&self, w: &mut Writer) {
        self.search.write(w);
        w.table(&self.targets);
        w.len(self.alphabet.len());
        for &c in &self.alphabet {
            w.put(u32::from(c));
        }
        w.table(&self.leads);
    }

    /// Reads what [`SymbolSearch::write`] wrote.
    pub(crate) fn read(r: &mut Reader) -> Option<SymbolSearch> {
        let search = FullSearch::read(r)?;
        let targets = r.table()?;
        let n = r.len()?;
        let mut alphabet = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            alphabet.push(char::from_u32(r.get()?)?);
        }
        let leads = r.vec()?;
        Some(SymbolSearch {
            search,
            targets,
            alphabet,
            leads,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn search(terms: &[&str]) -> SymbolSearch {
        let patterns: Vec<SymbolTerm<u8>> = terms
            .iter()
            .enumerate()
            .map(|(k, t)| match TermKey::of(t) {
                TermKey::Symbols(s) => (s, k as u32, 0),
                other => panic!("{t}: {other:?}"),
            })
            .collect();
        SymbolSearch::build(&patterns).unwrap().unwrap()
    }

    fn found<'a>(s: &SymbolSearch, text: &'a str) -> Vec<(&'a str, u32)> {
        s.matches(text)
            .into_iter()
            .map(|(a, b, t)| (&text[a..b], t))
            .collect()
    }

    #[test]
    fn a_term_is_letters_symbols_or_refused_as_both() {
        assert_eq!(TermKey::of("fuck"), TermKey::Key("fuck".into()));
        assert_eq!(TermKey::of("🖕"), TermKey::Symbols("🖕".into()));
        assert_eq!(TermKey::of("🖕🏽\u{FE0F}"), TermKey::Symbols("🖕".into()));
        assert_eq!(TermKey::of("🍆 💦"), TermKey::Symbols("🍆💦".into()));
        assert_eq!(TermKey::of("🖕 you"), TermKey::Mixed);
        // Punctuation is no symbol: what it was before.
        assert_eq!(TermKey::of("!!!"), TermKey::Key(normalize("!!!")));
        // A symbol the matching form reads as a letter is a letter.
        assert_eq!(TermKey::of("ⓕⓤⓒⓚ"), TermKey::Key("fuck".into()));
    }

    #[test]
    fn symbols_are_found_with_their_skin_tones_and_across_spaces() {
        let s = search(&["🖕", "🍆💦"]);
        assert_eq!(found(&s, "you 🖕🏽🖕 ok"), [("🖕🏽", 0), ("🖕", 0)]);
        assert_eq!(found(&s, "🍆 💦!"), [("🍆 💦", 1)]);
        // Something else between them breaks the sequence.
        assert!(found(&s, "🍆 and 💦").is_empty());
        assert!(found(&s, "🍆😀💦").is_empty());
        assert!(found(&s, "plain text").is_empty());
    }

    #[test]
    fn the_longest_at_each_place_wins() {
        let s = search(&["💦", "🍆💦", "🍆"]);
        assert_eq!(found(&s, "🍆💦💦"), [("🍆💦", 1), ("💦", 0)]);
        assert_eq!(found(&s, "🍆 x 💦"), [("🍆", 2), ("💦", 0)]);
    }

    #[test]
    fn many_first_bytes_are_searched_too() {
        // © (C2), ☠ (E2), ㊗ (E3), 🖕 and 😀 (F0): four first bytes.
        let s = search(&["☠", "©", "🖕", "\u{1F600}\u{1F600}", "㊗"]);
        assert_eq!(
            found(&s, "a ☠ b © c 🖕 d 😀😀 ㊗"),
            [("☠", 0), ("©", 1), ("🖕", 2), ("😀😀", 3), ("㊗", 4)]
        );
        let s = search(&["☠", "©", "🖕"]);
        assert_eq!(found(&s, "x © ☠🖕"), [("©", 1), ("☠", 0), ("🖕", 2)]);
    }

    #[test]
    fn equal_symbols_report_the_most_severe_term() {
        let terms = [
            ("🖕".to_string(), 7, 1),
            ("🖕".to_string(), 8, 3),
            ("🖕".to_string(), 9, 3),
        ];
        let s = SymbolSearch::build(&terms).unwrap().unwrap();
        assert_eq!(found(&s, "🖕"), [("🖕", 8)]);
    }

    #[test]
    fn it_reads_back_what_it_wrote() {
        let s = search(&["🖕", "🍆💦"]);
        let mut w = Writer::default();
        s.write(&mut w);
        let bytes: &'static [u8] = Box::leak(w.into_bytes().into_boxed_slice());
        let back = SymbolSearch::read(&mut Reader::new(bytes)).unwrap();
        assert_eq!(found(&back, "🍆💦 🖕🏿"), found(&s, "🍆💦 🖕🏿"));
    }
}
