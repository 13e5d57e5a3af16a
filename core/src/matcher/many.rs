//! The matcher's calls on many texts at once: on up to `threads` threads, results in the
//! order of the texts.

use crate::error::Error;
use crate::report::Report;

use super::compiled::Matcher;
use super::found::Match;

impl Matcher {
    /// [`Matcher::find`] on many texts, on up to `threads` threads (0: one per available
    /// core); results are in input order and identical to calling `find` on each text.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Matcher;
    ///
    /// let matcher = Matcher::bundled()?;
    /// let texts = ["what the f.u.c.k", "a clean post", "tu chutiya hai"];
    /// let found = matcher.find_many(&texts, 2);
    /// let terms: Vec<Vec<&str>> =
    ///     found.iter().map(|ms| ms.iter().map(|m| m.term).collect()).collect();
    /// assert_eq!(terms, [vec!["fuck"], vec![], vec!["chutiya"]]);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn find_many<'a, S: AsRef<str> + Sync>(
        &'a self,
        texts: &'a [S],
        threads: usize,
    ) -> Vec<Vec<Match<'a>>> {
        self.map_many(texts, threads, |t| self.find(t))
    }

    /// [`Matcher::scan_many`], with each text's result passed through `convert` on the thread
    /// that scanned it: bindings turn matches into their own types (offsets in other units,
    /// objects) in parallel too.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Limits, Matcher};
    ///
    /// let mut limits = Limits::default();
    /// limits.max_input_bytes = Some(32);
    /// let matcher = Matcher::builder().bundled("en").limits(limits).build()?;
    /// let texts = ["what the fuck", "this text is a little too long to scan"];
    /// let counts = matcher.scan_many_with(&texts, 2, |_text, result| {
    ///     result.map(|matches| matches.len()).map_err(|e| e.code())
    /// });
    /// assert_eq!(counts, [Ok(1), Err("input-too-long")]);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn scan_many_with<'a, S: AsRef<str> + Sync, R: Send>(
        &'a self,
        texts: &'a [S],
        threads: usize,
        convert: impl Fn(&'a str, Result<Vec<Match<'a>>, Error>) -> R + Sync,
    ) -> Vec<R> {
        self.map_many(texts, threads, |t| convert(t, self.scan(t)))
    }

    pub(super) fn map_many<'a, S: AsRef<str> + Sync, R: Send>(
        &'a self,
        texts: &'a [S],
        threads: usize,
        f: impl Fn(&'a str) -> R + Sync,
    ) -> Vec<R> {
        let threads = match threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        }
        .min(texts.len())
        .max(1);
        if threads == 1 {
            return texts.iter().map(|t| f(t.as_ref())).collect();
        }
        // Contiguous chunks keep the output in order without sorting.
        let chunk = texts.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = texts
                .chunks(chunk)
                .map(|part| {
                    let f = &f;
                    scope.spawn(move || part.iter().map(|t| f(t.as_ref())).collect::<Vec<_>>())
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    }

    /// [`Matcher::report`] on many texts, on up to `threads` threads (0: one per core), with
    /// each report passed through `convert` on the thread that made it; results in input order.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Matcher;
    ///
    /// let matcher = Matcher::bundled()?;
    /// let texts = ["what the fuck", "shit happens", "a clean post"];
    /// let lines = matcher.report_many_with(&texts, 2, |text, report| {
    ///     format!("{text}: {}", report.verdict.decision)
    /// });
    /// assert_eq!(lines, ["what the fuck: block", "shit happens: review", "a clean post: allow"]);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn report_many_with<'a, S: AsRef<str> + Sync, R: Send>(
        &'a self,
        texts: &'a [S],
        threads: usize,
        convert: impl Fn(&'a str, Report<'a>) -> R + Sync,
    ) -> Vec<R> {
        self.map_many(texts, threads, |t| convert(t, self.report(t)))
    }

    /// [`Matcher::report`] on many texts, on up to `threads` threads (0: one per core), in order.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::Matcher;
    ///
    /// let matcher = Matcher::bundled()?;
    /// let reports = matcher.report_many(&["what the fuck", "shit happens", "a clean post"], 0);
    /// let decisions: Vec<&str> = reports.iter().map(|r| r.verdict.decision.as_str()).collect();
    /// assert_eq!(decisions, ["block", "review", "allow"]);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn report_many<'a, S: AsRef<str> + Sync>(
        &'a self,
        texts: &'a [S],
        threads: usize,
    ) -> Vec<Report<'a>> {
        self.report_many_with(texts, threads, |_, r| r)
    }

    /// [`Matcher::scan`] on many texts, on up to `threads` threads (0: one per core), in order.
    ///
    /// # Examples
    ///
    /// ```
    /// use kavach::{Limits, Matcher};
    ///
    /// let mut limits = Limits::default();
    /// limits.max_input_bytes = Some(32);
    /// let matcher = Matcher::builder().bundled("en").limits(limits).build()?;
    /// let texts = ["fuck", "this text is a little too long to scan", "shit"];
    /// let results = matcher.scan_many(&texts, 2);
    /// let codes: Vec<Option<&str>> =
    ///     results.iter().map(|r| r.as_ref().err().map(|e| e.code())).collect();
    /// assert_eq!(codes, [None, Some("input-too-long"), None]);
    /// # Ok::<(), kavach::Error>(())
    /// ```
    pub fn scan_many<'a, S: AsRef<str> + Sync>(
        &'a self,
        texts: &'a [S],
        threads: usize,
    ) -> Vec<Result<Vec<Match<'a>>, Error>> {
        self.map_many(texts, threads, |t| self.scan(t))
    }
}
