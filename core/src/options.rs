//! Matcher options as every binding and the CLI take them: which bundled lists, the platform's
//! own lists, policy thresholds and limits, each settable by name from a string. The defaults
//! and the composition rule live here once:
//!
//! - every bundled list is on (child-safety included) unless the caller names the bundled lists
//!   it wants or turns them off explicitly;
//! - a platform's lists are *added* to the bundled ones, never put in their place; a platform
//!   list with the id of a bundled list in use is an error naming its file;
//! - limits default to [`Limits::default`]; `0` or `none` lifts a limit, in every surface.

use crate::error::{Error, ErrorKind};
use crate::matcher::{Limits, Matcher};
use crate::policy::Policy;
use crate::wordlist::{Severity, Wordlist};

/// Which bundled lists a matcher gets.
///
/// # Examples
///
/// ```
/// use kavach::{BundledLists, MatcherOptions};
///
/// let mut options = MatcherOptions::new();
/// assert_eq!(options.bundled_lists()?, BundledLists::All);
/// options.only_bundled(vec!["en".to_string()]);
/// assert_eq!(options.bundled_lists()?, BundledLists::Only(vec!["en".to_string()]));
/// assert_eq!(MatcherOptions::new().bundled(false).bundled_lists()?, BundledLists::None);
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum BundledLists {
    /// Every bundled list (the default).
    #[default]
    All,
    /// Only these, by id or `id@version`.
    Only(Vec<String>),
    /// None: only the lists given.
    None,
}

/// Everything a binding or the CLI needs to build a [`Matcher`], with the project's defaults.
///
/// # Examples
///
/// ```
/// use kavach::{Decision, MatcherOptions};
///
/// let mut options = MatcherOptions::new();
/// options.only_bundled(vec!["en".to_string()]);
/// options.set("block-at", "medium")?.set("maxMatches", "10")?;
/// let matcher = options.build()?;
/// assert_eq!(matcher.verdict("shit happens").decision, Decision::Block);
/// assert_eq!(matcher.limits().max_matches, Some(10));
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct MatcherOptions {
    bundled: Option<bool>,
    only: Option<Vec<String>>,
    lists: Vec<(String, Wordlist)>,
    review_at: Option<Severity>,
    block_at: Option<Severity>,
    limits: Limits,
}

/// The option names [`MatcherOptions::set`] takes (also as `snake_case` or `camelCase`).
///
/// # Examples
///
/// ```
/// use kavach::{Limits, MatcherOptions, OPTION_NAMES};
///
/// assert!(OPTION_NAMES.contains(&"review-at"));
/// let mut options = MatcherOptions::new();
/// for name in OPTION_NAMES.iter().filter(|name| name.starts_with("max-")) {
///     options.set(name, "none")?;
/// }
/// assert_eq!(options.limits(), Limits::NONE);
/// # Ok::<(), kavach::Error>(())
/// ```
pub const OPTION_NAMES: &[&str] = &[
    "bundled",
    "review-at",
    "block-at",
    "max-input-bytes",
    "max-matches",
    "max-term-chars",
    "max-build-bytes",
    "max-nesting",
];

impl MatcherOptions {
    /// Every bundled list, the default policy and limits.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Limits, Matcher, MatcherOptions, Policy};
    ///
    /// let matcher = MatcherOptions::new().build()?;
    /// assert_eq!(matcher.lists(), Matcher::bundled()?.lists());
    /// assert_eq!(matcher.policy(), &Policy::default());
    /// assert_eq!(matcher.limits(), Limits::default());
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn new() -> Self {
        MatcherOptions::default()
    }

