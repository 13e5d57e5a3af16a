//! The JavaScript face of the kavach core (wasm-bindgen). It converts types and errors and
//! nothing else: offsets become UTF-16 code units (`text.slice(start, end)`), matches become
//! plain objects, and load errors become `Error`s carrying the core's code, file and line.

use js_sys::{Array, Object, Reflect};
use kavach::{
    convert_offsets, CensorOptions, Error, Format, ImportOptions, Limits, OffsetUnit, Policy,
    Severity, Wordlist,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** What kind of harm a term signals. */
export type Category = "profanity" | "sexual" | "slur" | "insult" | "violence" | "child-safety";
/** How harmful a term is. */
export type Severity = "low" | "medium" | "high" | "critical";
/** An evasion undone to find a match. */
export type Transform =
  | "compat" | "case" | "diacritic" | "confusable" | "invisible" | "leet" | "separator"
  | "stretch" | "mask" | "indic" | "spelling" | "script";

/** One match. `start`/`end` are UTF-16 offsets: `text.slice(start, end) === match.text`. */
export interface Match {
  start: number;
  end: number;
  text: string;
  term: string;
  category: Category;
  severity: Severity;
  list: string;
  version: string;
  transforms: Transform[];
}

/** A list given as text. */
export interface ExtraList {
  /** The list's content: a string, or the bytes of a file (UTF-8 is checked, by line). */
  text: string | Uint8Array;
  /** `kavach` (default), `txt` (one term per line) or `csv`. */
  format?: "kavach" | "txt" | "csv";
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

/** Options of `new Matcher(options)`. */
export interface MatcherOptions {
  /** Bundled list ids, optionally `id@version` (default: every bundled list, unless `extraLists` is given). */
  lists?: string[];
  /** Lists given as text. */
  extraLists?: ExtraList[];
  /** Lowest severity that sends a text to review (default policy: `medium`). */
  reviewAt?: Severity;
  /** Lowest severity that blocks a text (default policy: `high`). */
  blockAt?: Severity;
  /** Longest text accepted, in UTF-8 bytes (default 1 MiB; `null`: no limit). Longer texts throw, code `input-too-long`. */
  maxInputBytes?: number | null;
  /** Most matches one text may have (default 1000; `null`: no limit). More throws, code `too-many-matches`. */
  maxMatches?: number | null;
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
  decision: "allow" | "review" | "block";
  /** True for child-safety matches: report, not just block. */
  report: boolean;
  maxSeverity: Severity | null;
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

/** The `Error` thrown for a bad list or bad options. */
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
    /// `Match[]` (TypeScript).
    #[wasm_bindgen(typescript_type = "Match[]")]
    pub type MatchArray;
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

/// A JS `Error` with the core's message, `code`, `file` and `line`.
fn js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name("KavachError");
    let _ = Reflect::set(&err, &"code".into(), &e.code().into());
    if let Some(loc) = e.location() {
        let _ = Reflect::set(&err, &"file".into(), &loc.source.as_str().into());
        if let Some(line) = loc.line {
            let _ = Reflect::set(&err, &"line".into(), &(line as f64).into());
        }
    }
    err.into()
}

/// An options error (wrong type or value), with code `bad-option`.
fn option_error(message: &str) -> JsValue {
    let err = js_sys::Error::new(message);
    err.set_name("KavachError");
    let _ = Reflect::set(&err, &"code".into(), &"bad-option".into());
    err.into()
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

/// A limit option: absent (keep the default), `null` (no limit) or a non-negative integer.
fn limit(options: &JsValue, key: &str) -> Result<Option<Option<usize>>, JsValue> {
    let v = match Reflect::get(options, &key.into()) {
        Ok(v) if !v.is_undefined() => v,
        _ => return Ok(None),
    };
    if v.is_null() {
        return Ok(Some(None));
    }
    match v.as_f64() {
        Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= 9.0e15 => Ok(Some(Some(n as usize))),
        _ => Err(option_error(&format!(
            "options.{key} must be a non-negative integer or null"
        ))),
    }
}

fn severity(name: &str) -> Result<Severity, JsValue> {
    name.parse::<Severity>()
        .map_err(|kind| js_error(&Error::new(kind)))
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

fn extra_list(spec: &JsValue, k: usize) -> Result<Wordlist, JsValue> {
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
        None | Some("kavach") => Format::Kavach,
        Some("txt") => Format::Plain,
        Some("csv") => Format::Csv,
        Some(other) => {
            return Err(option_error(&format!(
                "{what}.format must be \"kavach\", \"txt\" or \"csv\", not {other:?}"
            )))
        }
    };
    let mut options = ImportOptions {
        id: get_string(spec, "id", &what)?.unwrap_or_default(),
        date: today(),
        ..ImportOptions::default()
    };
    if let Some(v) = get_string(spec, "version", &what)? {
        options.version = v;
    }
    if let Some(c) = get_string(spec, "category", &what)? {
        options.category = c.parse().map_err(|kind| js_error(&Error::new(kind)))?;
    }
    if let Some(s) = get_string(spec, "severity", &what)? {
        options.severity = severity(&s)?;
    }
    Wordlist::from_bytes(&bytes, &name, format, &options).map_err(|e| js_error(&e))
}

/// Appends `s` as a JSON string literal.
fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &key.into(), value);
}

/// A compiled matcher over bundled lists and lists given as text. Call `free()` when done
/// (or rely on the finaliser).
#[wasm_bindgen]
pub struct Matcher {
    inner: kavach::Matcher,
}

#[wasm_bindgen]
impl Matcher {
    /// Builds a matcher; throws a `KavachError` for an unknown list id, a bad list or a bad
    /// option.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Option<MatcherOptionsJs>) -> Result<Matcher, JsValue> {
        let options: JsValue = options.map_or(JsValue::UNDEFINED, Into::into);
        if !options.is_undefined() && !options.is_null() && !options.is_object() {
            return Err(option_error("options must be an object"));
        }
        let lists = get_strings(&options, "lists")?;
        let extra = match get(&options, "extraLists") {
            None => Vec::new(),
            Some(v) if Array::is_array(&v) => Array::from(&v).iter().collect(),
            Some(_) => return Err(option_error("options.extraLists must be an array")),
        };
        let mut b = kavach::Matcher::builder();
        match lists {
            Some(ids) => {
                for id in ids {
                    b = b.bundled(&id);
                }
            }
            None if extra.is_empty() => b = b.all_bundled(),
            None => {}
        }
        for (k, spec) in extra.iter().enumerate() {
            b = b.list(extra_list(spec, k)?);
        }
        let mut policy = Policy::default();
        if let Some(r) = get_string(&options, "reviewAt", "options")? {
            policy.default.review = severity(&r)?;
        }
        if let Some(bl) = get_string(&options, "blockAt", "options")? {
            policy.default.block = severity(&bl)?;
        }
        let mut limits = Limits::default();
        if let Some(v) = limit(&options, "maxInputBytes")? {
            limits.max_input_bytes = v;
        }
        if let Some(v) = limit(&options, "maxMatches")? {
            limits.max_matches = v;
        }
        let inner = b
            .policy(policy)
            .limits(limits)
            .build()
            .map_err(|e| js_error(&e))?;
        Ok(Matcher { inner })
    }

    /// All matches in `text`, in order, one per overlapping region; offsets are UTF-16. Throws
    /// when `text` is over `maxInputBytes` or has more than `maxMatches` matches.
    pub fn find(&self, text: &str) -> Result<MatchArray, JsValue> {
        let found = self.inner.scan(text).map_err(|e| js_error(&e))?;
        if found.is_empty() {
            return Ok(Array::new().unchecked_into());
        }
        let mut offsets: Vec<usize> = found.iter().flat_map(|m| [m.start, m.end]).collect();
        convert_offsets(text, &mut offsets, OffsetUnit::Utf16);
        // One JSON.parse builds the objects faster than setting each property across the
        // boundary.
        let mut json = String::with_capacity(64 + found.len() * 160);
        json.push('[');
        for (k, (m, o)) in found.iter().zip(offsets.chunks_exact(2)).enumerate() {
            if k > 0 {
                json.push(',');
            }
            json.push_str(&format!("{{\"start\":{},\"end\":{},\"text\":", o[0], o[1]));
            push_json_string(&mut json, m.text);
            json.push_str(",\"term\":");
            push_json_string(&mut json, m.term);
            json.push_str(&format!(
                ",\"category\":\"{}\",\"severity\":\"{}\",\"list\":",
                m.category, m.severity
            ));
            push_json_string(&mut json, m.list);
            json.push_str(",\"version\":");
            push_json_string(&mut json, m.version);
            json.push_str(",\"transforms\":[");
            for (t, name) in m.transforms.names().enumerate() {
                if t > 0 {
                    json.push(',');
                }
                json.push('"');
                json.push_str(name);
                json.push('"');
            }
            json.push_str("]}");
        }
        json.push(']');
        Ok(js_sys::JSON::parse(&json)?.unchecked_into())
    }

    /// Whether `text` has any match; stops at the first one.
    #[wasm_bindgen(js_name = isMatch)]
    pub fn is_match(&self, text: &str) -> Result<bool, JsValue> {
        self.inner.check_input(text).map_err(|e| js_error(&e))?;
        Ok(self.inner.is_match(text))
    }

    /// `text` with every match masked, one mask character per grapheme.
    pub fn censor(&self, text: &str, options: Option<CensorOptionsJs>) -> Result<String, JsValue> {
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
        self.inner.check_input(text).map_err(|e| js_error(&e))?;
        Ok(self.inner.censor(text, &o))
    }

    /// The policy's decision on `text` (within the limits, like `find`).
    pub fn verdict(&self, text: &str) -> Result<VerdictJs, JsValue> {
        let found = self.inner.scan(text).map_err(|e| js_error(&e))?;
        let v = self.inner.policy().decide(&found);
        let obj = Object::new();
        set(&obj, "decision", &v.decision.as_str().into());
        set(&obj, "report", &v.report.into());
        set(
            &obj,
            "maxSeverity",
            &v.max_severity.map_or(JsValue::NULL, |s| s.as_str().into()),
        );
        Ok(obj.unchecked_into())
    }

    /// The compiled lists.
    #[wasm_bindgen(getter)]
    pub fn lists(&self) -> ListInfoArray {
        let out = Array::new();
        for l in self.inner.lists() {
            let obj = Object::new();
            set(&obj, "id", &(*l.id).into());
            set(&obj, "version", &(*l.version).into());
            set(&obj, "title", &l.title.as_str().into());
            set(&obj, "fingerprint", &l.fingerprint.as_str().into());
            set(&obj, "entries", &(l.entries as f64).into());
            set(&obj, "allow", &(l.allow as f64).into());
            out.push(&obj);
        }
        out.unchecked_into()
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
