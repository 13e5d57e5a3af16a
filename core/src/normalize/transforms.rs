//! The evasions the normaliser undid to find a match, as a small bit set.

use std::fmt;

/// Which evasions were undone to find a match (e.g. `leet` and `separator` for `5.h.1.t`).
///
/// Plain ASCII case differences are not reported: they are not an evasion.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Transforms(u16);

impl Transforms {
    /// A compatibility form: fullwidth, mathematical, enclosed, ligature, super/subscript.
    pub const COMPAT: Transforms = Transforms(1);
    /// Full Unicode case folding of a non-ASCII letter (e.g. `ẞ` → `ss`).
    pub const CASE: Transforms = Transforms(2);
    /// Diacritics or stacked combining marks removed from a Latin, Greek or Cyrillic letter.
    pub const DIACRITIC: Transforms = Transforms(4);
    /// A homoglyph folded to its UTS #39 prototype (e.g. Cyrillic `с` → `c`).
    pub const CONFUSABLE: Transforms = Transforms(8);
    /// Invisible characters removed (zero-width, bidi controls, variation selectors, tags).
    pub const INVISIBLE: Transforms = Transforms(16);
    /// Leetspeak digits or symbols read as letters (`5h1t`).
    pub const LEET: Transforms = Transforms(32);
    /// Separators between spaced-out letters removed (`f.u.c.k`, `f u c k`).
    pub const SEPARATOR: Transforms = Transforms(64);
    /// Stretched letters beyond what the term has (`fuuuck`).
    pub const STRETCH: Transforms = Transforms(128);
    /// Masked letters (`f*ck`, `f#ck`).
    pub const MASK: Transforms = Transforms(256);
    /// A Devanagari spelling variant folded: nukta, chandrabindu, long `ई`/`ऊ` vowels, digits
    /// (`भोसडी` for `भोसड़ी`, `चुतिया` for `चूतिया`).
    pub const INDIC: Transforms = Transforms(512);
    /// A romanised Hindi spelling variant of the term (`chootiya`, `chutia` for `chutiya`).
    pub const SPELLING: Transforms = Transforms(1024);
    /// The term matched in the other script: a Devanagari term in romanised text or the other
    /// way round (`chutiya` for `चूतिया`).
    pub const SCRIPT: Transforms = Transforms(2048);
    /// A Hindi inflection of the term: plural, oblique, vocative or feminine ending (`saale`,
    /// `kutton` for `saala`, `kutta`; `गधे` for `गधा`).
    pub const INFLECTION: Transforms = Transforms(4096);
    /// A phrase written as one word, or a Hindi compound written as two (`killyourself` for
    /// `kill yourself`, `madar chod` for `madarchod`).
    pub const COMPOUND: Transforms = Transforms(8192);
    /// The term written backwards or upside down (`kcuf`, `ʞɔnɟ` for `fuck`).
    pub const REVERSED: Transforms = Transforms(16384);

    const NAMES: [(Transforms, &'static str); 15] = [
        (Self::COMPAT, "compat"),
        (Self::CASE, "case"),
        (Self::DIACRITIC, "diacritic"),
        (Self::CONFUSABLE, "confusable"),
        (Self::INVISIBLE, "invisible"),
        (Self::LEET, "leet"),
        (Self::SEPARATOR, "separator"),
        (Self::STRETCH, "stretch"),
        (Self::MASK, "mask"),
        (Self::INDIC, "indic"),
        (Self::SPELLING, "spelling"),
        (Self::SCRIPT, "script"),
        (Self::INFLECTION, "inflection"),
        (Self::COMPOUND, "compound"),
        (Self::REVERSED, "reversed"),
    ];

    /// The empty set.
    pub const fn empty() -> Self {
        Transforms(0)
    }

    /// True when no evasion was involved.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// True when every transform in `other` is in `self`.
    pub const fn contains(self, other: Transforms) -> bool {
        self.0 & other.0 == other.0
    }

    /// The union of both sets.
    #[must_use]
    pub const fn union(self, other: Transforms) -> Self {
        Transforms(self.0 | other.0)
    }

    pub(crate) const fn bits(self) -> u16 {
        self.0
    }

    /// Every named transform's bit.
    const ALL: u16 = {
        let mut all = 0;
        let mut k = 0;
        while k < Self::NAMES.len() {
            all |= Self::NAMES[k].0 .0;
            k += 1;
        }
        all
    };

    pub(crate) const fn from_bits(bits: u16) -> Self {
        Transforms(bits & Self::ALL)
    }

    /// Stable names in a fixed order: `compat`, `case`, `diacritic`, `confusable`, `invisible`,
    /// `leet`, `separator`, `stretch`, `mask`, `indic`, `spelling`, `script`, `inflection`,
    /// `compound`.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        Self::NAMES
            .into_iter()
            .filter(move |(t, _)| self.contains(*t))
            .map(|(_, n)| n)
    }

    /// Parses one stable name back into its transform.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::NAMES
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(t, _)| *t)
    }
}

impl std::ops::BitOr for Transforms {
    type Output = Transforms;
    fn bitor(self, rhs: Transforms) -> Transforms {
        self.union(rhs)
    }
}

impl std::ops::BitOrAssign for Transforms {
    fn bitor_assign(&mut self, rhs: Transforms) {
        *self = self.union(rhs);
    }
}

impl fmt::Debug for Transforms {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.names()).finish()
    }
}
