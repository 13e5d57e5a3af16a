//! Censoring: replaces matched spans with one mask character per grapheme, so emoji and
//! Devanagari conjuncts stay whole and the text keeps its visible length.

use unicode_segmentation::UnicodeSegmentation;

/// How to mask a match.
///
/// # Examples
///
/// ```
/// use kavach::{CensorOptions, Matcher};
///
/// let matcher = Matcher::bundled()?;
/// assert_eq!(matcher.censor("shit happens", &CensorOptions::default()), "**** happens");
/// let mut options = CensorOptions::default();
/// options.mask = '#';
/// options.keep_first = true;
/// assert_eq!(matcher.censor("shit happens", &options), "s### happens");
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CensorOptions {
    /// The mask character (default `*`).
    pub mask: char,
    /// Keep the first grapheme of each match (`f***`).
    pub keep_first: bool,
}

impl Default for CensorOptions {
    fn default() -> Self {
        CensorOptions {
            mask: '*',
            keep_first: false,
        }
    }
}

/// Masks every grapheme of `text` that overlaps one of `spans` (sorted, non-overlapping byte
/// ranges on char boundaries).
pub(crate) fn censor_spans(
    text: &str,
    spans: &[(usize, usize)],
    options: &CensorOptions,
) -> String {
    if spans.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut next = 0;
    let mut first_of_span = true;
    for (at, g) in text.grapheme_indices(true) {
        let g_end = at + g.len();
        while next < spans.len() && spans[next].1 <= at {
            next += 1;
            first_of_span = true;
        }
        let masked = spans.get(next).is_some_and(|&(s, e)| s < g_end && at < e);
        if masked {
            if options.keep_first && first_of_span {
                out.push_str(g);
            } else {
                out.push(options.mask);
            }
            first_of_span = false;
        } else {
            out.push_str(g);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_mask_per_grapheme() {
        let o = CensorOptions::default();
        assert_eq!(censor_spans("a fück b", &[(2, 7)], &o), "a **** b");
        assert_eq!(censor_spans("x चूतिया y", &[(2, 20)], &o), "x *** y");
        let k = CensorOptions {
            mask: '#',
            keep_first: true,
        };
        assert_eq!(
            censor_spans("fuck shit", &[(0, 4), (5, 9)], &k),
            "f### s###"
        );
    }
}
