//! Policy: turns matches into a decision — allow, review or block — by severity thresholds per
//! category. Child-safety matches always block and are marked for reporting.

use std::fmt;

use crate::matcher::found::Match;
use crate::wordlist::{Category, Severity};

/// What to do with a text.
///
/// # Examples
///
/// ```
/// use kavach::{Decision, Matcher};
///
/// let matcher = Matcher::bundled()?;
/// assert_eq!(matcher.verdict("shit happens").decision, Decision::Review);
/// // Decisions are ordered: a text's is the most severe of its matches'.
/// assert!(Decision::Allow < Decision::Review && Decision::Review < Decision::Block);
/// assert_eq!(matcher.verdict("shit happens, fuck").decision, Decision::Block);
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Decision {
    /// Publish.
    Allow,
    /// Hold for a human.
    Review,
    /// Do not publish.
    Block,
}

impl Decision {
    /// `allow`, `review` or `block`.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Decision;
    ///
    /// assert_eq!(Decision::Review.as_str(), "review");
    /// assert_eq!(Decision::Block.to_string(), Decision::Block.as_str());
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Allow => "allow",
            Decision::Review => "review",
            Decision::Block => "block",
        }
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The policy's answer for one text.
///
/// # Examples
///
/// ```
/// use kavach::{Decision, Matcher, Severity};
///
/// let matcher = Matcher::bundled()?;
/// let verdict = matcher.verdict("you idiot, what the fuck");
/// assert_eq!(verdict.decision, Decision::Block);
/// assert_eq!(verdict.max_severity, Some(Severity::High));
/// assert!(!verdict.report);
/// // A child-safety match is blocked and marked for reporting.
/// assert!(matcher.verdict("pthc").report);
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Verdict {
    /// Allow, review or block.
    pub decision: Decision,
    /// Whether the text must be reported (a child-safety match).
    pub report: bool,
    /// The most severe match, if any.
    pub max_severity: Option<Severity>,
}

/// Severity thresholds: at or above `review` a text is reviewed, at or above `block` blocked.
///
/// # Examples
///
/// ```
/// use kavach::{Category, Decision, Matcher, Policy, Severity, Thresholds};
///
/// let mut policy = Policy::default();
/// // Send every insult to review, and block only critical ones.
/// let insults = Thresholds { review: Severity::Low, block: Severity::Critical };
/// policy.overrides.push((Category::Insult, insults));
/// let matcher = Matcher::builder().bundled("en").policy(policy).build()?;
/// assert_eq!(matcher.verdict("you idiot").decision, Decision::Review);
/// assert_eq!(matcher.verdict("you asshole").decision, Decision::Review);
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Thresholds {
    /// Lowest severity that sends a text to review.
    pub review: Severity,
    /// Lowest severity that blocks a text.
    pub block: Severity,
}

/// Maps matches to a [`Verdict`].
///
/// Default: low → allow, medium → review, high and critical → block; slurs and violence block
/// from medium; child-safety blocks at any severity and sets `report`.
///
/// # Examples
///
/// ```
/// use kavach::{Decision, Matcher, Policy};
///
/// let policy = Policy::default();
/// let matcher = Matcher::bundled()?;
/// let decide = |text: &str| policy.decide(&matcher.find(text)).decision;
/// assert_eq!(decide("damn it"), Decision::Allow); // low
/// assert_eq!(decide("shit happens"), Decision::Review); // medium
/// assert_eq!(decide("what the fuck"), Decision::Block); // high
/// assert_eq!(decide("go back to your country"), Decision::Block); // a medium slur
/// # Ok::<(), kavach::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Policy {
    /// Thresholds for categories without an override.
    pub default: Thresholds,
    /// Per-category thresholds; where a category is given more than once, the last applies
    /// (so one pushed onto [`Policy::default`]'s replaces its own).
    pub overrides: Vec<(Category, Thresholds)>,
}

