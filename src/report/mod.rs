//! Timing records and what is made of them: the results JSON
//! (`concurrency-playground/results@1`) and summary statistics. Pure.

mod convoy;
mod csv_export;
mod results;
mod stats;

pub use convoy::{ConvoyStats, IoLatency, SweepPoint};
pub use csv_export::to_csv;
pub use results::{
    ConfigEcho, Environment, Overheads, RaceCounts, Results, RunRecord, RunStatus, TaskRecord,
    TaskStatus, SCHEMA,
};
pub use stats::{lanes_used, max_overlap, overhead_per_task_ms, Summary};
