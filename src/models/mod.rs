//! The execution models: the registry (pure, shared by page and engine:
//! what each model is, where it runs, how it is predicted and explained)
//! and, on wasm32, one module per model that runs a workload its own way.
//!
//! Twins, not branches: every model takes the same inputs and must give the
//! same answers; only *where* and *how* the work runs differs.

pub mod convoy;
mod convoy_stats;
pub mod gil_lock;
pub mod registry;

pub use crate::vocab::{ModelId, ModelPlace};

#[cfg(target_arch = "wasm32")]
pub mod async_tasks;
#[cfg(target_arch = "wasm32")]
pub mod convoy_pool;
#[cfg(target_arch = "wasm32")]
pub mod gil;
#[cfg(target_arch = "wasm32")]
pub mod http;
#[cfg(target_arch = "wasm32")]
pub mod pipeline;
#[cfg(target_arch = "wasm32")]
pub mod race;
#[cfg(target_arch = "wasm32")]
pub mod sequential;
#[cfg(target_arch = "wasm32")]
pub mod threads;
