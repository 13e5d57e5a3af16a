//! `kavach._kavach`: the Python face of the kavach core. It converts types and errors and
//! nothing else: offsets become code points, errors become `kavach.KavachError` subclasses, and
//! long scans run without the GIL.

use std::path::PathBuf;

use kavach::{
    convert_offsets, CensorOptions, Error, ErrorKind, Format, ImportOptions, Limits, Matcher,
    OffsetUnit, Policy, Severity, Wordlist,
};

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

/// Texts at least this long are scanned with the GIL released.
const DETACH_BYTES: usize = 4096;

/// Raises the `kavach` exception class for `e`, carrying its code, reason, file and line.
fn raise(py: Python<'_>, e: &Error) -> PyErr {
    let class = match e.kind() {
        ErrorKind::UnknownList(..)
        | ErrorKind::VersionMismatch { .. }
        | ErrorKind::DuplicateList(_)
        | ErrorKind::NoLists
        | ErrorKind::Build(_) => "MatcherError",
        ErrorKind::InputTooLong { .. } | ErrorKind::TooManyMatches { .. } => "LimitError",
        _ => "WordlistError",
    };
    raise_as(py, e, class)
}

/// Raises the error of `texts[k]` in a batch, naming the index.
fn raise_at(py: Python<'_>, e: &Error, k: usize) -> PyErr {
    let located = Error::in_source(e.kind().clone(), &format!("texts[{k}]"));
    raise(py, &located)
}

/// Raises `kavach._errors.<class>` for `e`.
fn raise_as(py: Python<'_>, e: &Error, class: &str) -> PyErr {
    let (file, line) = match e.location() {
        Some(l) => (Some(l.source.clone()), l.line),
        None => (None, None),
    };
    let args = (e.to_string(), e.code(), e.kind().to_string(), file, line);
    match py
        .import("kavach._errors")
        .and_then(|m| m.getattr(class))
        .and_then(|c| c.call1(args))
    {
        Ok(exc) => PyErr::from_value(exc),
        Err(err) => err,
    }
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

/// The policy's decision on a text: `decision` is "allow", "review" or "block"; `report` is
/// true for child-safety matches; `max_severity` is the most severe match's severity or None.
#[pyclass(module = "kavach", frozen, eq, get_all)]
#[derive(Clone, PartialEq, Eq)]
pub struct Verdict {
    /// "allow", "review" or "block".
    decision: String,
    /// Whether the text must be reported (a child-safety match).
    report: bool,
    /// Severity of the most severe match, if any.
    max_severity: Option<String>,
}

#[pymethods]
impl Verdict {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Verdict(decision={}, report={}, max_severity={})",
            py_repr(py, &self.decision),
            if self.report { "True" } else { "False" },
            self.max_severity
                .as_ref()
                .map_or("None".to_string(), |s| py_repr(py, s))
        )
    }
}

