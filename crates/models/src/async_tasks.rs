//! `async`: every task is a future on one thread's event loop, like
//! `asyncio.gather` over coroutines.
//!
//! For fetch (on the page) this is asyncio's home ground: all requests are in
//! flight at once (or `concurrency` at a time), and one thread waits for all.
//!
//! For CPU work it is the opposite lesson: futures that compute fib.
//! Where tasks yield: the recursion awaits at each of its top
//! [`YIELD_DEPTH`] levels (2^6 = 64 awaits per task), the way an `async def
//! fib` awaits its recursive calls. Each await goes back to the executor
//! through a resolved promise, so the other tasks get their turn. All tasks
//! are in progress at once, on one lane: concurrency without parallelism,
//! and the awaits cost time instead of saving it.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;

use futures::future::join_all;
use futures::StreamExt;
use wasm_bindgen_futures::JsFuture;

use playground_core::protocol::engine::Job;
use playground_core::report::{TaskRecord, WorkloadOutput};
use playground_core::vocab::ModelId;
use playground_core::workloads::fetch::{FetchPlan, PlannedRequest};
use playground_core::workloads::fib::fib;
use playground_web::clock::now_ms;
use playground_web::http;

use crate::model::{Host, Model, NotHere, Trial};
use crate::pipeline;

pub use playground_core::models::registry::YIELD_DEPTH;

/// The `async` model.
pub struct Async;

impl Model for Async {
    const ID: ModelId = ModelId::Async;

    async fn run<H: Host>(host: &H, job: &Job) -> Result<Trial, NotHere> {
        let (lane, emit) = (host.lane(), |t: &TaskRecord| host.emit(t));
        Ok(match job {
            // Its fib runs on the engine's event loop, never the page's.
            Job::Fib { .. } if !H::ENGINE => return Err(NotHere::workload(Self::ID, job)),
            Job::Fib { n, tasks } => Trial::tasks(run_fib(*n, *tasks, lane, &emit).await),
            Job::Fetch {
                plan,
                concurrency,
                block_ms,
            } => {
                let (tasks, blocked) = run_fetch(plan, *concurrency, *block_ms, lane, &emit).await;
                let output = blocked.map_or(WorkloadOutput::None {}, |loop_blocked_ms| {
                    WorkloadOutput::BlockedLoop { loop_blocked_ms }
                });
                Trial::with(tasks, output)
            }
            // The event loop fetches; the pool computes (run_in_executor).
            Job::Pipeline { plan, n } => {
                Trial::tasks(pipeline::run_async(host.pool()?, plan, *n, &emit).await)
            }
            Job::Race { .. } | Job::Convoy { .. } => return Err(NotHere::workload(Self::ID, job)),
        })
    }
}

/// Runs `tasks` x `fib(n)` as interleaved futures on the calling thread.
pub async fn run_fib(
    n: u32,
    tasks: u32,
    lane: &str,
    emit: &dyn Fn(&TaskRecord),
) -> Vec<TaskRecord> {
    let futures = (0..tasks).map(|index| async move {
        let start = now_ms();
        let value = fib_awaiting(n, YIELD_DEPTH).await;
        let record = TaskRecord::fib(index, lane.to_owned(), start, now_ms(), value);
        emit(&record);
        record
    });
    join_all(futures).await
}

/// Sends every request at once (or at most `concurrency` at a time) and
/// waits for all of them on the calling thread's event loop. With `block_ms`,
/// the last coroutine first makes a blocking call of that long (Python's
/// `time.sleep` inside a coroutine) while the others' requests are in
/// flight; returns when it held the loop (`[start, end]` on the shared clock).
pub async fn run_fetch(
    plan: &FetchPlan,
    concurrency: Option<u32>,
    block_ms: Option<u32>,
    lane: &str,
    emit: &dyn Fn(&TaskRecord),
) -> (Vec<TaskRecord>, Option<[f64; 2]>) {
    let blocked: Cell<Option<[f64; 2]>> = Cell::new(None);
    let last = plan.requests.len().saturating_sub(1);
    let one = |(i, req)| {
        let block = block_ms.filter(|_| i == last);
        one_request(req, block, lane, emit, &blocked)
    };
    let requests = plan.requests.iter().enumerate();
    let tasks = match concurrency {
        None => join_all(requests.map(one)).await,
        Some(limit) => {
            let limit = usize::try_from(limit).unwrap_or(usize::MAX).max(1);
            futures::stream::iter(requests.map(one))
                .buffer_unordered(limit)
                .collect()
                .await
        }
    };
    (tasks, blocked.get())
}

/// One request, after a blocking call of `block` ms when given (its
/// interval goes to `blocked`).
async fn one_request(
    req: &PlannedRequest,
    block: Option<u32>,
    lane: &str,
    emit: &dyn Fn(&TaskRecord),
    blocked: &Cell<Option<[f64; 2]>>,
) -> TaskRecord {
    let start = now_ms();
    if let Some(ms) = block {
        blocked.set(Some(block_loop(ms)));
    }
    let outcome = http::fetch_async(req).await;
    let record = TaskRecord::fetch(req.index, lane.to_owned(), start, now_ms(), outcome);
    emit(&record);
    record
}

/// Holds the calling thread for `ms`. A busy wait: the page's thread may not
/// block in `Atomics.wait`, and what matters is the same as for
/// `time.sleep` in a coroutine: nothing else runs on this loop meanwhile.
fn block_loop(ms: u32) -> [f64; 2] {
    let start = now_ms();
    http::spin_until(start + f64::from(ms));
    [start, now_ms()]
}

/// fib(n), awaiting between the two recursive calls at the top `depth` levels.
fn fib_awaiting(n: u32, depth: u32) -> Pin<Box<dyn Future<Output = u64>>> {
    Box::pin(async move {
        if depth == 0 || n < 2 {
            return fib(n);
        }
        let a = fib_awaiting(n - 2, depth - 1).await;
        yield_now().await;
        let b = fib_awaiting(n - 1, depth - 1).await;
        a + b
    })
}

/// Gives the other tasks a turn: resumes after a promise that is already resolved.
async fn yield_now() {
    // A resolved promise cannot reject; the result carries nothing.
    let _ = JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::UNDEFINED)).await;
}
