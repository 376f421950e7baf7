//! Result codes: one results JSON as a short, versioned text a learner can
//! paste into a chat message, and a teacher into the class view.
//!
//! Format, version 1: `cp1.` followed by the base64url text (RFC 4648 §5,
//! no padding) of the zlib stream (RFC 1950: deflate plus an Adler-32
//! checksum, so a changed character is detected) of the minified JSON.
//!
//! - [`Detail::Summary`] (the code to copy): each run's `tasks` array is
//!   emptied and replaced by `task_count` and `lanes` (the lane names in
//!   natural order), and every number is rounded to 0.01 (ms). Everything
//!   else is kept: environment, config, and per model its status, wall time,
//!   samples, min and max, overheads and page responsiveness. Measured on the
//!   nine reference payloads (`cargo test code_sizes -- --nocapture`):
//!   660-1,070 characters, against 3,460-16,170 with the tasks ([`Detail::Full`]).
//! - [`Detail::Full`] (for a result link in a URL fragment): the whole
//!   document, unchanged.
//!
//! Decoding rejects, with a [`CodeError`] naming what is wrong: text without
//! the `cp<version>.` prefix, other versions, truncated codes, corrupted
//! codes (bad characters, bad deflate data, a checksum mismatch), codes that
//! unpack to more than [`MAX_UNPACKED_BYTES`], and JSON that is not a
//! results document. Whitespace inside a code (line breaks a chat app
//! added) is ignored. Pure: no browser API.

use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;
use miniz_oxide::inflate::TINFLStatus;
use serde_json::{Map, Value};
use thiserror::Error;

use crate::vocab::lane_key;

/// The version this module writes and reads.
pub const CODE_VERSION: u32 = 1;

/// What every code starts with (`cp` + version + `.`).
pub const CODE_PREFIX: &str = "cp1.";

/// The most a code may unpack to: a results file is rarely above 200 KB.
pub const MAX_UNPACKED_BYTES: usize = 16 * 1024 * 1024;

/// base64url without padding. Decoding accepts padding, and ignores the
/// unused low bits of the last character, so a code cut short reads as
/// incomplete deflate data (reported as truncated) rather than as a bad
/// character; the checksum still catches every changed byte.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// The schema a code must carry.
const RESULTS_SCHEMA: &str = "concurrency-playground/results@1";

/// How much of the results a code keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// No per-task arrays (their count and lanes kept); numbers to 0.01.
    Summary,
    /// The whole document.
    Full,
}

/// Why a text is not a usable result code.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum CodeError {
    #[error("the result code is empty")]
    Empty,
    #[error("this is not a result code: a result code starts with \"{CODE_PREFIX}\"")]
    NotACode,
    #[error(
        "result code version {found} is not supported here: this playground reads version \
         {CODE_VERSION} codes (\"{CODE_PREFIX}…\"); the code may come from a newer playground"
    )]
    UnknownVersion { found: String },
    #[error("the result code is incomplete (its end is missing): copy the whole code again")]
    Truncated,
    #[error("the result code is corrupted ({detail}): copy it again")]
    Corrupted { detail: String },
    #[error("the result code unpacks to more than {limit} bytes, more than any results file")]
    TooLarge { limit: usize },
    #[error(
        "the result code does not hold playground results ({detail}); \
         expected \"{RESULTS_SCHEMA}\""
    )]
    NotResults { detail: String },
}

/// The code of a results document.
///
/// # Errors
/// [`CodeError::NotResults`] when `results` is not a results@1 object.
pub fn encode(results: &Value, detail: Detail) -> Result<String, CodeError> {
    check_results(results)?;
    let doc = match detail {
        Detail::Full => results.clone(),
        Detail::Summary => summarize(results),
    };
    let json = serde_json::to_vec(&doc).expect("a serde_json Value always serializes");
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(&json, 10);
    Ok(format!("{CODE_PREFIX}{}", BASE64.encode(packed)))
}

/// The results document in a code.
///
/// # Errors
/// A [`CodeError`] saying what is wrong with the code.
pub fn decode(code: &str) -> Result<Value, CodeError> {
    let text: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if text.is_empty() {
        return Err(CodeError::Empty);
    }
    let body = strip_prefix(&text)?;
    if body.is_empty() {
        return Err(CodeError::Truncated);
    }
    let packed = BASE64.decode(body).map_err(|e| match e {
        base64::DecodeError::InvalidLength(_) => CodeError::Truncated,
        other => CodeError::Corrupted {
            detail: format!("{other}"),
        },
    })?;
    let json = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, MAX_UNPACKED_BYTES)
        .map_err(|e| match e.status {
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                CodeError::Truncated
            }
            TINFLStatus::HasMoreOutput => CodeError::TooLarge {
                limit: MAX_UNPACKED_BYTES,
            },
            TINFLStatus::Adler32Mismatch => CodeError::Corrupted {
                detail: "its checksum does not match".to_owned(),
            },
            _ => CodeError::Corrupted {
                detail: "its compressed data is invalid".to_owned(),
            },
        })?;
    let value: Value = serde_json::from_slice(&json).map_err(|e| CodeError::NotResults {
        detail: format!("not JSON: {e}"),
    })?;
    check_results(&value)?;
    Ok(value)
}

