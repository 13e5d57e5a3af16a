//! The random part of shortened links (`https://t.co/ctYA8j7pGS`), which is not words: a
//! term found only there is noise (`ctYA` read as `ctiya`, blocking a tweet for its link).
//!
//! Only hosts whose slugs are generated identifiers count, and only slugs shaped as theirs are,
//! so that a slug a person typed (`t.co/FuckYou`, `bit.ly/fuck_off`) is still read: on `t.co`
//! and `pic.twitter.com` exactly 10 letters and digits, on `youtu.be` exactly 11 of letters,
//! digits, `_` and `-`, elsewhere 5 to 16 letters and digits (fewer before an ellipsis, where a
//! retweet was cut short); always with a digit and letters in both cases (a generated slug of
//! ten has both cases but no digit about one time in six: such a link is still read). Linear: the text is scanned for `/` once, and each slug once.

/// A shortener host and the shape of the slugs it generates.
struct Host {
    name: &'static [u8],
    /// Its slugs' length in bytes.
    len: std::ops::RangeInclusive<usize>,
    /// Whether its slugs may hold `_` and `-`.
    marks: bool,
}

const fn host(name: &'static str, min: usize, max: usize, marks: bool) -> Host {
    Host {
        name: name.as_bytes(),
        len: min..=max,
        marks,
    }
}

/// The shorteners and hosts of generated ids seen in posts (lower case).
const HOSTS: &[Host] = &[
    host("t.co", 10, 10, false),
    host("pic.twitter.com", 10, 10, false),
    host("youtu.be", 11, 11, true),
    host("bit.ly", 5, 16, false),
    host("goo.gl", 5, 16, false),
    host("ow.ly", 5, 16, false),
    host("buff.ly", 5, 16, false),
    host("dlvr.it", 5, 16, false),
    host("fb.me", 5, 16, false),
    host("amzn.to", 5, 16, false),
    host("lnkd.in", 5, 16, false),
    host("tinyurl.com", 5, 16, false),
    host("is.gd", 5, 16, false),
    host("ift.tt", 5, 16, false),
    host("trib.al", 5, 16, false),
    host("wp.me", 5, 16, false),
    host("j.mp", 5, 16, false),
    host("tiny.cc", 5, 16, false),
    host("rb.gy", 5, 16, false),
    host("cutt.ly", 5, 16, false),
];

/// No host's generated slugs are longer (a test holds [`HOSTS`] to it).
const MAX_SLUG: usize = 16;

/// Whether `c` can be part of a slug: what [`slug_after`] takes before it looks at its shape.
fn is_slug_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'-'
}

/// The end of the generated slug after the `/` at `slash` of `b`, if it starts one.
fn slug_after(b: &[u8], slash: usize) -> Option<usize> {
    let host = HOSTS.iter().find(|h| host_before(b, slash, h.name))?;
    let end = slash
        + 1
        + b[slash + 1..]
            .iter()
            .take_while(|&&c| is_slug_byte(c))
            // A longer run is no slug: it is read no further than that.
            .take(MAX_SLUG + 1)
            .count();
    // A retweet cut short ends its last link with an ellipsis (`https://t.co/ctYA8…`).
    let cut = b[end..].starts_with("…".as_bytes()) || b[end..].starts_with(b"...");
    looks_generated(&b[slash + 1..end], host, cut).then_some(end)
}

/// The byte ranges of `text` that are generated slugs of shortened links, in order.
pub(crate) fn generated_slugs(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    // `str::find` of a byte looks at a word at a time.
    while let Some(k) = text.get(from..).and_then(|rest| rest.find('/')) {
        let slash = from + k;
        from = slash + 1;
        if let Some(end) = slug_after(b, slash) {
            out.push((slash + 1, end));
            from = end;
        }
    }
    out
}

/// Whether `text[start..end]` lies wholly in a generated slug (one of [`generated_slugs`]).
/// Looks only around the span (back to a `/` at most [`MAX_SLUG`] bytes before it, and no more
/// than a slug's length after it), so checking a text's few candidates costs next to nothing
/// where scanning the whole text for slugs did not (4% of `find` on tweets).
pub(crate) fn in_generated_slug(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    if start > end || end > b.len() {
        return false;
    }
    // The slug's bytes before the span: more than a slug can hold, and it is not one.
    let before = b[..start]
        .iter()
        .rev()
        .take_while(|&&c| is_slug_byte(c))
        .take(MAX_SLUG + 1)
        .count();
    let at = start - before;
    before <= MAX_SLUG
        && at > 0
        && b[at - 1] == b'/'
        && slug_after(b, at - 1).is_some_and(|slug_end| end <= slug_end)
}

/// Whether `b[..slash]` ends with `host` (in any case) at the start of a host name: after the
/// start of the text, `/`, `.` of `www.`, or a byte that is not part of a host name.
fn host_before(b: &[u8], slash: usize, host: &[u8]) -> bool {
    let Some(start) = slash.checked_sub(host.len()) else {
        return false;
    };
    if !b[start..slash].eq_ignore_ascii_case(host) {
        return false;
    }
    let starts_name = |at: usize| match at.checked_sub(1).map(|p| b[p]) {
        None => true,
        Some(c) => !(c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'@' | b'.')),
    };
    starts_name(start)
        || (start >= 4
            && b[start - 4..start].eq_ignore_ascii_case(b"www.")
            && starts_name(start - 4))
}

