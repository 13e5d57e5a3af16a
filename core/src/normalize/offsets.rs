//! The normalised form and its offset map: for every byte of the matching form, the byte range
//! of the original text it came from. This is the only code that maps positions back.

/// The matching form of a text, with everything needed to map a match back and to check it.
///
/// Invariants (checked by the property tests): `key` is valid UTF-8; `starts`, `ends` and `runs`
/// have an entry for every byte of `key`, and `flags` too unless it is empty (no transforms
/// anywhere); every range `starts[k]..ends[k]` lies on char boundaries of the original text and
/// ranges never go backwards. Entries past the key's length are left over from an earlier text:
/// the fast path writes offsets and runs for every key byte rather than filling the vectors
/// afresh for every text (4% of the time on short posts). Starts and ends are kept apart so
/// that the fast path writes each for eight key bytes in two vector stores.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Normalized {
    /// The matching form: folded letters, single `' '` (soft) or `'\n'` (hard) word boundaries.
    pub(crate) key: Vec<u8>,
    /// Per key byte: the start of the original byte range `[start, end)` it came from.
    pub(crate) starts: Vec<u32>,
    /// Per key byte: the end of that range.
    pub(crate) ends: Vec<u32>,
    /// Per key byte: how many equal letters were collapsed into it (1 = not stretched).
    pub(crate) runs: Vec<u16>,
    /// Per key byte: the [`super::Transforms`] bits involved in producing it.
    pub(crate) flags: Vec<u16>,
    /// Key byte ranges of spaced-out words that were joined (`f u c k`), sorted; positions
    /// strictly inside them count as word boundaries for whole-word matching.
    pub(crate) joined: Vec<(u32, u32)>,
    /// Original byte ranges of three or more Devanagari syllables written apart with spaces
    /// (`चू ति या`) or single letters on lines of their own, sorted: the key keeps them apart
    /// (Hindi is full of one-syllable words; lines are independent), and the matcher reads each
    /// a second time joined.
    pub(crate) spaced: Vec<(u32, u32)>,
    /// Whether the text has a symbol that starts a letter written in symbols (`|` of `|<`,
    /// `(` of `fu(k`, `\` of `\/`): the matcher then looks for words to read a second time
    /// with the letters in (see `reread::leet_words`).
    pub(crate) symbol_letters: bool,
}

/// Key bytes that separate words.
#[inline]
pub(crate) fn is_boundary_byte(b: u8) -> bool {
    // Both compared without a short circuit: on an automaton hit the answer is as good as
    // random, and a branch on it cost about 1% of the time on tweets.
    (b == b' ') | (b == b'\n')
}

impl Normalized {
    /// Empties the key and the transforms, keeping the offsets and runs (see [`Normalized`]).
    pub(crate) fn clear_keeping_offsets(&mut self) {
        self.key.clear();
        self.flags.clear();
        self.joined.clear();
        self.spaced.clear();
        self.symbol_letters = false;
    }

    /// Keeps the first `len` key bytes and their transforms, and the offsets and runs whole
    /// (see [`Normalized`]).
    pub(crate) fn truncate_keeping_offsets(&mut self, len: usize) {
        self.key.truncate(len);
        self.flags.truncate(len);
    }

    /// Gives every key byte a transforms entry (none for those that had none), for a writer
    /// that sets some: an empty `flags` stands for none anywhere.
    pub(crate) fn give_every_byte_flags(&mut self) {
        if self.flags.len() < self.key.len() {
            self.flags.resize(self.key.len(), 0);
        }
    }

    pub(crate) fn clear(&mut self) {
        self.clear_keeping_offsets();
        self.starts.clear();
        self.ends.clear();
        self.runs.clear();
    }

    /// Keeps the first `len` key bytes and their offsets, runs and transforms.
    pub(crate) fn truncate(&mut self, len: usize) {
        self.key.truncate(len);
        self.starts.truncate(len);
        self.ends.truncate(len);
        self.runs.truncate(len);
        self.flags.truncate(len);
    }

