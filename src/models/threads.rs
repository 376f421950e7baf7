//! `threads`: rayon over the tasks, on wasm-bindgen-rayon's pool of Web
//! Worker threads. WASM threads share memory and have no GIL: this is true
//! parallelism, the browser's answer to Python's process pool.
//!
//! For fetch it is Python's `ThreadPoolExecutor(max_workers=P)` with blocking
//! `requests.get`: each of the P pool threads sends a synchronous request and
//! waits for it, so at most P requests are in flight.
//!
//! Must run in a worker: the calling thread blocks (`Atomics.wait`) until the
//! pool is done, which the page's own thread is not allowed to do.

use rayon::prelude::*;

use super::http;
use crate::clock::now_ms;
use crate::report::TaskRecord;
use crate::workloads::fetch::FetchPlan;
use crate::workloads::fib::fib;

/// Runs `tasks` x `fib(n)` in parallel; each task records the pool thread
/// that ran it (`thread-1` ...) and its times on the shared clock.
pub fn run_fib(n: u32, tasks: u32) -> Vec<TaskRecord> {
    (0..tasks)
        .into_par_iter()
        .map(|index| {
            let start = now_ms();
            let value = fib(n);
            let end = now_ms();
            TaskRecord::fib(index, lane(), start, end, value)
        })
        .collect()
}

/// Sends the requests from the pool's threads, each blocking until its
/// answer; one request per work item, so a free thread takes the next.
pub fn run_fetch(plan: &FetchPlan) -> Vec<TaskRecord> {
    plan.requests
        .par_iter()
        .with_max_len(1)
        .map(|req| {
            let start = now_ms();
            let outcome = http::fetch_blocking(req);
            TaskRecord::fetch(req.index, lane(), start, now_ms(), outcome)
        })
        .collect()
}

/// The lane name of the current rayon thread.
fn lane() -> String {
    match rayon::current_thread_index() {
        Some(k) => format!("thread-{}", k + 1),
        None => "engine".to_owned(),
    }
}
