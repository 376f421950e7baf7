//! Timing records and what is made of them: the results JSON
//! (`concurrency-playground/results@1`) and summary statistics. Pure.

mod csv_export;
pub mod isolation;
mod results;
mod stats;

pub use csv_export::to_csv;
pub use results::{
    ConfigEcho, Environment, Overheads, RaceCounts, Results, RunRecord, RunStatus, TaskRecord,
    TaskStatus, SCHEMA,
};
pub use stats::{lanes_used, max_overlap, overhead_per_task_ms, Summary};