    /// Uses only these bundled lists (`id` or `id@version`); an empty list means none.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::MatcherOptions;
    ///
    /// let mut options = MatcherOptions::new();
    /// options.only_bundled(vec!["hi-Latn".to_string()]);
    /// let matcher = options.build()?;
    /// assert!(matcher.is_match("tu chutiya hai"));
    /// assert!(!matcher.is_match("what the fuck")); // `en` is left out
    /// // No bundled list and no list of its own: nothing to build.
    /// options.only_bundled(Vec::new());
    /// assert_eq!(options.build().err().map(|e| e.code()), Some("no-lists"));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn only_bundled(&mut self, ids: Vec<String>) -> &mut Self {
        self.only = Some(ids);
        self
    }

    /// Turns the bundled lists on (the default) or off.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{MatcherOptions, Wordlist};
    ///
    /// # let header = "version = 1.0.0\ntitle = Platform terms\nlanguages = en\n\
    /// #     source = our moderators\nlicense = CC0-1.0\ndate = 2026-01-01\n";
    /// let text = format!("id = platform\n{header}[terms]\nzorp | insult | high\n");
    /// let list = Wordlist::parse(&text, "platform.kavach")?;
    /// let mut options = MatcherOptions::new();
    /// options.bundled(false).add_list("platform.kavach", list);
    /// let matcher = options.build()?;
    /// assert_eq!(matcher.lists().len(), 1);
    /// assert!(matcher.is_match("zorp") && !matcher.is_match("what the fuck"));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn bundled(&mut self, on: bool) -> &mut Self {
        self.bundled = Some(on);
        self
    }

    /// Adds a platform list; `source` names it in errors (its path, or `list_texts[0]`).
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{MatcherOptions, Wordlist};
    ///
    /// # let header = "version = 1.0.0\ntitle = Platform terms\nlanguages = en\n\
    /// #     source = our moderators\nlicense = CC0-1.0\ndate = 2026-01-01\n";
    /// let text = format!("id = platform\n{header}[terms]\nzorp | insult | high\n");
    /// let mut options = MatcherOptions::new();
    /// options.add_list("platform.kavach", Wordlist::parse(&text, "platform.kavach")?);
    /// let matcher = options.build()?;
    /// // Added to the bundled lists, not put in their place.
    /// let terms: Vec<&str> = matcher.find("zorp, what the fuck").iter().map(|m| m.term).collect();
    /// assert_eq!(terms, ["zorp", "fuck"]);
    /// // A list with the id of a bundled list in use is refused, naming its source.
    /// let text = format!("id = en\n{header}[terms]\nzorp | insult | high\n");
    /// let mut options = MatcherOptions::new();
    /// options.add_list("my-en.kavach", Wordlist::parse(&text, "my-en.kavach")?);
    /// let message = options.build().err().map(|e| e.to_string());
    /// assert_eq!(message.as_deref(), Some("my-en.kavach: list id `en` given twice"));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn add_list(&mut self, source: &str, list: Wordlist) -> &mut Self {
        self.lists.push((source.to_string(), list));
        self
    }

    /// The bundled lists these options select.
    ///
    /// # Errors
    ///
    /// `bad-option` when bundled lists are turned off and some are named.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{BundledLists, MatcherOptions};
    ///
    /// let mut options = MatcherOptions::new();
    /// options.only_bundled(vec!["en".to_string()]);
    /// assert_eq!(options.bundled_lists()?, BundledLists::Only(vec!["en".to_string()]));
    /// options.bundled(false);
    /// assert_eq!(options.bundled_lists().err().map(|e| e.code()), Some("bad-option"));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn bundled_lists(&self) -> Result<BundledLists, Error> {
        match (self.bundled, &self.only) {
            (Some(false), Some(ids)) if !ids.is_empty() => Err(bad_option(
                "bundled lists are turned off but some are named: give one or the other".into(),
            )),
            (Some(false), _) => Ok(BundledLists::None),
            (_, Some(ids)) if ids.is_empty() => Ok(BundledLists::None),
            (_, Some(ids)) => Ok(BundledLists::Only(ids.clone())),
            (_, None) => Ok(BundledLists::All),
        }
    }

    /// Sets an option by name from its string form, as a binding's keyword or a CLI flag gives
    /// it. Names are those of [`OPTION_NAMES`], in kebab, snake or camel case. Values:
    /// `bundled`: `true` or `false`; `review-at`, `block-at`: a severity; `max-input-bytes`,
    /// `max-matches`, `max-term-chars`, `max-build-bytes`, `max-nesting` (see [`Limits`]): a non-negative
    /// integer, with `0` or `none` for no limit.
    ///
    /// # Errors
    /// `bad-option` for an unknown name or a bad value, naming both.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::MatcherOptions;
    ///
    /// let mut options = MatcherOptions::new();
    /// options.set("max_matches", "5")?.set("maxInputBytes", "none")?;
    /// assert_eq!(options.limits().max_matches, Some(5));
    /// assert_eq!(options.limits().max_input_bytes, None);
    /// assert_eq!(options.set("max-matches", "-1").err().map(|e| e.code()), Some("bad-option"));
    /// let message = options.set("maxMatchez", "5").err().map(|e| e.to_string());
    /// assert!(message.is_some_and(|m| m.starts_with("unknown option `maxMatchez`")));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn set(&mut self, name: &str, value: &str) -> Result<&mut Self, Error> {
        let key = kebab(name);
        let value = value.trim();
        match key.as_str() {
            "bundled" => match value {
                "true" => self.bundled = Some(true),
                "false" => self.bundled = Some(false),
                _ => {
                    return Err(bad_option(format!(
                        "{name} must be true or false, not `{value}`"
                    )))
                }
            },
            "review-at" | "block-at" => {
                let s = value
                    .parse::<Severity>()
                    .map_err(|kind| bad_option(format!("{name}: {kind}")))?;
                if key == "review-at" {
                    self.review_at = Some(s);
                } else {
                    self.block_at = Some(s);
                }
            }
            "max-input-bytes" | "max-matches" | "max-term-chars" | "max-build-bytes"
            | "max-nesting" => {
                let n = match value {
                    "none" | "null" | "None" => None,
                    _ => Some(value.parse::<usize>().map_err(|_| {
                        bad_option(format!(
                            "{name} must be a non-negative integer, or 0 or none for no limit, not `{value}`"
                        ))
                    })?),
                }
                .filter(|&n| n > 0);
                let l = &mut self.limits;
                *match key.as_str() {
                    "max-input-bytes" => &mut l.max_input_bytes,
                    "max-matches" => &mut l.max_matches,
                    "max-term-chars" => &mut l.max_term_chars,
                    "max-nesting" => &mut l.max_nesting,
                    _ => &mut l.max_build_bytes,
                } = n;
            }
            _ => {
                return Err(bad_option(format!(
                    "unknown option `{name}` (expected one of: {})",
                    OPTION_NAMES.join(", ")
                )))
            }
        }
        Ok(self)
    }

    /// The policy: the default one with `review-at` / `block-at` as its default thresholds.
    ///
    /// # Errors
    /// `bad-option` when `review-at` is above `block-at`.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{MatcherOptions, Severity};
    ///
    /// let mut options = MatcherOptions::new();
    /// options.set("review-at", "low")?.set("block-at", "medium")?;
    /// let policy = options.policy()?;
    /// assert_eq!(policy.default.review, Severity::Low);
    /// assert_eq!(policy.default.block, Severity::Medium);
    /// options.set("review-at", "critical")?;
    /// assert_eq!(options.policy().err().map(|e| e.code()), Some("bad-option"));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn policy(&self) -> Result<Policy, Error> {
        let mut policy = Policy::default();
        if let Some(r) = self.review_at {
            policy.default.review = r;
        }
        if let Some(b) = self.block_at {
            policy.default.block = b;
        }
        let t = policy.default;
        if t.review > t.block {
            return Err(bad_option(format!(
                "review-at ({}) is above block-at ({}): nothing could be reviewed",
                t.review, t.block
            )));
        }
        Ok(policy)
    }

    /// The limits (default [`Limits::default`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Limits, MatcherOptions};
    ///
    /// let mut options = MatcherOptions::new();
    /// assert_eq!(options.limits(), Limits::default());
    /// options.set("max-input-bytes", "0")?; // 0: no limit
    /// assert_eq!(options.limits().max_input_bytes, None);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Builds the matcher: the selected bundled lists, then the given lists.
    ///
    /// # Errors
    /// A bad option, an unknown bundled id, a given list whose id is that of a bundled list in
    /// use or of another given list (naming its source), or no lists at all.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Decision, MatcherOptions};
    ///
    /// let mut options = MatcherOptions::new();
    /// options.set("block-at", "medium")?;
    /// let matcher = options.build()?;
    /// assert_eq!(matcher.verdict("shit happens").decision, Decision::Block);
    /// let mut options = MatcherOptions::new();
    /// options.only_bundled(vec!["xx".to_string()]);
    /// assert_eq!(options.build().err().map(|e| e.code()), Some("unknown-list"));
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn build(&self) -> Result<Matcher, Error> {
        let policy = self.policy()?;
        let bundled: Vec<String> = match self.bundled_lists()? {
            BundledLists::All => Wordlist::bundled_ids().map(str::to_string).collect(),
            BundledLists::Only(ids) => ids,
            BundledLists::None => Vec::new(),
        };
        let bundled_id = |spec: &str| crate::wordlist::bundled::split_spec(spec).0.to_string();
        let mut ids: Vec<String> = bundled.iter().map(|s| bundled_id(s)).collect();
        let mut b = Matcher::builder();
        for spec in &bundled {
            b = b.bundled(spec);
        }
        for (source, list) in &self.lists {
            let id = &list.meta().id;
            if ids.iter().any(|i| i == id) {
                return Err(Error::in_source(
                    ErrorKind::DuplicateList(id.clone()),
                    source,
                ));
            }
            ids.push(id.clone());
            b = b.list_from(source, list.clone());
        }
        b.policy(policy).limits(self.limits).build()
    }
}

