//! What an automaton's size and shape follow from, known from the patterns alone before a
//! table is allocated: the trie's states (per level), the patterns in order of bytes, and how
//! many patterns can end at one place of a text.

/// How many states the trie of `patterns` has, the root included (at most: a DFA whose columns
/// join bytes has fewer). Known before a table is allocated, so an automaton too large is
/// refused first (see `MatcherBuilder::limits`) and a table is allocated once at its size.
pub(crate) fn trie_states(patterns: &[&[u8]]) -> usize {
    let mut sorted = patterns.to_vec();
    sorted.sort_unstable();
    1 + new_depths(sorted).map(|d| d.count()).sum::<usize>()
}

/// How many states each level of the trie of `patterns` has, the root's first (at most, as
/// [`trie_states`]).
pub(crate) fn trie_levels(patterns: &Sorted) -> Vec<usize> {
    let mut levels = vec![1usize];
    for depths in new_depths(patterns.in_order()) {
        if levels.len() <= *depths.end() {
            levels.resize(depths.end() + 1, 0);
        }
        for level in &mut levels[depths] {
            *level += 1;
        }
    }
    levels
}

/// For each of the patterns, given in order of bytes: the trie depths of the states it adds
/// (those past its common prefix with the pattern before it).
fn new_depths<'a, I: IntoIterator<Item = &'a [u8]>>(
    in_order: I,
) -> impl Iterator<Item = std::ops::RangeInclusive<usize>> + use<'a, I> {
    let mut prev: &[u8] = &[];
    in_order.into_iter().map(move |p| {
        let common = p.iter().zip(prev).take_while(|(a, b)| a == b).count();
        prev = p;
        common + 1..=p.len()
    })
}

/// Patterns and their order by bytes: sorting a large list's patterns is a good part of
/// building its automaton, so the sort is done once (or taken from the caller, who may know it)
/// and shared by the size estimate and the build.
pub(crate) struct Sorted<'a> {
    patterns: Vec<&'a [u8]>,
    /// Indices into `patterns`, in order of bytes, equal patterns in order of index.
    order: Vec<u32>,
}

impl<'a> Sorted<'a> {
    /// `patterns`, sorted here.
    pub(crate) fn new<P: AsRef<[u8]>>(patterns: &'a [P]) -> Sorted<'a> {
        let patterns: Vec<&[u8]> = patterns.iter().map(AsRef::as_ref).collect();
        let mut order: Vec<u32> = (0..patterns.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| {
            patterns[a as usize]
                .cmp(patterns[b as usize])
                .then(a.cmp(&b))
        });
        Sorted { patterns, order }
    }

    /// `patterns` with their `order` by bytes (equal patterns in order of index), which the
    /// caller knows.
    pub(crate) fn with_order(patterns: Vec<&'a [u8]>, order: Vec<u32>) -> Sorted<'a> {
        debug_assert!(order.windows(2).all(|w| {
            let (a, b) = (w[0] as usize, w[1] as usize);
            (patterns[a], a) < (patterns[b], b)
        }));
        debug_assert_eq!(order.len(), patterns.len());
        Sorted { patterns, order }
    }

    /// The patterns, in the caller's order (their indices are the automaton's pattern ids).
    pub(crate) fn patterns(&self) -> &[&'a [u8]] {
        &self.patterns
    }

    /// Indices into [`Sorted::patterns`], in order of bytes.
    pub(crate) fn order(&self) -> &[u32] {
        &self.order
    }

    /// The patterns in order of bytes.
    fn in_order(&self) -> impl Iterator<Item = &'a [u8]> + '_ {
        self.order.iter().map(|&p| self.patterns[p as usize])
    }
}

/// The most of `patterns` that end at one place of a text: over every pattern, how many of the
/// patterns are suffixes of it (itself included). A search reports that many hits at a place,
/// so it bounds the hits per byte of text. Linear in the patterns' length: the reversed
/// patterns in order, with a stack of those that begin the current one. Also returns the
/// index of a pattern with that many suffixes (0 without patterns).
pub(crate) fn max_nesting(patterns: &[&[u8]]) -> (usize, usize) {
    // The reversed patterns, one after another in one buffer (a copy each was slower).
    let mut reversed = Vec::with_capacity(patterns.iter().map(|p| p.len()).sum());
    let mut spans = Vec::with_capacity(patterns.len());
    for p in patterns {
        let start = reversed.len();
        reversed.extend(p.iter().rev());
        spans.push(start..reversed.len());
    }
    let reversed_of = |k: usize| &reversed[spans[k].clone()];
    let mut order: Vec<usize> = (0..patterns.len()).collect();
    order.sort_unstable_by(|&a, &b| reversed_of(a).cmp(reversed_of(b)));
    let mut stack: Vec<&[u8]> = Vec::new();
    let mut most = (0, 0);
    for k in order {
        let r = reversed_of(k);
        while stack.last().is_some_and(|top| !r.starts_with(top)) {
            stack.pop();
        }
        if stack.last() != Some(&r) {
            stack.push(r);
        }
        if stack.len() > most.0 {
            most = (stack.len(), k);
        }
    }
    most
}
