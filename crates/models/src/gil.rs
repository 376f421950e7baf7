//! `gil`: the thread model with Python's global interpreter lock. The same
//! rayon threads, but a thread must hold the one lock (`gil_lock::Gil`) to compute; it
//! hands the lock over every switch interval when another thread waits, and
//! lets go of it while waiting on I/O.
//!
//! fib: no speedup over `sequential` (a little slower: the hand-overs cost).
//! fetch: requests still overlap, because waiting releases the lock. Each
//! task records the intervals it waited for the lock.

use std::sync::Arc;

use playground_core::models::gil_lock::{Gil as Lock, Holder};
use playground_core::protocol::engine::Job;
use playground_core::report::TaskRecord;
use playground_core::vocab::ModelId;
use playground_core::workloads::fetch::FetchPlan;
use playground_core::workloads::fib::fib;
use playground_web::clock::now_ms;
use playground_web::http;

use crate::convoy_pool;
use crate::model::{Host, Model, NotHere, Trial};
use crate::pool::{lane, Pool};

/// The `gil` model.
pub struct Gil;

impl Model for Gil {
    const ID: ModelId = ModelId::Gil;

    async fn run<H: Host>(host: &H, job: &Job) -> Result<Trial, NotHere> {
        let pool = host.pool()?;
        let emit = |t: &TaskRecord| host.emit(t);
        let switch_ms = host.switch_ms();
        match job {
            Job::Fib { n, tasks } => Ok(Trial::tasks(run_fib(pool, *n, *tasks, switch_ms, &emit))),
            Job::Fetch { plan, .. } => Ok(Trial::tasks(run_fetch(pool, plan, switch_ms, &emit))),
            Job::Convoy { plan, cpu_threads } => Ok(convoy_pool::run(
                pool,
                Self::ID,
                &plan.requests,
                *cpu_threads,
                host,
            )),
            Job::Race { .. } | Job::Pipeline { .. } => Err(NotHere::workload(Self::ID, job)),
        }
    }
}

/// Below this n, fib runs without checking the switch interval (fib(20)
/// takes tens of microseconds: the interval is checked often enough).
const CHECK_N: u32 = 20;

/// Runs `tasks` x `fib(n)` on the pool, one thread at a time.
fn run_fib<P: Pool>(
    pool: &P,
    n: u32,
    tasks: u32,
    switch_ms: u32,
    emit: &dyn Fn(&TaskRecord),
) -> Vec<TaskRecord> {
    let gil = Arc::new(Lock::new(switch_ms, now_ms));
    pool.stream(tasks, None, emit, move |index| {
        let start = now_ms();
        let mut holder = gil.acquire(thread_id::<P>());
        let value = fib_checked(n, &mut holder);
        let end = now_ms();
        TaskRecord::fib(index, lane::<P>(), start, end, value).with_waits(holder.finish())
    })
}

/// Sends the requests from the pool's threads; each holds the lock except
/// while it waits for its answer.
fn run_fetch<P: Pool>(
    pool: &P,
    plan: &FetchPlan,
    switch_ms: u32,
    emit: &dyn Fn(&TaskRecord),
) -> Vec<TaskRecord> {
    let gil = Arc::new(Lock::new(switch_ms, now_ms));
    let plan = Arc::new(plan.clone());
    let count = u32::try_from(plan.requests.len()).unwrap_or(u32::MAX);
    pool.stream(count, Some(1), emit, move |index| {
        let req = &plan.requests[index as usize];
        let start = now_ms();
        let mut holder = gil.acquire(thread_id::<P>());
        let outcome = holder.released(|| http::fetch_blocking(req));
        let end = now_ms();
        TaskRecord::fetch(req.index, lane::<P>(), start, end, outcome).with_waits(holder.finish())
    })
}

/// fib(n) that offers the lock to waiting threads as it goes.
fn fib_checked(n: u32, holder: &mut Holder<'_>) -> u64 {
    if n <= CHECK_N {
        holder.check();
        fib(n)
    } else {
        fib_checked(n - 2, holder) + fib_checked(n - 1, holder)
    }
}

fn thread_id<P: Pool>() -> u32 {
    P::thread_index()
        .and_then(|k| u32::try_from(k).ok())
        .unwrap_or(u32::MAX)
}
