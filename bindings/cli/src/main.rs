//! `kavach`: the command-line face of the kavach library, for shell pipelines and people.
//!
//! Exit codes: 0 done; 1 with `--fail-on-match` when something was flagged; 2 usage or input
//! error (including malformed input lines, reported and skipped).

mod lists;
mod scan;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use kavach::{
    Category, CensorOptions, Format, ImportOptions, Limits, MatchMode, Matcher, Severity, Wordlist,
};

/// Find offensive terms in text, hard to evade, with spans in the original text.
#[derive(Parser)]
#[command(name = "kavach", version, about)]
struct Cli {
    #[command(flatten)]
    lists: ListArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Args)]
pub(crate) struct ListArgs {
    /// Bundled list to use, as ID or ID@VERSION (repeatable; default: every bundled list).
    #[arg(long = "list", value_name = "ID[@VERSION]", global = true)]
    pub(crate) list: Vec<String>,
    /// Extra list file to use (repeatable).
    #[arg(long = "list-file", value_name = "PATH", global = true)]
    pub(crate) list_file: Vec<PathBuf>,
    /// Format of the --list-file files (default: from the extension; .txt plain, .csv CSV,
    /// otherwise kavach).
    #[arg(long, value_name = "txt|csv|kavach", global = true)]
    pub(crate) format: Option<Format>,
    /// Category of plain-text and CSV entries that do not give one.
    #[arg(long, default_value = "profanity", global = true)]
    pub(crate) category: Category,
    /// Severity of plain-text and CSV entries that do not give one.
    #[arg(long, default_value = "medium", global = true)]
    pub(crate) severity: Severity,
    /// Match mode of plain-text and CSV entries that do not give one.
    #[arg(long, default_value = "word", global = true)]
    pub(crate) mode: MatchMode,
    /// Longest text scanned, in bytes; a longer line is reported, not scanned (0: no limit).
    #[arg(long, default_value_t = 1 << 20, global = true)]
    pub(crate) max_input_bytes: usize,
    /// Most matches one text may have; more is reported as an error (0: no limit).
    #[arg(long, default_value_t = 1000, global = true)]
    pub(crate) max_matches: usize,
}

#[derive(Subcommand)]
enum Command {
    /// Scan JSON Lines (a "text" field per line) and write one JSON result per line.
    Scan {
        /// Input file, or - for standard input.
        #[arg(default_value = "-")]
        file: String,
        /// Read one text per line instead of JSON Lines.
        #[arg(long)]
        plain: bool,
        /// Exit with 1 when any text was flagged.
        #[arg(long)]
        fail_on_match: bool,
    },
    /// Check one text and show its matches (highlighted on a terminal).
    Check {
        /// The text (several arguments are joined with spaces).
        #[arg(required = true)]
        text: Vec<String>,
        /// Exit with 1 when the text was flagged.
        #[arg(long)]
        fail_on_match: bool,
    },
    /// Censor text line by line.
    Censor {
        /// Input file, or - for standard input.
        #[arg(default_value = "-")]
        file: String,
        /// The mask character.
        #[arg(long, default_value = "*")]
        mask: char,
        /// Keep the first letter of each match.
        #[arg(long)]
        keep_first: bool,
    },
    /// List the bundled lists with versions, entry counts and fingerprints.
    Lists,
    /// Work with list files: validate, import, diff, stats.
    List {
        #[command(subcommand)]
        action: lists::ListCommand,
    },
}

/// Why a run stopped early.
pub(crate) enum Fatal {
    /// A usage or input error: printed, exit code 2.
    Error(String),
    /// Standard output was closed (`kavach scan … | head`): the reader has what it wanted.
    BrokenPipe,
}

impl<E: std::error::Error + 'static> From<E> for Fatal {
    fn from(e: E) -> Self {
        let io = (&e as &dyn std::error::Error).downcast_ref::<io::Error>();
        if io.is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe) {
            return Fatal::BrokenPipe;
        }
        Fatal::Error(e.to_string())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(Fatal::BrokenPipe) => ExitCode::SUCCESS,
        Err(Fatal::Error(msg)) => {
            let _ = writeln!(io::stderr(), "kavach: {msg}");
            ExitCode::from(2)
        }
    }
}

fn build_matcher(args: &ListArgs) -> Result<Matcher, Fatal> {
    let mut builder = Matcher::builder();
    if args.list.is_empty() && args.list_file.is_empty() {
        builder = builder.all_bundled();
    }
    for spec in &args.list {
        builder = builder.bundled(spec);
    }
    let options = ImportOptions {
        category: args.category,
        severity: args.severity,
        mode: args.mode,
        ..ImportOptions::default()
    };
    for path in &args.list_file {
        builder = builder.list(Wordlist::load(path, args.format, &options)?);
    }
    let limit = |n: usize| (n > 0).then_some(n);
    builder = builder.limits(Limits {
        max_input_bytes: limit(args.max_input_bytes),
        max_matches: limit(args.max_matches),
    });
    Ok(builder.build()?)
}

fn run(cli: Cli) -> Result<u8, Fatal> {
    match cli.command {
        Command::List { action } => lists::run(action, &cli.lists),
        Command::Lists => {
            let mut out = io::stdout().lock();
            writeln!(
                out,
                "{:<13} {:<8} {:>7} {:>6}  {:<23}  title",
                "id", "version", "entries", "allow", "fingerprint"
            )?;
            for id in Wordlist::bundled_ids() {
                let l = Wordlist::bundled(id)?;
                let m = l.meta();
                writeln!(
                    out,
                    "{:<13} {:<8} {:>7} {:>6}  {:<23}  {}",
                    m.id,
                    m.version,
                    l.entries().len(),
                    l.allow().len(),
                    l.fingerprint(),
                    m.title
                )?;
            }
            Ok(0)
        }
        Command::Check {
            text,
            fail_on_match,
        } => {
            let matcher = build_matcher(&cli.lists)?;
            let text = text.join(" ");
            let matches = matcher.find(&text);
            let verdict = matcher.policy().decide(&matches);
            let colour = io::stdout().is_terminal();
            let mut out = io::stdout().lock();
            kavach_cli::output::write_check(&mut out, &text, &matches, &verdict, colour)?;
            Ok(u8::from(fail_on_match && !matches.is_empty()))
        }
        Command::Censor {
            file,
            mask,
            keep_first,
        } => {
            let matcher = build_matcher(&cli.lists)?;
            let options = CensorOptions { mask, keep_first };
            scan::censor(&matcher, &file, &options)
        }
        Command::Scan {
            file,
            plain,
            fail_on_match,
        } => {
            let matcher = build_matcher(&cli.lists)?;
            scan::scan(&matcher, &file, plain, fail_on_match)
        }
    }
}
