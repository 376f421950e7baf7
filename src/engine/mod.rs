//! The engine: a dedicated worker that owns the rayon thread pool and runs
//! the CPU models. Only [`protocol`] (the typed messages) is pure and shared
//! with the page; the rest is worker glue and never touches the DOM.

pub mod protocol;

#[cfg(target_arch = "wasm32")]
mod pool;
#[cfg(target_arch = "wasm32")]
mod worker;

#[cfg(target_arch = "wasm32")]
pub use worker::start;
