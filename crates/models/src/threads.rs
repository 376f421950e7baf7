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

use std::sync::mpsc;
use std::sync::Arc;

use rayon::prelude::*;

use playground_core::report::TaskRecord;
use playground_core::vocab::Lane;
use playground_core::workloads::fetch::FetchPlan;
use playground_core::workloads::fib::{fib, max_tasks_per_steal};
use playground_web::clock::now_ms;
use playground_web::http;

/// Runs `tasks` x `fib(n)` in parallel; each task records the pool thread
/// that ran it (`thread-1` ...) and its times on the shared clock.
pub fn run_fib(n: u32, tasks: u32, emit: &dyn Fn(&TaskRecord)) -> Vec<TaskRecord> {
    stream(tasks, max_tasks_per_steal(n), emit, move |index| {
        let start = now_ms();
        let value = fib(n);
        TaskRecord::fib(index, lane(), start, now_ms(), value)
    })
}

/// Sends the requests from the pool's threads, each blocking until its
/// answer; one request per work item, so a free thread takes the next.
pub fn run_fetch(plan: &FetchPlan, emit: &dyn Fn(&TaskRecord)) -> Vec<TaskRecord> {
    let plan = Arc::new(plan.clone());
    let count = u32::try_from(plan.requests.len()).unwrap_or(u32::MAX);
    stream(count, Some(1), emit, move |index| {
        let req = &plan.requests[index as usize];
        let start = now_ms();
        let outcome = http::fetch_blocking(req);
        TaskRecord::fetch(req.index, lane(), start, now_ms(), outcome)
    })
}

/// Runs `work(0..count)` on the pool and hands each record to `emit` as it
/// arrives; returns them all. `max_len` limits rayon's chunks (1: one item
/// per steal, for blocking work).
pub fn stream(
    count: u32,
    max_len: Option<usize>,
    emit: &dyn Fn(&TaskRecord),
    work: impl Fn(u32) -> TaskRecord + Send + Sync + 'static,
) -> Vec<TaskRecord> {
    let (tx, rx) = mpsc::channel();
    // Spawned, not joined, so this thread can pass results on as they come.
    rayon::spawn(move || {
        let items = (0..count).into_par_iter();
        let send = |tx: &mut mpsc::Sender<TaskRecord>, i: u32| {
            // The receiver outlives the run unless the engine is being torn down.
            let _ = tx.send(work(i));
        };
        match max_len {
            Some(len) => items.with_max_len(len).for_each_with(tx, send),
            None => items.for_each_with(tx, send),
        }
    });
    rx.iter()
        .take(count as usize)
        .inspect(|record| emit(record))
        .collect()
}

/// The lane name of the current rayon thread.
pub fn lane() -> String {
    match rayon::current_thread_index() {
        Some(k) => Lane::pool_thread(k).name(),
        None => Lane::Engine.name(),
    }
}
