//! Results documents for the chart tests: a small hand-made run with every
//! kind of task (computing, waiting for the GIL, fetching, stacked on one
//! event loop, skipped), and the recorded 16-core reference runs.

use crate::report::Results;

/// The reference payloads shipped in `www/reference/` (one JSON a line).
pub const REFERENCE_JSONL: &str =
    include_str!("../../../../www/reference/16-core-chromium156.jsonl");

/// The `index`-th (0-based) reference payload.
pub fn reference(index: usize) -> Results {
    let line = REFERENCE_JSONL
        .lines()
        .nth(index)
        .expect("the reference file has nine lines");
    serde_json::from_str(line).expect("reference payloads are results@1")
}

/// A hand-made run: `sequential` (2 fib tasks on `engine`, 30 ms), `gil`
/// (2 threads, waits, 50 ms, overheads), `async` (3 tasks overlapping on
/// `engine`, 20 ms), `main-thread` (blocks the page 60 ms), `processes`
/// skipped.
pub fn small() -> Results {
    serde_json::from_str(SMALL).expect("the fixture is results@1")
}

const SMALL: &str = r#"{
  "schema": "concurrency-playground/results@1",
  "app_version": "0.1.0",
  "environment": { "user_agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36",
    "hardware_concurrency": 2, "cross_origin_isolated": true, "threads_available": true },
  "config": { "workload": "fib", "models": ["sequential", "gil", "async", "main-thread", "processes"],
    "threads": 2, "repeat": 1, "n": 30, "tasks": 2 },
  "runs": [
    { "model": "sequential", "workload": "fib", "status": "ok", "skipped_reason": null, "error": null,
      "wall_ms": 30.0, "overheads_ms": {}, "page_longest_gap_ms": 17.0, "page_long_frames": 0,
      "tasks": [
        { "index": 0, "lane": "engine", "start_ms": 0.5, "end_ms": 15.0, "status": "ok", "value": "832040", "error": null },
        { "index": 1, "lane": "engine", "start_ms": 15.0, "end_ms": 29.5, "status": "ok", "value": "832040", "error": null } ] },
    { "model": "gil", "workload": "fib", "status": "ok", "skipped_reason": null, "error": null,
      "wall_ms": 50.0, "overheads_ms": { "pool_start": 95.0, "warm_up": 300.0 },
      "tasks": [
        { "index": 0, "lane": "thread-10", "start_ms": 0.0, "end_ms": 48.0, "status": "ok", "value": "832040", "error": null,
          "wait_ms": 20.0, "waits": [[5.0, 15.0], [25.0, 35.0]] },
        { "index": 1, "lane": "thread-2", "start_ms": 0.0, "end_ms": 49.0, "status": "ok", "value": "832040", "error": null,
          "wait_ms": 10.0, "waits": [[0.0, 5.0], [44.0, 49.5]] } ] },
    { "model": "async", "workload": "fib", "status": "ok", "skipped_reason": null, "error": null,
      "wall_ms": 20.0, "overheads_ms": {},
      "tasks": [
        { "index": 0, "lane": "engine", "start_ms": 0.0, "end_ms": 18.0, "status": "ok", "value": "832040", "error": null },
        { "index": 1, "lane": "engine", "start_ms": 1.0, "end_ms": 19.0, "status": "ok", "value": "832040", "error": null },
        { "index": 2, "lane": "engine", "start_ms": 19.0, "end_ms": 19.5, "status": "failed", "value": null, "error": "stopped" } ] },
    { "model": "main-thread", "workload": "fib", "status": "ok", "skipped_reason": null, "error": null,
      "wall_ms": 60.0, "overheads_ms": {}, "page_longest_gap_ms": 61.0, "page_long_frames": 1,
      "tasks": [
        { "index": 0, "lane": "page", "start_ms": 0.0, "end_ms": 30.0, "status": "ok", "value": "832040", "error": null },
        { "index": 1, "lane": "page", "start_ms": 30.01, "end_ms": 60.0, "status": "ok", "value": "832040", "error": null } ] },
    { "model": "processes", "workload": "fib", "status": "skipped", "skipped_reason": "no cross-origin isolation",
      "error": null, "wall_ms": null, "overheads_ms": {}, "tasks": [] }
  ]
}"#;

/// A fetch run: `sequential` one request after another on `page`, a
/// `pipeline`-like task with a response wait, and a failed request.
pub fn fetch() -> Results {
    serde_json::from_str(FETCH).expect("the fixture is results@1")
}

const FETCH: &str = r#"{
  "schema": "concurrency-playground/results@1",
  "app_version": "0.1.0",
  "environment": { "user_agent": "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "hardware_concurrency": 4, "cross_origin_isolated": false, "threads_available": false },
  "config": { "workload": "fetch", "models": ["sequential", "threads"], "threads": 4, "repeat": 1,
    "requests": 2, "latency": 100, "jitter": 0 },
  "runs": [
    { "model": "sequential", "workload": "fetch", "status": "ok", "skipped_reason": null, "error": null,
      "wall_ms": 210.0, "overheads_ms": {},
      "tasks": [
        { "index": 0, "lane": "page", "start_ms": 0.0, "end_ms": 101.0, "status": "ok", "value": null, "error": null,
          "http_status": 200, "bytes": 1024 },
        { "index": 1, "lane": "page", "start_ms": 101.0, "end_ms": 209.0, "status": "failed", "value": null,
          "error": "HTTP 500: the server answered with an error", "http_status": 500, "bytes": 0 } ] },
    { "model": "threads", "workload": "pipeline", "status": "ok", "skipped_reason": null, "error": null,
      "wall_ms": 130.0, "overheads_ms": {},
      "tasks": [
        { "index": 0, "lane": "thread-1", "start_ms": 0.0, "end_ms": 125.0, "status": "ok", "value": "832040", "error": null,
          "http_status": 200, "bytes": 10, "wait_ms": 100.0, "waits": [[0.0, 100.0]] } ] }
  ]
}"#;