    /// Appends the UTF-8 bytes of one character, each mapped to `src` with run 1: each vector
    /// grows once for them, not once per byte (Devanagari has three bytes a character).
    pub(crate) fn push_char(&mut self, bytes: &[u8], src: (u32, u32), flags: u16) {
        let n = bytes.len();
        self.key.extend_from_slice(bytes);
        self.starts.extend(std::iter::repeat_n(src.0, n));
        self.ends.extend(std::iter::repeat_n(src.1, n));
        self.runs.extend(std::iter::repeat_n(1, n));
        self.flags.extend(std::iter::repeat_n(flags, n));
    }

    pub(crate) fn push_byte(&mut self, b: u8, src: (u32, u32), run: u16, flags: u16) {
        self.key.push(b);
        self.starts.push(src.0);
        self.ends.push(src.1);
        self.runs.push(run);
        self.flags.push(flags);
    }

    /// Whether key byte `i` is one character inside a joined word: after its first character
    /// (`start`) or before its last. A spaced-out word often takes in a one-letter word beside
    /// it (`a f u c k`, `f u c k u`), so a word may start or end there too, but only after
    /// such a word (`a`, `i`, `u`) or before `u`: a spaced-out acronym's other letters are not
    /// one (`O.B.C`, `B.M.C`, `M.C.A` hold no `bc` or `mc`). Not deeper inside, where a short
    /// term would be found in a spaced-out clean word (`a.n.a.l.y.s.i.s`).
    fn one_inside_joined(&self, i: usize, start: bool) -> bool {
        if self.joined.is_empty() {
            return false;
        }
        let at = i as u32;
        let k = self.joined.partition_point(|&(_, end)| end <= at);
        let Some(&(a, b)) = self.joined.get(k).filter(|&&(a, b)| a < at && at < b) else {
            return false;
        };
        let (a, b) = (a as usize, b as usize);
        if crate::indic::is_devanagari_lead(&self.key[i..]) {
            // Spaced-out Devanagari syllables: a word may start or end at any syllable (their
            // one-syllable neighbours join the run; see `Normalized::spaced`).
            return true;
        }
        if start {
            matches!(self.key[a], b'a' | b'i' | b'u') && i == a + 1
        } else {
            self.key[b - 1] == b'u' && i + 1 == b
        }
    }

    /// Whether a word may start at key byte `i`.
    pub(crate) fn starts_word(&self, i: usize) -> bool {
        let before = i.checked_sub(1).and_then(|k| self.key.get(k));
        self.or_inside_joined(before.is_none_or(|&b| is_boundary_byte(b)), i, true)
    }

    /// Whether a word may end at key byte `j` (exclusive).
    pub(crate) fn ends_word(&self, j: usize) -> bool {
        self.or_inside_joined(
            self.key.get(j).is_none_or(|&b| is_boundary_byte(b)),
            j,
            false,
        )
    }

    /// `boundary`, or whether `i` is one character inside a joined word. Without joined words
    /// (most texts) this is `boundary` with no branch on it; with them, the search is skipped
    /// at a boundary.
    #[inline]
    fn or_inside_joined(&self, boundary: bool, i: usize, start: bool) -> bool {
        if self.joined.is_empty() {
            boundary
        } else {
            boundary || self.one_inside_joined(i, start)
        }
    }

    /// The original byte range covered by key bytes `[i, j)`.
    pub(crate) fn original_span(&self, i: usize, j: usize) -> (usize, usize) {
        (self.starts[i] as usize, self.ends[j - 1] as usize)
    }

    /// The union of transform bits over key bytes `[i, j)`.
    pub(crate) fn flags_in(&self, i: usize, j: usize) -> u16 {
        if self.flags.is_empty() {
            return 0;
        }
        self.flags[i..j].iter().fold(0, |a, &f| a | f)
    }
}
