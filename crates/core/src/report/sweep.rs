//! A thread sweep's result: one model measured on 1, 2, ... k threads.

use crate::vocab::ModelId;

/// A thread sweep: one model measured on 1..=k threads. Serde: the sweep
/// result is drawn by the results module (`crate::protocol::remote`).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Sweep {
    pub model: ModelId,
    pub max_threads: u32,
    /// `(threads, wall_ms)`, in the order measured.
    pub measured: Vec<(u32, f64)>,
    pub running: bool,
    pub error: Option<String>,
}
