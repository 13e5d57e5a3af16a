//! The random part of shortened links (`https://t.co/ctYA8j7pGS`), which is not words: a
//! term found only there is noise (`ctYA` read as `ctiya`, blocking a tweet for its link).
//!
//! Only hosts whose slugs are generated identifiers count, and only slugs that look generated:
//! for hosts that choose every slug (`t.co`, `pic.twitter.com`, `youtu.be`) one with a digit, a
//! `_` or `-`, or letters in both cases; for those that let a user choose one (`bit.ly/...`),
//! only one with both letters and digits, so a chosen slug made of words (`bit.ly/FuckOff`) is
//! still read. Linear: the text is scanned for `/` once, and each slug once.

/// A shortener host and whether it chooses every slug itself.
struct Host {
    name: &'static [u8],
    generated: bool,
}

const fn host(name: &'static str, generated: bool) -> Host {
    Host {
        name: name.as_bytes(),
        generated,
    }
}

/// The shorteners and hosts of generated ids seen in posts (lower case).
const HOSTS: &[Host] = &[
    host("t.co", true),
    host("pic.twitter.com", true),
    host("youtu.be", true),
    host("bit.ly", false),
    host("goo.gl", false),
    host("ow.ly", false),
    host("buff.ly", false),
    host("dlvr.it", false),
    host("fb.me", false),
    host("amzn.to", false),
    host("lnkd.in", false),
    host("tinyurl.com", false),
    host("is.gd", false),
    host("ift.tt", false),
    host("trib.al", false),
    host("wp.me", false),
    host("j.mp", false),
    host("tiny.cc", false),
    host("rb.gy", false),
    host("cutt.ly", false),
];

/// Slugs of this many bytes, no fewer or more, are taken for generated ones.
const SLUG_LEN: std::ops::RangeInclusive<usize> = 5..=16;

/// The byte ranges of `text` that are generated slugs of shortened links, in order.
pub(crate) fn generated_slugs(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    // `str::find` of a byte looks at a word at a time.
    while let Some(k) = text.get(from..).and_then(|rest| rest.find('/')) {
        let slash = from + k;
        from = slash + 1;
        let Some(host) = HOSTS.iter().find(|h| host_before(b, slash, h.name)) else {
            continue;
        };
        let end = slash
            + 1
            + b[slash + 1..]
                .iter()
                .take_while(|&&c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
                .count();
        let slug = &b[slash + 1..end];
        from = end.max(from);
        if looks_generated(slug, host.generated) {
            out.push((slash + 1, end));
        }
    }
    out
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
    match start.checked_sub(1).map(|p| b[p]) {
        None => true,
        Some(b'.') => start >= 4 && b[start - 4..start].eq_ignore_ascii_case(b"www."),
        Some(c) => !(c.is_ascii_alphanumeric() || c == b'-' || c == b'_' || c == b'@'),
    }
}

/// Whether `slug` looks like a generated id rather than words (see the module's doc).
fn looks_generated(slug: &[u8], generated_host: bool) -> bool {
    if !SLUG_LEN.contains(&slug.len()) {
        return false;
    }
    let digit = slug.iter().any(u8::is_ascii_digit);
    let letter = slug.iter().any(u8::is_ascii_alphabetic);
    if !generated_host {
        return digit && letter;
    }
    let upper = slug.iter().any(u8::is_ascii_uppercase);
    let lower = slug.iter().any(u8::is_ascii_lowercase);
    let mark = slug.iter().any(|&c| c == b'_' || c == b'-');
    digit || mark || (upper && lower)
}

#[cfg(test)]
mod tests {
    use super::generated_slugs;

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
        assert_eq!(slugs("pic.twitter.com/FCkvpOxQJK"), ["FCkvpOxQJK"]);
        assert_eq!(slugs("(youtu.be/dQw4w9WgXcQ)"), ["dQw4w9WgXcQ"]);
        assert_eq!(slugs("https://www.youtu.be/a_b-cdefgh"), ["a_b-cdefgh"]);
        assert_eq!(slugs("see bit.ly/3xYz9Qp now"), ["3xYz9Qp"]);
        assert_eq!(slugs("HTTPS://T.CO/ABCDE12345"), ["ABCDE12345"]);
    }

    #[test]
    fn chosen_slugs_words_and_other_hosts_are_not() {
        // A slug a user chose is read: it may be the post's words.
        assert!(slugs("bit.ly/FuckOff bit.ly/fuckoff tinyurl.com/chutiya").is_empty());
        // All lower case, no digit: words, even on t.co.
        assert!(slugs("t.co/fuckyouall").is_empty());
        // Not these hosts: `art.co`, a handle, a path further on, an ordinary site.
        assert!(slugs("art.co/ctYA8j7pGS @t.co/ctYA8j7pGS t.co/a/ctYA8j7pGS").is_empty());
        assert!(slugs("example.com/ctYA8j7pGS x/ctYA8j7pGS").is_empty());
        // Too short or too long to be an id.
        assert!(slugs("t.co/aB1 t.co/aB1cD2eF3gH4iJ5kL6").is_empty());
        assert!(slugs("").is_empty());
        assert!(slugs("/////t.co/").is_empty());
    }
}
