//! Mining candidate terms from labelled posts: how a platform grows its own list.
//!
//! Posts labelled abusive (1) or not (0) are cut into words and two-word phrases as people wrote
//! them (lower-cased, punctuation trimmed, URLs, mentions and numbers left out), and emoji (each
//! symbol on its own, skin tones left out), each counted once per post. Every word and phrase
//! is scored by the weighted log-odds ratio of the posts with it against those without, abusive against clean, with an informative Dirichlet (here
//! Beta) prior (Monroe, Colaresi and Quinn 2008, "Fightin' Words", section 3.5): the prior's
//! pseudo-counts are a fraction ([`MineOptions::prior`]) of the whole corpus's posts with and
//! without it, and the score is the log-odds difference divided by its standard deviation, a
//! z-score, so rare n-grams need more evidence than frequent ones. The best are checked against the current matcher: what it
//! already matches whole is left out; what it matches in part is marked. Nothing is added to a
//! list: the result is a review sheet ([`write_review_sheet`]) whose accepted rows
//! `kavach list import` reads.

use std::collections::HashMap;
use std::io::{self, Write};

use crate::matcher::Matcher;
use crate::normalize::is_symbol;

/// How [`Miner`] ranks and reports.
///
/// # Examples
///
/// ```
/// use kavach::{Matcher, MineOptions, Miner};
///
/// let mut options = MineOptions::default();
/// assert_eq!((options.top, options.min_posts, options.phrases), (200, 3, true));
/// (options.min_posts, options.phrases) = (2, false); // a small sample, words only
/// let matcher = Matcher::bundled()?;
/// let mut miner = Miner::new(&matcher, options);
/// miner.add("you zorkface", true);
/// miner.add("zorkface!", true);
/// miner.add("nice game", false);
/// let found = miner.finish();
/// assert_eq!(found.iter().map(|c| c.term.as_str()).collect::<Vec<_>>(), ["zorkface"]);
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct MineOptions {
    /// How many candidates to report (default 200).
    pub top: usize,
    /// Fewest abusive posts a candidate must occur in (default 3).
    pub min_posts: u32,
    /// The prior's weight: its pseudo-counts are this fraction of each n-gram's count in the
    /// whole corpus (default 0.1).
    pub prior: f64,
    /// Whether two-word phrases are candidates too (default true).
    pub phrases: bool,
    /// Example posts kept per candidate (default 3).
    pub examples: usize,
}

impl Default for MineOptions {
    fn default() -> Self {
        MineOptions {
            top: 200,
            min_posts: 3,
            prior: 0.1,
            phrases: true,
            examples: 3,
        }
    }
}

/// A word or phrase that occurs in abusive posts more than chance would have it. Made by
/// [`Miner`]; to write a sheet of one's own, start from `Candidate::default()` and set fields.
///
/// # Examples
///
/// ```
/// use kavach::{Matcher, MineOptions, Miner};
///
/// let matcher = Matcher::bundled()?;
/// let mut miner = Miner::new(&matcher, MineOptions::default());
/// for _ in 0..5 {
///     miner.add("you zorkface, what a fuck up", true);
///     miner.add("what a game", false);
/// }
/// let found = miner.finish();
/// let phrase = found.iter().find(|c| c.term == "fuck up").expect("a candidate");
/// assert_eq!((phrase.words, phrase.abusive_posts, phrase.clean_posts), (2, 5, 0));
/// // `fuck` is listed: the phrase says so, and `fuck` alone is no candidate.
/// assert_eq!(phrase.contains, Some(("fuck".to_string(), "en".to_string())));
/// assert!(found.iter().all(|c| c.term != "fuck"));
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Candidate {
    /// As written in the posts, lower-cased.
    pub term: String,
    /// 1 for a word, 2 for a phrase.
    pub words: usize,
    /// The z-score of its weighted log-odds (higher: more associated with abusive posts).
    pub score: f64,
    /// Abusive posts it occurs in.
    pub abusive_posts: u32,
    /// Clean posts it occurs in.
    pub clean_posts: u32,
    /// What the current lists already match inside it (a phrase: a word with a match is no
    /// candidate): `(term, list id)`; `None` when nothing.
    pub contains: Option<(String, String)>,
    /// A few abusive posts it occurs in (at most 200 characters each).
    pub examples: Vec<String>,
}

/// Counts of one n-gram.
#[derive(Default)]
struct Counts {
    abusive: u32,
    clean: u32,
    /// Indices into [`Miner::kept`] of abusive posts with it.
    examples: Vec<u32>,
}

