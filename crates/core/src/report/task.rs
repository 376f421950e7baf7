//! One task in the results JSON (`runs[].tasks[]`): where it ran, when,
//! and what it produced.

use serde::{Deserialize, Serialize};

use crate::vocab::FetchError;
use crate::workloads::latency::Answer;

/// How one task ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TaskStatus {
    Ok,
    Failed,
    Cancelled,
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
        TaskRecord::valued(index, lane, start_ms, end_ms, value)
    }

    /// A finished `race` task: `value` is the additions it made.
    pub fn race(index: u32, lane: String, start_ms: f64, end_ms: f64, additions: u64) -> Self {
        TaskRecord::valued(index, lane, start_ms, end_ms, additions)
    }

    /// A finished task that produced a number.
    fn valued(index: u32, lane: String, start_ms: f64, end_ms: f64, value: u64) -> Self {
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
        outcome: Result<Answer, FetchError>,
    ) -> Self {
        let simulated_wait = outcome == Ok(Answer::Waited);
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
            Err(e) => (TaskStatus::Failed, Some(e.to_string()), None, None),
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
            simulated_wait,
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
