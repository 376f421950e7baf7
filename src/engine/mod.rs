//! The engine: a dedicated worker that owns the rayon thread pool and runs
//! the CPU models. Only [`protocol`] (the typed messages) is pure and shared
//! with the page; the rest is worker glue and never touches the DOM.

pub mod protocol;
pub mod settle;

// The worker glue exists only in the engine's build (feature `threads`); the
// page's module uses `protocol` alone.
#[cfg(all(target_arch = "wasm32", feature = "threads"))]
mod pool;
#[cfg(all(target_arch = "wasm32", feature = "threads"))]
mod worker;

#[cfg(all(target_arch = "wasm32", feature = "threads"))]
pub use worker::start;