fn bad_option(message: String) -> Error {
    Error::new(ErrorKind::BadOption(message))
}

/// `reviewAt`, `review_at`, `review-at` → `review-at`.
fn kebab(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 2);
    for c in name.trim().chars() {
        match c {
            '_' => out.push('-'),
            c if c.is_ascii_uppercase() => {
                if !out.is_empty() {
                    out.push('-');
                }
                out.push(c.to_ascii_lowercase());
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_any_case_and_limits_zero_is_none() {
        let mut o = MatcherOptions::new();
        o.set("maxMatches", "0").unwrap();
        o.set("max_input_bytes", "none").unwrap();
        o.set("max-term-chars", "0").unwrap();
        o.set("maxBuildBytes", "none").unwrap();
        o.set("max_nesting", "0").unwrap();
        assert_eq!(o.limits(), Limits::NONE);
        o.set("max-matches", "5").unwrap();
        assert_eq!(o.limits().max_matches, Some(5));
        let e = o.set("maxMatchez", "5").unwrap_err();
        assert_eq!(e.code(), "bad-option");
        assert!(e.to_string().contains("unknown option `maxMatchez`"), "{e}");
        let e = o.set("max_matches", "-1").unwrap_err();
        assert!(
            e.to_string()
                .contains("max_matches must be a non-negative integer"),
            "{e}"
        );
    }

    #[test]
    fn review_above_block_is_refused() {
        let mut o = MatcherOptions::new();
        o.set("reviewAt", "critical")
            .unwrap()
            .set("blockAt", "medium")
            .unwrap();
        let e = o.build().unwrap_err();
        assert_eq!(e.code(), "bad-option");
        assert_eq!(
            e.to_string(),
            "review-at (critical) is above block-at (medium): nothing could be reviewed"
        );
    }
}
