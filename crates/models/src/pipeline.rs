//! The `pipeline` workload: fetch each item, then compute fib(n) on it —
//! I/O and CPU work in one program (the "async core + process pool" of the
//! reference articles). Each task's fetch is recorded as a wait inside it.
//!
//! - sequential: one thread fetches (blocking) and computes, item by item;
//! - threads: each pool thread fetches and computes its items;
//! - async: the engine's event loop fetches every item at once and hands
//!   each response to the pool to compute (asyncio's `run_in_executor`).

use std::sync::Arc;

use futures::channel::mpsc;
use futures::StreamExt;

use playground_core::report::{TaskRecord, TaskStatus};
use playground_core::workloads::fetch::{FetchPlan, PlannedRequest};
use playground_core::workloads::fib::fib;
use playground_web::clock::now_ms;
use playground_web::http;

use crate::pool::{lane, Pool};

/// One item: the fetch (blocking), then the computation, on this thread.
fn item(req: &PlannedRequest, n: u32, lane: String) -> TaskRecord {
    let start = now_ms();
    let fetched = http::fetch_blocking(req);
    let arrived = now_ms();
    computed(req.index, n, lane, start, arrived, fetched)
}

/// The computation after a fetch that began at `start` and ended at `arrived`.
fn computed(
    index: u32,
    n: u32,
    lane: String,
    start: f64,
    arrived: f64,
    fetched: http::Outcome,
) -> TaskRecord {
    let mut record = TaskRecord::fetch(index, lane, start, arrived, fetched);
    if record.status == TaskStatus::Ok {
        record.value = Some(fib(n).to_string());
        record.end_ms = now_ms();
    }
    record.with_waits(vec![[start, arrived]])
}

/// Item by item on the calling thread.
pub fn run_sequential(
    plan: &FetchPlan,
    n: u32,
    lane_name: &str,
    emit: &dyn Fn(&TaskRecord),
) -> Vec<TaskRecord> {
    plan.requests
        .iter()
        .map(|req| {
            let record = item(req, n, lane_name.to_owned());
            emit(&record);
            record
        })
        .collect()
}

/// Items spread over the pool, each thread fetching and computing.
pub fn run_threads<P: Pool>(
    pool: &P,
    plan: &FetchPlan,
    n: u32,
    emit: &dyn Fn(&TaskRecord),
) -> Vec<TaskRecord> {
    let plan = Arc::new(plan.clone());
    let count = u32::try_from(plan.requests.len()).unwrap_or(u32::MAX);
    pool.stream(count, Some(1), emit, move |index| {
        item(&plan.requests[index as usize], n, lane::<P>())
    })
}

/// Every fetch in flight at once on this thread's event loop; each response
/// is computed on the pool as soon as it arrives.
pub async fn run_async<P: Pool>(
    pool: &P,
    plan: &FetchPlan,
    n: u32,
    emit: &dyn Fn(&TaskRecord),
) -> Vec<TaskRecord> {
    let (tx, mut rx) = mpsc::unbounded::<TaskRecord>();
    let fetches = plan.requests.iter().map(|req| {
        let tx = tx.clone();
        async move {
            let start = now_ms();
            let fetched = http::fetch_async(req).await;
            let arrived = now_ms();
            let index = req.index;
            // Offload the computation; the result comes back over the channel.
            pool.spawn(move || {
                let _ = tx.unbounded_send(computed(index, n, lane::<P>(), start, arrived, fetched));
            });
        }
    });
    futures::future::join_all(fetches).await;
    drop(tx);
    let mut records = Vec::with_capacity(plan.requests.len());
    while let Some(record) = rx.next().await {
        emit(&record);
        records.push(record);
    }
    records
}
