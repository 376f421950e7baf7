//! Tests of the results JSON shape, from settings to the file.

use super::*;
use crate::models::ModelId;
use crate::report::isolation::Isolation;
use crate::report::{Environment, ModelResult};
use crate::report::{Overheads, RunStatus, TaskRecord, TaskStatus, WorkloadOutput};
use crate::vocab::Workload;
use crate::workloads::latency::Answer;

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
        clock_resolution_ms: None,
    };
    let mut results = Results::new(env, &settings);
    let mut overheads = Overheads::new();
    overheads.insert("pool_start".into(), 95.0);
    results.runs.push(ModelResult {
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
        output: WorkloadOutput::None {},
        overheads_below_resolution: Vec::new(),
    });
    results.runs.push(ModelResult::skipped(
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
    let back: Results = serde_json::from_str(&results.to_json_pretty()).expect("parse own output");
    assert_eq!(back, results);
}
