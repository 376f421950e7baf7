//! One model's record in the results JSON (`runs[]`): how it ended, its
//! wall times, overheads, tasks and what the page measured meanwhile.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::output::WorkloadOutput;
use super::task::TaskRecord;
use crate::vocab::{ModelId, Workload};

/// How a model's run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RunStatus {
    Ok,
    Failed,
    Skipped,
    Cancelled,
}

/// Named overheads of a run in ms, kept apart from the model's own wall
/// time. Keys are `vocab::OverheadKey::as_str` (`pool_start`, `warm_up`,
/// ...); kept as text so a reader of `results@1` accepts keys it does not
/// know.
pub type Overheads = BTreeMap<String, f64>;

/// One model's result: its trials of the workload, folded (the JSON's
/// shape, field by field, is `model_result_json`'s).
#[derive(Clone, Debug, PartialEq)]
pub struct ModelResult {
    pub model: ModelId,
    pub workload: Workload,
    pub status: RunStatus,
    pub skipped_reason: Option<String>,
    pub error: Option<String>,
    /// Wall time from dispatch to the last result; the median when repeated.
    pub wall_ms: Option<f64>,
    /// Every repetition's wall time, in run order.
    pub wall_ms_samples: Vec<f64>,
    pub wall_ms_min: Option<f64>,
    pub wall_ms_max: Option<f64>,
    pub overheads_ms: Overheads,
    /// The tasks of the median repetition.
    pub tasks: Vec<TaskRecord>,
    /// What the model should take from the settings alone (fetch with the
    /// simulated server), for comparison with `wall_ms`.
    pub predicted_ms: Option<f64>,
    /// The longest gap between the page's heartbeats (a 16 ms timer; in
    /// results of before 2026-11-27, its animation frames) during the run:
    /// how long the page could not respond.
    pub page_longest_gap_ms: Option<f64>,
    /// Gaps between heartbeats (before, frames) longer than 50 ms.
    pub page_long_frames: Option<u32>,
    /// The longest task the browser reported on the page's thread.
    pub page_longest_task_ms: Option<f64>,
    /// What the workload measured besides its tasks (`race`,
    /// `io_latency_ms` and `convoy`, `loop_blocked_ms`: fields of the run in
    /// the JSON, each only where its workload produced it; written and read
    /// by `model_result_json`).
    pub output: WorkloadOutput,
    /// Overheads that were there but too short for the page's clock
    /// (`environment.clock_resolution_ms`): left out of `overheads_ms`
    /// rather than reported as 0 (keys as there).
    pub overheads_below_resolution: Vec<String>,
}

impl ModelResult {
    /// A model that could not run here, with the reason.
    pub fn skipped(model: ModelId, workload: Workload, reason: impl Into<String>) -> Self {
        ModelResult {
            model,
            workload,
            status: RunStatus::Skipped,
            skipped_reason: Some(reason.into()),
            error: None,
            wall_ms: None,
            wall_ms_samples: Vec::new(),
            wall_ms_min: None,
            wall_ms_max: None,
            overheads_ms: Overheads::new(),
            tasks: Vec::new(),
            predicted_ms: None,
            page_longest_gap_ms: None,
            page_long_frames: None,
            page_longest_task_ms: None,
            output: WorkloadOutput::None {},
            overheads_below_resolution: Vec::new(),
        }
    }

    /// A finished run known only by its wall time (fixtures, summaries).
    pub fn finished(model: ModelId, workload: Workload, wall_ms: f64) -> Self {
        ModelResult {
            status: RunStatus::Ok,
            skipped_reason: None,
            wall_ms: Some(wall_ms),
            ..ModelResult::skipped(model, workload, "")
        }
    }

    /// A model that failed as a whole (as opposed to single tasks failing).
    pub fn failed(model: ModelId, workload: Workload, error: impl Into<String>) -> Self {
        ModelResult {
            status: RunStatus::Failed,
            skipped_reason: None,
            error: Some(error.into()),
            ..ModelResult::skipped(model, workload, "")
        }
    }
}
