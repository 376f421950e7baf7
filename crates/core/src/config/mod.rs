//! Settings: raw input (URL query, form fields) -> one validated [`Settings`]
//! -> the typed [`Experiment`] and [`PageFlags`].
//!
//! Every setting is a [`Key`] with one row in [`SETTINGS`] (`table.rs`):
//! its URL name, default, range, the workloads and models it applies to,
//! its form control, label and help. Validation, the URL, the form, the
//! embed's `controls`, the results echo and the class view read that table.
//!
//! The URL and the form both produce [`RawSettings`]; [`validate`] is the one
//! place that turns them into typed values or named errors (`ConfigError`).
//! [`Settings`] keeps every key's value (what the form shows, whichever
//! workload is chosen); [`Experiment`] keeps only what the experiment runs,
//! and the URL, the results echo and the engine's job are derived from it.
//! Nothing downstream re-validates or re-splits. Pure: no web APIs.

mod controls;
mod echo;
mod error;
mod experiment;
mod key;
mod query;
mod raw;
mod setting;
mod settings;
mod table;
mod validate;
mod value;
mod view;

pub use crate::vocab::Workload;
pub use controls::{
    accepted as accepted_controls, controls_query, parse_controls, ParsedControls, NO_CONTROLS,
};
pub use error::ConfigError;
pub use experiment::{
    ConvoyParams, Experiment, FetchParams, FibParams, ModelKnobs, PageFlags, PipelineParams,
    RaceParams, RequestParams, WorkloadConfig,
};
pub use key::Key;
pub use query::to_query;
pub use raw::RawSettings;
pub use settings::{request_defaults, Settings, CONVOY_MIN_THREADS};
pub use table::{
    Applies, Input, Kind, Range, Setting, Start, Words, CONVOY_LATENCY_MS, CONVOY_REQUESTS,
    FORM_ORDER, QUERY_ORDER, SETTINGS,
};
pub use validate::validate;
pub use value::{models_text, Value};
pub use view::View;
