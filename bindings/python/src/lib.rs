//! `kavach._kavach`: the Python face of the kavach core. It converts types and errors and
//! nothing else: options go to [`MatcherOptions::set`] by name as strings, every verdict, limit
//! and default comes from the core ([`Matcher::report`]), offsets become code points, errors
//! become `kavach.KavachError` subclasses, and long scans run without the GIL.

use std::path::PathBuf;

use kavach::{
    convert_offsets, write_review_sheet, CensorOptions, Error, ErrorKind, Format, ImportOptions,
    Matcher, MatcherOptions, MineOptions, Miner, OffsetUnit, Wordlist,
};

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyInt, PyList, PyString, PyTuple};

/// Texts at least this long are scanned with the GIL released.
const DETACH_BYTES: usize = 4096;

/// Raises the `kavach` exception class for an error loading lists or building a matcher.
fn raise(py: Python<'_>, e: &Error) -> PyErr {
    let class = match e.kind() {
        ErrorKind::UnknownList(..)
        | ErrorKind::VersionMismatch { .. }
        | ErrorKind::DuplicateList(_)
        | ErrorKind::NoLists
        | ErrorKind::BadOption(_)
        | ErrorKind::Build(_)
        | ErrorKind::BuildTooLarge { .. }
        | ErrorKind::TermTooLong { .. }
        | ErrorKind::TooNested { .. } => "MatcherError",
        ErrorKind::InputTooLong { .. } | ErrorKind::TooManyMatches { .. } => "LimitError",
        _ => "WordlistError",
    };
    raise_as(py, e, class)
}

/// The exception for a text that could not be scanned: `LimitError` over a limit, `TextError`
/// for anything else (not a str, lone surrogates).
fn text_error_class(e: &Error) -> &'static str {
    match e.kind() {
        ErrorKind::InputTooLong { .. } | ErrorKind::TooManyMatches { .. } => "LimitError",
        _ => "TextError",
    }
}

/// Raises `kavach._errors.<class>` for `e`.
fn raise_as(py: Python<'_>, e: &Error, class: &str) -> PyErr {
    match error_object(py, e, class) {
        Ok(exc) => PyErr::from_value(exc),
        Err(err) => err,
    }
}

/// A `kavach._errors.<class>` instance for `e`, carrying its code, reason, file and line.
fn error_object<'py>(py: Python<'py>, e: &Error, class: &str) -> PyResult<Bound<'py, PyAny>> {
    let (file, line) = match e.location() {
        Some(l) => (Some(l.source.clone()), l.line),
        None => (None, None),
    };
    let args = (e.to_string(), e.code(), e.kind().to_string(), file, line);
    py.import("kavach._errors")?.getattr(class)?.call1(args)
}

/// `e`, located at `texts[k]` of a batch.
fn at_item(e: &Error, k: usize) -> Error {
    Error::in_source(e.kind().clone(), &format!("texts[{k}]"))
}

/// One match. `start`/`end` are code-point offsets into the scanned `str`, so
/// `text[m.start:m.end] == m.text`; `byte_start`/`byte_end` are UTF-8 byte offsets.
#[pyclass(module = "kavach", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Match {
    /// Code-point offset of the first character.
    #[pyo3(get)]
    start: usize,
    /// Code-point offset one past the last character.
    #[pyo3(get)]
    end: usize,
    /// UTF-8 byte offset of the first byte.
    #[pyo3(get)]
    byte_start: usize,
    /// UTF-8 byte offset one past the last byte.
    #[pyo3(get)]
    byte_end: usize,
    /// The matched text, as written.
    #[pyo3(get)]
    text: String,
    /// The canonical term from the list.
    #[pyo3(get)]
    term: String,
    /// Category: profanity, sexual, slur, insult, violence or child-safety.
    #[pyo3(get)]
    category: &'static str,
    /// Severity: low, medium, high or critical.
    #[pyo3(get)]
    severity: &'static str,
    /// Id of the list that flagged it.
    #[pyo3(get)]
    list: String,
    /// Version of that list.
    #[pyo3(get)]
    version: String,
    /// The evasions undone to find it (`leet`, `separator`, `spelling`, …).
    #[pyo3(get)]
    transforms: Vec<&'static str>,
}

