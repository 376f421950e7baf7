//! Settings: raw input (URL query, form fields) -> one validated [`Settings`].
//!
//! The URL and the form both produce [`RawSettings`]; [`validate`] is the one
//! place that turns them into typed values or named errors (`ConfigError`).
//! Nothing downstream re-validates. Pure: no web APIs.

mod error;
mod limits;
mod query;
mod raw;
mod settings;

pub use crate::vocab::Workload;
pub use error::ConfigError;
pub use limits::{Range, LIMITS};
pub use query::to_query;
pub use raw::RawSettings;
pub use settings::{validate, Settings};
