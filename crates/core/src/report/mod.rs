//! Timing records and what is made of them: the results JSON
//! (`concurrency-playground/results@1`) and summary statistics. Pure.

mod config_echo;
mod convoy;
mod csv_export;
pub mod isolation;
mod model_result;
mod model_result_json;
mod output;
mod results;
mod stats;
mod sweep;
mod task;

pub use config_echo::ConfigEcho;
pub use convoy::{ConvoyStats, IoLatency, SweepPoint};
pub use csv_export::to_csv;
pub use model_result::{ModelResult, Overheads, RunStatus};
pub use output::{RaceCounts, WorkloadOutput};
pub use results::{Environment, Results, SCHEMA};
pub use stats::{lanes_used, max_overlap, overhead_per_task_ms, Summary, SPREAD_LIMIT};
pub use sweep::Sweep;
pub use task::{TaskRecord, TaskStatus};
