//! The engine: a dedicated worker that owns the rayon thread pool and runs
//! the CPU models, and, as a process of the `processes` model, single tasks.
//! Only [`protocol`] and [`process_protocol`] (the typed messages) and
//! [`wire`] (how they travel: JSON text) are pure and shared with the page;
//! `wire_js` (their `postMessage` values) is shared too; the rest is worker
//! glue and never touches the DOM.

pub mod process_protocol;
pub mod protocol;
pub mod settle;
pub mod wire;
#[cfg(target_arch = "wasm32")]
pub mod wire_js;
#[cfg(test)]
mod wire_tests;

// The worker glue exists only in the engine's build (feature `threads`); the
// page's module uses the protocols alone.
#[cfg(all(target_arch = "wasm32", feature = "threads"))]
mod outbox;
#[cfg(all(target_arch = "wasm32", feature = "threads"))]
mod pool;
#[cfg(all(target_arch = "wasm32", feature = "threads"))]
mod pool_start;
#[cfg(all(target_arch = "wasm32", feature = "threads"))]
mod process;
#[cfg(all(target_arch = "wasm32", feature = "threads"))]
mod worker;

#[cfg(all(target_arch = "wasm32", feature = "threads"))]
pub use worker::start;
