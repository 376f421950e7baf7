//! The typed messages between the page and the engine worker. (A process
//! worker speaks `process_protocol`; the same binary answers both.)
//!
//! Closed enums, never strings as commands. Each message is a JSON object
//! keyed by its kebab-case type (`{"run": {...}}`; see `wire` for why). Every run request carries a
//! [`TrialId`] that its answer repeats, so the page can match answers to
//! requests and ignore answers from a run it has abandoned.

use serde::{Deserialize, Serialize};

use super::wire::Message;
use crate::config::WorkloadConfig;
use crate::report::{Overheads, TaskRecord, WorkloadOutput};
use crate::vocab::{ModelId, Workload};
use crate::workloads::fetch::FetchPlan;

/// Identifies one request to run one repetition of one model.
pub type TrialId = u32;

/// What the page asks of the engine.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EngineRequest {
    /// Start the rayon pool with this many threads (once per engine worker;
    /// a different size means a new engine worker).
    StartPool { threads: u32 },
    /// Run one trial (one repetition) of `model` on `job`. Progress comes back as
    /// `TaskDone` events, the end as `TrialDone`.
    Trial {
        trial_id: TrialId,
        model: ModelId,
        job: Job,
        /// The GIL's switch interval (used by the `gil` model).
        switch_ms: u32,
    },
    /// Answered with `Pong`: measures the page-to-engine round trip.
    Ping { trial_id: TrialId },
}

/// All in the JSON: engine requests carry no bytes.
impl Message for EngineRequest {}

/// A workload with its parameters, as the engine runs it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Job {
    /// `tasks` independent calls of `fib(n)`.
    Fib { n: u32, tasks: u32 },
    /// The planned requests (absolute URLs: worker threads have no page URL
    /// to resolve relative ones against).
    Fetch {
        plan: FetchPlan,
        /// At most this many requests in flight on one event loop (`async`).
        #[serde(default)]
        concurrency: Option<u32>,
        /// The blocking call one coroutine makes first, ms (`async`).
        #[serde(default)]
        block_ms: Option<u32>,
    },
    /// Each thread adds 1 to shared counters `increments` times.
    Race { increments: u32 },
    /// Fetch each planned request, then compute fib(n) on it.
    Pipeline { plan: FetchPlan, n: u32 },
    /// One I/O thread makes the planned requests, alone and then beside
    /// `cpu_threads` CPU-bound threads.
    Convoy { plan: FetchPlan, cpu_threads: u32 },
}

impl Job {
    /// The engine's job for `workload` on a pool of `threads`; `plan` holds
    /// its planned requests (unused by workloads that do not fetch).
    pub fn new(workload: &WorkloadConfig, plan: &FetchPlan, threads: u32) -> Job {
        match workload {
            WorkloadConfig::Fib(f) => Job::Fib {
                n: f.n,
                tasks: f.tasks,
            },
            WorkloadConfig::Fetch(f) => Job::Fetch {
                plan: plan.clone(),
                concurrency: f.concurrency,
                block_ms: f.block_ms,
            },
            WorkloadConfig::Race(r) => Job::Race {
                increments: r.increments,
            },
            WorkloadConfig::Pipeline(p) => Job::Pipeline {
                plan: plan.clone(),
                n: p.n,
            },
            WorkloadConfig::Convoy(_) => Job::Convoy {
                plan: plan.clone(),
                cpu_threads: threads.saturating_sub(1),
            },
        }
    }

    /// The workload this job runs.
    pub fn workload(&self) -> Workload {
        match self {
            Job::Fib { .. } => Workload::Fib,
            Job::Fetch { .. } => Workload::Fetch,
            Job::Race { .. } => Workload::Race,
            Job::Pipeline { .. } => Workload::Pipeline,
            Job::Convoy { .. } => Workload::Convoy,
        }
    }
}

/// What the engine tells the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EngineEvent {
    /// The engine's module is instantiated and listening. `module_start_ms`
    /// is the time from the worker's creation to this point.
    Loaded {
        module_start_ms: f64,
    },
    /// The pool is up and warmed up.
    PoolReady(PoolInfo),
    /// The pool could not start; thread models will be skipped with `reason`.
    PoolFailed {
        reason: String,
    },
    /// A task of the run in progress finished (times relative to dispatch).
    TaskDone {
        trial_id: TrialId,
        task: TaskRecord,
    },
    /// One repetition finished. Its tasks came as `TaskDone` events (each
    /// task crosses the worker boundary once); the page puts them together.
    TrialDone {
        trial_id: TrialId,
        end: TrialEnd,
    },
    Pong {
        trial_id: TrialId,
    },
}

/// All in the JSON: engine events carry no bytes.
impl Message for EngineEvent {}

/// A started pool: its size and what starting it cost (once per engine).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PoolInfo {
    pub threads: u32,
    pub start_ms: f64,
    pub warm_up_ms: f64,
}

/// How one repetition ended, besides its tasks: what the engine sends at
/// the end (its tasks came as `TaskDone` events), and the page-side
/// models' end too.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrialEnd {
    /// From dispatch to the last result, ms.
    pub wall_ms: f64,
    pub overheads_ms: Overheads,
    /// Set when the model could not run the job at all.
    pub error: Option<String>,
    /// What the workload measured besides its tasks (times relative to
    /// dispatch). Tagged on the wire (`output_wire`), not flattened.
    #[serde(with = "output_wire", default)]
    pub output: WorkloadOutput,
    /// Overheads too short for the page's clock (keys of `overheads_ms`,
    /// left out there). Measured on the page, never sent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub below_resolution: Vec<String>,
}

