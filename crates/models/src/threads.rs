//! `threads`: rayon over the tasks, on wasm-bindgen-rayon's pool of Web
//! Worker threads. WASM threads share memory and have no GIL: this is true
//! parallelism, the browser's answer to Python's process pool.
//!
//! For fetch it is Python's `ThreadPoolExecutor(max_workers=P)` with blocking
//! `requests.get`: each of the P pool threads sends a synchronous request and
//! waits for it, so at most P requests are in flight.
//!
//! Must run in a worker: the calling thread blocks (`Atomics.wait`) until the
//! pool is done, which the page's own thread is not allowed to do. Results
//! stream back one by one so the page can show progress.

use std::sync::Arc;

use playground_core::protocol::engine::Job;
use playground_core::report::{TaskRecord, WorkloadOutput};
use playground_core::vocab::ModelId;
use playground_core::workloads::fetch::FetchPlan;
use playground_core::workloads::fib::{fib, max_tasks_per_steal};
use playground_web::clock::now_ms;
use playground_web::http;

use crate::model::{Host, Model, NotHere, Trial};
use crate::pool::{lane, Pool};
use crate::{convoy_pool, pipeline, race};

/// The `threads` model.
pub struct Threads;

impl Model for Threads {
    const ID: ModelId = ModelId::Threads;

    async fn run<H: Host>(host: &H, job: &Job) -> Result<Trial, NotHere> {
        let pool = host.pool()?;
        let emit = |t: &TaskRecord| host.emit(t);
        Ok(match job {
            Job::Fib { n, tasks } => Trial::tasks(run_fib(pool, *n, *tasks, &emit)),
            Job::Fetch { plan, .. } => Trial::tasks(run_fetch(pool, plan, &emit)),
            Job::Race { increments } => {
                let (tasks, race) = race::run_threads(pool, *increments, &emit);
                Trial::with(tasks, WorkloadOutput::Race { race })
            }
            Job::Pipeline { plan, n } => Trial::tasks(pipeline::run_threads(pool, plan, *n, &emit)),
            Job::Convoy { plan, cpu_threads } => {
                convoy_pool::run(pool, Self::ID, &plan.requests, *cpu_threads, host)
            }
        })
    }
}

/// Runs `tasks` x `fib(n)` in parallel; each task records the pool thread
/// that ran it (`thread-1` ...) and its times on the shared clock.
pub fn run_fib<P: Pool>(
    pool: &P,
    n: u32,
    tasks: u32,
    emit: &dyn Fn(&TaskRecord),
) -> Vec<TaskRecord> {
    pool.stream(tasks, max_tasks_per_steal(n), emit, move |index| {
        let start = now_ms();
        let value = fib(n);
        TaskRecord::fib(index, lane::<P>(), start, now_ms(), value)
    })
}

/// Sends the requests from the pool's threads, each blocking until its
/// answer; one request per work item, so a free thread takes the next.
fn run_fetch<P: Pool>(pool: &P, plan: &FetchPlan, emit: &dyn Fn(&TaskRecord)) -> Vec<TaskRecord> {
    let plan = Arc::new(plan.clone());
    let count = u32::try_from(plan.requests.len()).unwrap_or(u32::MAX);
    pool.stream(count, Some(1), emit, move |index| {
        let req = &plan.requests[index as usize];
        let start = now_ms();
        let outcome = http::fetch_blocking(req);
        TaskRecord::fetch(req.index, lane::<P>(), start, now_ms(), outcome)
    })
}