/// Longest post kept as an example, in characters.
const EXAMPLE_CHARS: usize = 200;
/// Longest word counted, in characters (longer ones are URLs, hashes, keyboard mashing).
const MAX_WORD_CHARS: usize = 30;

/// Counts words and phrases over labelled posts ([`Miner::add`]), then ranks them
/// ([`Miner::finish`]). Memory: one entry per distinct word and phrase, and the first
/// 200 characters of abusive posts that give an example.
///
/// # Examples
///
/// ```
/// use kavach::{Matcher, MineOptions, Miner};
///
/// let matcher = Matcher::bundled()?;
/// let mut miner = Miner::new(&matcher, MineOptions::default());
/// let labelled = [("what a zorkface", true), ("you zorkface", true), ("what a game", false)];
/// for _ in 0..5 {
///     for (text, abusive) in labelled {
///         miner.add(text, abusive);
///     }
/// }
/// let best = &miner.finish()[0];
/// assert_eq!((best.term.as_str(), best.abusive_posts, best.clean_posts), ("zorkface", 10, 0));
/// assert_eq!(best.examples, ["what a zorkface", "you zorkface", "what a zorkface"]);
/// # Ok::<(), kavach::Error>(())
/// ```
pub struct Miner<'m> {
    matcher: &'m Matcher,
    options: MineOptions,
    grams: HashMap<Box<str>, Counts>,
    /// Posts of each label: (clean, abusive).
    posts: (u64, u64),
    kept: Vec<Box<str>>,
}

impl<'m> Miner<'m> {
    /// A miner that checks its candidates against `matcher`'s lists.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, MineOptions, Miner};
    ///
    /// let posts = [("shit man", true), ("oh shit", true), ("shit!", true), ("oh man", false)];
    /// // Against the bundled lists, a listed term is never a candidate ...
    /// let bundled = Matcher::bundled()?;
    /// let mut miner = Miner::new(&bundled, MineOptions::default());
    /// posts.iter().for_each(|&(text, abusive)| miner.add(text, abusive));
    /// assert!(miner.finish().iter().all(|c| c.term != "shit"));
    /// // ... against a list without it, it is.
    /// let hindi = Matcher::builder().bundled("hi").build()?;
    /// let mut miner = Miner::new(&hindi, MineOptions::default());
    /// posts.iter().for_each(|&(text, abusive)| miner.add(text, abusive));
    /// assert_eq!(miner.finish()[0].term, "shit");
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn new(matcher: &'m Matcher, options: MineOptions) -> Self {
        Miner {
            matcher,
            options,
            grams: HashMap::new(),
            posts: (0, 0),
            kept: Vec::new(),
        }
    }

    /// Counts one post's words and phrases, each once.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, MineOptions, Miner};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let mut miner = Miner::new(&matcher, MineOptions::default());
    /// // Lower-cased, punctuation trimmed; the URL, the mention and the number are left out.
    /// miner.add("Zorkface! ZORKFACE https://x.example @sam 2024", true);
    /// miner.add("#zorkface", true);
    /// miner.add("zorkface zorkface", true);
    /// miner.add("nice game", false);
    /// let found = miner.finish();
    /// assert_eq!(found[0].term, "zorkface");
    /// assert_eq!(found[0].abusive_posts, 3); // once per post
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn add(&mut self, text: &str, abusive: bool) {
        if abusive {
            self.posts.1 += 1;
        } else {
            self.posts.0 += 1;
        }
        let words = words(text);
        let mut grams: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        if self.options.phrases {
            grams.extend(words.windows(2).map(|p| format!("{} {}", p[0], p[1])));
        }
        // Emoji and other symbols, each on its own (lists may hold them: see `crate::symbols`).
        grams.extend(text.chars().filter(|&c| is_symbol(c)).map(String::from));
        grams.sort_unstable();
        grams.dedup();
        let mut example = None;
        for g in grams {
            let c = self.grams.entry(g.into_boxed_str()).or_default();
            if !abusive {
                c.clean += 1;
                continue;
            }
            c.abusive += 1;
            if c.examples.len() < self.options.examples {
                let at = *example.get_or_insert_with(|| {
                    let cut: String = text.chars().take(EXAMPLE_CHARS).collect();
                    self.kept.push(cut.into_boxed_str());
                    self.kept.len() as u32 - 1
                });
                c.examples.push(at);
            }
        }
    }

