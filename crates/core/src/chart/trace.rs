//! A run as a Chrome trace (the JSON "trace event format" that Perfetto UI
//! and `chrome://tracing` open): one process per model, one thread per lane,
//! a complete event (`"ph": "X"`, `ts`/`dur` in microseconds) per task and
//! per wait inside a task, instant events for the overheads reported apart.
//!
//! Chart data for an external viewer, beside the SVG charts' series. Pure:
//! it reads a [`Results`] document and writes JSON; it never touches
//! the browser. The format is Google's "Trace Event Format" document
//! (<https://docs.google.com/document/d/1CvAClvFfyA5R-PhYUmn5OOQtYMH4h6I0nSsKchNAySU>);
//! Perfetto's importer is described at
//! <https://perfetto.dev/docs/getting-started/other-formats>.
//!
//! Layout, for a reader of the file:
//! - `pid` = 1 + the model's index in `runs`; `process_name` = the model id.
//! - `tid` 0 (`run`): one `wall time` event from 0 to `wall_ms`, and one
//!   instant event per overhead (`pool_start`, `warm_up`, `process_start`,
//!   `serialize_copy`, ...) at 0, whose `args.ms` is its duration. Overheads
//!   are reported apart from the model's time, so they are not drawn inside it.
//! - `tid` 1.. : the lanes in natural order (`thread-2` before `thread-10`).
//!   Tasks that overlap on one lane (many in flight on one event loop) are
//!   stacked on extra threads named `<lane> · 2`, `<lane> · 3`, ..., because
//!   complete events on one thread must nest.
//! - categories: `compute` (a task that computed), `io` (a fetch: waiting for
//!   a response; also the fetch part of a pipeline task), `gil` (waiting for
//!   the global lock), `run`, `overhead`, `skipped`.

use serde::Serialize;
use serde_json::{json, Map, Value};

use std::collections::BTreeMap;

use super::lanes::{timeline_lanes, LaneBar};
use crate::report::{ModelResult, Results, RunStatus, TaskRecord, TaskStatus};
use crate::vocab::ModelId;

/// Microseconds per millisecond: trace timestamps are in microseconds.
const US_PER_MS: f64 = 1000.0;

/// A whole trace file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Trace {
    #[serde(rename = "traceEvents")]
    pub trace_events: Vec<TraceEvent>,
    /// How the viewer labels times (the data itself is in microseconds).
    #[serde(rename = "displayTimeUnit")]
    pub display_time_unit: &'static str,
    /// The run's schema, app version, environment and settings.
    #[serde(rename = "otherData")]
    pub other_data: Value,
}

/// The event phases this builder writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Phase {
    /// A complete event: `ts` and `dur`.
    #[serde(rename = "X")]
    Complete,
    /// An instant event at `ts`.
    #[serde(rename = "i")]
    Instant,
    /// Metadata: process and thread names and sort order.
    #[serde(rename = "M")]
    Metadata,
}

/// One trace event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TraceEvent {
    pub name: String,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub cat: String,
    pub ph: Phase,
    /// Microseconds from the model's start.
    pub ts: f64,
    /// Microseconds; complete events only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dur: Option<f64>,
    pub pid: u32,
    pub tid: u32,
    /// Instant events: their scope (`t`: the thread).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s: Option<&'static str>,
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub args: Map<String, Value>,
}

impl TraceEvent {
    fn meta(name: &str, pid: u32, tid: u32, args: Value) -> Self {
        TraceEvent {
            name: name.to_owned(),
            cat: String::new(),
            ph: Phase::Metadata,
            ts: 0.0,
            dur: None,
            pid,
            tid,
            s: None,
            args: as_map(args),
        }
    }

    fn complete(name: String, cat: &str, span: [f64; 2], at: (u32, u32), args: Value) -> Self {
        TraceEvent {
            name,
            cat: cat.to_owned(),
            ph: Phase::Complete,
            ts: span[0] * US_PER_MS,
            dur: Some((span[1] - span[0]).max(0.0) * US_PER_MS),
            pid: at.0,
            tid: at.1,
            s: None,
            args: as_map(args),
        }
    }

    fn instant(name: String, cat: &str, pid: u32, args: Value) -> Self {
        TraceEvent {
            name,
            cat: cat.to_owned(),
            ph: Phase::Instant,
            ts: 0.0,
            dur: None,
            pid,
            tid: 0,
            s: Some("t"),
            args: as_map(args),
        }
    }
}

fn as_map(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// The trace of a results document.
pub fn build_trace(results: &Results) -> Trace {
    let mut events = Vec::new();
    for (i, run) in results.runs.iter().enumerate() {
        let pid = u32::try_from(i + 1).unwrap_or(u32::MAX);
        model_events(run, pid, &mut events);
    }
    Trace {
        trace_events: events,
        display_time_unit: "ms",
        other_data: json!({
            "schema": results.schema,
            "app_version": results.app_version,
            "user_agent": results.environment.user_agent,
            "hardware_concurrency": results.environment.hardware_concurrency,
            "cross_origin_isolated": results.environment.cross_origin_isolated,
            "config": serde_json::to_value(&results.config).unwrap_or(Value::Null),
        }),
    }
}

/// The trace as compact JSON text, ready to download.
pub fn trace_json(results: &Results) -> String {
    serde_json::to_string(&build_trace(results))
        .expect("a trace holds only strings, numbers and JSON maps")
}

/// The file a trace downloads as: `trace-<workload>-<model>-<model>....json`,
/// the models in run order (ids are lower-case letters and `-` only).
pub fn trace_file_name(results: &Results) -> String {
    let mut name = format!("trace-{}", results.config.workload.as_str());
    let mut seen: Vec<&str> = Vec::new();
    for run in &results.runs {
        let id = run.model.as_str();
        if !seen.contains(&id) {
            seen.push(id);
            name.push('-');
            name.push_str(id);
        }
    }
    name.push_str(".json");
    name
}

fn status_str(status: RunStatus) -> &'static str {
    match status {
        RunStatus::Ok => "ok",
        RunStatus::Failed => "failed",
        RunStatus::Skipped => "skipped",
        RunStatus::Cancelled => "cancelled",
    }
}

