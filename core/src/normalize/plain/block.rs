//! The eight-byte kernel: a run of simple words (ASCII letters, single spaces) classified in
//! one `u64` ([`simple_block`]), and the tables that turn its masks into key bytes, offsets
//! and runs. Each bit trick is a named function with its own test.

/// For a block whose byte `r` is left out of the key (8: none): per key byte, the offsets it
/// maps to, relative to the block's first byte: starts, then ends. The letter before `r` ends
/// after the letter collapsed into it. A boundary's start is one more (the next word's), added
/// per block.
pub(super) static SKIPS: [([u32; 8], [u32; 8]); 9] = {
    let mut t = [([0; 8], [0; 8]); 9];
    let mut r = 0;
    while r < 9 {
        let mut k = 0;
        while k < 8 {
            let from = (k + (k >= r) as usize) as u32;
            t[r].0[k] = from;
            t[r].1[k] = if r < 8 && k + 1 == r {
                from + 2
            } else {
                from + 1
            };
            k += 1;
        }
        r += 1;
    }
    t
};

/// For a block whose byte `r` is left out of the key (8: none): per key byte, its run. The
/// letter before `r` has two.
pub(super) static RUNS: [[u16; 8]; 9] = {
    let mut t = [[1; 8]; 9];
    let mut r = 1;
    while r < 8 {
        t[r][r - 1] = 2;
        r += 1;
    }
    t
};

/// Per four bits: each bit as a number.
pub(super) static BITS: [[u32; 4]; 16] = {
    let mut t = [[0; 4]; 16];
    let mut n = 0;
    while n < 16 {
        let mut k = 0;
        while k < 4 {
            t[n][k] = (n as u32 >> k) & 1;
            k += 1;
        }
        n += 1;
    }
    t
};

/// The low bits of the first four bytes of `v`, as four bits.
#[inline(always)]
pub(super) fn nibble(v: u64) -> usize {
    // Each byte's bit lands in bits 24 to 27, and no two products overlap or carry.
    ((v as u32 & 0x0101_0101).wrapping_mul(0x0102_0408) >> 24 & 0xf) as usize
}

/// The eight entries of `v` from `at` (the fast path grows its vectors beforehand).
#[inline(always)]
pub(super) fn block<T>(v: &mut [T], at: usize) -> &mut [T; 8] {
    match v[at..].first_chunk_mut() {
        Some(b) => b,
        None => panic!("key vectors grown for the block"),
    }
}

/// For a block whose byte `r` is left out of the key (8: none): the bytes before it.
static BEFORE: [u64; 9] = {
    let mut t = [u64::MAX; 9];
    let mut r = 0;
    while r < 8 {
        t[r] = (1 << (8 * r)) - 1;
        r += 1;
    }
    t
};

/// One in each byte.
const ONES: u64 = u64::from_le_bytes([1; 8]);
/// Bit 7 of each byte: the masks of this module mark a byte with it (and a byte with it set
/// is not ASCII).
pub(super) const HIGH: u64 = ONES * 0x80;
/// The low seven bits of each byte.
const LOW: u64 = ONES * 0x7f;

/// Bit 7 of each byte of `v` that is zero. Exact for every byte (the classic
/// `(v - ONES) & !v & HIGH` can also mark a byte after a zero one, which is enough for "is
/// there one" but not here): adding 0x7f to a byte's low seven bits sets its bit 7 unless they
/// are all zero, and cannot carry into the next byte.
#[inline(always)]
pub(super) fn zero_bytes(v: u64) -> u64 {
    !(((v & LOW) + LOW) | v) & HIGH
}

/// Bit 7 of each byte of `v` equal to `b`.
#[inline(always)]
pub(super) fn bytes_equal(v: u64, b: u8) -> u64 {
    zero_bytes(v ^ (ONES * u64::from(b)))
}