    /// Posts counted: (clean, abusive).
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, MineOptions, Miner};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let mut miner = Miner::new(&matcher, MineOptions::default());
    /// miner.add("you zorkface", true);
    /// miner.add("nice game", false);
    /// miner.add("zorkface!", true);
    /// assert_eq!(miner.posts(), (1, 2));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn posts(&self) -> (u64, u64) {
        self.posts
    }

    /// The best candidates, best first: those in at least [`MineOptions::min_posts`] abusive
    /// posts, scored, and not already matched whole by the matcher.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Matcher, MineOptions, Miner};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let mut miner = Miner::new(&matcher, MineOptions::default());
    /// for _ in 0..5 {
    ///     miner.add("what a zorkface", true);
    ///     miner.add("you zorkface, what a fuck up", true);
    ///     miner.add("what a game", false);
    /// }
    /// let found = miner.finish();
    /// assert_eq!(found[0].term, "zorkface"); // in 10 abusive posts and no clean one
    /// assert!(found[0].score > found[1].score);
    /// assert!(found.iter().all(|c| c.term != "fuck" && c.term != "what"));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn finish(self) -> Vec<Candidate> {
        // Posts with and without the n-gram, per label, each with its prior pseudo-counts.
        #[allow(clippy::cast_precision_loss)]
        let (n1, n0) = (self.posts.1 as f64, self.posts.0 as f64);
        let prior = self.options.prior;
        let mut scored: Vec<(f64, &str, &Counts)> = self
            .grams
            .iter()
            .filter(|(_, c)| c.abusive >= self.options.min_posts)
            // In every clean post: it cannot be more frequent in abusive ones.
            .filter(|(_, c)| self.posts.0 == 0 || u64::from(c.clean) < self.posts.0)
            .map(|(g, c)| {
                let (y1, y0) = (f64::from(c.abusive), f64::from(c.clean));
                // At least one post's worth of prior on each side: an n-gram in every post of
                // a set without clean posts would otherwise divide by zero and be dropped,
                // although it is the strongest candidate.
                let with = prior * (y1 + y0).max(1.0);
                let without = prior * (n1 + n0 - y1 - y0).max(1.0);
                let (a1, b1) = (y1 + with, n1 - y1 + without);
                let (a0, b0) = (y0 + with, n0 - y0 + without);
                let delta = (a1 / b1).ln() - (a0 / b0).ln();
                let z = delta / (1.0 / a1 + 1.0 / b1 + 1.0 / a0 + 1.0 / b0).sqrt();
                (z, &**g, c)
            })
            .filter(|(z, _, _)| z.is_finite() && *z > 0.0)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        let mut out = Vec::new();
        for (z, g, c) in scored {
            if out.len() >= self.options.top {
                break;
            }
            let found = self.matcher.find(g);
            // Matched whole, or a word matched in part (`fucking` holds `fuck`, a substring):
            // the lists flag it wherever it is written, so listing it would change nothing. A
            // term found in a word needs nothing but the word (a context-mode term could not
            // have its context words inside it). A phrase with a listed term stays: it shows
            // compounds and phrases around known terms (`madar chod`, `teri maa`).
            let one_word = !g.contains(' ');
            if found
                .iter()
                .any(|m| one_word || (m.start == 0 && m.end == g.len()))
            {
                continue;
            }
            out.push(Candidate {
                term: g.to_string(),
                words: 1 + g.matches(' ').count(),
                score: z,
                abusive_posts: c.abusive,
                clean_posts: c.clean,
                contains: found
                    .first()
                    .map(|m| (m.term.to_string(), m.list.to_string())),
                examples: c
                    .examples
                    .iter()
                    .map(|&k| self.kept[k as usize].to_string())
                    .collect(),
            });
        }
        out
    }
}

/// A post's words as written: split at whitespace, lower-cased, punctuation trimmed from each
/// end; URLs, mentions, numbers and very long tokens left out; a hashtag counts as its word.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .filter(|t| !t.contains("://") && !t.starts_with("www.") && !t.starts_with('@'))
        .map(|t| {
            t.trim_matches(|c: char| !(c.is_alphanumeric() || is_mark(c)))
                .to_lowercase()
        })
        .filter(|w| {
            !w.is_empty()
                && w.chars().count() <= MAX_WORD_CHARS
                && w.chars().any(char::is_alphabetic)
        })
        .collect()
}

