//! `sequential`: one thing after another on one thread, the baseline every
//! model is compared with. fib runs as a loop in the engine worker; fetch
//! awaits each request before sending the next (on the page: waiting does
//! not block it).
//!
//! `main-thread` (its own module) is the same loop on the page's own
//! thread: the twin that shows what blocking the event loop does.

use playground_core::protocol::engine::Job;
use playground_core::report::{TaskRecord, WorkloadOutput};
use playground_core::vocab::ModelId;
use playground_core::workloads::fetch::FetchPlan;
use playground_core::workloads::fib::fib;
use playground_web::clock::now_ms;
use playground_web::http;

use crate::model::{Host, Model, NotHere, Trial};
use crate::{pipeline, race};

/// The `sequential` model.
pub struct Sequential;

impl Model for Sequential {
    const ID: ModelId = ModelId::Sequential;

    async fn run<H: Host>(host: &H, job: &Job) -> Result<Trial, NotHere> {
        let (lane, emit) = (host.lane(), |t: &TaskRecord| host.emit(t));
        Ok(match job {
            // The engine's loops; on the page these are `main-thread`'s.
            Job::Fib { .. } | Job::Race { .. } | Job::Pipeline { .. } if !H::ENGINE => {
                return Err(NotHere::workload(Self::ID, job))
            }
            Job::Fib { n, tasks } => Trial::tasks(run_fib(*n, *tasks, lane, &emit)),
            Job::Fetch { plan, .. } => Trial::tasks(run_fetch(plan, lane, &emit).await),
            Job::Race { increments } => {
                let (tasks, race) = race::run_sequential(host.threads(), *increments, lane, &emit);
                Trial::with(tasks, WorkloadOutput::Race { race })
            }
            Job::Pipeline { plan, n } => {
                Trial::tasks(pipeline::run_sequential(plan, *n, lane, &emit))
            }
            Job::Convoy { .. } => return Err(NotHere::workload(Self::ID, job)),
        })
    }
}

/// Runs `tasks` x `fib(n)` one after another on the calling thread. Times
/// are on the shared clock (absolute); each record goes to `emit` as soon
/// as its task is done.
pub fn run_fib(n: u32, tasks: u32, lane: &str, emit: &dyn Fn(&TaskRecord)) -> Vec<TaskRecord> {
    (0..tasks)
        .map(|index| {
            let start = now_ms();
            let value = fib(n);
            let record = TaskRecord::fib(index, lane.to_owned(), start, now_ms(), value);
            emit(&record);
            record
        })
        .collect()
}

/// Sends the requests one at a time, each after the previous answered.
pub async fn run_fetch(
    plan: &FetchPlan,
    lane: &str,
    emit: &dyn Fn(&TaskRecord),
) -> Vec<TaskRecord> {
    let mut records = Vec::with_capacity(plan.requests.len());
    for req in &plan.requests {
        let start = now_ms();
        let outcome = http::fetch_async(req).await;
        let record = TaskRecord::fetch(req.index, lane.to_owned(), start, now_ms(), outcome);
        emit(&record);
        records.push(record);
    }
    records
}

/// Blocking requests one after another on the calling thread. On the page
/// (`main-thread`) this freezes it for the whole run, like blocking I/O
/// inside an asyncio coroutine.
pub fn run_fetch_blocking(plan: &FetchPlan, lane: &str) -> Vec<TaskRecord> {
    plan.requests
        .iter()
        .map(|req| {
            let start = now_ms();
            let outcome = http::fetch_blocking(req);
            TaskRecord::fetch(req.index, lane.to_owned(), start, now_ms(), outcome)
        })
        .collect()
}