/// Bit 7 of each byte of `lower` in `a..=z` whose byte in `x` is ASCII (bit 7 clear). Adding
/// `0x80 - b'a'` to a byte's low seven bits sets bit 7 from `a` up; adding `0x80 - b'z' - 1`
/// sets it past `z`; neither carries into the next byte.
#[inline(always)]
pub(super) fn lower_letters(lower: u64, x: u64) -> u64 {
    let low7 = lower & LOW;
    (low7 + ONES * u64::from(0x80 - b'a')) & !(low7 + ONES * u64::from(0x80 - b'z' - 1)) & !x & HIGH
}

/// The index of the byte `repeats` marks, 8 if none. Byte 0 is never marked (it repeats the
/// block before, which [`simple_block`] refuses), so a set top bit can stand for "none": the
/// count is never of zero bits, and the result indexes the tables without a branch.
#[inline(always)]
pub(super) fn repeated_byte(repeats: u64) -> usize {
    debug_assert_eq!(repeats & 0xff, 0);
    ((repeats >> 8 | 1 << 63).trailing_zeros() / 8 + 1) as usize
}

/// The index of the last byte `mask` marks (0 when none is: the caller knows there is one).
#[inline(always)]
pub(super) fn last_marked_byte(mask: u64) -> usize {
    (mask | 1).ilog2() as usize / 8
}

/// `v` without its byte `r` (8: none): the bytes after it move down one and the top byte is
/// then zero (the next block's bytes overwrite it).
#[inline(always)]
pub(super) fn without_byte(v: u64, r: usize) -> u64 {
    let before = BEFORE[r];
    (v & before) | ((v >> 8) & !before)
}

/// Eight bytes of simple words (see [`simple_block`]), each mask with bit 7 of its bytes set,
/// little-endian.
pub(super) struct SimpleBlock {
    /// The bytes lower-cased, apostrophes as spaces.
    pub(super) lower: u64,
    /// Spaces and apostrophes: boundaries between words.
    pub(super) spaces: u64,
    /// At most one letter equal to the letter before it (not the first byte).
    pub(super) repeats: u64,
    /// Boundaries that end a word of two or more key letters (a
    /// [`Restart`](super::restart::Restart)).
    pub(super) restart: u64,
    /// Whether a word starts in the last byte: it has one key letter so far.
    pub(super) open: bool,
}

/// The eight bytes from `i` when they are simple words: ASCII letters with single spaces or
/// apostrophes between them (soft boundaries), at most one letter equal to the one before it
/// (collapsed in the key), and a boundary at the end only before a letter. A word of one key
/// letter must be one letter followed by a word of two or more whose first two letters are in
/// the block, so that no two such words are neighbours (the key's boundary between those is
/// hard). `last` is the byte before `i` as the block before left it: the word's key letter,
/// or a space or 0 at a word's start; `open` says that word started in the byte before `i`,
/// so it needs another key letter here.
#[inline(always)]
pub(super) fn simple_block(bytes: &[u8], i: usize, last: u8, open: bool) -> Option<SimpleBlock> {
    let chunk: [u8; 8] = bytes.get(i..i + 8)?.try_into().ok()?;
    let next = *bytes.get(i + 8)?;
    let x = u64::from_le_bytes(chunk);
    let apostrophes = bytes_equal(x, b'\'');
    let spaces = bytes_equal(x, b' ') | apostrophes;
    // Lower-case letters; `'` (0x27) loses its low bits to become a space.
    let lower = (x | (ONES * 0x20)) & !((apostrophes >> 7) * 0x07);
    let letters = lower_letters(lower, x);
    // Equal neighbours: two equal letters, or two boundaries.
    let equal = zero_bytes(lower ^ ((lower << 8) | u64::from(last)));
    let repeats = equal & letters;
    let kept = letters & !repeats;
    let starts = letters & !((letters << 8) | if last > b' ' { 0x80 } else { 0 });
    // Words whose second byte is a key letter have two or more; a word of one letter must be
    // followed by a boundary, a letter and a key letter. Any other word start is not taken,
    // except in the last byte: then the next block must go on with a key letter (`open`).
    let long = starts & ((kept >> 8) | HIGH << 56);
    let one = starts & (spaces >> 8) & (kept >> 24);
    let simple = (letters | spaces == HIGH)
        & (equal & spaces == 0)
        & (!open | (kept & 0x80 != 0))
        & (repeats & repeats.wrapping_sub(1) == 0)
        & (repeats & 0x80 == 0)
        & (starts & !long & !one == 0)
        & ((spaces >> 63 == 0) | next.is_ascii_alphabetic());
    simple.then_some(SimpleBlock {
        lower,
        spaces,
        repeats,
        restart: spaces & !(one << 8),
        open: starts >> 63 != 0,
    })
}