/// Devanagari vowel signs, virama and nukta, which end many words and are not alphanumeric.
fn is_mark(c: char) -> bool {
    ('\u{0900}'..='\u{0903}').contains(&c)
        || ('\u{093A}'..='\u{094F}').contains(&c)
        || ('\u{0951}'..='\u{0957}').contains(&c)
        || ('\u{0962}'..='\u{0963}').contains(&c)
}

/// The columns of a review sheet, in order. A reviewer fills `accept` (`yes` to add the row)
/// and may change `category`, `severity`, `mode` and `lang`; `kavach list import` reads the
/// sheet (as `.tsv`) and keeps only the accepted rows.
///
/// # Examples
///
/// ```
/// use kavach::REVIEW_COLUMNS;
///
/// assert_eq!(REVIEW_COLUMNS.len(), 11);
/// assert_eq!(REVIEW_COLUMNS[..6], ["accept", "term", "category", "severity", "mode", "lang"]);
/// ```
pub const REVIEW_COLUMNS: &[&str] = &[
    "accept",
    "term",
    "category",
    "severity",
    "mode",
    "lang",
    "score",
    "abusive_posts",
    "clean_posts",
    "already_matches",
    "examples",
];

/// Writes `candidates` as a review sheet: tab-separated, a header row ([`REVIEW_COLUMNS`]),
/// `accept` empty, `category` `insult`, `severity` `low` and `mode` `word` proposed (the
/// reviewer decides), `lang` `hi` for Devanagari and empty otherwise. Tabs, line breaks and
/// other control characters in the examples become spaces; examples are separated by ` ¦ `.
///
/// # Errors
///
/// What writing to `out` fails with.
///
/// # Examples
///
/// ```
/// use kavach::{write_review_sheet, Candidate};
///
/// let mut zork = Candidate::default();
/// zork.term = "zorkface".to_string();
/// (zork.score, zork.abusive_posts, zork.clean_posts) = (4.256, 7, 1);
/// zork.examples = vec!["you\tzorkface".to_string(), "zorkface!".to_string()];
/// let mut sheet = Vec::new();
/// write_review_sheet(&mut sheet, &[zork])?;
/// let sheet = String::from_utf8(sheet)?;
/// let rows: Vec<&str> = sheet.lines().collect();
/// assert!(rows[0].starts_with("accept\tterm\tcategory\t"));
/// let fields: Vec<&str> = rows[1].split('\t').collect();
/// assert_eq!(fields[..7], ["", "zorkface", "insult", "low", "word", "", "4.26"]);
/// // The tab in the example became a space.
/// assert_eq!(fields[7..], ["7", "1", "", "you zorkface ¦ zorkface!"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_review_sheet(out: &mut impl Write, candidates: &[Candidate]) -> io::Result<()> {
    writeln!(out, "{}", REVIEW_COLUMNS.join("\t"))?;
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    };
    for c in candidates {
        let lang = if c.term.chars().any(crate::indic::is_devanagari) {
            "hi"
        } else {
            ""
        };
        let contains = c
            .contains
            .as_ref()
            .map_or(String::new(), |(t, l)| format!("{} ({l})", clean(t)));
        let examples: Vec<String> = c.examples.iter().map(|e| clean(e)).collect();
        writeln!(
            out,
            "\t{}\tinsult\tlow\tword\t{lang}\t{:.2}\t{}\t{}\t{contains}\t{}",
            clean(&c.term),
            c.score,
            c.abusive_posts,
            c.clean_posts,
            examples.join(" ¦ ")
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mined(posts: &[(&str, bool)], options: MineOptions) -> Vec<Candidate> {
        static M: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
        let m = M.get_or_init(|| Matcher::bundled().expect("bundled"));
        let mut miner = Miner::new(m, options);
        for &(text, abusive) in posts {
            miner.add(text, abusive);
        }
        miner.finish()
    }

    /// Clean chat, and abusive posts that use `zorkface` (unlisted) and `fuck` (listed).
    fn corpus() -> Vec<(&'static str, bool)> {
        let mut posts = Vec::new();
        for _ in 0..40 {
            posts.push(("what a match today, catch up at the game", false));
            posts.push(("the game was great, what a finish", false));
        }
        for _ in 0..10 {
            posts.push(("you zorkface, what a fuck up", true));
            posts.push(("shut up zorkface! https://t.co/x @sam 2024", true));
            posts.push(("what a game", true));
            posts.push(("fucking zorkface", true));
        }
        posts
    }

    #[test]
    fn the_word_of_abusive_posts_comes_first_and_listed_terms_are_left_out() {
        let c = mined(&corpus(), MineOptions::default());
        assert_eq!(c[0].term, "zorkface");
        assert_eq!(
            (c[0].abusive_posts, c[0].clean_posts, c[0].words),
            (30, 0, 1)
        );
        assert!(c[0].score > 3.0, "{}", c[0].score);
        assert_eq!(c[0].examples.len(), 3);
        // `fuck` is listed: never a candidate, nor a word it is found in (`fucking`, where the
        // substring matches four letters of seven); a phrase with it says what it contains.
        assert!(
            c.iter().all(|x| x.term != "fuck" && x.term != "fucking"),
            "{c:?}"
        );
        let phrase = c.iter().find(|x| x.term == "fuck up").expect("phrase");
        assert_eq!(phrase.contains, Some(("fuck".into(), "en".into())));
        // Words of clean and abusive posts alike score low or not at all; URLs, mentions and
        // numbers are never words.
        assert!(
            c.iter().all(|x| x.term != "game" && x.term != "what"),
            "{c:?}"
        );
        assert!(c
            .iter()
            .all(|x| !x.term.contains("t.co") && !x.term.contains("sam") && x.term != "2024"));
    }

    #[test]
    fn emoji_are_candidates_and_listed_ones_are_left_out() {
        let mut posts = corpus();
        for _ in 0..10 {
            posts.push(("you snake 🐍🐍 🖕🏽", true));
            posts.push(("nice 😀", false));
        }
        let c = mined(&posts, MineOptions::default());
        let snake = c.iter().find(|x| x.term == "🐍").expect("the emoji");
        assert_eq!(
            (snake.abusive_posts, snake.clean_posts, snake.words),
            (10, 0, 1)
        );
        // `🖕` is listed (en), and skin tones are no symbol of their own.
        assert!(c
            .iter()
            .all(|x| x.term != "🖕" && x.term != "🏽" && x.term != "😀"));
    }

    #[test]
    fn rare_words_need_more_evidence_and_options_apply() {
        let mut posts = corpus();
        posts.push(("blorp blorp blorp", true));
        posts.push(("blorp once", true));
        posts.push(("blorp twice", true));
        let c = mined(&posts, MineOptions::default());
        let blorp = c.iter().position(|x| x.term == "blorp").expect("blorp");
        let zork = c
            .iter()
            .position(|x| x.term == "zorkface")
            .expect("zorkface");
        assert!(zork < blorp, "3 posts rank below 20");
        let c = mined(
            &posts,
            MineOptions {
                min_posts: 4,
                phrases: false,
                top: 5,
                ..MineOptions::default()
            },
        );
        assert!(c.len() <= 5 && c.iter().all(|x| x.words == 1 && x.term != "blorp"));
    }

    #[test]
    fn a_word_in_every_post_of_a_set_without_clean_posts_is_still_a_candidate() {
        let posts = [
            ("shut up zorkface", true),
            ("zorkface again", true),
            ("zorkface!", true),
        ];
        let c = mined(&posts, MineOptions::default());
        assert_eq!(c[0].term, "zorkface");
        assert!(c[0].score.is_finite() && c[0].score > 0.0, "{}", c[0].score);
        assert_eq!((c[0].abusive_posts, c[0].clean_posts), (3, 0));
    }

    #[test]
    fn devanagari_words_keep_their_vowel_signs() {
        assert_eq!(words("तू गधा है! कमीने।"), ["तू", "गधा", "है", "कमीने"]);
        assert_eq!(
            words("#Zork, @you (ok) 123 https://x.y ..."),
            ["zork", "ok"]
        );
    }

    #[test]
    fn the_review_sheet_has_one_line_per_candidate_and_no_control_characters() {
        let c = vec![Candidate {
            term: "zork\tface".into(),
            words: 1,
            score: 4.256,
            abusive_posts: 7,
            clean_posts: 1,
            contains: None,
            examples: vec!["a\nb".into(), "c".into()],
        }];
        let mut out = Vec::new();
        write_review_sheet(&mut out, &c).expect("write");
        let text = String::from_utf8(out).expect("utf-8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], REVIEW_COLUMNS.join("\t"));
        assert_eq!(
            lines[1],
            "\tzork face\tinsult\tlow\tword\t\t4.26\t7\t1\t\ta b ¦ c"
        );
        assert_eq!(lines.len(), 2);
    }
}
