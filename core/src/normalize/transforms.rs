//! The evasions the normaliser undid to find a match, as a small bit set.

use std::fmt;

/// Which evasions were undone to find a match (e.g. `leet` and `separator` for `5.h.1.t`).
///
/// Plain ASCII case differences are not reported: they are not an evasion.
///
/// # Examples
///
/// ```
/// use kavach::{Matcher, Transforms};
///
/// let matcher = Matcher::bundled()?;
/// let found = matcher.find("SHIT or 5.h.1.t");
/// assert_eq!((found[0].text, found[0].transforms), ("SHIT", Transforms::empty()));
/// let leet_spaced = Transforms::LEET | Transforms::SEPARATOR;
/// assert_eq!((found[1].text, found[1].transforms), ("5.h.1.t", leet_spaced));
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Transforms(u16);

impl Transforms {
    /// A compatibility form: fullwidth, mathematical, enclosed, ligature, super/subscript.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, Transforms};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let text = "what the ｆｕｃｋ";
    /// let m = &matcher.find(text)[0];
    /// assert_eq!((&text[m.start..m.end], m.term), ("ｆｕｃｋ", "fuck"));
    /// assert!(m.transforms.contains(Transforms::COMPAT));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub const COMPAT: Transforms = Transforms(1);
    /// Full Unicode case folding of a non-ASCII letter (e.g. `ẞ` → `ss`).
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, Transforms};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let text = "kiss my Aẞ"; // `ẞ` (capital sharp s) folds to `ss`
    /// let m = &matcher.find(text)[0];
    /// assert_eq!((&text[m.start..m.end], m.term), ("Aẞ", "ass"));
    /// assert!(m.transforms.contains(Transforms::CASE));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub const CASE: Transforms = Transforms(2);
    /// Diacritics or stacked combining marks removed from a Latin, Greek or Cyrillic letter.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, Transforms};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let text = "what the fück";
    /// let m = &matcher.find(text)[0];
    /// assert_eq!((&text[m.start..m.end], m.term), ("fück", "fuck"));
    /// assert!(m.transforms.contains(Transforms::DIACRITIC));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub const DIACRITIC: Transforms = Transforms(4);
    /// A homoglyph folded to its UTS #39 prototype (e.g. Cyrillic `с` → `c`).
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, Transforms};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let text = "what the fu\u{441}k"; // Cyrillic `с` (U+0441) reads as Latin `c`
    /// let m = &matcher.find(text)[0];
    /// assert_eq!((&text[m.start..m.end], m.term), ("fu\u{441}k", "fuck"));
    /// assert!(m.transforms.contains(Transforms::CONFUSABLE));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub const CONFUSABLE: Transforms = Transforms(8);
    /// Invisible characters removed (zero-width, bidi controls, variation selectors, tags).
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, Transforms};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let text = "what the fu\u{200B}ck"; // a zero-width space
    /// let m = &matcher.find(text)[0];
    /// assert_eq!((&text[m.start..m.end], m.term), ("fu\u{200B}ck", "fuck"));
    /// assert!(m.transforms.contains(Transforms::INVISIBLE));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub const INVISIBLE: Transforms = Transforms(16);
    /// Leetspeak digits or symbols read as letters (`5h1t`).
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, Transforms};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let text = "this is 5h1t";
    /// let m = &matcher.find(text)[0];
    /// assert_eq!((&text[m.start..m.end], m.term), ("5h1t", "shit"));
    /// assert!(m.transforms.contains(Transforms::LEET));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub const LEET: Transforms = Transforms(32);
    /// Separators between spaced-out letters removed (`f.u.c.k`, `f u c k`).
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, Transforms};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let text = "what the f.u.c.k";
    /// let m = &matcher.find(text)[0];
    /// assert_eq!((&text[m.start..m.end], m.term), ("f.u.c.k", "fuck"));
    /// assert!(m.transforms.contains(Transforms::SEPARATOR));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub const SEPARATOR: Transforms = Transforms(64);
    /// Stretched letters beyond what the term has (`fuuuck`).
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, Transforms};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let text = "what the fuuuuck";
    /// let m = &matcher.find(text)[0];
    /// assert_eq!((&text[m.start..m.end], m.term), ("fuuuuck", "fuck"));
    /// assert!(m.transforms.contains(Transforms::STRETCH));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub const STRETCH: Transforms = Transforms(128);
    /// Masked letters (`f*ck`, `f#ck`).
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, Transforms};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let text = "what the f*ck";
    /// let m = &matcher.find(text)[0];
    /// assert_eq!((&text[m.start..m.end], m.term), ("f*ck", "fuck"));
    /// assert!(m.transforms.contains(Transforms::MASK));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub const MASK: Transforms = Transforms(256);
    /// A Devanagari spelling variant folded: nukta, chandrabindu, long `ई`/`ऊ` vowels, digits
    /// (`भोसडी` for `भोसड़ी`, `चुतिया` for `चूतिया`).
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, Transforms};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let text = "तू भोसडी का"; // the nukta of `ड़` left out
    /// let m = &matcher.find(text)[0];
    /// assert_eq!((&text[m.start..m.end], m.term), ("भोसडी", "भोसड़ी"));
    /// assert!(m.transforms.contains(Transforms::INDIC));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub const INDIC: Transforms = Transforms(512);
    /// A romanised Hindi spelling variant of the term (`chootiya`, `chutia` for `chutiya`).
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, Transforms, Wordlist};
    ///
    /// # let header = "version = 1.0.0\ntitle = t\nlanguages = hi-Latn\nsource = me\n\
    /// #     license = CC0-1.0\ndate = 2026-01-01\n";
    /// // Only Hindi entries (`lang` `hi` or `hi-*`) get these variants.
    /// let list = format!("id = t\n{header}[terms]\nchutiya | insult | high | word | hi-Latn\n");
    /// let matcher = Matcher::builder().list(Wordlist::parse(&list, "mine")?).build()?;
    /// let text = "tu chutia hai";
    /// let m = &matcher.find(text)[0];
    /// assert_eq!((&text[m.start..m.end], m.term), ("chutia", "chutiya"));
    /// assert!(m.transforms.contains(Transforms::SPELLING));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub const SPELLING: Transforms = Transforms(1024);
    /// The term matched in the other script: a Devanagari term in romanised text or the other
    /// way round (`chutiya` for `चूतिया`).
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, Transforms, Wordlist};
    ///
    /// # let header = "version = 1.0.0\ntitle = t\nlanguages = hi-Latn\nsource = me\n\
    /// #     license = CC0-1.0\ndate = 2026-01-01\n";
    /// // Only Hindi entries (`lang` `hi` or `hi-*`) get these variants.
    /// let list = format!("id = t\n{header}[terms]\nchutiya | insult | high | word | hi-Latn\n");
    /// let matcher = Matcher::builder().list(Wordlist::parse(&list, "mine")?).build()?;
    /// let text = "tu चूतिया hai";
    /// let m = &matcher.find(text)[0];
    /// assert_eq!((&text[m.start..m.end], m.term), ("चूतिया", "chutiya"));
    /// assert!(m.transforms.contains(Transforms::SCRIPT));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub const SCRIPT: Transforms = Transforms(2048);
    /// A Hindi inflection of the term: a plural, oblique or vocative ending (`saale`, `kutton` for
    /// `saala`, `kutta`; `गधे` for `गधा`). Feminine forms (`-i`) are listed, not generated.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, Transforms, Wordlist};
    ///
    /// # let header = "version = 1.0.0\ntitle = t\nlanguages = hi-Latn\nsource = me\n\
    /// #     license = CC0-1.0\ndate = 2026-01-01\n";
    /// let list = format!("id = mine\n{header}[terms]\nsaala | insult | low | word | hi-Latn\n");
    /// let matcher = Matcher::builder().list(Wordlist::parse(&list, "mine")?).build()?;
    /// let text = "chal saalon";
    /// let m = &matcher.find(text)[0];
    /// assert_eq!((&text[m.start..m.end], m.term), ("saalon", "saala"));
    /// assert!(m.transforms.contains(Transforms::INFLECTION));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub const INFLECTION: Transforms = Transforms(4096);
    /// A phrase written as one word, or a Hindi compound written as two (`killyourself` for
    /// `kill yourself`, `madar chod` for `madarchod`).
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, Transforms};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let text = "go killyourself";
    /// let m = &matcher.find(text)[0];
    /// assert_eq!((&text[m.start..m.end], m.term), ("killyourself", "kill yourself"));
    /// assert!(m.transforms.contains(Transforms::COMPOUND));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub const COMPOUND: Transforms = Transforms(8192);
    /// The term written backwards or upside down (`kcuf`, `ʞɔnɟ` for `fuck`).
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, Transforms};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let text = "what the kcuf";
    /// let m = &matcher.find(text)[0];
    /// assert_eq!((&text[m.start..m.end], m.term), ("kcuf", "fuck"));
    /// assert!(m.transforms.contains(Transforms::REVERSED));
    /// # Ok::<(), kavach::Error>(())
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, Transforms};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let m = &matcher.find("what the fuck")[0]; // written plainly
    /// assert_eq!(m.transforms, Transforms::empty());
    /// assert_eq!(Transforms::empty().names().count(), 0);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub const fn empty() -> Self {
        Transforms(0)
    }

    /// True when no evasion was involved.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Matcher;
    ///
    /// let matcher = Matcher::bundled()?;
    /// let found = matcher.find("Fuck, f.u.c.k");
    /// assert!(found[0].transforms.is_empty()); // ASCII case is no evasion
    /// assert!(!found[1].transforms.is_empty());
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// True when every transform in `other` is in `self`.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, Transforms};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let t = matcher.find("5.h.1.t")[0].transforms;
    /// assert!(t.contains(Transforms::LEET));
    /// assert!(t.contains(Transforms::LEET | Transforms::SEPARATOR));
    /// assert!(!t.contains(Transforms::LEET | Transforms::MASK));
    /// assert!(t.contains(Transforms::empty()));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub const fn contains(self, other: Transforms) -> bool {
        self.0 & other.0 == other.0
    }

    /// The union of both sets (also the `|` operator).
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, Transforms};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let both = Transforms::CONFUSABLE.union(Transforms::REVERSED);
    /// assert_eq!(matcher.find("ʞɔnɟ")[0].transforms, both); // `fuck` upside down
    /// assert_eq!(both, Transforms::CONFUSABLE | Transforms::REVERSED);
    /// # Ok::<(), kavach::Error>(())
    /// ```
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
    /// `compound`, `reversed`.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Matcher;
    ///
    /// let matcher = Matcher::bundled()?;
    /// let m = &matcher.find("what the f.u.\u{441}.k")[0]; // Cyrillic `с`
    /// assert_eq!(m.transforms.names().collect::<Vec<_>>(), ["confusable", "separator"]);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        Self::NAMES
            .into_iter()
            .filter(move |(t, _)| self.contains(*t))
            .map(|(_, n)| n)
    }

    /// Parses one stable name back into its transform.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Transforms;
    ///
    /// assert_eq!(Transforms::from_name("leet"), Some(Transforms::LEET));
    /// assert_eq!(Transforms::from_name("LEET"), None); // names are lower case
    /// // Names from a match (or a binding, or JSON) back into a set:
    /// let names = ["leet", "mask"];
    /// let set = names.iter().filter_map(|n| Transforms::from_name(n));
    /// let set = set.fold(Transforms::empty(), Transforms::union);
    /// assert_eq!(set, Transforms::LEET | Transforms::MASK);
    /// ```
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