/// Matches of `text` with code-point offsets.
fn to_py_matches(text: &str, found: Vec<kavach::Match>) -> Vec<Match> {
    let mut offsets: Vec<usize> = found.iter().flat_map(|m| [m.start, m.end]).collect();
    convert_offsets(text, &mut offsets, OffsetUnit::CodePoint);
    found
        .into_iter()
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

/// A severity option (`review_at`, `block_at`): a bad name is a `MatcherError`.
fn severity(py: Python<'_>, name: &str) -> PyResult<Severity> {
    name.parse::<Severity>()
        .map_err(|kind| raise_as(py, &Error::new(kind), "MatcherError"))
}

/// `repr()` of a Python str, for `__repr__`s that read like Python.
fn py_repr(py: Python<'_>, s: &str) -> String {
    PyString::new(py, s)
        .repr()
        .map_or_else(|_| format!("{s:?}"), |r| r.to_string())
}

/// Builds the matcher with the default policy's thresholds overridden and `limits`.
fn finish(
    py: Python<'_>,
    b: kavach::MatcherBuilder,
    review_at: Option<&str>,
    block_at: Option<&str>,
    limits: Limits,
) -> PyResult<PyMatcher> {
    let mut policy = Policy::default();
    if let Some(r) = review_at {
        policy.default.review = severity(py, r)?;
    }
    if let Some(bl) = block_at {
        policy.default.block = severity(py, bl)?;
    }
    let inner = b
        .policy(policy)
        .limits(limits)
        .build()
        .map_err(|e| raise(py, &e))?;
    Ok(PyMatcher { inner })
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
    #[pyo3(signature = (lists=None, list_files=None, list_texts=None, *, review_at=None, block_at=None, max_input_bytes=Some(1 << 20), max_matches=Some(1000)))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        lists: Option<Vec<String>>,
        list_files: Option<Vec<PathBuf>>,
        list_texts: Option<Vec<String>>,
        review_at: Option<&str>,
        block_at: Option<&str>,
        max_input_bytes: Option<usize>,
        max_matches: Option<usize>,
    ) -> PyResult<Self> {
        let mut b = Matcher::builder();
        match lists {
            Some(ids) => {
                for id in ids {
                    b = b.bundled(&id);
                }
            }
            None if list_files.is_none() && list_texts.is_none() => b = b.all_bundled(),
            None => {}
        }
        for path in list_files.unwrap_or_default() {
            let list = Wordlist::load(&path, None, &ImportOptions::default())
                .map_err(|e| raise(py, &e))?;
            b = b.list(list);
        }
        for (k, text) in list_texts.unwrap_or_default().iter().enumerate() {
            let list = Wordlist::from_bytes(
                text.as_bytes(),
                &format!("list_texts[{k}]"),
                Format::Kavach,
                &ImportOptions::default(),
            )
            .map_err(|e| raise(py, &e))?;
            b = b.list(list);
        }
        let limits = Limits {
            max_input_bytes,
            max_matches,
        };
        finish(py, b, review_at, block_at, limits)
    }

    /// All matches in `text`, in order, one per overlapping region. Raises `LimitError` when
    /// `text` is longer than `max_input_bytes` or has more than `max_matches` matches.
    fn find(&self, py: Python<'_>, text: &str) -> PyResult<Vec<Match>> {
        let found = if text.len() >= DETACH_BYTES {
            py.detach(|| self.inner.scan(text))
        } else {
            self.inner.scan(text)
        };
        Ok(to_py_matches(text, found.map_err(|e| raise(py, &e))?))
    }

    /// Whether `text` has any match; stops at the first one.
    fn is_match(&self, py: Python<'_>, text: &str) -> PyResult<bool> {
        self.inner.check_input(text).map_err(|e| raise(py, &e))?;
        Ok(if text.len() >= DETACH_BYTES {
            py.detach(|| self.inner.is_match(text))
        } else {
            self.inner.is_match(text)
        })
    }

    /// `text` with every match masked, one mask character per grapheme.
    #[pyo3(signature = (text, mask="*", keep_first=false))]
    fn censor(&self, py: Python<'_>, text: &str, mask: &str, keep_first: bool) -> PyResult<String> {
        let mut chars = mask.chars();
        let (Some(mask), None) = (chars.next(), chars.next()) else {
            return Err(PyValueError::new_err(format!(
                "mask must be one character, got {mask:?}"
            )));
        };
        let options = CensorOptions { mask, keep_first };
        self.inner.check_input(text).map_err(|e| raise(py, &e))?;
        Ok(py.detach(|| self.inner.censor(text, &options)))
    }

    /// The policy's decision on `text` (within the limits, like `find`).
    fn verdict(&self, py: Python<'_>, text: &str) -> PyResult<Verdict> {
        let found = self.inner.scan(text).map_err(|e| raise(py, &e))?;
        let v = self.inner.policy().decide(&found);
        Ok(Verdict {
            decision: v.decision.as_str().to_string(),
            report: v.report,
            max_severity: v.max_severity.map(|s| s.as_str().to_string()),
        })
    }

    /// `find` on every text of an iterable of str, in parallel on `threads` threads (default:
    /// every core) with the GIL released. Returns one list of matches per text, in order.
    #[pyo3(signature = (texts, threads=None))]
    fn find_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        if texts.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "find_many takes an iterable of str, not a str",
            ));
        }
        // The texts are read in place (no copy): each str is kept alive here while the GIL is
        // released, and a str's UTF-8 form does not change.
        let mut strings: Vec<Bound<'_, PyString>> = Vec::new();
        let mut add = |k: usize, item: Bound<'py, PyAny>| -> PyResult<()> {
            let s = item.cast_into::<PyString>().map_err(|e| {
                PyTypeError::new_err(format!(
                    "texts[{k}] is {}, not str",
                    e.into_inner()
                        .get_type()
                        .name()
                        .map_or("?".to_string(), |n| n.to_string())
                ))
            })?;
            strings.push(s);
            Ok(())
        };
        if let Ok(list) = texts.cast::<PyList>() {
            // A list (the usual case) is read by index, without the iterator protocol.
            for (k, item) in list.iter().enumerate() {
                add(k, item)?;
            }
        } else {
            for (k, item) in texts.try_iter()?.enumerate() {
                add(k, item?)?;
            }
        }
        let owned: Vec<&str> = strings
            .iter()
            .map(|s| s.to_str())
            .collect::<PyResult<_>>()?;
        let threads = threads.unwrap_or(0);
        // Offsets are converted on the scanning threads, without the GIL.
        let found = py.detach(|| {
            self.inner
                .scan_many_with(&owned, threads, |t, r| r.map(|f| to_py_matches(t, f)))
        });
        // One list per text: for a large batch, allocating them would run Python's cycle
        // collector many times over objects that cannot form cycles, so it is paused meanwhile.
        let gc = py.import("gc")?;
        let paused = gc.call_method0("isenabled")?.is_truthy()?;
        if paused {
            gc.call_method0("disable")?;
        }
        let lists = found
            .into_iter()
            .enumerate()
            .map(|(k, r)| {
                let matches = r.map_err(|e| raise_at(py, &e, k))?;
                PyList::new(py, matches)
            })
            .collect::<PyResult<Vec<_>>>()
            .and_then(|lists| PyList::new(py, lists));
        if paused {
            gc.call_method0("enable")?;
        }
        lists
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
            .map(|l| format!("{}@{}", l.id, l.version))
            .collect();
        format!(
            "Matcher(lists=[{}])",
            lists
                .iter()
                .map(|l| format!("'{l}'"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }

    /// Pickle support: the lists in kavach format and the default thresholds.
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

    /// Rebuilds a pickled matcher.
    #[staticmethod]
    fn _from_state(
        py: Python<'_>,
        texts: Vec<String>,
        review: &str,
        block: &str,
        max_input_bytes: Option<usize>,
        max_matches: Option<usize>,
    ) -> PyResult<Self> {
        let mut b = Matcher::builder();
        for (k, text) in texts.iter().enumerate() {
            let list =
                Wordlist::parse(text, &format!("pickled list {k}")).map_err(|e| raise(py, &e))?;
            b = b.list(list);
        }
        let limits = Limits {
            max_input_bytes,
            max_matches,
        };
        finish(py, b, Some(review), Some(block), limits)
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
#[pymodule]
fn _kavach(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyMatcher>()?;
    m.add_class::<Match>()?;
    m.add_class::<Verdict>()?;
    m.add_function(wrap_pyfunction!(bundled_lists, m)?)?;
    m.add_function(wrap_pyfunction!(diff_lists, m)?)?;
    m.add("UNICODE_VERSION", kavach::UNICODE_VERSION)?;
    Ok(())
}
