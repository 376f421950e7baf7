//! `sequential`: one loop on one thread, the baseline every model is compared with.

use crate::clock::now_ms;
use crate::report::TaskRecord;
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
