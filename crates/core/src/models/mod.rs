//! The execution models: the registry (pure, shared by page and engine:
//! what each model is, where it runs, how it is predicted and explained),
//! the GIL and the convoy's logic. How each runs in the browser is
//! `playground_models`.
//!
//! Twins, not branches: every model takes the same inputs and must give the
//! same answers; only *where* and *how* the work runs differs.

pub mod convoy;
mod convoy_stats;
pub mod gil_lock;
pub mod registry;

pub use crate::vocab::{ModelId, ModelNeeds};

/// The native tests' clock for the GIL and the convoy: ms since its first
/// read (the browser's shared clock is `clock::now_ms`, wasm32 only).
#[cfg(test)]
fn test_clock() -> f64 {
    use std::sync::OnceLock;
    use std::time::Instant;
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_secs_f64() * 1_000.0
}