impl Default for Policy {
    fn default() -> Self {
        let strict = Thresholds {
            review: Severity::Low,
            block: Severity::Medium,
        };
        Policy {
            default: Thresholds {
                review: Severity::Medium,
                block: Severity::High,
            },
            overrides: vec![
                (Category::Slur, strict),
                (Category::Violence, strict),
                (
                    Category::ChildSafety,
                    Thresholds {
                        review: Severity::Low,
                        block: Severity::Low,
                    },
                ),
            ],
        }
    }
}

impl Policy {
    /// The thresholds that apply to `category`.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Category, Policy, Severity, Thresholds};
    ///
    /// let policy = Policy::default();
    /// let profanity = Thresholds { review: Severity::Medium, block: Severity::High };
    /// assert_eq!(policy.thresholds(Category::Profanity), profanity);
    /// assert_eq!(policy.thresholds(Category::Slur).block, Severity::Medium);
    /// assert_eq!(policy.thresholds(Category::ChildSafety).block, Severity::Low);
    ///
    /// // The last override given for a category applies.
    /// let mut lenient = Policy::default();
    /// lenient.overrides.push((Category::Slur, profanity));
    /// assert_eq!(lenient.thresholds(Category::Slur).block, Severity::High);
    /// ```
    pub fn thresholds(&self, category: Category) -> Thresholds {
        self.overrides
            .iter()
            .rev()
            .find(|(c, _)| *c == category)
            .map_or(self.default, |(_, t)| *t)
    }

    /// The decision one match calls for on its own (a text's decision is the most severe of
    /// its matches').
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Decision, Matcher};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let found = matcher.find("damn, shit, fuck");
    /// let each: Vec<Decision> = found.iter().map(|m| matcher.policy().decision_for(m)).collect();
    /// assert_eq!(each, [Decision::Allow, Decision::Review, Decision::Block]);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn decision_for(&self, m: &Match) -> Decision {
        let t = self.thresholds(m.category);
        if m.severity >= t.block {
            Decision::Block
        } else if m.severity >= t.review {
            Decision::Review
        } else {
            Decision::Allow
        }
    }

    /// The decision for a text with these matches.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Decision, Matcher, Policy, Severity};
    ///
    /// let matcher = Matcher::bundled()?;
    /// let verdict = Policy::default().decide(&matcher.find("damn, shit"));
    /// assert_eq!(verdict.decision, Decision::Review);
    /// assert_eq!(verdict.max_severity, Some(Severity::Medium));
    /// assert_eq!(Policy::default().decide(&[]).decision, Decision::Allow);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn decide(&self, matches: &[Match]) -> Verdict {
        let decision = matches
            .iter()
            .map(|m| self.decision_for(m))
            .max()
            .unwrap_or(Decision::Allow);
        Verdict {
            decision,
            report: matches.iter().any(|m| m.category == Category::ChildSafety),
            max_severity: matches.iter().map(|m| m.severity).max(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(category: Category, severity: Severity) -> Match<'static> {
        Match {
            start: 0,
            end: 1,
            text: "x",
            term: "x",
            category,
            severity,
            list: "t",
            version: "1.0.0",
            transforms: Default::default(),
        }
    }

    #[test]
    fn default_policy() {
        let p = Policy::default();
        let d = |ms: &[Match]| p.decide(ms).decision;
        assert_eq!(d(&[]), Decision::Allow);
        assert_eq!(d(&[m(Category::Profanity, Severity::Low)]), Decision::Allow);
        assert_eq!(
            d(&[m(Category::Profanity, Severity::Medium)]),
            Decision::Review
        );
        assert_eq!(d(&[m(Category::Insult, Severity::High)]), Decision::Block);
        assert_eq!(d(&[m(Category::Slur, Severity::Low)]), Decision::Review);
        assert_eq!(d(&[m(Category::Slur, Severity::Medium)]), Decision::Block);
        let v = p.decide(&[
            m(Category::Profanity, Severity::Low),
            m(Category::ChildSafety, Severity::Low),
        ]);
        assert_eq!(
            (v.decision, v.report, v.max_severity),
            (Decision::Block, true, Some(Severity::Low))
        );
    }
}
