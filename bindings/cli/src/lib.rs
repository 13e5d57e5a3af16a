//! `kavach`: the command-line face of the kavach library, for shell pipelines and people. The
//! command is [`run_args`]: the binary's `main` calls it, and so does `python -m kavach`, so both
//! follow one contract. The parts worth testing and fuzzing on their own are public: the JSON
//! Lines reader of `scan` ([`stream`]), the human view of `check` and the escaping of input text
//! for the terminal used by everything the CLI writes for people ([`output`]).
//!
//! Exit codes: 0 done; 1 with `--fail-on-match` when something was flagged; 2 usage or input
//! error (including input lines that could not be scanned: each still gets a result line with
//! status "error" and a verdict of review, never allow).

pub mod output;
pub mod stream;

mod lists;
mod mine;
mod scan;

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use clap::builder::Styles;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use kavach::{
    Category, CensorOptions, Format, ImportOptions, MatchMode, Matcher, MatcherOptions, Severity,
    Wordlist,
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
    /// Use only these bundled lists, as ID or ID@VERSION (repeatable; default: every bundled
    /// list, child-safety included).
    #[arg(long = "list", value_name = "ID[@VERSION]", global = true)]
    pub(crate) list: Vec<String>,
    /// A platform list file to add to the bundled lists (repeatable). Its id must differ from
    /// the bundled lists in use; to replace them, add --no-bundled or name them with --list.
    #[arg(long = "list-file", value_name = "PATH", global = true)]
    pub(crate) list_file: Vec<PathBuf>,
    /// Use no bundled list: only the --list-file lists.
    #[arg(long, global = true, conflicts_with = "list")]
    pub(crate) no_bundled: bool,
    /// Format of the --list-file files (default: from the extension, in any case; .txt plain,
    /// .csv CSV, .tsv TSV, otherwise kavach).
    #[arg(long, value_name = "txt|csv|tsv|kavach", global = true)]
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
    /// Lowest severity that sends a text to review (default policy: medium).
    #[arg(long, value_name = "SEVERITY", global = true)]
    pub(crate) review_at: Option<String>,
    /// Lowest severity that blocks a text (default policy: high).
    #[arg(long, value_name = "SEVERITY", global = true)]
    pub(crate) block_at: Option<String>,
    /// Longest text scanned, in bytes (default 1048576); a longer one is not scanned and gets
    /// status "error", code input-too-long, verdict review (0 or none: no limit).
    #[arg(long, value_name = "BYTES", global = true)]
    pub(crate) max_input_bytes: Option<String>,
    /// Most matches reported per text (default 1000); past it the first are kept,
    /// "truncated" is true and the verdict is at least review (0 or none: no limit).
    #[arg(long, value_name = "N", global = true)]
    pub(crate) max_matches: Option<String>,
    /// Longest term of a --list-file, in characters (default 100); a longer one is an error
    /// naming its file and line (0 or none: no limit).
    #[arg(long, value_name = "N", global = true)]
    pub(crate) max_term_chars: Option<String>,
    /// Most memory building the matcher may take, in bytes, estimated before building
    /// (default 1073741824); over it the lists are refused with list-too-large (0 or none: no
    /// limit).
    #[arg(long, value_name = "BYTES", global = true)]
    pub(crate) max_build_bytes: Option<String>,
    /// Most terms and spellings that may end at one place of a text (default 8); a list
    /// nesting more (xq, xqxq, ...) is refused with list-too-nested (0 or none: no limit).
    #[arg(long, value_name = "N", global = true)]
    pub(crate) max_nesting: Option<String>,
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
        /// Threads to scan on (0: one per core); the output keeps the input's order.
        #[arg(long, default_value_t = 0, value_name = "N")]
        threads: usize,
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

/// Runs the `kavach` command with `args` (the program name first) and returns its exit code:
/// what the binary's `main` does, and what `python -m kavach` calls, so both follow one
/// contract. Usage errors and `--help` are printed here rather than exiting the process.
pub fn run_args<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    // A usage error quotes the arguments. When one holds a character a terminal must not get
    // raw, clap styles nothing (its escape sequences could not be told from the argument's) and
    // the message is escaped line by line; otherwise clap writes it, coloured, as usual.
    let raw_args = args
        .iter()
        .any(|a| a.to_string_lossy().contains(output::needs_escape));
    let mut command = Cli::command();
    if raw_args {
        command = command.styles(Styles::plain());
    }
    let cli = match command
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) if !raw_args || !e.use_stderr() => {
            let _ = e.print();
            return exit_code(e.exit_code());
        }
        Err(e) => {
            let text = e.render().ansi().to_string();
            let mut err = io::stderr().lock();
            for line in text.lines() {
                let _ = output::write_line(&mut err, line);
            }
            return exit_code(e.exit_code());
        }
    };
    let code = match run(cli) {
        Ok(code) => code,
        Err(Fatal::BrokenPipe) => 0,
        Err(Fatal::Error(msg)) => {
            // Messages quote file names, ids, versions and terms from the input.
            let _ = output::write_line(&mut io::stderr(), &format!("kavach: {msg}"));
            2
        }
    };
    // Inside another program (Python) nothing flushes Rust's standard output at exit.
    let _ = io::stdout().flush();
    code
}

