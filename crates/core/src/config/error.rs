//! Named errors for settings a learner can act on.

use thiserror::Error;

use super::key::Key;

/// One rejected setting. Each names the key, what was given and what is
/// accepted; the setting then falls back to its default.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ConfigError {
    #[error(
        "{key} must be a whole number between {min} and {max} (got \"{got}\"); using {default}"
    )]
    NotANumber {
        key: &'static str,
        got: String,
        min: u32,
        max: u32,
        default: String,
    },
    #[error("{key} must be between {min} and {max} (got {got}); using {default}")]
    OutOfRange {
        key: &'static str,
        got: String,
        min: u32,
        max: u32,
        default: String,
    },
    #[error("models: unknown model \"{got}\" (accepted: {accepted}); using {default}")]
    UnknownModel {
        got: String,
        accepted: String,
        default: String,
    },
    #[error("models: \"{got}\" is listed twice; each model runs once per run")]
    DuplicateModel { got: String },
    #[error("models: choose at least one model (accepted: {accepted}); using {default}")]
    NoModels { accepted: String, default: String },
    #[error("workload must be fib, fetch, race, pipeline or convoy (got \"{got}\"); using fib")]
    UnknownWorkload { got: String },
    #[error("{key} must be 1 or absent (got \"{got}\")")]
    NotAFlag { key: &'static str, got: String },
    #[error(
        "url must be an http:// or https:// address (got \"{got}\"); using the simulated server"
    )]
    BadUrl { got: String },
    #[error("lesson: unknown lesson \"{got}\" (accepted: {accepted}); showing none")]
    UnknownLesson { got: String, accepted: String },
    #[error("controls: unknown control \"{got}\" (accepted: {accepted}); it is not shown")]
    UnknownControl { got: String, accepted: String },
    #[error("view: unknown view \"{got}\" (accepted: {accepted}); showing the playground")]
    UnknownView { got: String, accepted: String },
    #[error("{key} was given {count} times; give it once (using the first)")]
    Repeated { key: String, count: usize },
    #[error(
        "threads: the convoy needs at least 2 threads, one I/O thread and one CPU thread \
         (got {got}); using 2"
    )]
    ConvoyNeedsTwoThreads { got: u32 },
    #[error("block_ms applies only to the fetch workload's async model ({why}); ignored")]
    BlockMsDoesNotApply { why: String },
}

impl ConfigError {
    /// The URL key the error is about, for highlighting the form field (a
    /// setting's [`Key`] name, or a page flag's: `lesson`, `controls`, …).
    pub fn key(&self) -> &str {
        match self {
            ConfigError::NotANumber { key, .. }
            | ConfigError::OutOfRange { key, .. }
            | ConfigError::NotAFlag { key, .. } => key,
            ConfigError::UnknownModel { .. }
            | ConfigError::DuplicateModel { .. }
            | ConfigError::NoModels { .. } => Key::Models.as_str(),
            ConfigError::UnknownWorkload { .. } => Key::Workload.as_str(),
            ConfigError::BadUrl { .. } => Key::Url.as_str(),
            ConfigError::UnknownLesson { .. } => "lesson",
            ConfigError::UnknownControl { .. } => "controls",
            ConfigError::UnknownView { .. } => "view",
            ConfigError::Repeated { key, .. } => key,
            ConfigError::ConvoyNeedsTwoThreads { .. } => Key::Threads.as_str(),
            ConfigError::BlockMsDoesNotApply { .. } => Key::BlockMs.as_str(),
        }
    }
}
