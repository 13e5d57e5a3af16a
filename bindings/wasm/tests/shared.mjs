// The checks of the shared vectors (tests/vectors/), in plain JavaScript with no Node API, so the
// very same code runs in Node (reports.test.mjs, vectors.test.mjs) and in Chromium
// (browser.test.mjs). Each check returns the problems it found: an empty array is a pass. Spans
// are UTF-16, located by JavaScript's own string slicing.

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function expect(problems, what, got, want) {
  if (!same(got, want)) problems.push(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}

/** A report vector's matcher options in JavaScript's spelling (`max-input-bytes` → `maxInputBytes`),
 * with its list files (read by `listText(path)`) as extraLists named by their path. */
export function reportOptions(c, listText) {
  const o = {};
  for (const [name, value] of Object.entries(c.options)) {
    o[name.replace(/-([a-z])/g, (_, x) => x.toUpperCase())] = value;
  }
  o.extraLists = c.list_files.map((p) => ({ text: listText(p), name: p }));
  return o;
}

/** Checks one case of reports.json: the build error, or the lists, report, reasons and verdict. */
export function checkReportCase(Matcher, c, listText) {
  const problems = [];
  let m;
  try {
    m = new Matcher(reportOptions(c, listText));
  } catch (e) {
    if (!c.build_error) return [`build failed: ${e.message}`];
    expect(problems, "error name", e.name, "KavachError");
    expect(problems, "error code", e.code, c.build_error.code);
    if (c.build_error.file) {
      if (!String(e.file).endsWith(c.build_error.file)) problems.push(`error names ${e.file}`);
      if (!e.message.includes(c.build_error.file)) problems.push(`message ${e.message}`);
    }
    if (c.build_error.line !== undefined) expect(problems, "error line", e.line, c.build_error.line);
    return problems;
  }
  try {
    if (c.build_error) return [`built, but expected ${c.build_error.code}`];
    expect(problems, "lists", m.lists.map((l) => l.id), c.lists);
    const r = m.report(c.text);
    for (const key of ["status", "flagged", "verdict", "report", "max_severity", "truncated"]) {
      expect(problems, key, r[key], c.report[key]);
    }
    expect(problems, "error", r.error?.code ?? null, c.report.error);
    if (r.error && typeof r.error.message !== "string") problems.push("error without a message");
    expect(
      problems,
      "matches",
      r.matches.map((x) => [x.text, x.term, x.list, x.decision, [x.start, x.end]]),
      c.matches.map((x) => [x.text, x.term, x.list, x.decision, x.utf16]),
    );
    for (const x of r.matches) expect(problems, "slice", c.text.slice(x.start, x.end), x.text);
    // The reasons are the kept matches whose own decision is the verdict (none for allow).
    const drivers = r.verdict === "allow" ? [] : r.matches.filter((x) => x.decision === r.verdict);
    if (r.reasons.length !== drivers.length || r.reasons.some((x, k) => x !== drivers[k])) {
      problems.push(`reasons ${JSON.stringify(r.reasons)}`);
    }
    // A text is never allowed when it was cut or not scanned.
    if ((r.truncated || r.error) && r.verdict === "allow") problems.push("allowed though cut or not scanned");
    // verdict() is the report's, with the reason it is not the matches' own.
    expect(problems, "verdict()", m.verdict(c.text), {
      decision: r.verdict,
      report: r.report,
      maxSeverity: r.max_severity,
      reason: r.error?.code ?? (r.truncated ? "too-many-matches" : null),
    });
  } finally {
    m.free();
  }
  return problems;
}

/** The matcher of evasion.json: its fixture lists only. */
export function evasionMatcher(Matcher, doc, listText) {
  return new Matcher({ bundled: false, extraLists: doc.lists.map((p) => ({ text: listText(p), name: p })) });
}

/** Checks one case of evasion.json: matches with UTF-16 spans, isMatch, verdict, censor. */
export function checkEvasionCase(m, c) {
  const problems = [];
  const found = m.find(c.text);
  expect(
    problems,
    "matches",
    found.map((x) => [x.text, x.term, x.category, x.severity, x.list, x.version, x.transforms, [x.start, x.end]]),
    c.matches.map((x) => [x.text, x.term, x.category, x.severity, x.list, x.version, x.transforms, x.utf16]),
  );
  for (const x of found) expect(problems, "slice", c.text.slice(x.start, x.end), x.text);
  expect(problems, "isMatch", m.isMatch(c.text), c.matches.length > 0);
  if (c.verdict) expect(problems, "verdict", m.verdict(c.text).decision, c.verdict);
  if (c.censored !== undefined) {
    const o = c.censor ?? {};
    expect(problems, "censor", m.censor(c.text, { mask: o.mask ?? "*", keepFirst: o.keep_first ?? false }), c.censored);
  }
  return problems;
}
