//! The parts of the `kavach` command that are worth testing and fuzzing on their own: the JSON
//! Lines reader of `scan` ([`stream`]), the human view of `check` and the escaping of input text
//! for the terminal used by everything the CLI writes for people ([`output`]).

pub mod output;
pub mod stream;
