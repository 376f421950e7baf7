//! The execution models: their ids (pure, shared by page and engine) and, on
//! wasm32, one module per model that runs a workload its own way.
//!
//! Twins, not branches: every model takes the same inputs and must give the
//! same answers; only *where* and *how* the work runs differs.

pub mod gil_lock;
mod id;

pub use id::{ModelId, ModelPlace};

#[cfg(target_arch = "wasm32")]
pub mod async_tasks;
#[cfg(all(target_arch = "wasm32", feature = "threads"))]
pub mod gil;
#[cfg(target_arch = "wasm32")]
pub mod http;
#[cfg(all(target_arch = "wasm32", feature = "threads"))]
pub mod pipeline;
#[cfg(all(target_arch = "wasm32", feature = "threads"))]
pub mod race;
#[cfg(target_arch = "wasm32")]
pub mod sequential;
#[cfg(all(target_arch = "wasm32", feature = "threads"))]
pub mod threads;