#[pymethods]
impl Match {
    /// A match from its fields (what pickling uses; matches normally come from a `Matcher`).
    /// `category`, `severity` and `transforms` must be names the core knows.
    #[new]
    #[allow(clippy::too_many_arguments)]
    fn new(
        start: usize,
        end: usize,
        byte_start: usize,
        byte_end: usize,
        text: String,
        term: String,
        category: &str,
        severity: &str,
        list: String,
        version: String,
        transforms: Vec<String>,
    ) -> PyResult<Self> {
        let bad = |kind: ErrorKind| PyValueError::new_err(kind.to_string());
        let category = category.parse::<kavach::Category>().map_err(bad)?.as_str();
        let severity = severity.parse::<kavach::Severity>().map_err(bad)?.as_str();
        let transforms = transforms
            .iter()
            .map(|t| {
                kavach::Transforms::from_name(t)
                    .and_then(|t| t.names().next())
                    .ok_or_else(|| PyValueError::new_err(format!("unknown transform `{t}`")))
            })
            .collect::<PyResult<_>>()?;
        Ok(Match {
            start,
            end,
            byte_start,
            byte_end,
            text,
            term,
            category,
            severity,
            list,
            version,
            transforms,
        })
    }

    fn __getnewargs__(&self) -> MatchArgs {
        (
            self.start,
            self.end,
            self.byte_start,
            self.byte_end,
            self.text.clone(),
            self.term.clone(),
            self.category,
            self.severity,
            self.list.clone(),
            self.version.clone(),
            self.transforms.clone(),
        )
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let transforms: Vec<String> = self.transforms.iter().map(|t| py_repr(py, t)).collect();
        format!(
            "Match(start={}, end={}, text={}, term={}, category={}, severity={}, list={}, transforms=[{}])",
            self.start,
            self.end,
            py_repr(py, &self.text),
            py_repr(py, &self.term),
            py_repr(py, self.category),
            py_repr(py, self.severity),
            py_repr(py, &format!("{}@{}", self.list, self.version)),
            transforms.join(", ")
        )
    }

    /// The match as a plain dict (for JSON, pandas, logging).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("byte_start", self.byte_start)?;
        d.set_item("byte_end", self.byte_end)?;
        d.set_item("text", &self.text)?;
        d.set_item("term", &self.term)?;
        d.set_item("category", self.category)?;
        d.set_item("severity", self.severity)?;
        d.set_item("list", &self.list)?;
        d.set_item("version", &self.version)?;
        d.set_item("transforms", &self.transforms)?;
        Ok(d)
    }
}

/// `Match`'s constructor arguments.
type MatchArgs = (
    usize,
    usize,
    usize,
    usize,
    String,
    String,
    &'static str,
    &'static str,
    String,
    String,
    Vec<&'static str>,
);

/// The policy's decision on a text: `decision` is "allow", "review" or "block"; `report` is
/// true for child-safety matches; `max_severity` is the most severe match's severity or None;
/// `reason` says why the decision is not the matches' own ("too-many-matches",
/// "input-too-long", "not-text", …) or is None for a complete scan.
#[pyclass(module = "kavach", frozen, eq, get_all)]
#[derive(Clone, PartialEq, Eq)]
pub struct Verdict {
    /// "allow", "review" or "block".
    decision: String,
    /// Whether the text must be reported (a child-safety match).
    report: bool,
    /// Severity of the most severe match, if any.
    max_severity: Option<String>,
    /// Why the text was not fully scanned, if it was not.
    reason: Option<String>,
}

impl Verdict {
    fn of(r: &kavach::Report<'_>) -> Self {
        let v = &r.verdict;
        Verdict {
            decision: v.decision.as_str().to_string(),
            report: v.report,
            max_severity: v.max_severity.map(|s| s.as_str().to_string()),
            reason: r.reason_code().map(str::to_string),
        }
    }
}

#[pymethods]
impl Verdict {
    /// A verdict from its fields (what pickling uses; verdicts normally come from a `Matcher`).
    #[new]
    #[pyo3(signature = (decision, report, max_severity=None, reason=None))]
    fn new(
        decision: String,
        report: bool,
        max_severity: Option<String>,
        reason: Option<String>,
    ) -> Self {
        Verdict {
            decision,
            report,
            max_severity,
            reason,
        }
    }

    fn __getnewargs__(&self) -> (String, bool, Option<String>, Option<String>) {
        (
            self.decision.clone(),
            self.report,
            self.max_severity.clone(),
            self.reason.clone(),
        )
    }

    /// The verdict as a plain dict: decision, report, max_severity, reason.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("decision", &self.decision)?;
        d.set_item("report", self.report)?;
        d.set_item("max_severity", &self.max_severity)?;
        d.set_item("reason", &self.reason)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let opt = |s: &Option<String>| s.as_ref().map_or("None".to_string(), |s| py_repr(py, s));
        format!(
            "Verdict(decision={}, report={}, max_severity={}, reason={})",
            py_repr(py, &self.decision),
            if self.report { "True" } else { "False" },
            opt(&self.max_severity),
            opt(&self.reason),
        )
    }
}

