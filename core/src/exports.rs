// The crate's public items, re-exported at its root; `include!`d by `lib.rs` and by the build
// script (`build.rs`), which compiles the same modules.

pub use censor::CensorOptions;
pub use error::{Error, ErrorKind, Location};
pub use matcher::{Limits, ListInfo, Match, Matcher, MatcherBuilder};
pub use mine::{write_review_sheet, Candidate, MineOptions, Miner, REVIEW_COLUMNS};
pub use normalize::{normalize, Transforms, CONFUSABLES_VERSION, UNICODE_VERSION};
pub use options::{BundledLists, MatcherOptions, OPTION_NAMES};
pub use policy::{Decision, Policy, Thresholds, Verdict};
pub use report::{Report, Status};
pub use span::{convert_offsets, OffsetUnit};
pub use lint::{lint, Warning};
pub use wordlist::{
    AllowEntry, Category, ContextWord, Entry, Format, ImportOptions, ListDiff, ListMeta,
    ListStats, MatchMode, Severity, Wordlist,
};
