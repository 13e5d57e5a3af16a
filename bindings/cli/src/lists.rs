//! `kavach list …`: validate, import, diff and count wordlists. The logic lives in the core
//! (`lint`, `ListDiff`, `Wordlist::to_kavach`, `Wordlist::stats`); this file reads arguments
//! and prints (text from lists and file names escaped for the terminal: see
//! [`crate::output::escape_for_terminal`]).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::output::{escape_json_controls, write_line};
use clap::Subcommand;
use kavach::{lint, Entry, ImportOptions, ListDiff, Matcher, Wordlist};
use serde_json::json;

use crate::{Fatal, ListArgs};

/// The system word list used by `validate` when no `--dictionary` is given.
const SYSTEM_DICTIONARY: &str = "/usr/share/dict/words";

#[derive(Subcommand)]
pub(crate) enum ListCommand {
    /// Check a list: errors (file, line, reason; exit 2) and warnings for duplicates, entries
    /// with the same matching form, and entries that match ordinary dictionary words.
    Validate {
        /// The list file (format from --format or the extension).
        file: PathBuf,
        /// Word list to check against, one word per line (default: /usr/share/dict/words if
        /// present).
        #[arg(long)]
        dictionary: Option<PathBuf>,
    },
    /// Convert a platform's plain-text or CSV list into kavach format (written to stdout).
    Import {
        /// The list file.
        file: PathBuf,
        /// List id (default: the file name without extension).
        #[arg(long)]
        id: Option<String>,
        /// List version.
        #[arg(long = "version", value_name = "X.Y.Z", default_value = "0.1.0")]
        list_version: String,
        /// Title (default: "Imported from FILE").
        #[arg(long)]
        title: Option<String>,
        /// Provenance (default: "Imported from FILE").
        #[arg(long)]
        source: Option<String>,
        /// SPDX licence id.
        #[arg(long, default_value = "NOASSERTION")]
        license: String,
        /// Release date, YYYY-MM-DD (default: today, UTC).
        #[arg(long)]
        date: Option<String>,
        /// Language of entries that do not give one (BCP 47).
        #[arg(long, default_value = "und")]
        lang: String,
    },
    /// Entries added, removed and changed between two versions of a list (files, or bundled ids
    /// as ID[@VERSION]).
    Diff {
        /// The old list.
        old: String,
        /// The new list.
        new: String,
        /// Write JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Counts by category, severity, mode and language (default: every bundled list).
    Stats {
        /// List files or bundled ids.
        lists: Vec<String>,
    },
    /// Rank the words and two-word phrases of labelled posts (JSON Lines with "text" and
    /// "label") most associated with abusive posts that the lists (the bundled ones and any
    /// --list-file) do not match yet; writes a review sheet (TSV) to stdout. Nothing is added:
    /// mark rows `yes` in the accept column, then `kavach list import sheet.tsv`.
    Mine {
        /// Labelled JSON Lines, or - for standard input.
        file: String,
        /// How many candidates to write.
        #[arg(long, default_value_t = 200)]
        top: usize,
        /// Fewest abusive posts a candidate must occur in.
        #[arg(long, default_value_t = 3)]
        min_posts: u32,
        /// Weight of the prior (a fraction of the corpus's own counts; Monroe et al. 2008).
        #[arg(long, default_value_t = 0.1)]
        prior: f64,
        /// Words only, no two-word phrases.
        #[arg(long)]
        no_phrases: bool,
        /// The field holding the text.
        #[arg(long, default_value = "text")]
        text_field: String,
        /// The field holding the label.
        #[arg(long, default_value = "label")]
        label_field: String,
        /// A string label that means abusive (repeatable; e.g. --positive HOF --positive OFF);
        /// other string labels then mean clean.
        #[arg(long)]
        positive: Vec<String>,
    },
    /// Write the compiled matcher of every bundled list (about 20 MB), the file the
    /// WebAssembly package ships beside its module: given to `installPrecompiled`, it makes the
    /// first matcher load in milliseconds instead of being built. It is read only by a package
    /// of the same code and lists.
    Precompile {
        /// The file to write.
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
}

fn options(args: &ListArgs) -> ImportOptions {
    let mut options = ImportOptions::default();
    options.category = args.category;
    options.severity = args.severity;
    options.mode = args.mode;
    options
}

/// A list file if `arg` names one, else a bundled list `ID[@VERSION]`.
fn load(arg: &str, args: &ListArgs) -> Result<Wordlist, Fatal> {
    Ok(Wordlist::load_spec(arg, args.format, &options(args))?)
}

pub(crate) fn run(command: ListCommand, args: &ListArgs) -> Result<u8, Fatal> {
    let mut out = io::stdout().lock();
    match command {
        ListCommand::Validate { file, dictionary } => {
            let list = Wordlist::load(&file, args.format, &options(args))?;
            let dict_path = dictionary.or_else(|| {
                Path::new(SYSTEM_DICTIONARY)
                    .exists()
                    .then(|| PathBuf::from(SYSTEM_DICTIONARY))
            });
            let dict_text = match &dict_path {
                Some(p) => std::fs::read_to_string(p)
                    .map_err(|e| Fatal::Error(format!("{}: {e}", p.display())))?,
                None => String::new(),
            };
            let words: Vec<&str> = dict_text
                .lines()
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .collect();
            let warnings = lint(&list, &words);
            for w in &warnings {
                let line = format!(
                    "{}:{}: warning[{}]: {}",
                    file.display(),
                    w.line,
                    w.code,
                    w.message
                );
                write_line(&mut out, &line)?;
            }
            let checked = match &dict_path {
                Some(p) => format!("checked against {} words of {}", words.len(), p.display()),
                None => "no dictionary found; dictionary check skipped".to_string(),
            };
            let line = format!(
                "{}: ok: {}@{}, {} terms, {} allow entries, {} warnings ({checked})",
                file.display(),
                list.meta().id,
                list.meta().version,
                list.entries().len(),
                list.allow().len(),
                warnings.len()
            );
            write_line(&mut out, &line)?;
            Ok(0)
        }
        ListCommand::Import {
            file,
            id,
            list_version,
            title,
            source,
            license,
            date,
            lang,
        } => {
            let from = format!(
                "Imported from {}",
                file.file_name()
                    .and_then(|f| f.to_str())
                    .unwrap_or("a file")
            );
            let mut o = options(args);
            o.id = id.unwrap_or_default();
            o.version = list_version;
            o.lang = lang;
            o.license = license;
            o.source = source.unwrap_or_else(|| from.clone());
            if let Some(date) = date {
                o.date = date;
            }
            let mut list = Wordlist::load(&file, args.format, &o)?;
            let mut meta = list.meta().clone();
            meta.title = title.unwrap_or(from);
            list = list.with_meta(meta)?;
            out.write_all(list.to_kavach().as_bytes())?;
            Ok(0)
        }
        ListCommand::Diff { old, new, json } => {
            let (a, b) = (load(&old, args)?, load(&new, args)?);
            let d = ListDiff::between(&a, &b);
            if json {
                let entry = |e: &Entry| json!({"term": e.term, "category": e.category.as_str(), "severity": e.severity.as_str(), "mode": e.mode.as_str(), "lang": e.lang});
                let side = |l: &Wordlist| json!({"id": l.meta().id, "version": l.meta().version, "fingerprint": l.fingerprint()});
                let doc = json!({
                    "old": side(&a),
                    "new": side(&b),
                    "added": d.added.iter().map(entry).collect::<Vec<_>>(),
                    "removed": d.removed.iter().map(entry).collect::<Vec<_>>(),
                    "changed": d.changed.iter().map(|(o, n)| json!({"old": entry(o), "new": entry(n)})).collect::<Vec<_>>(),
                    "allow_added": d.allow_added.iter().map(|a| json!({"term": a.term, "mode": a.mode.as_str()})).collect::<Vec<_>>(),
                    "allow_removed": d.allow_removed.iter().map(|a| json!({"term": a.term, "mode": a.mode.as_str()})).collect::<Vec<_>>(),
                    "context_added": d.context_added,
                    "context_removed": d.context_removed,
                });
                let json = serde_json::to_string_pretty(&doc)?;
                writeln!(out, "{}", escape_json_controls(&json))?;
            } else {
                let line = |e: &Entry| {
                    format!(
                        "{} | {} | {} | {} | {}",
                        e.term, e.category, e.severity, e.mode, e.lang
                    )
                };
                let head = format!(
                    "{}@{} ({}) -> {}@{} ({})",
                    a.meta().id,
                    a.meta().version,
                    a.fingerprint(),
                    b.meta().id,
                    b.meta().version,
                    b.fingerprint()
                );
                write_line(&mut out, &head)?;
                for e in &d.added {
                    write_line(&mut out, &format!("+ {}", line(e)))?;
                }
                for e in &d.removed {
                    write_line(&mut out, &format!("- {}", line(e)))?;
                }
                for (o, n) in &d.changed {
                    write_line(&mut out, &format!("~ {}  (was: {})", line(n), line(o)))?;
                }
                for a in &d.allow_added {
                    write_line(&mut out, &format!("+ allow {} | {}", a.term, a.mode))?;
                }
                for a in &d.allow_removed {
                    write_line(&mut out, &format!("- allow {} | {}", a.term, a.mode))?;
                }
                for w in &d.context_added {
                    write_line(&mut out, &format!("+ context {w}"))?;
                }
                for w in &d.context_removed {
                    write_line(&mut out, &format!("- context {w}"))?;
                }
                writeln!(
                    out,
                    "{} added, {} removed, {} changed; allow: {} added, {} removed; context: {} added, {} removed",
                    d.added.len(),
                    d.removed.len(),
                    d.changed.len(),
                    d.allow_added.len(),
                    d.allow_removed.len(),
                    d.context_added.len(),
                    d.context_removed.len()
                )?;
            }
            Ok(0)
        }
        ListCommand::Mine {
            file,
            top,
            min_posts,
            prior,
            no_phrases,
            text_field,
            label_field,
            positive,
        } => {
            let matcher = crate::build_matcher(args)?;
            let fields = crate::mine::Fields {
                text: &text_field,
                label: &label_field,
                positive: &positive,
            };
            let mut options = kavach::MineOptions::default();
            options.top = top;
            options.min_posts = min_posts;
            options.prior = prior;
            options.phrases = !no_phrases;
            crate::mine::run(&matcher, &file, &fields, options)
        }
        ListCommand::Stats { lists } => {
            let lists: Vec<Wordlist> = if lists.is_empty() {
                Wordlist::bundled_ids()
                    .map(Wordlist::bundled)
                    .collect::<Result<_, _>>()?
            } else {
                lists
                    .iter()
                    .map(|l| load(l, args))
                    .collect::<Result<_, _>>()?
            };
            for l in &lists {
                let s = l.stats();
                let fmt = |counts: &[(String, usize)]| {
                    counts
                        .iter()
                        .map(|(k, n)| format!("{k} {n}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let head = format!(
                    "{}@{}: {} terms, {} allow entries",
                    l.meta().id,
                    l.meta().version,
                    s.terms,
                    s.allow
                );
                write_line(&mut out, &head)?;
                write_line(&mut out, &format!("  category: {}", fmt(&s.by_category)))?;
                write_line(&mut out, &format!("  severity: {}", fmt(&s.by_severity)))?;
                write_line(&mut out, &format!("  mode:     {}", fmt(&s.by_mode)))?;
                write_line(&mut out, &format!("  language: {}", fmt(&s.by_lang)))?;
            }
            Ok(0)
        }
        ListCommand::Precompile { out: path } => {
            if !args.list.is_empty() || !args.list_file.is_empty() || args.no_bundled {
                return Err(Fatal::Error(
                    "list precompile writes the matcher of every bundled list only: --list, --list-file and --no-bundled do not apply".into(),
                ));
            }
            let Some(bytes) = Matcher::precompiled_bytes() else {
                return Err(Fatal::Error(
                    "this kavach was built without the precompiled matcher (the `precompiled` feature)".into(),
                ));
            };
            std::fs::write(&path, bytes)
                .map_err(|e| Fatal::Error(format!("{}: {e}", path.display())))?;
            let line = format!("{}: {} bytes", path.display(), bytes.len());
            write_line(&mut out, &line)?;
            Ok(0)
        }
    }
}