#[cfg(test)]
mod tests {
    use super::super::rule::{kind, Kind};
    use super::*;
    use proptest::prelude::*;

    /// Bit 7 of each byte for which `f` holds: what the helpers return, written plainly.
    fn marks(v: u64, f: impl Fn(usize, u8) -> bool) -> u64 {
        let b = v.to_le_bytes();
        (0..8)
            .filter(|&k| f(k, b[k]))
            .fold(0, |m, k| m | 0x80 << (8 * k))
    }

    /// Words of bytes that the tricks get wrong when a carry or a borrow crosses a byte.
    fn awkward() -> impl Strategy<Value = u64> {
        let byte = prop::sample::select(vec![
            0x00, 0x01, 0x7f, 0x80, 0x81, 0xff, b' ', b'\'', b'a', b'z', b'A', b'Z', b'`', b'{',
            b'@', b'[',
        ]);
        prop::array::uniform8(byte).prop_map(u64::from_le_bytes)
    }

    proptest! {
        #[test]
        fn zero_bytes_marks_exactly_the_zero_bytes(v in prop_oneof![any::<u64>(), awkward()]) {
            prop_assert_eq!(zero_bytes(v), marks(v, |_, b| b == 0));
        }

        #[test]
        fn bytes_equal_marks_exactly_the_equal_bytes(v in awkward(), b in any::<u8>()) {
            prop_assert_eq!(bytes_equal(v, b), marks(v, |_, c| c == b));
            prop_assert_eq!(bytes_equal(v, b' '), marks(v, |_, c| c == b' '));
        }

        #[test]
        fn lower_letters_marks_ascii_lower_case_letters(v in prop_oneof![any::<u64>(), awkward()]) {
            prop_assert_eq!(lower_letters(v, v), marks(v, |_, b| b.is_ascii_lowercase()));
        }

        #[test]
        fn without_byte_drops_one_byte(v in any::<u64>(), r in 0usize..=8) {
            let b = v.to_le_bytes();
            let mut kept: Vec<u8> = (0..8).filter(|&k| k != r).map(|k| b[k]).collect();
            kept.resize(8, 0);
            prop_assert_eq!(without_byte(v, r).to_le_bytes().to_vec(), kept);
        }
    }

    #[test]
    fn repeated_byte_and_last_marked_byte_find_their_byte() {
        assert_eq!(repeated_byte(0), 8);
        for k in 1..8 {
            assert_eq!(repeated_byte(0x80 << (8 * k)), k);
        }
        for k in 0..8 {
            let m = 0x80 << (8 * k);
            assert_eq!(last_marked_byte(m), k);
            assert_eq!(last_marked_byte(m | 0x80), k);
        }
    }

    #[test]
    fn nibble_gathers_the_low_bit_of_four_bytes() {
        for bits in 0..256u64 {
            // Each byte 0 or 1, garbage in the other bytes' high bits.
            let spread =
                (0..8).fold(0, |v, k| v | ((bits >> k) & 1) << (8 * k)) | 0x8080_8080 << 32;
            assert_eq!(nibble(spread), (bits & 0xf) as usize);
            assert_eq!(nibble(spread >> 32), ((bits >> 4) & 0xf) as usize);
        }
    }