/// The outcome of scanning one text, as the core reports it (fail-closed): `status` is
/// "scanned" or "error" (not scanned: over `max_input_bytes`, or not a str); `matches` are at
/// most `max_matches` (`truncated` says more were found); `verdict` is never "allow" for a text
/// that was cut or not scanned; `reasons` are the matches that drove the verdict.
#[pyclass(module = "kavach", frozen, eq)]
#[derive(Clone, PartialEq, Eq)]
pub struct Report {
    status: &'static str,
    verdict: Verdict,
    truncated: bool,
    error_code: Option<String>,
    error_message: Option<String>,
    matches: Vec<Match>,
    /// Indices in `matches` of the reasons.
    reasons: Vec<usize>,
    /// The core's canonical JSON form, with code-point offsets.
    json: String,
}

impl Report {
    /// Converts the core's report on `text` (no GIL needed).
    fn of(text: &str, r: &kavach::Report<'_>) -> Self {
        let reasons = r.reason_indices().collect();
        Report {
            status: r.status().as_str(),
            verdict: Verdict::of(r),
            truncated: r.truncated,
            error_code: r.error.as_ref().map(|e| e.code().to_string()),
            error_message: r.error.as_ref().map(ToString::to_string),
            matches: to_py_matches(text, &r.matches),
            reasons,
            json: r.to_json(None, OffsetUnit::CodePoint),
        }
    }

    /// The report on an input that was not scanned.
    fn unscanned(e: Error) -> Self {
        Report::of("", &kavach::Report::unscanned(e))
    }
}

/// `Report`'s pickled state, with the status as `S`.
type ReportState<S> = (
    S,
    Verdict,
    bool,
    Option<String>,
    Option<String>,
    Vec<Match>,
    Vec<usize>,
    String,
);

#[pymethods]
impl Report {
    /// "scanned", or "error" when the text was not scanned (see `error_code`).
    #[getter]
    fn status(&self) -> &'static str {
        self.status
    }

    /// Whether the text has any match.
    #[getter]
    fn flagged(&self) -> bool {
        !self.matches.is_empty()
    }

    /// The policy's decision (never "allow" for a text that was cut or not scanned).
    #[getter]
    fn verdict(&self) -> Verdict {
        self.verdict.clone()
    }

    /// Whether the text had more than `max_matches` matches (only the first are kept).
    #[getter]
    fn truncated(&self) -> bool {
        self.truncated
    }

    /// Why the text was not scanned ("input-too-long", "not-text", …), or None.
    #[getter]
    fn error_code(&self) -> Option<&str> {
        self.error_code.as_deref()
    }

    /// The error's message, or None.
    #[getter]
    fn error_message(&self) -> Option<&str> {
        self.error_message.as_deref()
    }

    /// The matches, in order (at most `max_matches`).
    #[getter]
    fn matches(&self) -> Vec<Match> {
        self.matches.clone()
    }

    /// The matches that drove the verdict (none for "allow"): what to show as the reason.
    #[getter]
    fn reasons(&self) -> Vec<Match> {
        self.reasons
            .iter()
            .map(|&k| self.matches[k].clone())
            .collect()
    }

    /// The report as the core's canonical JSON object (as `kavach scan` writes it), with
    /// code-point offsets: status, flagged, verdict, report, max_severity, truncated, error
    /// (`{"code", "message"}` or None) and matches (each with its own `decision`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("json")?.call_method1("loads", (&self.json,))
    }

    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, (ReportState<&'static str>,))> {
        let state = (
            self.status,
            self.verdict.clone(),
            self.truncated,
            self.error_code.clone(),
            self.error_message.clone(),
            self.matches.clone(),
            self.reasons.clone(),
            self.json.clone(),
        );
        Ok((py.get_type::<Report>().getattr("_from_state")?, (state,)))
    }

    /// Rebuilds a pickled report.
    #[staticmethod]
    fn _from_state(state: ReportState<String>) -> PyResult<Self> {
        let (status, verdict, truncated, error_code, error_message, matches, reasons, json) = state;
        let status = match status.as_str() {
            "scanned" => "scanned",
            "error" => "error",
            _ => return Err(PyValueError::new_err(format!("unknown status `{status}`"))),
        };
        if reasons.iter().any(|&k| k >= matches.len()) {
            return Err(PyValueError::new_err("a reason is not one of the matches"));
        }
        Ok(Report {
            status,
            verdict,
            truncated,
            error_code,
            error_message,
            matches,
            reasons,
            json,
        })
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "<Report status={} verdict={} flagged={} truncated={} error_code={} matches={}>",
            py_repr(py, self.status),
            py_repr(py, &self.verdict.decision),
            if self.matches.is_empty() {
                "False"
            } else {
                "True"
            },
            if self.truncated { "True" } else { "False" },
            self.error_code
                .as_ref()
                .map_or("None".to_string(), |c| py_repr(py, c)),
            self.matches.len()
        )
    }
}

