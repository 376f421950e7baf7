//! Page-side orchestration: runs an experiment from the page. It starts and
//! replaces the engine worker, starts process workers, runs each model where
//! the registry places it (engine, engine pool, page, process workers),
//! measures the page meanwhile, and folds everything into `results@1`.
//!
//! Runs on the page's own thread and never blocks it (apart from the
//! `main-thread` model, on purpose). It renders nothing and imports nothing
//! from `ui`: it reports what happens as [`RunEvent`]s through a callback,
//! which the page maps to its reducer's actions. Every worker is reached
//! through one `bridge` (spawn, typed messages, terminate on drop). Browser
//! glue: compiles for wasm32 only, apart from the event type, how a worker's
//! failure is told and what waits on the engine (pure).

mod event;
pub use event::RunEvent;

// Pure, so on every target and tested natively; only the wasm32 glue uses
// them, hence no dead-code warnings elsewhere.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod failure;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod waiters;

#[cfg(target_arch = "wasm32")]
mod bridge;
#[cfg(target_arch = "wasm32")]
mod context;
#[cfg(target_arch = "wasm32")]
mod engine_client;
#[cfg(target_arch = "wasm32")]
mod experiment;
#[cfg(target_arch = "wasm32")]
mod meter;
#[cfg(target_arch = "wasm32")]
mod model_run;
#[cfg(target_arch = "wasm32")]
mod processes;
#[cfg(target_arch = "wasm32")]
mod sweep;

#[cfg(target_arch = "wasm32")]
pub use context::{start_engine, EngineSlot, RunContext};
#[cfg(target_arch = "wasm32")]
pub use experiment::run_experiment;
#[cfg(target_arch = "wasm32")]
pub use meter::{Meter, DOT_ID};
#[cfg(target_arch = "wasm32")]
pub use sweep::run_sweep;
