//! The results JSON: what a run produced, in the public schema
//! `concurrency-playground/results@1` (see the README's "Interface" section).
//!
//! Times are milliseconds as floats, relative to the start of the run that
//! recorded them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::isolation::Isolation;
use crate::config::{Settings, Workload};
use crate::models::ModelId;
use crate::workloads::latency::{Answer, LatencyKind};

/// The schema id carried by every results document.
pub const SCHEMA: &str = "concurrency-playground/results@1";

/// One results document: the environment, the settings and one record per model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub schema: String,
    pub app_version: String,
    pub environment: Environment,
    pub config: ConfigEcho,
    pub runs: Vec<RunRecord>,
}

impl Results {
    /// An empty document for `settings`, to which runs are added as they finish.
    pub fn new(environment: Environment, settings: &Settings) -> Self {
        Results {
            schema: SCHEMA.to_owned(),
            app_version: crate::APP_VERSION.to_owned(),
            environment,
            config: ConfigEcho::from(settings),
            runs: Vec::new(),
        }
    }

    /// Pretty JSON for downloads.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("results hold only JSON-safe values")
    }
}

/// What the browser offered for the run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Environment {
    pub user_agent: String,
    pub hardware_concurrency: u32,
    pub cross_origin_isolated: bool,
    pub threads_available: bool,
    /// Why threads are off, when they are.
    #[serde(default)]
    pub threads_unavailable_reason: Option<String>,
    /// Size of the thread pool the run used.
    #[serde(default)]
    pub pool_threads: Option<u32>,
    /// How long the pool took to start (once per page, not per run).
    #[serde(default)]
    pub pool_start_ms: Option<f64>,
    /// Page-to-engine message round trip (median of several pings).
    #[serde(default)]
    pub engine_round_trip_ms: Option<f64>,
    /// How the page got cross-origin isolated, as far as it can tell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isolation: Option<Isolation>,
    /// Whether the service worker supplied the isolation headers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isolation_by_service_worker: Option<bool>,
    /// Where the fetch workload's waiting came from (fetch and pipeline):
    /// `timers` is simulated waiting, not HTTP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency_source: Option<LatencyKind>,
}

/// The settings of the run, as the contract names them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConfigEcho {
    pub workload: Workload,
    pub models: Vec<ModelId>,
    pub threads: u32,
    pub repeat: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requests: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jitter: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concurrency: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub switch_ms: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub increments: Option<u32>,
}

impl From<&Settings> for ConfigEcho {
    fn from(s: &Settings) -> Self {
        let fib = matches!(s.workload, Workload::Fib | Workload::Pipeline);
        let fetch = matches!(s.workload, Workload::Fetch | Workload::Pipeline);
        ConfigEcho {
            workload: s.workload,
            models: s.models.clone(),
            threads: s.threads,
            repeat: s.repeat,
            n: fib.then_some(s.n),
            tasks: (s.workload == Workload::Fib).then_some(s.tasks),
            requests: fetch.then_some(s.requests),
            latency: fetch.then_some(s.latency_ms),
            jitter: fetch.then_some(s.jitter_ms),
            concurrency: (s.workload == Workload::Fetch)
                .then_some(s.concurrency)
                .flatten(),
            url: (s.workload == Workload::Fetch)
                .then(|| s.url.clone())
                .flatten(),
            switch_ms: s.models.contains(&ModelId::Gil).then_some(s.switch_ms),
            payload: s.models.contains(&ModelId::Processes).then_some(s.payload),
            increments: (s.workload == Workload::Race).then_some(s.increments),
        }
    }
}

/// How a model's run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RunStatus {
    Ok,
    Failed,
    Skipped,
    Cancelled,
}

/// How one task ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TaskStatus {
    Ok,
    Failed,
    Cancelled,
}

/// The `race` workload's final counts: what the counter should read, and
/// what it read without a lock, with an atomic add and with a mutex.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RaceCounts {
    pub expected: u64,
    pub unlocked: u64,
    pub atomic: u64,
    pub locked: u64,
}

impl RaceCounts {
    /// Updates lost by the unlocked counter.
    pub fn lost(&self) -> u64 {
        self.expected.saturating_sub(self.unlocked)
    }
}

/// Named overheads of a run in ms (`pool_start`, `warm_up`, ...), kept apart
/// from the model's own wall time.
pub type Overheads = BTreeMap<String, f64>;