/// Matches of `text` with code-point offsets.
fn to_py_matches(text: &str, found: &[kavach::Match<'_>]) -> Vec<Match> {
    let mut offsets: Vec<usize> = found.iter().flat_map(|m| [m.start, m.end]).collect();
    convert_offsets(text, &mut offsets, OffsetUnit::CodePoint);
    found
        .iter()
        .zip(offsets.chunks_exact(2))
        .map(|(m, cp)| Match {
            start: cp[0],
            end: cp[1],
            byte_start: m.start,
            byte_end: m.end,
            text: m.text.to_string(),
            term: m.term.to_string(),
            category: m.category.as_str(),
            severity: m.severity.as_str(),
            list: m.list.to_string(),
            version: m.version.to_string(),
            transforms: m.transforms.names().collect(),
        })
        .collect()
}

/// `repr()` of a Python str, for `__repr__`s that read like Python.
fn py_repr(py: Python<'_>, s: &str) -> String {
    PyString::new(py, s)
        .repr()
        .map_or_else(|_| format!("{s:?}"), |r| r.to_string())
}

/// An option's value as the string [`MatcherOptions::set`] parses: None is "none", a bool
/// "true"/"false", an int its digits, a str itself.
fn option_value(name: &str, value: &Bound<'_, PyAny>) -> PyResult<String> {
    if value.is_none() {
        return Ok("none".to_string());
    }
    if let Ok(b) = value.cast::<PyBool>() {
        return Ok(if b.is_true() { "true" } else { "false" }.to_string());
    }
    if value.is_instance_of::<PyInt>() {
        return Ok(value.str()?.to_str()?.to_string());
    }
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(s.to_str()?.to_string());
    }
    Err(PyTypeError::new_err(format!(
        "{name} must be a str, int, bool or None, not {}",
        type_name(value)
    )))
}

/// The name of `value`'s type, for messages ("None" for None).
fn type_name(value: &Bound<'_, PyAny>) -> String {
    if value.is_none() {
        return "None".to_string();
    }
    value
        .get_type()
        .name()
        .map_or("?".to_string(), |n| n.to_string())
}

/// One input of a scan: a str (read in place), or why it cannot be scanned.
enum Input<'py> {
    Str(Bound<'py, PyString>),
    Bad(Error),
}

impl<'py> Input<'py> {
    fn of(item: Bound<'py, PyAny>) -> Self {
        match item.cast_into::<PyString>() {
            Ok(s) => Input::Str(s),
            Err(e) => Input::Bad(Error::new(ErrorKind::NotText(type_name(&e.into_inner())))),
        }
    }

    /// The text as UTF-8 (borrowed from the str), or why it cannot be scanned: not a str, or
    /// a str with lone surrogates (`invalid-utf8`, at the byte where the UTF-8 form breaks).
    fn text(&self) -> Result<&str, Error> {
        match self {
            Input::Str(s) => s.to_str().map_err(|_| {
                let byte = s
                    .call_method1("encode", ("utf-8", "surrogatepass"))
                    .ok()
                    .and_then(|b| b.cast_into::<PyBytes>().ok())
                    .and_then(|b| std::str::from_utf8(b.as_bytes()).err())
                    .map_or(0, |e| e.valid_up_to());
                Error::new(ErrorKind::InvalidUtf8 { byte })
            }),
            Input::Bad(e) => Err(e.clone()),
        }
    }
}

/// The items of an iterable of texts (a str itself is refused: it is one text, not many).
fn inputs<'py>(what: &str, texts: &Bound<'py, PyAny>) -> PyResult<Vec<Input<'py>>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what} takes an iterable of str, not a str"
        )));
    }
    if let Ok(list) = texts.cast::<PyList>() {
        // A list (the usual case) is read by index, without the iterator protocol.
        Ok(list.iter().map(Input::of).collect())
    } else {
        texts.try_iter()?.map(|item| item.map(Input::of)).collect()
    }
}

/// Runs `f` with Python's cycle collector paused: a large batch allocates many objects that
/// cannot form cycles, and the collector would otherwise run many times over them.
fn gc_paused<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    let gc = py.import("gc")?;
    let paused = gc.call_method0("isenabled")?.is_truthy()?;
    if paused {
        gc.call_method0("disable")?;
    }
    let out = f();
    if paused {
        gc.call_method0("enable")?;
    }
    out
}

/// Options from the constructor's keywords, each set by name from its string form.
fn set_options(
    o: &mut MatcherOptions,
    py: Python<'_>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<()> {
    for (name, value) in options.into_iter().flat_map(|d| d.iter()) {
        let name = name.str()?.to_str()?.to_string();
        let value = option_value(&name, &value)?;
        o.set(&name, &value).map_err(|e| raise(py, &e))?;
    }
    Ok(())
}

