//! Tests of the trace builder, on fixed results.

use serde_json::Value;

use super::*;
use crate::chart::fixtures;

/// The trace as the JSON a viewer reads.
fn parsed(results: &Results) -> Value {
    serde_json::from_str(&trace_json(results)).expect("the trace is valid JSON")
}

fn events(trace: &Value) -> &Vec<Value> {
    trace["traceEvents"]
        .as_array()
        .expect("traceEvents is an array")
}

/// The name given by a metadata event `kind` for `pid` (and `tid`).
fn meta_name(trace: &Value, kind: &str, pid: u64, tid: Option<u64>) -> Option<String> {
    events(trace)
        .iter()
        .find(|e| {
            e["ph"] == "M"
                && e["name"] == kind
                && e["pid"] == pid
                && tid.is_none_or(|t| e["tid"] == t)
        })
        .and_then(|e| e["args"]["name"].as_str().map(str::to_owned))
}

fn task_events(trace: &Value, pid: u64) -> Vec<&Value> {
    events(trace)
        .iter()
        .filter(|e| e["pid"] == pid && e["ph"] == "X" && e["args"]["index"].is_u64())
        .collect()
}

#[test]
fn every_task_of_the_reference_runs_is_one_complete_event_with_its_times() {
    for line in 0..9 {
        let results = fixtures::reference(line);
        let trace = parsed(&results);
        assert_eq!(trace["displayTimeUnit"], "ms");
        for (i, run) in results.runs.iter().enumerate() {
            let pid = i as u64 + 1;
            let tasks = task_events(&trace, pid);
            assert_eq!(
                tasks.len(),
                run.tasks.len(),
                "line {line} {}",
                run.model.as_str()
            );
            for t in &run.tasks {
                let e = tasks
                    .iter()
                    .find(|e| e["args"]["index"] == t.index)
                    .expect("an event per task");
                let ts = e["ts"].as_f64().expect("ts");
                let dur = e["dur"].as_f64().expect("dur");
                assert!(
                    (ts - t.start_ms * 1000.0).abs() < 1e-6,
                    "ts in microseconds"
                );
                assert!((dur - (t.end_ms - t.start_ms) * 1000.0).abs() < 1e-6);
                assert_eq!(e["args"]["lane"], t.lane.as_str());
                let thread = meta_name(&trace, "thread_name", pid, e["tid"].as_u64());
                let thread = thread.expect("every task's thread is named");
                assert!(thread.starts_with(&t.lane), "{thread} is lane {}", t.lane);
            }
            assert_eq!(
                meta_name(&trace, "process_name", pid, None).as_deref(),
                Some(run.model.as_str())
            );
        }
    }
}

#[test]
fn lanes_are_threads_in_natural_order_and_the_run_is_thread_zero() {
    let trace = parsed(&fixtures::small());
    // pid 2 is `gil`, with lanes thread-10 and thread-2.
    assert_eq!(
        meta_name(&trace, "thread_name", 2, Some(0)).as_deref(),
        Some("run")
    );
    assert_eq!(
        meta_name(&trace, "thread_name", 2, Some(1)).as_deref(),
        Some("thread-2")
    );
    assert_eq!(
        meta_name(&trace, "thread_name", 2, Some(2)).as_deref(),
        Some("thread-10")
    );
    let wall = events(&trace)
        .iter()
        .find(|e| e["pid"] == 2 && e["name"] == "wall time")
        .expect("a wall-time event");
    assert_eq!(
        (wall["ts"].as_f64(), wall["dur"].as_f64()),
        (Some(0.0), Some(50_000.0))
    );
    assert_eq!(wall["tid"], 0);
}

#[test]
fn gil_waits_are_events_nested_in_their_task() {
    let trace = parsed(&fixtures::small());
    let waits: Vec<&Value> = events(&trace)
        .iter()
        .filter(|e| e["pid"] == 2 && e["cat"] == "gil")
        .collect();
    assert_eq!(waits.len(), 4);
    assert!(waits
        .iter()
        .all(|w| w["name"] == "wait for GIL" && w["ph"] == "X"));
    // thread-2's last wait ends after its task (49.5 > 49): clipped to nest.
    let last = waits
        .iter()
        .find(|w| w["args"]["end_ms"] == 49.5)
        .expect("the overhanging wait");
    assert_eq!(last["ts"].as_f64(), Some(44_000.0));
    assert_eq!(last["dur"].as_f64(), Some(5_000.0));
    assert_eq!(last["tid"], 1, "on thread-2's thread");
}

