//! A tolerant reader of results files for the class view: one payload, a
//! JSON array of payloads, JSON lines (one payload a line, like the
//! reference file), or an embed message wrapping one (`payload`).
//!
//! It reads its own read-side structs, every field defaulted, so files from
//! other app versions load as long as they are `results@1`; a document of
//! another schema or version is refused with a named error, never guessed
//! at. Pure: the page reads the file's text and hands it here.

use serde::Deserialize;
use serde_json::{Map, Value};
use thiserror::Error;

use super::code::{self, CodeError};

/// The schema family and the one version read here.
pub const SCHEMA_FAMILY: &str = "concurrency-playground/results@";
pub const SCHEMA: &str = "concurrency-playground/results@1";

/// The largest file read (a results file is rarely above 200 KB; the
/// 1000-request reference run is 150 KB).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The most payloads one file may hold.
pub const MAX_DOCS_PER_FILE: usize = 500;

/// The most files a class holds (a class of 30 adding a few runs each).
pub const MAX_FILES: usize = 200;

/// The most rows a class holds.
pub const MAX_RUNS: usize = 2_000;

/// One results document, as far as the class view needs it.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ClassDoc {
    pub schema: String,
    pub app_version: String,
    pub environment: DocEnvironment,
    /// The settings, kept whole: every key but `models`, `threads` and
    /// `repeat` defines the experiment (see `stats`).
    pub config: Map<String, Value>,
    pub runs: Vec<DocRun>,
}

/// What the browser offered.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct DocEnvironment {
    pub user_agent: String,
    pub hardware_concurrency: Option<u32>,
    pub cross_origin_isolated: Option<bool>,
    pub threads_available: Option<bool>,
    pub pool_threads: Option<u32>,
    /// `coop-coep`, `document-isolation-policy` or `none` (newer files).
    pub isolation: Option<String>,
}

/// One model's run.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct DocRun {
    pub model: String,
    pub workload: String,
    pub status: String,
    pub skipped_reason: Option<String>,
    pub error: Option<String>,
    pub wall_ms: Option<f64>,
    pub wall_ms_samples: Vec<f64>,
    pub wall_ms_min: Option<f64>,
    pub wall_ms_max: Option<f64>,
    pub tasks: Vec<DocTask>,
    /// Summary result codes: the task count and lanes instead of tasks.
    pub task_count: Option<usize>,
    pub lanes: Vec<String>,
}

impl DocRun {
    /// How many tasks ran.
    pub fn task_count(&self) -> usize {
        self.task_count.unwrap_or(self.tasks.len())
    }

    /// How many distinct lanes the tasks ran on.
    pub fn lane_count(&self) -> usize {
        if self.tasks.is_empty() {
            return self.lanes.len();
        }
        let mut lanes: Vec<&str> = self.tasks.iter().map(|t| t.lane.as_str()).collect();
        lanes.sort_unstable();
        lanes.dedup();
        lanes.len()
    }
}

/// A task, only as far as the class view needs it.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct DocTask {
    pub lane: String,
}

/// What is wrong with a file or a code.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum ReadError {
    #[error("the file is empty")]
    Empty,
    #[error(
        "the file is {size} bytes; the class view reads results files up to {MAX_FILE_BYTES} \
         bytes (a results file is usually under 200 KB)"
    )]
    TooLarge { size: u64 },
    #[error("the file holds {count} results; at most {MAX_DOCS_PER_FILE} are read from one file")]
    TooManyDocs { count: usize },
    #[error("{}not valid JSON ({detail}): expected a results file of the playground", at(*line))]
    Malformed { line: Option<usize>, detail: String },
    #[error("{}not a results file: it has no \"schema\" (expected \"{SCHEMA}\")", at(*line))]
    NoSchema { line: Option<usize> },
    #[error("{}the schema \"{found}\" is not a playground results file (expected \"{SCHEMA}\")", at(*line))]
    WrongSchema { line: Option<usize>, found: String },
    #[error(
        "{}results version \"{found}\" is not supported here: this playground reads \"{SCHEMA}\"",
        at(*line)
    )]
    UnsupportedVersion { line: Option<usize>, found: String },
    #[error("{}a field has the wrong type ({detail})", at(*line))]
    BadField { line: Option<usize>, detail: String },
    #[error(
        "the class is full: it holds up to {} files and {} runs; remove some first",
        MAX_FILES,
        MAX_RUNS
    )]
    ClassFull,
    #[error("already added (as {of})")]
    Duplicate { of: String },
    #[error(transparent)]
    Code(#[from] CodeError),
}

fn at(line: Option<usize>) -> String {
    line.map(|l| format!("line {l}: ")).unwrap_or_default()
}

/// A [`ReadError`] with the name of the file (or code) it is about.
#[derive(Clone, Debug, Error, PartialEq)]
#[error("{name}: {error}")]
pub struct FileError {
    pub name: String,
    pub error: ReadError,
}

impl FileError {
    pub fn new(name: &str, error: ReadError) -> Self {
        FileError {
            name: name.to_owned(),
            error,
        }
    }
}

/// Refuses a file by its size before its text is read.
///
/// # Errors
/// [`ReadError::TooLarge`] above [`MAX_FILE_BYTES`].
pub fn check_size(size: u64) -> Result<(), ReadError> {
    if size > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { size });
    }
    Ok(())
}

/// The results document of a result code.
///
/// # Errors
/// [`ReadError::Code`] for a damaged code, or as [`super::read_text`].
pub fn read_code(text: &str) -> Result<ClassDoc, ReadError> {
    read_value(code::decode(text)?, None)
}

/// One parsed JSON value as a results document (`line`: where it was).
///
/// # Errors
/// Wrong or missing schema, another version, or a field of the wrong type.
pub fn read_value(value: Value, line: Option<usize>) -> Result<ClassDoc, ReadError> {
    let value = match value {
        // An embed message (`{ source, type: "run-finished", payload }`).
        Value::Object(mut m) if m.get("type") == Some(&Value::from("run-finished")) => {
            m.remove("payload").unwrap_or(Value::Null)
        }
        other => other,
    };
    let schema = match value.get("schema") {
        None => return Err(ReadError::NoSchema { line }),
        Some(Value::String(s)) => s.clone(),
        Some(other) => {
            return Err(ReadError::WrongSchema {
                line,
                found: other.to_string(),
            })
        }
    };
    if schema != SCHEMA {
        return Err(match schema.strip_prefix(SCHEMA_FAMILY) {
            Some(version) => ReadError::UnsupportedVersion {
                line,
                found: version.to_owned(),
            },
            None => ReadError::WrongSchema {
                line,
                found: schema,
            },
        });
    }
    serde_json::from_value(value).map_err(|e| ReadError::BadField {
        line,
        detail: e.to_string(),
    })
}