fn exit_code(code: i32) -> u8 {
    u8::try_from(code).unwrap_or(2)
}

pub(crate) fn build_matcher(args: &ListArgs) -> Result<Matcher, Fatal> {
    let mut options = MatcherOptions::new();
    if !args.list.is_empty() {
        options.only_bundled(args.list.clone());
    }
    if args.no_bundled {
        options.bundled(false);
    }
    let flags = [
        ("--review-at", &args.review_at),
        ("--block-at", &args.block_at),
        ("--max-input-bytes", &args.max_input_bytes),
        ("--max-matches", &args.max_matches),
        ("--max-term-chars", &args.max_term_chars),
        ("--max-build-bytes", &args.max_build_bytes),
        ("--max-nesting", &args.max_nesting),
    ];
    for (flag, value) in flags {
        if let Some(v) = value {
            options.set(flag.trim_start_matches('-'), v)?;
        }
    }
    let mut import = ImportOptions::default();
    import.category = args.category;
    import.severity = args.severity;
    import.mode = args.mode;
    for path in &args.list_file {
        let list = Wordlist::load(path, args.format, &import)?;
        options.add_list(&path.display().to_string(), list);
    }
    Ok(options.build()?)
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
                let line = format!(
                    "{:<13} {:<8} {:>7} {:>6}  {:<23}  {}",
                    m.id,
                    m.version,
                    l.entries().len(),
                    l.allow().len(),
                    l.fingerprint(),
                    m.title
                );
                output::write_line(&mut out, &line)?;
            }
            Ok(0)
        }
        Command::Check {
            text,
            fail_on_match,
        } => {
            let matcher = build_matcher(&cli.lists)?;
            let text = text.join(" ");
            let report = matcher.report(&text);
            let colour = io::stdout().is_terminal();
            let mut out = io::stdout().lock();
            output::write_check(&mut out, &text, &report, colour)?;
            Ok(if report.error.is_some() {
                2
            } else {
                u8::from(fail_on_match && report.flagged())
            })
        }
        Command::Censor {
            file,
            mask,
            keep_first,
        } => {
            let matcher = build_matcher(&cli.lists)?;
            let mut options = CensorOptions::default();
            options.mask = mask;
            options.keep_first = keep_first;
            scan::censor(&matcher, &file, &options)
        }
        Command::Scan {
            file,
            plain,
            fail_on_match,
            threads,
        } => {
            let matcher = build_matcher(&cli.lists)?;
            scan::scan(&matcher, &file, plain, fail_on_match, threads)
        }
    }
}
