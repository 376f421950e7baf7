//! Concurrency Playground: run the same workload under several concurrency
//! models in the browser and compare the measured times.
//!
//! The crate is split by *where code runs* and *what it owns*:
//!
//! - [`vocab`] (shared names, a leaf), [`workloads`], [`config`], [`report`],
//!   [`models`] (the registry), [`engine::protocol`]:
//!   pure Rust, no `web-sys`, tested natively with `cargo test`.
//! - `engine` (wasm32 only): the dedicated worker that owns the rayon pool and
//!   runs the CPU models. It never touches the DOM.
//! - [`orchestra`] (wasm32 only): page-side orchestration of a run: engine and
//!   process workers, where each model runs, progress, Stop, results.
//! - `ui` (wasm32 only): the Yew app on the page's own thread. It never blocks.
//!
//! The three entry points in `src/bin/` (the page, the classroom pages the
//! page loads on demand, the engine worker) are a few lines each.

// `#[optimize(speed)]` on the fib kernel in a size-optimised build (nightly,
// which WASM threads need anyway: see rust-toolchain.toml).
#![feature(optimize_attribute)]

pub mod chart;
pub mod classroom;
pub mod config;
pub mod engine;
pub mod models;
pub mod orchestra;
pub mod report;
pub mod teach;
pub mod ui;
pub mod vocab;
pub mod workloads;

#[cfg(target_arch = "wasm32")]
pub mod clock;
#[cfg(target_arch = "wasm32")]
pub mod jsutil;
#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod wait_async;

/// The version reported in results JSON (`app_version`).
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