/// One model's run of the workload.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunRecord {
    pub model: ModelId,
    pub workload: Workload,
    pub status: RunStatus,
    pub skipped_reason: Option<String>,
    pub error: Option<String>,
    /// Wall time from dispatch to the last result; the median when repeated.
    pub wall_ms: Option<f64>,
    /// Every repetition's wall time, in run order.
    #[serde(default)]
    pub wall_ms_samples: Vec<f64>,
    #[serde(default)]
    pub wall_ms_min: Option<f64>,
    #[serde(default)]
    pub wall_ms_max: Option<f64>,
    pub overheads_ms: Overheads,
    /// The tasks of the median repetition.
    pub tasks: Vec<TaskRecord>,
    /// What the model should take from the settings alone (fetch with the
    /// simulated server), for comparison with `wall_ms`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicted_ms: Option<f64>,
    /// The longest gap between the page's animation frames during the run:
    /// how long the page could not respond.
    #[serde(default)]
    pub page_longest_gap_ms: Option<f64>,
    /// Frames that took longer than 50 ms.
    #[serde(default)]
    pub page_long_frames: Option<u32>,
    /// The longest task the browser reported on the page's thread.
    #[serde(default)]
    pub page_longest_task_ms: Option<f64>,
    /// `race`: the counters' final values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub race: Option<RaceCounts>,
}

impl RunRecord {
    /// A model that could not run here, with the reason.
    pub fn skipped(model: ModelId, workload: Workload, reason: impl Into<String>) -> Self {
        RunRecord {
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
            race: None,
        }
    }

    /// A finished run known only by its wall time (fixtures, summaries).
    pub fn finished(model: ModelId, workload: Workload, wall_ms: f64) -> Self {
        RunRecord {
            status: RunStatus::Ok,
            skipped_reason: None,
            wall_ms: Some(wall_ms),
            ..RunRecord::skipped(model, workload, "")
        }
    }

    /// A model that failed as a whole (as opposed to single tasks failing).
    pub fn failed(model: ModelId, workload: Workload, error: impl Into<String>) -> Self {
        RunRecord {
            status: RunStatus::Failed,
            skipped_reason: None,
            error: Some(error.into()),
            ..RunRecord::skipped(model, workload, "")
        }
    }
}

/// One task: where it ran, when, and what it produced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TaskRecord {
    pub index: u32,
    /// `page`, `engine`, `thread-<k>` or `process-<k>`.
    pub lane: String,
    pub start_ms: f64,
    pub end_ms: f64,
    pub status: TaskStatus,
    /// fib: the decimal result.
    pub value: Option<String>,
    pub error: Option<String>,
    /// fetch: the HTTP status, when a response arrived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
    /// fetch: the body size in bytes, when a response arrived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
    /// `gil`: total time the task waited for the global lock, ms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait_ms: Option<f64>,
    /// `gil`: the intervals it waited (`[start, end]`, ms), for the timeline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waits: Vec<[f64; 2]>,
    /// fetch without a service worker: the task was a simulated wait on a
    /// timer, not an HTTP request.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub simulated_wait: bool,
}

impl TaskRecord {
    /// A finished fib task.
    pub fn fib(index: u32, lane: String, start_ms: f64, end_ms: f64, value: u64) -> Self {
        TaskRecord {
            index,
            lane,
            start_ms,
            end_ms,
            status: TaskStatus::Ok,
            value: Some(value.to_string()),
            error: None,
            http_status: None,
            bytes: None,
            wait_ms: None,
            waits: Vec::new(),
            simulated_wait: false,
        }
    }

    /// A finished fetch task: a response with `http_status` (a failure from
    /// 400 up), a simulated wait, or an error before any response.
    pub fn fetch(
        index: u32,
        lane: String,
        start_ms: f64,
        end_ms: f64,
        outcome: Result<Answer, String>,
    ) -> Self {
        let outcome_waited = outcome == Ok(Answer::Waited);
        let (status, error, http_status, bytes) = match outcome {
            Ok(Answer::Waited) => (TaskStatus::Ok, None, None, None),
            Ok(Answer::Http {
                status: code,
                bytes,
            }) if code < 400 => (TaskStatus::Ok, None, Some(code), Some(bytes)),
            Ok(Answer::Http {
                status: code,
                bytes,
            }) => (
                TaskStatus::Failed,
                Some(format!("HTTP {code}: the server answered with an error")),
                Some(code),
                Some(bytes),
            ),
            Err(e) => (TaskStatus::Failed, Some(e), None, None),
        };
        TaskRecord {
            index,
            lane,
            start_ms,
            end_ms,
            status,
            value: None,
            error,
            http_status,
            bytes,
            wait_ms: None,
            waits: Vec::new(),
            simulated_wait: outcome_waited,
        }
    }

    /// Records the intervals the task waited for a lock.
    pub fn with_waits(mut self, waits: Vec<[f64; 2]>) -> Self {
        self.wait_ms = Some(waits.iter().map(|[s, e]| e - s).sum());
        self.waits = waits;
        self
    }

    /// Makes the task's times relative to `t0`.
    pub fn shift(&mut self, t0: f64) {
        self.start_ms -= t0;
        self.end_ms -= t0;
        for w in &mut self.waits {
            w[0] -= t0;
            w[1] -= t0;
        }
    }

