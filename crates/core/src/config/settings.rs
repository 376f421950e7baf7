//! The validated settings of one experiment: one typed field per [`Key`]
//! (read and written by key in `value.rs`) and the page's flags. Their
//! defaults are the table's (`table.rs`); `validate.rs` makes them.

use serde::{Deserialize, Serialize};

use super::key::Key;
use super::view::View;
use crate::vocab::{ModelId, Workload};
use crate::workloads::fetch::{FetchPlan, RequestParams};
use crate::workloads::latency::LatencySource;

/// Every setting's validated value, in its accepted range: what the URL
/// gave or the form shows, whichever workload is chosen. The experiment
/// itself is [`Settings::experiment`]; the page's flags are
/// [`Settings::page_flags`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub workload: Workload,
    pub models: Vec<ModelId>,
    pub n: u32,
    pub tasks: u32,
    pub threads: u32,
    pub repeat: u32,
    pub requests: u32,
    pub latency_ms: u32,
    pub jitter_ms: u32,
    pub concurrency: Option<u32>,
    pub url: Option<String>,
    pub switch_ms: u32,
    pub payload: u32,
    pub increments: u32,
    /// fetch, `async`: one coroutine blocks the loop this many ms.
    pub block_ms: Option<u32>,
    /// The lesson the page shows (one of the known lesson ids).
    pub lesson: Option<String>,
    pub autorun: bool,
    pub embed: bool,
    /// Embed: the controls the page shows (`None`: the compact default:
    /// the models, and every setting behind a "Settings" disclosure).
    #[serde(default)]
    pub controls: Option<Vec<Key>>,
    /// The learner can run and stop but not change the experiment.
    #[serde(default)]
    pub lock: bool,
    /// A page other than the playground (`view=class`).
    pub view: Option<View>,
    /// Projector mode: large type, high contrast, few controls.
    pub present: bool,
}

impl Settings {
    /// The requests these settings plan, against `source` (the caller
    /// chooses it from `url` and the page).
    pub fn fetch_plan(&self, source: &LatencySource) -> FetchPlan {
        let params = RequestParams {
            requests: self.requests,
            latency_ms: self.latency_ms,
            jitter_ms: self.jitter_ms,
            url: self.url.clone(),
        };
        FetchPlan::for_requests(&params, source)
    }

    /// How many tasks one run of a model has: fib tasks, requests, or (race)
    /// one per thread for each of the three counters.
    pub fn task_count(&self) -> u32 {
        self.experiment().task_count()
    }

    /// The defaults: the table's for the default workload (the reference
    /// CPU experiment, 20 x fib(35), on every model), with one thread per
    /// core (`default_threads`, clamped).
    pub fn defaults(default_threads: u32) -> Self {
        // Placeholders, each replaced by its row's default below.
        let mut s = Settings {
            workload: Workload::Fib,
            models: Vec::new(),
            n: 0,
            tasks: 0,
            threads: 0,
            repeat: 0,
            requests: 0,
            latency_ms: 0,
            jitter_ms: 0,
            concurrency: None,
            url: None,
            switch_ms: 0,
            payload: 0,
            increments: 0,
            block_ms: None,
            lesson: None,
            autorun: false,
            embed: false,
            controls: None,
            lock: false,
            view: None,
            present: false,
        };
        s.fill_defaults(default_threads);
        s
    }
}

/// The convoy's pool: one I/O thread and at least one CPU thread.
pub const CONVOY_MIN_THREADS: u32 = 2;

/// The default `requests` and `latency` of `workload`.
pub fn request_defaults(workload: Workload) -> (u32, u32) {
    let default = |k: Key| k.default_value(workload, 1).number().unwrap_or(0);
    (default(Key::Requests), default(Key::Latency))
}
