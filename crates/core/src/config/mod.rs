//! Settings: raw input (URL query, form fields) -> one validated [`Settings`]
//! -> the typed [`RunConfig`] and [`PageFlags`].
//!
//! The URL and the form both produce [`RawSettings`]; [`validate`] is the one
//! place that turns them into typed values or named errors (`ConfigError`).
//! [`Settings`] keeps every key's value (what the form shows, whichever
//! workload is chosen); [`RunConfig`] keeps only what the experiment runs,
//! and the URL, the results echo and the engine's job are derived from it.
//! Nothing downstream re-validates or re-splits. Pure: no web APIs.

mod controls;
mod error;
mod limits;
mod query;
mod raw;
mod run_config;
mod settings;
mod view;

pub use crate::vocab::Workload;
pub use controls::{controls_query, parse_controls, Control, ParsedControls, NO_CONTROLS};
pub use error::ConfigError;
pub use limits::{Range, LIMITS};
pub use query::to_query;
pub use raw::RawSettings;
pub use run_config::{
    ConvoyParams, FetchParams, FibParams, ModelKnobs, PageFlags, PipelineParams, RaceParams,
    RequestParams, RunConfig, WorkloadConfig,
};
pub use settings::{
    request_defaults, validate, Settings, CONVOY_LATENCY_MS, CONVOY_MIN_THREADS, CONVOY_REQUESTS,
};
pub use view::View;