    /// The task's duration.
    pub fn duration_ms(&self) -> f64 {
        self.end_ms - self.start_ms
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Results {
        let mut settings = Settings::defaults(2);
        settings.n = 32;
        settings.tasks = 1;
        let env = Environment {
            user_agent: "test".into(),
            hardware_concurrency: 2,
            cross_origin_isolated: true,
            threads_available: true,
            threads_unavailable_reason: None,
            pool_threads: Some(2),
            pool_start_ms: Some(95.0),
            engine_round_trip_ms: Some(0.4),
            isolation: Some(Isolation::DocumentIsolationPolicy),
            isolation_by_service_worker: Some(false),
            latency_source: None,
        };
        let mut results = Results::new(env, &settings);
        let mut overheads = Overheads::new();
        overheads.insert("pool_start".into(), 95.0);
        results.runs.push(RunRecord {
            model: ModelId::Threads,
            workload: Workload::Fib,
            status: RunStatus::Ok,
            skipped_reason: None,
            error: None,
            wall_ms: Some(41.2),
            wall_ms_samples: vec![41.2],
            wall_ms_min: Some(41.2),
            wall_ms_max: Some(41.2),
            overheads_ms: overheads,
            tasks: vec![TaskRecord::fib(0, "thread-1".into(), 0.3, 20.1, 2_178_309)],
            predicted_ms: None,
            page_longest_gap_ms: Some(16.7),
            page_long_frames: Some(0),
            page_longest_task_ms: None,
            race: None,
        });
        results.runs.push(RunRecord::skipped(
            ModelId::Async,
            Workload::Fib,
            "not here",
        ));
        results
    }

    #[test]
    fn json_has_the_contract_shape() {
        let json: serde_json::Value =
            serde_json::from_str(&sample().to_json_pretty()).expect("valid JSON");
        assert_eq!(json["schema"], "concurrency-playground/results@1");
        assert_eq!(json["environment"]["hardware_concurrency"], 2);
        assert_eq!(json["config"]["workload"], "fib");
        assert_eq!(json["config"]["n"], 32);
        assert!(json["config"].get("requests").is_none());
        let run = &json["runs"][0];
        assert_eq!(run["model"], "threads");
        assert_eq!(run["status"], "ok");
        assert_eq!(run["skipped_reason"], serde_json::Value::Null);
        assert_eq!(run["overheads_ms"]["pool_start"], 95.0);
        let task = &run["tasks"][0];
        assert_eq!(task["lane"], "thread-1");
        assert_eq!(task["value"], "2178309");
        assert_eq!(task["error"], serde_json::Value::Null);
        assert!(task.get("http_status").is_none());
        assert_eq!(json["runs"][1]["status"], "skipped");
        assert_eq!(json["runs"][1]["skipped_reason"], "not here");
        assert_eq!(json["runs"][1]["wall_ms"], serde_json::Value::Null);
    }

    #[test]
    fn fetch_tasks_carry_status_and_bytes_or_an_error() {
        let http = |status, bytes| Ok(Answer::Http { status, bytes });
        let ok = TaskRecord::fetch(0, "page".into(), 0.0, 150.0, http(200, 2048));
        assert_eq!(
            (ok.status, ok.http_status, ok.bytes),
            (TaskStatus::Ok, Some(200), Some(2048))
        );
        let json = serde_json::to_value(&ok).expect("serialise");
        assert_eq!(json["http_status"], 200);
        assert_eq!(json["bytes"], 2048);
        assert_eq!(json["value"], serde_json::Value::Null);

        let server_error = TaskRecord::fetch(1, "page".into(), 0.0, 1.0, http(500, 0));
        assert_eq!(server_error.status, TaskStatus::Failed);
        assert!(server_error
            .error
            .as_deref()
            .is_some_and(|e| e.contains("HTTP 500")));

        let unreachable = TaskRecord::fetch(2, "page".into(), 0.0, 1.0, Err("no response".into()));
        assert_eq!(
            (unreachable.status, unreachable.http_status),
            (TaskStatus::Failed, None)
        );
        assert!(!ok.simulated_wait && json.get("simulated_wait").is_none());

        let waited = TaskRecord::fetch(3, "page".into(), 0.0, 150.0, Ok(Answer::Waited));
        assert_eq!(
            (waited.status, waited.http_status, waited.simulated_wait),
            (TaskStatus::Ok, None, true)
        );
        let json = serde_json::to_value(&waited).expect("serialise");
        assert_eq!(json["simulated_wait"], true);
    }

    #[test]
    fn json_round_trips() {
        let results = sample();
        let back: Results =
            serde_json::from_str(&results.to_json_pretty()).expect("parse own output");
        assert_eq!(back, results);
    }
}