fn model_events(run: &ModelResult, pid: u32, out: &mut Vec<TraceEvent>) {
    let model = run.model.as_str();
    out.push(TraceEvent::meta(
        "process_name",
        pid,
        0,
        json!({ "name": model }),
    ));
    out.push(TraceEvent::meta(
        "process_sort_index",
        pid,
        0,
        json!({ "sort_index": pid }),
    ));
    out.push(TraceEvent::meta(
        "thread_name",
        pid,
        0,
        json!({ "name": "run" }),
    ));
    out.push(TraceEvent::meta(
        "thread_sort_index",
        pid,
        0,
        json!({ "sort_index": 0 }),
    ));
    let status = status_str(run.status);
    if let Some(wall) = run.wall_ms {
        out.push(TraceEvent::complete(
            "wall time".to_owned(),
            "run",
            [0.0, wall],
            (pid, 0),
            json!({
                "model": model,
                "workload": run.workload.as_str(),
                "status": status,
                "wall_ms": wall,
                "wall_ms_samples": run.wall_ms_samples,
                "wall_ms_min": run.wall_ms_min,
                "wall_ms_max": run.wall_ms_max,
                "page_longest_gap_ms": run.page_longest_gap_ms,
                "page_long_frames": run.page_long_frames,
            }),
        ));
    }
    if let Some(reason) = run.skipped_reason.as_deref().or(run.error.as_deref()) {
        out.push(TraceEvent::instant(
            format!("{status}: {reason}"),
            "skipped",
            pid,
            json!({ "status": status, "reason": reason }),
        ));
    }
    for (name, ms) in &run.overheads_ms {
        out.push(TraceEvent::instant(
            format!("{name} {ms:.1} ms"),
            "overhead",
            pid,
            json!({ "overhead": name, "ms": ms, "note": "reported apart, not inside the model's time" }),
        ));
    }
    lane_events(run, pid, out);
}

/// Threads for the lanes (one per stacked row) and their task events.
fn lane_events(run: &ModelResult, pid: u32, out: &mut Vec<TraceEvent>) {
    let gil = run.model == ModelId::Gil;
    let by_index: BTreeMap<u32, &TaskRecord> = run.tasks.iter().map(|t| (t.index, t)).collect();
    let mut tid = 0u32;
    for lane in timeline_lanes(&run.tasks) {
        let first_tid = tid + 1;
        for row in 0..lane.rows {
            tid += 1;
            let name = if row == 0 {
                lane.name.clone()
            } else {
                format!("{} · {}", lane.name, row + 1)
            };
            out.push(TraceEvent::meta(
                "thread_name",
                pid,
                tid,
                json!({ "name": name }),
            ));
            out.push(TraceEvent::meta(
                "thread_sort_index",
                pid,
                tid,
                json!({ "sort_index": tid }),
            ));
        }
        for bar in &lane.bars {
            let Some(task) = by_index.get(&bar.index) else {
                continue;
            };
            task_events(run, task, bar, (pid, first_tid + bar.row), gil, out);
        }
    }
}

fn task_events(
    run: &ModelResult,
    task: &TaskRecord,
    bar: &LaneBar,
    at: (u32, u32),
    gil: bool,
    out: &mut Vec<TraceEvent>,
) {
    let task_status = match task.status {
        TaskStatus::Ok => "ok",
        TaskStatus::Failed => "failed",
        TaskStatus::Cancelled => "cancelled",
    };
    let mut args = json!({
        "index": task.index,
        "lane": task.lane,
        "status": task_status,
        "start_ms": task.start_ms,
        "end_ms": task.end_ms,
    });
    let extra = [
        ("value", task.value.as_ref().map(|v| json!(v))),
        ("error", task.error.as_ref().map(|v| json!(v))),
        ("http_status", task.http_status.map(|v| json!(v))),
        ("bytes", task.bytes.map(|v| json!(v))),
        ("wait_ms", task.wait_ms.map(|v| json!(v))),
    ];
    if let Value::Object(map) = &mut args {
        for (key, value) in extra {
            if let Some(v) = value {
                map.insert(key.to_owned(), v);
            }
        }
    }
    let cat = if bar.io && run.workload.valueless_task_is_request() {
        "io"
    } else {
        "compute"
    };
    let name = format!("{} #{}", run.workload.as_str(), task.index);
    out.push(TraceEvent::complete(
        name,
        cat,
        [task.start_ms, task.end_ms],
        at,
        args,
    ));
    let (wait_name, wait_cat) = if gil {
        ("wait for GIL", "gil")
    } else {
        ("wait for response", "io")
    };
    for w in &task.waits {
        // Clipped to the task: complete events on one thread must nest.
        let start = w[0].max(task.start_ms);
        let end = w[1].min(task.end_ms);
        if end > start {
            out.push(TraceEvent::complete(
                wait_name.to_owned(),
                wait_cat,
                [start, end],
                at,
                json!({ "task": task.index, "start_ms": w[0], "end_ms": w[1] }),
            ));
        }
    }
}

#[cfg(test)]
#[path = "trace_tests.rs"]
mod tests;