impl TrialEnd {
    /// The end of a repetition that ran for `wall_ms` and produced `output`.
    pub fn new(wall_ms: f64, output: WorkloadOutput) -> Self {
        TrialEnd {
            wall_ms,
            overheads_ms: Overheads::new(),
            error: None,
            output,
            below_resolution: Vec::new(),
        }
    }

    /// The end of a repetition the model could not run at all.
    pub fn refused(wall_ms: f64, error: String) -> Self {
        TrialEnd {
            error: Some(error),
            ..TrialEnd::new(wall_ms, WorkloadOutput::None {})
        }
    }
}

/// The measured result of one repetition: its tasks and how it ended.
#[derive(Clone, Debug, PartialEq)]
pub struct TrialOutcome {
    /// Times relative to dispatch, in index order.
    pub tasks: Vec<TaskRecord>,
    pub end: TrialEnd,
}

impl TrialOutcome {
    /// The outcome of a repetition that ended with `end`, from its `tasks`
    /// (times relative to dispatch), put in index order.
    pub fn ended(end: TrialEnd, mut tasks: Vec<TaskRecord>) -> Self {
        tasks.sort_by_key(|t| t.index);
        TrialOutcome { tasks, end }
    }

    /// An outcome from tasks and output timed on the shared clock: their
    /// times become relative to `t0` (the dispatch) and the tasks are put
    /// in index order.
    pub fn from_tasks(
        t0: f64,
        wall_ms: f64,
        mut tasks: Vec<TaskRecord>,
        output: WorkloadOutput,
    ) -> Self {
        for t in &mut tasks {
            t.shift(t0);
        }
        TrialOutcome::ended(TrialEnd::new(wall_ms, output.shifted(t0)), tasks)
    }
}

/// A workload's output as the engine sends it: an externally tagged enum
/// (`{"race": {...}}`). The results file's form (untagged, flattened into
/// the run) needs serde's buffering deserialiser, which costs the page's
/// module about 5 KB gzip; this one reads straight through.
mod output_wire {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::report::{ConvoyStats, IoLatency, RaceCounts, WorkloadOutput};

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    enum Wire {
        Race(RaceCounts),
        Convoy(IoLatency, ConvoyStats),
        BlockedLoop([f64; 2]),
        None,
    }

    pub fn serialize<S: Serializer>(output: &WorkloadOutput, s: S) -> Result<S::Ok, S::Error> {
        match output.clone() {
            WorkloadOutput::Race { race } => Wire::Race(race),
            WorkloadOutput::Convoy {
                io_latency_ms,
                convoy,
            } => Wire::Convoy(io_latency_ms, convoy),
            WorkloadOutput::BlockedLoop { loop_blocked_ms } => Wire::BlockedLoop(loop_blocked_ms),
            WorkloadOutput::None {} => Wire::None,
        }
        .serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<WorkloadOutput, D::Error> {
        Ok(match Wire::deserialize(d)? {
            Wire::Race(race) => WorkloadOutput::Race { race },
            Wire::Convoy(io_latency_ms, convoy) => WorkloadOutput::Convoy {
                io_latency_ms,
                convoy,
            },
            Wire::BlockedLoop(loop_blocked_ms) => WorkloadOutput::BlockedLoop { loop_blocked_ms },
            Wire::None => WorkloadOutput::None {},
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip_and_are_tagged() {
        let req = EngineRequest::Trial {
            trial_id: 7,
            model: ModelId::Threads,
            job: Job::Fib { n: 25, tasks: 6 },
            switch_ms: 5,
        };
        let json = serde_json::to_value(&req).expect("serialise");
        assert_eq!(json["trial"]["job"]["fib"]["n"], 25);
        let back: EngineRequest = serde_json::from_value(json).expect("deserialise");
        assert_eq!(back, req);

        let ev = EngineEvent::TrialDone {
            trial_id: 7,
            end: TrialEnd::new(1.5, WorkloadOutput::None {}),
        };
        let back: EngineEvent =
            serde_json::from_str(&serde_json::to_string(&ev).expect("serialise")).expect("parse");
        assert_eq!(back, ev);
    }

    #[test]
    fn outcome_times_become_relative_and_ordered() {
        let tasks = vec![
            TaskRecord::fib(1, "engine".into(), 1_010.0, 1_020.0, 1),
            TaskRecord::fib(0, "engine".into(), 1_000.0, 1_010.0, 1),
        ];
        let out = TrialOutcome::from_tasks(1_000.0, 20.0, tasks, WorkloadOutput::None {});
        assert_eq!(out.tasks[0].index, 0);
        assert_eq!((out.tasks[1].start_ms, out.tasks[1].end_ms), (10.0, 20.0));
    }

    #[test]
    fn pool_ready_is_keyed_by_its_type() {
        let ev = EngineEvent::PoolReady(PoolInfo {
            threads: 2,
            start_ms: 90.0,
            warm_up_ms: 150.0,
        });
        let json = serde_json::to_value(&ev).expect("serialise");
        assert_eq!(json["pool-ready"]["threads"], 2);
        let back: EngineEvent = serde_json::from_value(json).expect("parse");
        assert_eq!(back, ev);
    }

    #[test]
    fn unknown_commands_are_rejected() {
        let bad = serde_json::json!({ "format-disk": {} });
        assert!(serde_json::from_value::<EngineRequest>(bad).is_err());
    }
}
