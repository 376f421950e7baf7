//! Shared vocabulary: the small closed types every layer names (models,
//! workloads, lanes, overhead keys, race counters, fetch failures).
//!
//! A leaf: it imports nothing from the rest of the crate, so every module may
//! import it. It holds names and their public spellings only, never
//! behaviour that belongs to a model or a layer. Pure: no web APIs.

mod fetch_error;
mod lane;
mod model;
mod overhead;
mod race;
mod workload;

pub use fetch_error::FetchError;
pub use lane::{lane_key, Lane};
pub use model::{ModelId, ModelPlace};
pub use overhead::OverheadKey;
pub use race::RaceCounter;
pub use workload::Workload;
