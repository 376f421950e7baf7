//! The engine: a dedicated worker that owns the rayon thread pool and runs
//! the CPU models, and, as a process of the `processes` model, single tasks.
//! Only [`protocol`] and [`process_protocol`] (the typed messages) are pure
//! and shared with the page; the rest is worker glue and never touches the
//! DOM.

pub mod process_protocol;
pub mod protocol;

#[cfg(target_arch = "wasm32")]
mod outbox;
#[cfg(target_arch = "wasm32")]
mod pool;
#[cfg(target_arch = "wasm32")]
mod process;
#[cfg(target_arch = "wasm32")]
mod worker;

#[cfg(target_arch = "wasm32")]
pub use worker::start;
