//! The playground's pure core: its vocabulary, settings, workloads, reports,
//! chart series, teaching texts, classroom logic, the models' registry, the
//! typed messages between page, engine and modules, and the page's reducer.
//! No web APIs: every line here builds and is tested natively (`cargo test`).

// `#[optimize(speed)]` on the fib kernel in size-optimised builds (nightly,
// which WASM threads need anyway: see rust-toolchain.toml).
#![feature(optimize_attribute)]

pub mod chart;
pub mod classroom;
pub mod config;
pub mod models;
pub mod protocol;
pub mod report;
pub mod runner;
pub mod state;
pub mod teach;
pub mod vocab;
pub mod workloads;

/// The version reported in results JSON (`app_version`).
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