/// A compiled matcher over bundled and/or your own lists. Immutable and safe to share between
/// threads; pickles (the lists travel with it), so it works with multiprocessing.
#[pyclass(module = "kavach", name = "Matcher", frozen)]
pub struct PyMatcher {
    inner: Matcher,
}

#[pymethods]
impl PyMatcher {
    #[new]
    #[pyo3(signature = (lists=None, list_files=None, list_texts=None, **options))]
    fn new(
        py: Python<'_>,
        lists: Option<Vec<String>>,
        list_files: Option<Vec<PathBuf>>,
        list_texts: Option<Vec<String>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let mut o = MatcherOptions::new();
        if let Some(ids) = lists {
            o.only_bundled(ids);
        }
        set_options(&mut o, py, options)?;
        for path in list_files.unwrap_or_default() {
            let list = Wordlist::load(&path, None, &ImportOptions::default())
                .map_err(|e| raise(py, &e))?;
            o.add_list(&path.display().to_string(), list);
        }
        for (k, text) in list_texts.unwrap_or_default().iter().enumerate() {
            let source = format!("list_texts[{k}]");
            let list = Wordlist::from_bytes(
                text.as_bytes(),
                &source,
                Format::Kavach,
                &ImportOptions::default(),
            )
            .map_err(|e| raise(py, &e))?;
            o.add_list(&source, list);
        }
        let inner = o.build().map_err(|e| raise(py, &e))?;
        Ok(PyMatcher { inner })
    }

    /// All matches in `text`, in order, one per overlapping region. Raises `LimitError` when
    /// `text` is longer than `max_input_bytes` or has more than `max_matches` matches.
    fn find(&self, py: Python<'_>, text: &str) -> PyResult<Vec<Match>> {
        let found = if text.len() >= DETACH_BYTES {
            py.detach(|| self.inner.scan(text))
        } else {
            self.inner.scan(text)
        };
        Ok(to_py_matches(text, &found.map_err(|e| raise(py, &e))?))
    }

    /// Whether `text` has any match; stops at the first one. Raises `LimitError` when `text`
    /// is longer than `max_input_bytes`.
    fn is_match(&self, py: Python<'_>, text: &str) -> PyResult<bool> {
        self.inner.check_input(text).map_err(|e| raise(py, &e))?;
        Ok(if text.len() >= DETACH_BYTES {
            py.detach(|| self.inner.is_match(text))
        } else {
            self.inner.is_match(text)
        })
    }

    /// `text` with every match masked, one mask character per grapheme. Raises `LimitError`
    /// when `text` is longer than `max_input_bytes` (never returns it unmasked).
    #[pyo3(signature = (text, mask="*", keep_first=false))]
    fn censor(&self, py: Python<'_>, text: &str, mask: &str, keep_first: bool) -> PyResult<String> {
        let mut chars = mask.chars();
        let (Some(mask), None) = (chars.next(), chars.next()) else {
            return Err(PyValueError::new_err(format!(
                "mask must be one character, got {mask:?}"
            )));
        };
        let mut options = CensorOptions::default();
        options.mask = mask;
        options.keep_first = keep_first;
        py.detach(|| self.inner.censor_checked(text, &options))
            .map_err(|e| raise(py, &e))
    }

    /// The report on `text`: matches, verdict, whether they were cut at `max_matches`, and
    /// why the text was not scanned. Never raises: a text over a limit, or one that is not a
    /// str, gets a report whose verdict is at least "review".
    fn report(&self, py: Python<'_>, text: Bound<'_, PyAny>) -> Report {
        let input = Input::of(text);
        match input.text() {
            Ok(t) if t.len() >= DETACH_BYTES => py.detach(|| Report::of(t, &self.inner.report(t))),
            Ok(t) => Report::of(t, &self.inner.report(t)),
            Err(e) => Report::unscanned(e),
        }
    }

    /// The policy's decision on `text`: the verdict of `report(text)` (never raises; over a
    /// limit it is at least "review", with `reason` saying why).
    fn verdict(&self, py: Python<'_>, text: Bound<'_, PyAny>) -> Verdict {
        let input = Input::of(text);
        match input.text() {
            Ok(t) if t.len() >= DETACH_BYTES => py.detach(|| Verdict::of(&self.inner.report(t))),
            Ok(t) => Verdict::of(&self.inner.report(t)),
            Err(e) => Verdict::of(&kavach::Report::unscanned(e)),
        }
    }