    thread_local! {
        /// Cases the property below ran, and how many of them were simple blocks.
        static CASES: std::cell::Cell<(u32, u32)> = const { std::cell::Cell::new((0, 0)) };
    }

    #[test]
    fn the_kernel_property_sees_simple_blocks() {
        the_kernel_follows_the_plain_text_rule();
        // A test that only ever compared `None`s would prove little: at least one case in
        // 100 must be a simple block, however many cases `PROPTEST_CASES` asks for.
        let (cases, simple) = CASES.with(std::cell::Cell::get);
        assert!(cases > 0 && simple * 100 >= cases, "{simple} of {cases}");
    }

    /// [`simple_block`] written one byte at a time from the plain-text rule ([`kind`]): a
    /// letter is `Kind::Letter`; a boundary is a space or an apostrophe, which the rule must
    /// keep soft gaps.
    fn simple_block_reference(
        c: [u8; 8],
        next: u8,
        last: u8,
        open: bool,
    ) -> Option<(u64, u64, u64, u64, bool)> {
        let letter = |k: usize| kind(c[k]) == Kind::Letter;
        let space =
            |k: usize| matches!(c[k], b' ' | b'\'') && kind(c[k]) == (Kind::Gap { hard: false });
        let lower = |k: usize| {
            if c[k] == b'\'' {
                b' '
            } else {
                c[k].to_ascii_lowercase()
            }
        };
        let before = |k: usize| if k == 0 { last } else { lower(k - 1) };
        let equal = |k: usize| lower(k) == before(k);
        let repeat = |k: usize| letter(k) && equal(k);
        let kept = |k: usize| k < 8 && letter(k) && !repeat(k);
        let start = |k: usize| letter(k) && if k == 0 { last <= b' ' } else { !letter(k - 1) };
        let long = |k: usize| start(k) && (k == 7 || kept(k + 1));
        let one = |k: usize| start(k) && k + 1 < 8 && space(k + 1) && kept(k + 3);
        let all = |f: &dyn Fn(usize) -> bool| (0..8).all(f);
        let simple = all(&|k| letter(k) || space(k))
            && all(&|k| !(space(k) && equal(k)))
            && (!open || kept(0))
            && (0..8).filter(|&k| repeat(k)).count() <= 1
            && !repeat(0)
            && all(&|k| !start(k) || long(k) || one(k))
            && (!space(7) || next.is_ascii_alphabetic());
        let mask = |f: &dyn Fn(usize) -> bool| {
            (0..8)
                .filter(|&k| f(k))
                .fold(0u64, |m, k| m | 0x80 << (8 * k))
        };
        simple.then(|| {
            let lowered = u64::from_le_bytes(std::array::from_fn(lower));
            let restart = mask(&|k| space(k) && !(k > 0 && one(k - 1)));
            (lowered, mask(&space), mask(&repeat), restart, start(7))
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn the_kernel_follows_the_plain_text_rule(
            c in prop_oneof![
                prop::array::uniform8(prop::sample::select(b"aabbbzAZ  ''x1!.\x80-".to_vec())),
                // Only letters and boundaries: most blocks are simple, or nearly.
                prop::array::uniform8(prop::sample::select(b"abbzZ  '".to_vec())),
            ],
            next in prop::sample::select(b"a ' 1".to_vec()),
            last in prop::sample::select(vec![0, b' ', b'a', b'b']),
            open in any::<bool>(),
        ) {
            let mut bytes = c.to_vec();
            bytes.push(next);
            let fast = simple_block(&bytes, 0, last, open)
                .map(|w| (w.lower, w.spaces, w.repeats, w.restart, w.open));
            prop_assert_eq!(fast, simple_block_reference(c, next, last, open));
            CASES.with(|n| {
                let (cases, simple) = n.get();
                n.set((cases + 1, simple + u32::from(fast.is_some())));
            });
        }
    }
}
