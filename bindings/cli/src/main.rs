//! `kavach`: the command-line face of the kavach library (see [`kavach_cli::run_args`]).

use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(kavach_cli::run_args(std::env::args_os()))
}