    /// `find` on every text of an iterable of str, in parallel on `threads` threads (default:
    /// every core) with the GIL released. Returns one item per text, in order: its list of
    /// matches or, for a text that could not be scanned, the error (a `KavachError` instance:
    /// `LimitError` over a limit, `TextError` for None or another non-str), naming
    /// `texts[k]`. With `errors="raise"`, the first such error is raised instead.
    #[pyo3(signature = (texts, threads=None, errors="return"))]
    fn find_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<usize>,
        errors: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let raise_first = match errors {
            "return" => false,
            "raise" => true,
            _ => {
                return Err(PyValueError::new_err(format!(
                    "errors must be \"return\" or \"raise\", not {errors:?}"
                )))
            }
        };
        // The texts are read in place (no copy): each str is kept alive here while the GIL is
        // released, and a str's UTF-8 form does not change.
        let items = inputs("find_many", texts)?;
        let read: Vec<Result<&str, Error>> = items.iter().map(Input::text).collect();
        let strs: Vec<&str> = read.iter().map(|r| *r.as_ref().unwrap_or(&"")).collect();
        // Offsets are converted on the scanning threads, without the GIL.
        let found = py.detach(|| {
            self.inner
                .scan_many_with(&strs, threads.unwrap_or(0), |t, r| {
                    r.map(|f| to_py_matches(t, &f))
                })
        });
        let found: Vec<Result<Vec<Match>, Error>> = found
            .into_iter()
            .zip(read)
            .enumerate()
            .map(|(k, (f, r))| match r {
                Ok(_) => f.map_err(|e| at_item(&e, k)),
                Err(e) => Err(at_item(&e, k)),
            })
            .collect();
        if raise_first {
            if let Some(e) = found.iter().find_map(|r| r.as_ref().err()) {
                return Err(raise_as(py, e, text_error_class(e)));
            }
        }
        gc_paused(py, || {
            let items = found
                .into_iter()
                .map(|r| match r {
                    Ok(matches) => Ok(PyList::new(py, matches)?.into_any()),
                    Err(e) => error_object(py, &e, text_error_class(&e)),
                })
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)
        })
    }

    /// `report` on every item of an iterable, in parallel on `threads` threads (default: every
    /// core) with the GIL released. One report per item, in order; an item that is None or not
    /// a str gets an error report ("not-text"): nothing is raised, nothing is lost.
    #[pyo3(signature = (texts, threads=None))]
    fn report_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let reports = self.many(
            py,
            "report_many",
            texts,
            threads,
            Report::of,
            Report::unscanned,
        )?;
        gc_paused(py, || PyList::new(py, reports))
    }

    /// The words and two-word phrases of `texts` most associated with the items whose label
    /// is true (`labels`: ints or bools, as many as `texts`) that this matcher does not match
    /// whole, best first, as dicts (see `kavach.Miner` in the core and `review_sheet`).
    #[pyo3(signature = (texts, labels, *, top=200, min_posts=3, prior=0.1, phrases=true, examples=3))]
    #[allow(clippy::too_many_arguments)]
    fn mine<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        labels: &Bound<'py, PyAny>,
        top: usize,
        min_posts: u32,
        prior: f64,
        phrases: bool,
        examples: usize,
    ) -> PyResult<Bound<'py, PyList>> {
        let mut options = MineOptions::default();
        options.top = top;
        options.min_posts = min_posts;
        options.prior = prior;
        options.phrases = phrases;
        options.examples = examples;
        let mut miner = Miner::new(&self.inner, options);
        let mut labels = labels.try_iter()?;
        let mut k = 0;
        for text in texts.try_iter()? {
            let text = text?;
            let Some(label) = labels.next() else {
                return Err(PyValueError::new_err(format!(
                    "labels has fewer items than texts ({k})"
                )));
            };
            let label = label?;
            let text = text
                .cast::<PyString>()
                .map_err(|_| PyTypeError::new_err(format!("texts[{k}] is not a str")))?;
            let abusive = if label.is_instance_of::<PyBool>() || label.is_instance_of::<PyInt>() {
                label.is_truthy()?
            } else {
                return Err(PyTypeError::new_err(format!(
                    "labels[{k}] must be an int or a bool, not {}",
                    label.get_type().name()?
                )));
            };
            miner.add(text.to_str()?, abusive);
            k += 1;
        }
        if labels.next().is_some() {
            return Err(PyValueError::new_err(format!(
                "labels has more items than texts ({k})"
            )));
        }
        let found = py.detach(|| miner.finish());
        let rows = found
            .iter()
            .map(|c| {
                let d = PyDict::new(py);
                d.set_item("term", &c.term)?;
                d.set_item("words", c.words)?;
                d.set_item("score", c.score)?;
                d.set_item("abusive_posts", c.abusive_posts)?;
                d.set_item("clean_posts", c.clean_posts)?;
                d.set_item("already_matches", c.contains.clone())?;
                d.set_item("examples", c.examples.clone())?;
                Ok(d)
            })
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, rows)
    }

    /// `verdict` on every item of an iterable, like `report_many`: one verdict per item, in
    /// order, never raising for an item.
    #[pyo3(signature = (texts, threads=None))]
    fn verdict_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let verdicts = self.many(
            py,
            "verdict_many",
            texts,
            threads,
            |_, r| Verdict::of(r),
            |e| Verdict::of(&kavach::Report::unscanned(e)),
        )?;
        PyList::new(py, verdicts)
    }

    /// Whether the matcher was read from the bundled matcher compiled with the module rather
    /// than built (the same results either way).
    #[getter]
    fn precompiled(&self) -> bool {
        self.inner.is_precompiled()
    }

    /// The compiled lists: id, version, title, fingerprint, entries, allow.
    #[getter]
    fn lists<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.inner
            .lists()
            .iter()
            .map(|l| {
                let d = PyDict::new(py);
                d.set_item("id", &*l.id)?;
                d.set_item("version", &*l.version)?;
                d.set_item("title", &l.title)?;
                d.set_item("fingerprint", &l.fingerprint)?;
                d.set_item("entries", l.entries)?;
                d.set_item("allow", l.allow)?;
                Ok(d)
            })
            .collect()
    }

    fn __repr__(&self) -> String {
        let lists: Vec<String> = self
            .inner
            .lists()
            .iter()
            .map(|l| format!("'{}@{}'", l.id, l.version))
            .collect();
        format!("Matcher(lists=[{}])", lists.join(", "))
    }

    /// Pickle support: the lists in kavach format, the default thresholds and the limits.
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let texts: Vec<String> = self
            .inner
            .wordlists()
            .iter()
            .map(Wordlist::to_kavach)
            .collect();
        let t = self.inner.policy().default;
        let l = self.inner.limits();
        let ctor = py.get_type::<PyMatcher>().getattr("_from_state")?;
        let args = PyTuple::new(
            py,
            [
                texts.into_pyobject(py)?.into_any(),
                t.review.as_str().into_pyobject(py)?.into_any(),
                t.block.as_str().into_pyobject(py)?.into_any(),
                l.max_input_bytes.into_pyobject(py)?.into_any(),
                l.max_matches.into_pyobject(py)?.into_any(),
            ],
        )?;
        Ok((ctor, args))
    }

    /// Rebuilds a pickled matcher: its lists with the bundled ones off, the same thresholds
    /// and limits.
    #[staticmethod]
    fn _from_state(
        py: Python<'_>,
        texts: Vec<String>,
        review: &str,
        block: &str,
        max_input_bytes: Option<usize>,
        max_matches: Option<usize>,
    ) -> PyResult<Self> {
        let mut o = MatcherOptions::new();
        o.bundled(false);
        for (k, text) in texts.iter().enumerate() {
            let source = format!("pickled list {k}");
            let list = Wordlist::parse(text, &source).map_err(|e| raise(py, &e))?;
            o.add_list(&source, list);
        }
        let limit = |n: Option<usize>| n.map_or("none".to_string(), |n| n.to_string());
        let settings = [
            ("review-at", review.to_string()),
            ("block-at", block.to_string()),
            ("max-input-bytes", limit(max_input_bytes)),
            ("max-matches", limit(max_matches)),
        ];
        for (name, value) in &settings {
            o.set(name, value).map_err(|e| raise(py, &e))?;
        }
        let inner = o.build().map_err(|e| raise(py, &e))?;
        Ok(PyMatcher { inner })
    }
}

