//! The models as they run in the browser: one module per model, each running
//! a workload its own way (the engine's loop, its rayon pool, the page's
//! event loop). What a model *is* (its registry entry) is in
//! `playground_core::models`.

pub mod async_tasks;
pub mod sequential;

#[cfg(feature = "threads")]
pub mod convoy_pool;
#[cfg(feature = "threads")]
pub mod gil;
#[cfg(feature = "threads")]
pub mod pipeline;
#[cfg(feature = "threads")]
pub mod race;
#[cfg(feature = "threads")]
pub mod threads;
