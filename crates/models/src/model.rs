//! What a model is to the code that runs it: one [`Model`] per model, run
//! through a [`Host`] (the engine worker or the page), which hands it the
//! engine's thread pool, the page's process workers and its lane.

use std::future::Future;

use thiserror::Error;

use playground_core::protocol::engine::Job;
use playground_core::protocol::process::TaskItem;
use playground_core::report::{Overheads, TaskRecord, WorkloadOutput};
use playground_core::vocab::{ModelId, Workload};

use crate::pool::Pool;

/// One model: how it runs each workload it supports, wherever the registry
/// places it (`playground_core::models::registry` says where, what it
/// needs and how it is predicted).
pub trait Model {
    /// Its registry id.
    const ID: ModelId;

    /// Runs one trial of `job` on `host`. Each finished task goes to
    /// `host.emit` as soon as it is done, with times on the shared clock.
    fn run<H: Host>(host: &H, job: &Job) -> impl Future<Output = Result<Trial, NotHere>>;
}

/// What a trial produced.
pub struct Trial {
    /// Every task, on the shared clock.
    pub tasks: Vec<TaskRecord>,
    /// What the workload measured besides its tasks.
    pub output: WorkloadOutput,
    /// Costs reported apart from the trial's time.
    pub overheads: Overheads,
    /// Overheads too short for the clock (keys left out of `overheads`).
    pub below_resolution: Vec<String>,
    /// When the trial's time starts, where the model starts it after its
    /// dispatch (process workers: after they have started, a cost reported
    /// apart); `None`: at dispatch.
    pub started_ms: Option<f64>,
}

impl Trial {
    /// A trial timed from its dispatch with no extra output.
    pub fn tasks(tasks: Vec<TaskRecord>) -> Self {
        Trial::with(tasks, WorkloadOutput::None {})
    }

    /// A trial timed from its dispatch, with the workload's extra results.
    pub fn with(tasks: Vec<TaskRecord>, output: WorkloadOutput) -> Self {
        Trial {
            tasks,
            output,
            overheads: Overheads::new(),
            below_resolution: Vec::new(),
            started_ms: None,
        }
    }
}

/// Why a model did not run a job where it was sent.
#[derive(Debug, Error)]
pub enum NotHere {
    /// The model needs the engine's pool and there is none (why not).
    #[error("{0}")]
    NoPool(String),
    /// The model needs the page's process workers and this host has none.
    #[error("the {model} model's {workload} runs in process workers, which only the page starts")]
    NoProcesses { model: ModelId, workload: Workload },
    /// The model does not run this workload.
    #[error("the {model} model does not run the {workload} workload")]
    Workload { model: ModelId, workload: Workload },
    /// The process workers failed (their own reason).
    #[error("{0}")]
    Processes(String),
}

impl NotHere {
    /// `model` does not run `job`'s workload.
    pub fn workload(model: ModelId, job: &Job) -> Self {
        NotHere::Workload {
            model,
            workload: job.workload(),
        }
    }
}

/// Where a model runs: what it may use there.
pub trait Host {
    /// The engine's rayon pool, or a pool that cannot exist (the page).
    type Pool: Pool;

    /// Whether this host is the engine worker, whose own thread may run
    /// long loops; the page's thread must never (the registry places the
    /// engine's workloads there, and the page's module links none of them).
    const ENGINE: bool;

    /// The lane of the thread the host runs on (`engine`, `page`).
    fn lane(&self) -> &str;

    /// Hands a finished task on (the run's progress).
    fn emit(&self, task: &TaskRecord);

    /// The thread pool, or why there is none.
    fn pool(&self) -> Result<&Self::Pool, NotHere>;

    /// How many threads the experiment asked for (the pool's size; what
    /// `sequential` plays one after another in the race).
    fn threads(&self) -> u32;

    /// The GIL's switch interval, ms.
    fn switch_ms(&self) -> u32;

    /// Runs `items` (`model`'s `job`) in process workers, one task per
    /// message, and times it from when the workers have started.
    fn processes(
        &self,
        model: ModelId,
        job: &Job,
        items: Vec<TaskItem>,
    ) -> impl Future<Output = Result<Trial, NotHere>>;
}
