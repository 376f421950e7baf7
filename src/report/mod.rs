//! Timing records and what is made of them: the results JSON
//! (`concurrency-playground/results@1`) and summary statistics. Pure.

mod results;
mod stats;

pub use results::{
    ConfigEcho, Environment, Overheads, RaceCounts, Results, RunRecord, RunStatus, TaskRecord,
    TaskStatus, SCHEMA,
};
pub use stats::{lanes_used, max_overlap, overhead_per_task_ms, Summary};
