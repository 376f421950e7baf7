//! `sequential`: one thing after another on one thread, the baseline every
//! model is compared with. fib runs as a loop in the engine worker; fetch
//! awaits each request before sending the next (on the page: waiting does
//! not block it).

use super::http;
use crate::clock::now_ms;
use crate::report::TaskRecord;
use crate::workloads::fetch::FetchPlan;
use crate::workloads::fib::fib;

/// Runs `tasks` x `fib(n)` one after another on the calling thread.
/// Times are on the shared clock (absolute).
pub fn run_fib(n: u32, tasks: u32, lane: &str) -> Vec<TaskRecord> {
    (0..tasks)
        .map(|index| {
            let start = now_ms();
            let value = fib(n);
            TaskRecord::fib(index, lane.to_owned(), start, now_ms(), value)
        })
        .collect()
}

/// Sends the requests one at a time, each after the previous answered.
pub async fn run_fetch(plan: &FetchPlan, lane: &str) -> Vec<TaskRecord> {
    let mut records = Vec::with_capacity(plan.requests.len());
    for req in &plan.requests {
        let start = now_ms();
        let outcome = http::fetch_async(req).await;
        records.push(TaskRecord::fetch(
            req.index,
            lane.to_owned(),
            start,
            now_ms(),
            outcome,
        ));
    }
    records
}
