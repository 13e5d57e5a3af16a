//! The parts of the `kavach` command that are worth testing and fuzzing on their own: the JSON
//! Lines reader of `scan` ([`stream`]) and the human view of `check` ([`output`]).

pub mod output;
pub mod stream;
