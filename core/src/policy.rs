//! Policy: turns matches into a decision — allow, review or block — by severity thresholds per
//! category. Child-safety matches always block and are marked for reporting.

use std::fmt;

use crate::matcher::Match;
use crate::wordlist::{Category, Severity};

/// What to do with a text.
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
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Policy {
    /// Thresholds for categories without an override.
    pub default: Thresholds,
    /// Per-category thresholds.
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
    pub fn thresholds(&self, category: Category) -> Thresholds {
        self.overrides
            .iter()
            .find(|(c, _)| *c == category)
            .map_or(self.default, |(_, t)| *t)
    }

    /// The decision one match calls for on its own (a text's decision is the most severe of
    /// its matches').
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
