//! Offsets in other units: the core reports half-open byte spans of the original text; Python
//! wants code points and JavaScript UTF-16 code units. Conversion is one forward pass.

/// A unit for text offsets.
///
/// # Examples
///
/// ```
/// use kavach::{convert_offsets, Matcher, OffsetUnit};
///
/// let text = "😀 what the fuck";
/// let matcher = Matcher::bundled()?;
/// let m = &matcher.find(text)[0];
/// assert_eq!((m.start, m.end), (14, 18)); // bytes: the emoji is 4
/// let mut span = [m.start, m.end];
/// convert_offsets(text, &mut span, OffsetUnit::Utf16);
/// assert_eq!(span, [12, 16]); // JavaScript: the emoji is 2
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OffsetUnit {
    /// UTF-8 bytes (Rust, the CLI).
    Byte,
    /// Unicode code points (Python `str` indices).
    CodePoint,
    /// UTF-16 code units (JavaScript string indices).
    Utf16,
}

/// Converts byte offsets (each on a char boundary of `text`) to `unit`, in place, in one pass
/// over `text` whatever the order of `offsets`.
///
/// # Examples
///
/// ```
/// use kavach::{convert_offsets, Matcher, OffsetUnit};
///
/// let text = "तू चूतिया है"; // Devanagari: 3 bytes per character
/// let matcher = Matcher::bundled()?;
/// let m = &matcher.find(text)[0];
/// assert_eq!((m.start, m.end), (7, 25));
/// let mut span = [m.end, m.start]; // any order
/// convert_offsets(text, &mut span, OffsetUnit::CodePoint);
/// assert_eq!(span, [9, 3]); // Python: text[3:9]
/// assert_eq!(text.chars().skip(3).take(6).collect::<String>(), &text[m.start..m.end]);
/// # Ok::<(), kavach::Error>(())
/// ```
pub fn convert_offsets(text: &str, offsets: &mut [usize], unit: OffsetUnit) {
    if unit == OffsetUnit::Byte || offsets.is_empty() {
        return;
    }
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&k| offsets[k]);
    let mut chars = text.char_indices().peekable();
    let mut count = 0usize;
    for k in order {
        let target = offsets[k];
        while let Some(&(at, c)) = chars.peek() {
            if at >= target {
                break;
            }
            count += match unit {
                OffsetUnit::Utf16 => c.len_utf16(),
                _ => 1,
            };
            chars.next();
        }
        offsets[k] = count;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_after_emoji_and_devanagari() {
        let text = "😀 चूतिया x";
        let mut o = [5, 23, 24];
        convert_offsets(text, &mut o, OffsetUnit::CodePoint);
        assert_eq!(o, [2, 8, 9]);
        let mut o = [24, 5];
        convert_offsets(text, &mut o, OffsetUnit::Utf16);
        assert_eq!(o, [10, 3]);
    }
}
