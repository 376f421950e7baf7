//! What a run reports while it goes: the engine's state, a run's and a
//! sweep's progress and records. Orchestration emits these through a
//! callback and knows nothing of who listens; the page maps them to its
//! reducer's actions in one place (`crate::state::run_events`). Pure data.

use crate::protocol::engine::PoolInfo;
use crate::report::{ModelResult, Results};
use crate::vocab::ModelId;

/// One thing that happened during orchestration.
#[derive(Clone, Debug, PartialEq)]
pub enum RunEvent {
    /// A new engine (with a new pool size) is starting.
    EngineRestarting,
    /// The engine's module started, `module_start_ms` after it was spawned.
    EngineLoaded { module_start_ms: f64 },
    /// The engine worker failed (the browser refused to create it, it did
    /// not load, crashed, or sent what the page cannot read), and why: runs
    /// waiting on it have ended with this reason, and the next run starts a
    /// new engine.
    EngineFailed { reason: String },
    /// The engine's pool is ready.
    PoolReady(PoolInfo),
    /// The engine runs but has no pool, and why.
    PoolFailed { reason: String },
    /// A run was asked for: it gets its engine ready first (starting one
    /// when there is none of its pool size), then goes on with `RunStarted`.
    Preparing,
    /// A run began with an empty results document.
    RunStarted(Results),
    /// A repetition of a model began.
    Repetition {
        model: ModelId,
        repetition: u32,
        repeat: u32,
    },
    /// `done` tasks of the model's current repetition have finished.
    TasksDone { model: ModelId, done: u32 },
    /// A model finished (all repetitions).
    ModelFinished(ModelResult),
    /// The run ended.
    RunFinished,
    /// A thread sweep began.
    SweepStarted { model: ModelId, max_threads: u32 },
    /// One sweep point was measured.
    SweepPoint { threads: u32, wall_ms: Option<f64> },
    /// The sweep ended (with an error, if it could not finish).
    SweepFinished { error: Option<String> },
}
