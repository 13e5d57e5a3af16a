//! The JavaScript face of the kavach core (wasm-bindgen). It converts types and errors and
//! nothing else: options go to [`kavach::MatcherOptions`] by name, as strings; reports are the
//! core's canonical JSON form (offsets in UTF-16 code units, so `text.slice(start, end)`) parsed
//! into plain objects; errors become `Error`s carrying the core's code, file and line. Every
//! default, limit and verdict is the core's.

use js_sys::{Array, Object, Reflect, JSON};
use kavach::{
    CensorOptions, Error, ErrorKind, Format, ImportOptions, MatcherOptions, OffsetUnit, Wordlist,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** What kind of harm a term signals. */
export type Category = "profanity" | "sexual" | "slur" | "insult" | "violence" | "child-safety";
/** How harmful a term is. */
export type Severity = "low" | "medium" | "high" | "critical";
/** What the policy calls for: publish, hold for a person to look at, or refuse. */
export type Decision = "allow" | "review" | "block";
/** An evasion undone to find a match. */
export type Transform =
  | "compat" | "case" | "diacritic" | "confusable" | "invisible" | "leet" | "separator"
  | "stretch" | "mask" | "indic" | "spelling" | "script" | "inflection" | "compound" | "reversed";

/** One match. `start`/`end` are UTF-16 offsets: `text.slice(start, end) === match.text`. */
export interface Match {
  start: number;
  end: number;
  text: string;
  term: string;
  category: Category;
  severity: Severity;
  /** The decision this match calls for on its own, under the matcher's policy. */
  decision: Decision;
  list: string;
  version: string;
  transforms: Transform[];
}

/** The outcome of scanning one text (`report`): the core's canonical JSON form, parsed. It fails
 * closed: over `maxMatches` it keeps the first matches, `truncated` is true and the verdict is at
 * least `review`; over `maxInputBytes` the text is not scanned (`status: "error"`, `error.code`
 * `input-too-long`) and the verdict is `review`. */
export interface Report {
  status: "scanned" | "error";
  /** Whether the text has any match. */
  flagged: boolean;
  verdict: Decision;
  /** True for child-safety matches: report, not just block. */
  report: boolean;
  max_severity: Severity | null;
  /** Whether the matches were cut at `maxMatches` (only the first are in `matches`). */
  truncated: boolean;
  /** Why the text was not scanned. */
  error: { code: string; message: string } | null;
  matches: Match[];
  /** The matches that drove the verdict (those whose own decision is the verdict; none for
   * `allow`): what to show a person as the reason. The same objects as in `matches`. */
  reasons: Match[];
}

/** A list given as text. */
export interface ExtraList {
  /** The list's content: a string, or the bytes of a file (UTF-8 is checked, by line). */
  text: string | Uint8Array;
  /** `kavach` (default), `txt` (one term per line), `csv`, or `tsv` (a `kavach list mine` review sheet: only accepted rows). */
  format?: "kavach" | "txt" | "csv" | "tsv";
  /** Name used in error messages (default `extraLists[i]`). */
  name?: string;
  /** For txt/csv: list id (default: the name up to its first dot). */
  id?: string;
  /** For txt/csv: list version (default `0.0.0`). */
  version?: string;
  /** For txt/csv: category of entries that give none (default `profanity`). */
  category?: Category;
  /** For txt/csv: severity of entries that give none (default `medium`). */
  severity?: Severity;
}

/** Options of `new Matcher(options)`. Every option but `lists` and `extraLists` is passed to the
 * core by name (a string as is, a number in decimal, a boolean as `true`/`false`, `null` as
 * `none`); an unknown name or a bad value throws a `KavachError` with code `bad-option`. */
export interface MatcherOptions {
  /** Bundled list ids, optionally `id@version` (default: every bundled list). */
  lists?: string[];
  /** The platform's own lists, added to the bundled ones (a list with the id of a bundled list
   * in use throws `duplicate-list`). */
  extraLists?: ExtraList[];
  /** `false`: no bundled list, only `extraLists` (default `true`). */
  bundled?: boolean;
  /** Lowest severity that sends a text to review (default policy: `medium`). */
  reviewAt?: Severity;
  /** Lowest severity that blocks a text (default policy: `high`; not below `reviewAt`). */
  blockAt?: Severity;
  /** Longest text scanned, in UTF-8 bytes (default 1 MiB; `0` or `null`: no limit). */
  maxInputBytes?: number | null;
  /** Most matches kept for one text (default 1000; `0` or `null`: no limit). */
  maxMatches?: number | null;
  /** Longest term of an extra list, in characters (default 100; a longer one throws
   * `term-too-long` with `file` and `line`; `0` or `null`: no limit). */
  maxTermChars?: number | null;
  /** Most memory building the matcher may take, in bytes, estimated before anything large is
   * allocated (default 1 GiB; over it, `list-too-large`; `0` or `null`: no limit). A refused
   * list leaves the wasm instance able to build other matchers. */
  maxBuildBytes?: number | null;
  /** Most terms and spellings that may end at one place of a text (default 8; a list nesting
   * more throws `list-too-nested`; `0` or `null`: no limit). */
  maxNesting?: number | null;
}

/** Options of `censor`. */
export interface CensorOptions {
  /** One mask character (default `*`). */
  mask?: string;
  /** Keep the first character of each match (default false). */
  keepFirst?: boolean;
}

/** The policy's decision on a text. */
export interface Verdict {
  decision: Decision;
  /** True for child-safety matches: report, not just block. */
  report: boolean;
  maxSeverity: Severity | null;
  /** Why the decision is not the matches' own: `too-many-matches` (cut at `maxMatches`),
   * `input-too-long` (not scanned); `null` for a complete scan. */
  reason: string | null;
}

/** A compiled list. */
export interface ListInfo {
  id: string;
  version: string;
  title: string;
  fingerprint: string;
  entries: number;
  allow: number;
}

/** The `Error` thrown for a bad list, bad options, a limit (`find`, `isMatch`, `censor`) or a
 * freed matcher (code `freed`). A text that is not a string throws a `TypeError` instead (code
 * `not-text`). */
export interface KavachError extends Error {
  /** Stable error code shared by every binding (`unknown-category`, `invalid-utf8`, ...). */
  code: string;
  /** The list the error is about, if any. */
  file?: string;
  /** 1-based line, if the error belongs to one line. */
  line?: number;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// `MatcherOptions` (TypeScript).
    #[wasm_bindgen(typescript_type = "MatcherOptions")]
    pub type MatcherOptionsJs;
    /// `CensorOptions` (TypeScript).
    #[wasm_bindgen(typescript_type = "CensorOptions")]
    pub type CensorOptionsJs;
    /// A text to scan: typed `string`, taken as any value (passed as an optional one, so the raw
    /// export is typed `number`, not `any`) so that another type is a `TypeError`, not a trap.
    #[wasm_bindgen(typescript_type = "string")]
    pub type Text;
    /// `Match[]` (TypeScript).
    #[wasm_bindgen(typescript_type = "Match[]")]
    pub type MatchArray;
    /// `Report` (TypeScript).
    #[wasm_bindgen(typescript_type = "Report")]
    pub type ReportJs;
    /// `Verdict` (TypeScript).
    #[wasm_bindgen(typescript_type = "Verdict")]
    pub type VerdictJs;
    /// `ListInfo[]` (TypeScript).
    #[wasm_bindgen(typescript_type = "ListInfo[]")]
    pub type ListInfoArray;
    /// `string[]` (TypeScript).
    #[wasm_bindgen(typescript_type = "string[]")]
    pub type StringArray;
}

/// A `KavachError`: a JS `Error` with `message` and `code`.
fn coded_error(message: &str, code: &str) -> js_sys::Error {
    let err = js_sys::Error::new(message);
    err.set_name("KavachError");
    let _ = Reflect::set(&err, &"code".into(), &code.into());
    err
}

/// A `KavachError` with the core's message, `code`, `file` and `line`.
fn js_error(e: &Error) -> JsValue {
    let err = coded_error(&e.to_string(), e.code());
    if let Some(loc) = e.location() {
        let _ = Reflect::set(&err, &"file".into(), &loc.source.as_str().into());
        if let Some(line) = loc.line {
            let _ = Reflect::set(&err, &"line".into(), &(line as f64).into());
        }
    }
    err.into()
}

/// An options error of the binding's own (a value of the wrong JS type), code `bad-option`.
fn option_error(message: &str) -> JsValue {
    coded_error(message, "bad-option").into()
}

/// The error a freed matcher throws.
fn freed() -> JsValue {
    coded_error(
        "this Matcher was freed (free() was called): build a new one",
        "freed",
    )
    .into()
}

/// The string in `text`, or a `TypeError` (code `not-text`) naming what it is instead.
fn text_of(text: Option<Text>) -> Result<String, JsValue> {
    text.as_ref().and_then(|t| t.as_string()).ok_or_else(|| {
        let found = match &text {
            None => "null or undefined".to_string(),
            Some(t) if Array::is_array(t) => "array".to_string(),
            Some(t) => t.js_typeof().as_string().unwrap_or_default(),
        };
        let e = Error::new(ErrorKind::NotText(found));
        let err = js_sys::TypeError::new(&format!("text: {e}"));
        let _ = Reflect::set(&err, &"code".into(), &e.code().into());
        err.into()
    })
}

fn get(obj: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(obj, &key.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn get_string(obj: &JsValue, key: &str, what: &str) -> Result<Option<String>, JsValue> {
    match get(obj, key) {
        None => Ok(None),
        Some(v) => v
            .as_string()
            .map(Some)
            .ok_or_else(|| option_error(&format!("{what}.{key} must be a string"))),
    }
}

fn get_strings(obj: &JsValue, key: &str) -> Result<Option<Vec<String>>, JsValue> {
    let Some(v) = get(obj, key) else {
        return Ok(None);
    };
    if !Array::is_array(&v) {
        return Err(option_error(&format!(
            "options.{key} must be an array of strings"
        )));
    }
    Array::from(&v)
        .iter()
        .map(|x| {
            x.as_string()
                .ok_or_else(|| option_error(&format!("options.{key} must be an array of strings")))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// An option's value as the string [`MatcherOptions::set`] takes: a string as is, a number in
/// decimal (as `String(n)` writes it), a boolean as `true`/`false`, `null` as `none`.
fn option_value(name: &str, v: &JsValue) -> Result<String, JsValue> {
    if v.is_null() {
        return Ok("none".into());
    }
    if let Some(s) = v.as_string() {
        return Ok(s);
    }
    if let Some(b) = v.as_bool() {
        return Ok(if b { "true" } else { "false" }.into());
    }
    if v.as_f64().is_some() {
        if let Ok(s) = v.unchecked_ref::<js_sys::Number>().to_string_with_radix(10) {
            return Ok(s.into());
        }
    }
    Err(option_error(&format!(
        "options.{name} must be a string, a number, a boolean or null"
    )))
}

/// Today's date from the JS clock (the wasm target has none), for lists without a header.
fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_utc_full_year(),
        d.get_utc_month() + 1,
        d.get_utc_date()
    )
}

/// `extraLists[k]`: its name (for errors) and the list.
fn extra_list(spec: &JsValue, k: usize) -> Result<(String, Wordlist), JsValue> {
    let what = format!("options.extraLists[{k}]");
    // A string, or raw bytes (a `Uint8Array` read from a file), whose UTF-8 the core checks.
    let bytes: Vec<u8> = match get(spec, "text") {
        Some(v) if v.is_string() => v.as_string().unwrap_or_default().into_bytes(),
        Some(v) if v.is_instance_of::<js_sys::Uint8Array>() => js_sys::Uint8Array::from(v).to_vec(),
        Some(_) => {
            return Err(option_error(&format!(
                "{what}.text must be a string or a Uint8Array"
            )))
        }
        None => return Err(option_error(&format!("{what}.text is required"))),
    };
    let name = get_string(spec, "name", &what)?.unwrap_or_else(|| format!("extraLists[{k}]"));
    let format = match get_string(spec, "format", &what)?.as_deref() {
        None => Format::Kavach,
        Some(f) => f
            .parse::<Format>()
            .map_err(|e| option_error(&format!("{what}.format: {e}")))?,
    };
    let mut options = ImportOptions::default();
    options.id = get_string(spec, "id", &what)?.unwrap_or_default();
    options.date = today();
    if let Some(v) = get_string(spec, "version", &what)? {
        options.version = v;
    }
    if let Some(c) = get_string(spec, "category", &what)? {
        options.category = c.parse().map_err(|kind| js_error(&Error::new(kind)))?;
    }
    if let Some(s) = get_string(spec, "severity", &what)? {
        options.severity = s.parse().map_err(|kind| js_error(&Error::new(kind)))?;
    }
    let list = Wordlist::from_bytes(&bytes, &name, format, &options).map_err(|e| js_error(&e))?;
    Ok((name, list))
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &key.into(), value);
}

/// A compiled matcher over bundled lists and lists given as text. Call `free()` when done
/// (or rely on the finaliser).
#[wasm_bindgen]
pub struct Matcher {
    /// `None` once `free()` was called.
    inner: Option<kavach::Matcher>,
}

impl Matcher {
    fn matcher(&self) -> Result<&kavach::Matcher, JsValue> {
        self.inner.as_ref().ok_or_else(freed)
    }
}

#[wasm_bindgen]
impl Matcher {
    /// Builds a matcher; throws a `KavachError` for an unknown list id, a bad list or a bad
    /// option (code `bad-option`: an unknown name, a bad value, `reviewAt` above `blockAt`).
    #[wasm_bindgen(constructor)]
    pub fn new(options: Option<MatcherOptionsJs>) -> Result<Matcher, JsValue> {
        let options: JsValue = options.map_or(JsValue::UNDEFINED, Into::into);
        let mut o = MatcherOptions::new();
        if !options.is_undefined() && !options.is_null() {
            if !options.is_object() || Array::is_array(&options) {
                return Err(option_error("options must be an object"));
            }
            for key in Object::keys::<JsValue>(options.unchecked_ref()).iter() {
                let name = key.as_string().unwrap_or_default();
                match name.as_str() {
                    "lists" => {
                        if let Some(ids) = get_strings(&options, "lists")? {
                            o.only_bundled(ids);
                        }
                    }
                    "extraLists" => {}
                    _ => {
                        let value = Reflect::get(&options, &key)?;
                        if !value.is_undefined() {
                            o.set(&name, &option_value(&name, &value)?)
                                .map_err(|e| js_error(&e))?;
                        }
                    }
                }
            }
            match get(&options, "extraLists") {
                None => {}
                Some(v) if Array::is_array(&v) => {
                    for (k, spec) in Array::from(&v).iter().enumerate() {
                        let (name, list) = extra_list(&spec, k)?;
                        o.add_list(&name, list);
                    }
                }
                Some(_) => return Err(option_error("options.extraLists must be an array")),
            }
        }
        let inner = o.build().map_err(|e| js_error(&e))?;
        Ok(Matcher { inner: Some(inner) })
    }

    /// All matches in `text`, in order, one per overlapping region; offsets are UTF-16. Throws
    /// a `KavachError` when `text` is over `maxInputBytes` or has more than `maxMatches` matches
    /// (`report` keeps the first ones instead).
    pub fn find(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: Option<Text>,
    ) -> Result<MatchArray, JsValue> {
        let m = self.matcher()?;
        let text = text_of(text)?;
        let r = m.report(&text);
        if r.error.is_some() || r.truncated {
            // The core's own error, with the number of matches found.
            return Err(match (&r.error, m.scan(&text)) {
                (Some(e), _) => js_error(e),
                (None, Err(e)) => js_error(&e),
                (None, Ok(_)) => coded_error("too many matches", "too-many-matches").into(),
            });
        }
        if r.matches.is_empty() {
            return Ok(Array::new().unchecked_into());
        }
        let report = JSON::parse(&r.to_json(None, OffsetUnit::Utf16))?;
        Ok(Reflect::get(&report, &"matches".into())?.unchecked_into())
    }

    /// The report on `text`: every field of the core's canonical JSON form (UTF-16 offsets) and
    /// `reasons`, the matches that drove the verdict. Never throws for a limit: it fails closed
    /// (see `Report`).
    pub fn report(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: Option<Text>,
    ) -> Result<ReportJs, JsValue> {
        let m = self.matcher()?;
        let text = text_of(text)?;
        let r = m.report(&text);
        let report = JSON::parse(&r.to_json(None, OffsetUnit::Utf16))?;
        let matches: Array = Reflect::get(&report, &"matches".into())?.unchecked_into();
        let reasons = Array::new();
        for k in r.reason_indices() {
            reasons.push(&matches.get(k as u32));
        }
        let _ = Reflect::set(&report, &"reasons".into(), &reasons);
        Ok(report.unchecked_into())
    }

    /// Whether `text` has any match; stops at the first one. Throws over `maxInputBytes`.
    #[wasm_bindgen(js_name = isMatch)]
    pub fn is_match(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: Option<Text>,
    ) -> Result<bool, JsValue> {
        let m = self.matcher()?;
        let text = text_of(text)?;
        m.check_input(&text).map_err(|e| js_error(&e))?;
        Ok(m.is_match(&text))
    }

    /// `text` with every match masked, one mask character per grapheme. Throws over
    /// `maxInputBytes`.
    pub fn censor(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: Option<Text>,
        options: Option<CensorOptionsJs>,
    ) -> Result<String, JsValue> {
        let m = self.matcher()?;
        let text = text_of(text)?;
        let options: JsValue = options.map_or(JsValue::UNDEFINED, Into::into);
        let mut o = CensorOptions::default();
        if let Some(mask) = get_string(&options, "mask", "options")? {
            let mut chars = mask.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => o.mask = c,
                _ => return Err(option_error("options.mask must be one character")),
            }
        }
        if let Some(k) = get(&options, "keepFirst") {
            o.keep_first = k
                .as_bool()
                .ok_or_else(|| option_error("options.keepFirst must be a boolean"))?;
        }
        m.censor_checked(&text, &o).map_err(|e| js_error(&e))
    }

    /// The policy's decision on `text`, that of `report`: never throws for a limit (a text cut
    /// at `maxMatches` or over `maxInputBytes` is at least `review`, and `reason` says why).
    pub fn verdict(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: Option<Text>,
    ) -> Result<VerdictJs, JsValue> {
        let m = self.matcher()?;
        let text = text_of(text)?;
        let r = m.report(&text);
        let v = &r.verdict;
        let obj = Object::new();
        set(&obj, "decision", &v.decision.as_str().into());
        set(&obj, "report", &v.report.into());
        set(
            &obj,
            "maxSeverity",
            &v.max_severity.map_or(JsValue::NULL, |s| s.as_str().into()),
        );
        set(
            &obj,
            "reason",
            &r.reason_code().map_or(JsValue::NULL, Into::into),
        );
        Ok(obj.unchecked_into())
    }

    /// Whether this matcher was read from the precompiled bundled matcher
    /// (`installPrecompiled`) rather than built: the same results either way.
    #[wasm_bindgen(getter)]
    pub fn precompiled(&self) -> Result<bool, JsValue> {
        Ok(self.matcher()?.is_precompiled())
    }

    /// The compiled lists.
    #[wasm_bindgen(getter)]
    pub fn lists(&self) -> Result<ListInfoArray, JsValue> {
        let out = Array::new();
        for l in self.matcher()?.lists() {
            let obj = Object::new();
            set(&obj, "id", &(*l.id).into());
            set(&obj, "version", &(*l.version).into());
            set(&obj, "title", &l.title.as_str().into());
            set(&obj, "fingerprint", &l.fingerprint.as_str().into());
            set(&obj, "entries", &(l.entries as f64).into());
            set(&obj, "allow", &(l.allow as f64).into());
            out.push(&obj);
        }
        Ok(out.unchecked_into())
    }

    /// Releases the matcher's memory now (optional: the finaliser does it otherwise). Any later
    /// call throws a `KavachError` with code `freed`; calling `free()` again does nothing.
    ///
    /// This replaces the `free()` wasm-bindgen generates (the class body's later method wins,
    /// and `Symbol.dispose` is wired to it), after which a call would fail on a null pointer.
    #[wasm_bindgen(js_name = free)]
    pub fn free(&mut self) {
        self.inner = None;
    }
}

/// The ids of the lists bundled with kavach.
#[wasm_bindgen(js_name = bundledLists)]
pub fn bundled_lists() -> StringArray {
    let out = Array::new();
    for id in Wordlist::bundled_ids() {
        out.push(&id.into());
    }
    out.unchecked_into()
}

thread_local! {
    // The function `setPrecompiledSource` was given.
    static SOURCE: std::cell::RefCell<Option<js_sys::Function>> = const { std::cell::RefCell::new(None) };
}

/// Largest file a source may give (the bundled matcher is about 22 MB).
const MAX_SOURCE_BYTES: f64 = (1u64 << 28) as f64;

/// The bytes the JS source gives: a `Uint8Array` (copied in), or `{ size, readInto(view) }`,
/// whose `readInto` fills a view of the module's memory where they are kept, so the file is
/// read straight into it (Node reads 22 MB once instead of reading it and copying it: each
/// pass over fresh memory costs about 12 ms).
fn read_source() -> Option<Vec<u8>> {
    let f = SOURCE.with(|s| s.borrow_mut().take())?;
    let given = f.call0(&JsValue::NULL).ok()?;
    if let Some(bytes) = given.dyn_ref::<js_sys::Uint8Array>() {
        return Some(bytes.to_vec());
    }
    let size = get(&given, "size")?
        .as_f64()
        .filter(|n| n.fract() == 0.0 && (0.0..=MAX_SOURCE_BYTES).contains(n))?;
    let read_into = get(&given, "readInto")?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    // Memory the module cannot grow by means no source, not a trap: the matcher is built.
    let mut bytes = Vec::new();
    bytes.try_reserve_exact(size as usize).ok()?;
    bytes.resize(size as usize, 0);
    let memory = wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()?;
    let view = js_sys::Uint8Array::new_with_byte_offset_and_length(
        &memory.buffer(),
        bytes.as_mut_ptr() as usize as u32,
        size as u32,
    );
    read_into.call1(&JsValue::NULL, &view).ok()?;
    Some(bytes)
}

/// Sets where the compiled matcher of every bundled list comes from: `source` is called once,
/// the first time a `Matcher` of every bundled list is made while none is installed, and
/// should return the bytes of `kavach_bundled.bin` (or `undefined`), or `{ size, readInto }`
/// where `readInto(view)` fills `view` (a `Uint8Array` of `size` bytes) with them, which saves
/// a copy of the file (do not call into the module inside it). The Node entries set it to
/// read the file the package ships, so in Node `new Matcher()` is read, not built, without a
/// call; set it in other hosts that can read the file synchronously. If the source gives
/// nothing or bytes `installPrecompiled` would refuse, the matcher is built (same results).
#[wasm_bindgen(js_name = setPrecompiledSource)]
pub fn set_precompiled_source(
    // Optional, so the raw export is typed `number`, not `any`; `undefined` sets no source.
    #[wasm_bindgen(
        unchecked_param_type = "() => Uint8Array | { size: number; readInto(view: Uint8Array): void } | undefined"
    )]
    source: Option<js_sys::Function>,
) {
    let armed = source.is_some();
    SOURCE.with(|s| *s.borrow_mut() = source);
    if armed {
        kavach::Matcher::set_precompiled_source(read_source);
    }
}

/// Gives the package the compiled matcher of every bundled list: the bytes of
/// `kavach_bundled.bin`, shipped beside the module (the Node entries read it when it is first
/// needed: see `setPrecompiledSource`).
/// From then on a `Matcher` of every bundled list (the default) is read from them in about a
/// millisecond instead of built (a few hundred milliseconds); other matchers are built as
/// before. Throws a `KavachError` with code `bad-precompiled` for bytes of another package
/// version or cut short (nothing is kept), or whose tables do not read. The file is trusted as
/// the module is (there is no checksum): give only this package's own. A second call changes
/// nothing.
#[wasm_bindgen(js_name = installPrecompiled)]
pub fn install_precompiled(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] bytes: Vec<u8>,
) -> Result<(), JsValue> {
    kavach::Matcher::install_precompiled(bytes).map_err(|e| js_error(&e))
}