#[test]
fn overlapping_tasks_on_one_lane_get_stacked_threads() {
    let trace = parsed(&fixtures::small());
    // pid 3 is `async`: tasks 0 and 1 overlap on `engine`.
    let tasks = task_events(&trace, 3);
    let tid_of = |i: u64| {
        tasks
            .iter()
            .find(|e| e["args"]["index"] == i)
            .and_then(|e| e["tid"].as_u64())
    };
    assert_eq!(
        (tid_of(0), tid_of(1), tid_of(2)),
        (Some(1), Some(2), Some(1))
    );
    assert_eq!(
        meta_name(&trace, "thread_name", 3, Some(2)).as_deref(),
        Some("engine · 2")
    );
    let failed = tasks
        .iter()
        .find(|e| e["args"]["index"] == 2)
        .expect("task 2");
    assert_eq!(failed["args"]["status"], "failed");
    assert_eq!(failed["args"]["error"], "stopped");
    assert_eq!(
        failed["cat"], "compute",
        "a failed fib task is not a request"
    );
}

#[test]
fn overheads_are_instant_events_apart_from_the_model_time() {
    let trace = parsed(&fixtures::small());
    let overheads: Vec<&Value> = events(&trace)
        .iter()
        .filter(|e| e["cat"] == "overhead")
        .collect();
    assert_eq!(overheads.len(), 2);
    assert!(overheads
        .iter()
        .all(|e| e["ph"] == "i" && e["pid"] == 2 && e["s"] == "t"));
    let pool = overheads
        .iter()
        .find(|e| e["args"]["overhead"] == "pool_start")
        .expect("pool_start");
    assert_eq!(pool["args"]["ms"].as_f64(), Some(95.0));
    assert_eq!(pool["name"], "pool_start 95.0 ms");
    // The reference's processes run reports its start and copy costs.
    let reference = parsed(&fixtures::reference(6));
    let names: Vec<&str> = events(&reference)
        .iter()
        .filter(|e| e["cat"] == "overhead" && e["pid"] == 4)
        .filter_map(|e| e["args"]["overhead"].as_str())
        .collect();
    assert_eq!(names, vec!["process_start", "serialize_copy"]);
}

#[test]
fn fetches_are_io_and_pipeline_waits_are_response_waits() {
    let trace = parsed(&fixtures::fetch());
    let seq = task_events(&trace, 1);
    assert!(seq.iter().all(|e| e["cat"] == "io"), "a fetch only waits");
    assert_eq!(seq[0]["name"], "fetch #0");
    assert_eq!(seq[0]["args"]["http_status"], 200);
    assert_eq!(seq[0]["args"]["bytes"], 1024);
    let pipeline = task_events(&trace, 2);
    assert_eq!(pipeline[0]["cat"], "compute", "a pipeline task computes");
    let wait = events(&trace)
        .iter()
        .find(|e| e["pid"] == 2 && e["name"] == "wait for response")
        .expect("its fetch is a wait inside it");
    assert_eq!(
        (wait["cat"].as_str(), wait["dur"].as_f64()),
        (Some("io"), Some(100_000.0))
    );
}

#[test]
fn a_skipped_model_is_a_named_process_with_its_reason_and_no_tasks() {
    let trace = parsed(&fixtures::small());
    assert_eq!(
        meta_name(&trace, "process_name", 5, None).as_deref(),
        Some("processes")
    );
    assert!(task_events(&trace, 5).is_empty());
    let note = events(&trace)
        .iter()
        .find(|e| e["pid"] == 5 && e["cat"] == "skipped")
        .expect("the reason");
    assert_eq!(note["name"], "skipped: no cross-origin isolation");
    assert!(!events(&trace)
        .iter()
        .any(|e| e["pid"] == 5 && e["name"] == "wall time"));
}

#[test]
fn other_data_names_the_run() {
    let trace = parsed(&fixtures::reference(0));
    assert_eq!(
        trace["otherData"]["schema"],
        "concurrency-playground/results@1"
    );
    assert_eq!(trace["otherData"]["hardware_concurrency"], 16);
    assert_eq!(trace["otherData"]["config"]["n"], 34);
}

#[test]
fn the_file_is_named_after_the_workload_and_the_models() {
    assert_eq!(
        trace_file_name(&fixtures::small()),
        "trace-fib-sequential-gil-async-main-thread-processes.json"
    );
    let mut r = fixtures::fetch();
    assert_eq!(trace_file_name(&r), "trace-fetch-sequential-threads.json");
    let again = r.runs[0].clone();
    r.runs.push(again);
    assert_eq!(
        trace_file_name(&r),
        "trace-fetch-sequential-threads.json",
        "each model once"
    );
    r.runs.clear();
    assert_eq!(trace_file_name(&r), "trace-fetch.json");
}
