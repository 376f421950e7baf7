//! The typed messages between the page and the engine worker.
//!
//! Closed enums, never strings as commands. Every run request carries a
//! [`RunId`] that its answer repeats, so the page can match answers to
//! requests and ignore answers from a run it has abandoned.

use serde::{Deserialize, Serialize};

use crate::models::ModelId;
use crate::report::{Overheads, TaskRecord};

/// Identifies one request to run one repetition of one model.
pub type RunId = u32;

/// What the page asks of the engine.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum EngineRequest {
    /// Start the rayon pool with this many threads (once per engine worker;
    /// a different size means a new engine worker).
    StartPool { threads: u32 },
    /// Run one repetition of `model` on `job`.
    Run {
        run_id: RunId,
        model: ModelId,
        job: Job,
    },
}

/// A workload with its parameters, as the engine runs it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Job {
    /// `tasks` independent calls of `fib(n)`.
    Fib { n: u32, tasks: u32 },
}

/// What the engine tells the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum EngineEvent {
    /// The engine's module is instantiated and listening. `module_start_ms`
    /// is the time from the worker's creation to this point.
    Loaded { module_start_ms: f64 },
    /// The pool is up and warmed up.
    PoolReady {
        threads: u32,
        start_ms: f64,
        warm_up_ms: f64,
    },
    /// The pool could not start; thread models will be skipped with `reason`.
    PoolFailed { reason: String },
    /// One repetition finished.
    RunDone { run_id: RunId, outcome: RunOutcome },
}

/// The measured result of one repetition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunOutcome {
    /// From dispatch to the last result, ms.
    pub wall_ms: f64,
    /// Times relative to dispatch.
    pub tasks: Vec<TaskRecord>,
    pub overheads_ms: Overheads,
    /// Set when the model could not run the job at all.
    pub error: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip_and_are_tagged() {
        let req = EngineRequest::Run {
            run_id: 7,
            model: ModelId::Threads,
            job: Job::Fib { n: 25, tasks: 6 },
        };
        let json = serde_json::to_value(&req).expect("serialise");
        assert_eq!(json["type"], "run");
        assert_eq!(json["job"]["kind"], "fib");
        let back: EngineRequest = serde_json::from_value(json).expect("deserialise");
        assert_eq!(back, req);

        let ev = EngineEvent::RunDone {
            run_id: 7,
            outcome: RunOutcome {
                wall_ms: 1.5,
                tasks: vec![TaskRecord::fib(0, "thread-1".into(), 0.1, 1.4, 75_025)],
                overheads_ms: Overheads::new(),
                error: None,
            },
        };
        let back: EngineEvent =
            serde_json::from_str(&serde_json::to_string(&ev).expect("serialise")).expect("parse");
        assert_eq!(back, ev);
    }

    #[test]
    fn unknown_commands_are_rejected() {
        let bad = serde_json::json!({ "type": "format-disk" });
        assert!(serde_json::from_value::<EngineRequest>(bad).is_err());
    }
}
