//! What the page knows about the things around a run: the simulated
//! server, the thread pool, the run's phase and progress, the last thread
//! sweep. Plain data held by the state (`state::AppState`). Pure.

use crate::models::ModelId;
use crate::protocol::engine::PoolInfo;

/// The simulated server (a service worker) as the page knows it.
#[derive(Clone, Debug, PartialEq)]
pub enum ServerStatus {
    Starting,
    Ready,
    Unavailable { reason: String },
}

impl ServerStatus {
    /// Why fetches to the simulated server cannot run now (`None`: ready).
    pub fn unavailable_reason(&self) -> Option<&str> {
        match self {
            ServerStatus::Ready => None,
            ServerStatus::Starting => Some("it is still starting"),
            ServerStatus::Unavailable { reason } => Some(reason),
        }
    }
}

/// The thread pool as the page knows it.
#[derive(Clone, Debug, PartialEq)]
pub enum PoolStatus {
    /// No engine yet: it (and its pool) starts with the first run that has
    /// a model in it, or the first sweep, so a visit that never runs one
    /// never downloads it.
    OnDemand,
    /// The engine is loading or the pool is starting.
    Starting,
    Ready(PoolInfo),
    /// The engine started but its pool did not, or the page is not
    /// cross-origin isolated: threads cannot run here, and the models that
    /// need them are skipped.
    Unavailable {
        reason: String,
    },
    /// The engine worker itself failed (it did not load, it threw or
    /// trapped, it sent a message the page cannot read): no model that runs
    /// in it can run until the next run starts a fresh engine.
    EngineFailed {
        reason: String,
    },
}

/// Where the current run is.
#[derive(Clone, Debug, PartialEq)]
pub enum RunPhase {
    Idle,
    /// A run was asked for and waits for what it needs (the engine and its
    /// pool, when they start with it) before its first model.
    Preparing,
    Running {
        model: ModelId,
        repetition: u32,
        repeat: u32,
    },
    Finished,
}

/// Tasks done of a model in the current run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    pub model: ModelId,
    pub done: u32,
    pub total: u32,
}

/// The engine a waiting run is starting, as the run status names it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum EngineStart {
    /// The engine with a pool of this many threads.
    WithPool { threads: u32 },
    /// The engine alone: this page cannot have threads.
    WithoutThreads,
}