impl PyMatcher {
    /// The core's report on every item of `texts`, converted by `convert` on the scanning
    /// threads (GIL released), or by `unreadable` for an item that is not a readable str.
    fn many<'py, R: Send>(
        &self,
        py: Python<'py>,
        what: &str,
        texts: &Bound<'py, PyAny>,
        threads: Option<usize>,
        convert: impl Fn(&str, &kavach::Report<'_>) -> R + Sync,
        unreadable: impl Fn(Error) -> R,
    ) -> PyResult<Vec<R>> {
        let items = inputs(what, texts)?;
        let read: Vec<Result<&str, Error>> = items.iter().map(Input::text).collect();
        let strs: Vec<&str> = read.iter().map(|r| *r.as_ref().unwrap_or(&"")).collect();
        let mut out: Vec<Option<R>> = py.detach(|| {
            self.inner
                .report_many_with(&strs, threads.unwrap_or(0), |t, r| Some(convert(t, &r)))
        });
        for (slot, r) in out.iter_mut().zip(read) {
            if let Err(e) = r {
                *slot = Some(unreadable(e));
            }
        }
        Ok(out.into_iter().flatten().collect())
    }
}

/// The ids of the lists bundled with kavach.
#[pyfunction]
fn bundled_lists() -> Vec<&'static str> {
    Wordlist::bundled_ids().collect()
}