/// Whether `slug` has the shape of `host`'s generated ids (see the module's doc);
/// `cut`: it is followed by an ellipsis, so it may be shorter.
fn looks_generated(slug: &[u8], host: &Host, cut: bool) -> bool {
    let allowed = |c: &u8| c.is_ascii_alphanumeric() || (host.marks && matches!(c, b'_' | b'-'));
    let len_fits = host.len.contains(&slug.len()) || (cut && slug.len() < *host.len.start());
    len_fits
        && slug.iter().all(allowed)
        && slug.iter().any(u8::is_ascii_digit)
        && slug.iter().any(u8::is_ascii_uppercase)
        && slug.iter().any(u8::is_ascii_lowercase)
}

#[cfg(test)]
mod tests {
    use super::{generated_slugs, in_generated_slug, HOSTS, MAX_SLUG};
    use proptest::prelude::*;

    fn slugs(text: &str) -> Vec<&str> {
        generated_slugs(text)
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect()
    }

    #[test]
    fn generated_slugs_of_shortened_links_are_found() {
        assert_eq!(
            slugs("lol https://t.co/ctYA8j7pGS and http://t.co/kuTtyOm3j7."),
            ["ctYA8j7pGS", "kuTtyOm3j7"]
        );
        assert_eq!(slugs("pic.twitter.com/FCkvpO8QJK"), ["FCkvpO8QJK"]);
        assert_eq!(slugs("(youtu.be/dQw4w9WgXcQ)"), ["dQw4w9WgXcQ"]);
        assert_eq!(slugs("https://www.youtu.be/a_B-c9efghi"), ["a_B-c9efghi"]);
        assert_eq!(slugs("see bit.ly/3xYz9Qp now"), ["3xYz9Qp"]);
        assert_eq!(slugs("HTTPS://T.CO/AbCDE12345"), ["AbCDE12345"]);
        // Cut short by an ellipsis in a truncated retweet.
        assert_eq!(slugs("RT @a: so https://t.co/ctYA8…"), ["ctYA8"]);
        assert_eq!(slugs("so https://t.co/kuT3..."), ["kuT3"]);
    }

    #[test]
    fn slugs_people_type_words_and_other_hosts_are_not() {
        // Typed by a person: the post's words, read as ever.
        for text in [
            "lol t.co/FuckYou",
            "t.co/fuck_off youtu.be/Madar-Chod",
            "t.co/FuckYouAll",
            "bit.ly/FuckOff bit.ly/fuckoff tinyurl.com/chutiya",
            "t.co/fuckyouall t.co/FUCKYOU123",
        ] {
            assert!(slugs(text).is_empty(), "{text}");
        }
        // Not these hosts: `art.co`, a handle, a path further on, `evilwww.t.co`, other sites.
        assert!(slugs("art.co/ctYA8j7pGS @t.co/ctYA8j7pGS t.co/a/ctYA8j7pGS").is_empty());
        assert!(slugs("evilwww.t.co/ctYA8j7pGS example.com/ctYA8j7pGS x/ctYA8j7pGS").is_empty());
        // Not the length of the host's ids.
        assert!(slugs("t.co/aB1 t.co/aB1cD2eF3gH4iJ5kL6 bit.ly/aB1c").is_empty());
        assert!(slugs("").is_empty());
        assert!(slugs("/////t.co/").is_empty());
    }

    proptest! {
        /// Looking around a span says what finding every slug of the text says.
        #[test]
        fn in_generated_slug_agrees_with_generated_slugs(
            text in "(https://|www\\.|t\\.co/|bit\\.ly/|youtu\\.be/|pic\\.twitter\\.com/|/|…|\\.\\.\\.|ctYA8j7pGS|kuT3|dQw4w9WgXcQ|aB3cD4eF5gH6iJ7kL8|[aB3_ -]|[é😀चू]|[a-zA-Z0-9]{1,12}){0,12}",
            a in 0usize..120,
            b in 0usize..120,
        ) {
            let slugs = generated_slugs(&text);
            let (start, end) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
            let inside = slugs.iter().any(|&(x, y)| x <= start && end <= y);
            prop_assert_eq!(in_generated_slug(&text, start, end), inside, "{:?} {:?}", text, slugs);
        }
    }

    #[test]
    fn no_host_has_slugs_longer_than_the_longest_looked_at() {
        assert!(HOSTS.iter().all(|h| *h.len.end() <= MAX_SLUG));
    }

    #[test]
    fn spans_in_slugs_are_told_from_spans_reaching_out() {
        let text = "so https://t.co/ctYA8j7pGS ok";
        let slug = text.find("ctYA").unwrap_or(0);
        assert!(in_generated_slug(text, slug, slug + 4));
        assert!(in_generated_slug(text, slug + 6, slug + 10));
        assert!(!in_generated_slug(text, slug + 6, slug + 12));
        assert!(!in_generated_slug(text, 0, 2));
        assert!(!in_generated_slug("t.co/FuckYou", 5, 9));
    }
}
