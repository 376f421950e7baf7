//! Shared vocabulary: the small closed types every layer names (models and
//! their entries, workloads, lanes, overhead keys, race counters, fetch
//! failures).
//!
//! A leaf: it imports nothing from the rest of the crate, so every module may
//! import it. It holds names, their public spellings and the models'
//! entries (data), never behaviour that belongs to a model or a layer. Pure: no web APIs.

mod fetch_error;
mod lane;
mod model;
mod overhead;
mod race;
mod workload;

pub use fetch_error::FetchError;
pub use lane::{lane_key, Lane};
pub use model::{InFlight, ModelId, ModelNeeds, ModelSpec, Placement, MODELS};
pub use overhead::OverheadKey;
pub use race::RaceCounter;
pub use workload::Workload;