/// The URL fragment key of a result link (`#results=cp1.…`): the results
/// ride in the fragment, which the browser never sends to a server.
pub const LINK_KEY: &str = "results";

/// The fragment of a result link to `results` (whole, tasks included),
/// with its leading `#`. Code characters are all fragment-safe.
///
/// # Errors
/// As [`encode`].
pub fn link_fragment(results: &Value) -> Result<String, CodeError> {
    Ok(format!("#{LINK_KEY}={}", encode(results, Detail::Full)?))
}

/// The results of a page's fragment (`#a=1&results=cp1.…`, with or
/// without the `#`); `None` when it has no `results` key.
pub fn from_fragment(fragment: &str) -> Option<Result<Value, CodeError>> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|pair| pair.strip_prefix(LINK_KEY)?.strip_prefix('='))
        .map(decode)
}

/// What [`Detail::Summary`] keeps of a document: what decoding its code
/// gives back.
pub fn summarize(results: &Value) -> Value {
    let mut doc = results.clone();
    if let Some(runs) = doc.get_mut("runs").and_then(Value::as_array_mut) {
        for run in runs.iter_mut().filter_map(Value::as_object_mut) {
            summarize_tasks(run);
        }
    }
    round_numbers(&mut doc);
    doc
}

/// Replaces `tasks` by its count and lane names (kept if already summarized).
fn summarize_tasks(run: &mut Map<String, Value>) {
    let tasks = match run.get_mut("tasks") {
        Some(Value::Array(tasks)) => std::mem::take(tasks),
        _ => Vec::new(),
    };
    if tasks.is_empty() && run.contains_key("task_count") {
        return;
    }
    let lanes: Vec<String> = tasks
        .iter()
        .filter_map(|t| t.get("lane").and_then(Value::as_str))
        .map(str::to_owned)
        .collect();
    run.insert("task_count".to_owned(), Value::from(tasks.len()));
    run.insert(
        "lanes".to_owned(),
        Value::from(natural_sorted(lanes.iter().map(String::as_str))),
    );
}

/// Distinct lane names, `thread-2` before `thread-10`.
fn natural_sorted<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut names: Vec<String> = names.map(str::to_owned).collect();
    names.sort_by_cached_key(|n| (lane_key(n), n.clone()));
    names.dedup();
    names
}

/// Rounds every non-integer number to two decimals.
fn round_numbers(value: &mut Value) {
    match value {
        Value::Number(n) if n.is_f64() => {
            if let Some(rounded) = n
                .as_f64()
                .map(|f| (f * 100.0).round() / 100.0)
                .and_then(serde_json::Number::from_f64)
            {
                *n = rounded;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(round_numbers),
        Value::Object(map) => map.values_mut().for_each(round_numbers),
        _ => {}
    }
}

fn strip_prefix(text: &str) -> Result<&str, CodeError> {
    let rest = text.strip_prefix("cp").ok_or(CodeError::NotACode)?;
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let (version, tail) = rest.split_at(digits);
    let body = tail.strip_prefix('.').ok_or(CodeError::NotACode)?;
    if version.is_empty() {
        return Err(CodeError::NotACode);
    }
    if version != CODE_VERSION.to_string() {
        return Err(CodeError::UnknownVersion {
            found: version.to_owned(),
        });
    }
    Ok(body)
}

fn check_results(value: &Value) -> Result<(), CodeError> {
    let schema = value
        .as_object()
        .ok_or_else(|| CodeError::NotResults {
            detail: "not a JSON object".to_owned(),
        })?
        .get("schema")
        .and_then(Value::as_str);
    match schema {
        Some(RESULTS_SCHEMA) => Ok(()),
        Some(other) => Err(CodeError::NotResults {
            detail: format!("its schema is \"{other}\""),
        }),
        None => Err(CodeError::NotResults {
            detail: "it has no schema".to_owned(),
        }),
    }
}

#[cfg(test)]
#[path = "code_tests.rs"]
mod tests;