/// A list by path (format from the extension) or, if no such file exists, a bundled id.
fn load_list(py: Python<'_>, spec: &str) -> PyResult<Wordlist> {
    Wordlist::load_spec(spec, None, &ImportOptions::default()).map_err(|e| raise(py, &e))
}

fn entry_dict<'py>(py: Python<'py>, e: &kavach::Entry) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("term", &e.term)?;
    d.set_item("category", e.category.as_str())?;
    d.set_item("severity", e.severity.as_str())?;
    d.set_item("mode", e.mode.as_str())?;
    d.set_item("lang", &e.lang)?;
    Ok(d)
}

/// What changed between two versions of a list (each a path or a bundled id), as a dict:
/// `old`/`new` (id, version, fingerprint), `added`, `removed`, `changed` (old, new),
/// `allow_added`, `allow_removed`, `context_added`, `context_removed` — like `kavach list diff`.
#[pyfunction]
fn diff_lists<'py>(py: Python<'py>, old: &str, new: &str) -> PyResult<Bound<'py, PyDict>> {
    let (a, b) = (load_list(py, old)?, load_list(py, new)?);
    let d = kavach::ListDiff::between(&a, &b);
    let side = |l: &Wordlist| -> PyResult<Bound<'py, PyDict>> {
        let s = PyDict::new(py);
        s.set_item("id", &l.meta().id)?;
        s.set_item("version", &l.meta().version)?;
        s.set_item("fingerprint", l.fingerprint())?;
        Ok(s)
    };
    let out = PyDict::new(py);
    out.set_item("old", side(&a)?)?;
    out.set_item("new", side(&b)?)?;
    let entries = |es: &[kavach::Entry]| -> PyResult<Vec<Bound<'py, PyDict>>> {
        es.iter().map(|e| entry_dict(py, e)).collect()
    };
    out.set_item("added", entries(&d.added)?)?;
    out.set_item("removed", entries(&d.removed)?)?;
    let changed: PyResult<Vec<(Bound<'py, PyDict>, Bound<'py, PyDict>)>> = d
        .changed
        .iter()
        .map(|(o, n)| Ok((entry_dict(py, o)?, entry_dict(py, n)?)))
        .collect();
    out.set_item("changed", changed?)?;
    let allow =
        |xs: &[kavach::AllowEntry]| -> Vec<String> { xs.iter().map(|a| a.term.clone()).collect() };
    out.set_item("allow_added", allow(&d.allow_added))?;
    out.set_item("allow_removed", allow(&d.allow_removed))?;
    out.set_item("context_added", &d.context_added)?;
    out.set_item("context_removed", &d.context_removed)?;
    Ok(out)
}

/// The compiled module.
/// The review sheet (TSV text, header first) for candidates as `Matcher.mine` returns them;
/// `kavach list import sheet.tsv` reads its rows marked `yes` in `accept`.
#[pyfunction]
fn review_sheet(candidates: &Bound<'_, PyAny>) -> PyResult<String> {
    let mut found = Vec::new();
    for (k, row) in candidates.try_iter()?.enumerate() {
        let row = row?;
        let get = |key: &str| {
            row.get_item(key)
                .map_err(|_| PyValueError::new_err(format!("candidates[{k}] has no `{key}`")))
        };
        let mut c = kavach::Candidate::default();
        c.term = get("term")?.extract()?;
        c.words = get("words")?.extract()?;
        c.score = get("score")?.extract()?;
        c.abusive_posts = get("abusive_posts")?.extract()?;
        c.clean_posts = get("clean_posts")?.extract()?;
        c.contains = get("already_matches")?.extract()?;
        c.examples = get("examples")?.extract()?;
        found.push(c);
    }
    let mut out = Vec::new();
    write_review_sheet(&mut out, &found)?;
    String::from_utf8(out).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// Runs the `kavach` command with `args` (the program name first) and returns its exit code:
/// `python -m kavach` (the same command as the Rust binary, reading and writing the process's
/// standard streams). The GIL is released while it runs.
#[pyfunction]
fn run_cli(py: Python<'_>, args: Vec<String>) -> u8 {
    py.detach(|| kavach_cli::run_args(args))
}

#[pymodule]
fn _kavach(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyMatcher>()?;
    m.add_class::<Match>()?;
    m.add_class::<Verdict>()?;
    m.add_class::<Report>()?;
    m.add_function(wrap_pyfunction!(bundled_lists, m)?)?;
    m.add_function(wrap_pyfunction!(diff_lists, m)?)?;
    m.add_function(wrap_pyfunction!(review_sheet, m)?)?;
    m.add_function(wrap_pyfunction!(run_cli, m)?)?;
    m.add("UNICODE_VERSION", kavach::UNICODE_VERSION)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
