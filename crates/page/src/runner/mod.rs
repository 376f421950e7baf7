//! Runs an experiment from the page. It starts and replaces the engine
//! worker, starts process workers, runs each model where the registry
//! places it (engine, engine pool, page, process workers), measures the
//! page meanwhile, and folds everything into `results@1`.
//!
//! Runs on the page's own thread and never blocks it (apart from the
//! `main-thread` model, on purpose). It renders nothing: it reports what
//! happens as `RunEvent`s (`playground_core::runner`) through a callback,
//! which the page maps to its reducer's actions. Every worker is reached
//! through one bridge (`playground_web::bridge`).

mod context;
mod engine_client;
mod experiment;
mod meter;
mod model_trials;
mod processes;
mod sweep;

pub use context::{start_engine, EngineSlot, RunContext};
pub use experiment::run_experiment;
pub use meter::{Meter, DOT_ID};
pub use playground_core::runner::RunEvent;
pub use sweep::run_sweep;
