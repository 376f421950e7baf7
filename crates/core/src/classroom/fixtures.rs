//! Results documents for the classroom tests: the shipped reference runs,
//! and learners' runs made to order.

use serde_json::{json, Value};

use crate::chart::fixtures::REFERENCE_JSONL;

/// The nine reference payloads as JSON values.
pub fn reference_values() -> Vec<Value> {
    REFERENCE_JSONL
        .lines()
        .map(|l| serde_json::from_str(l).expect("reference lines are JSON"))
        .collect()
}

/// The reference file's text.
pub fn reference_text() -> &'static str {
    REFERENCE_JSONL
}

/// A Chrome 131 user agent.
pub const CHROME: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 \
     (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

/// A Firefox 133 user agent.
pub const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

/// A learner's fib run (`n`, 32 tasks, threads = cores) with these wall
/// times per model (`None`: skipped).
pub fn learner(cores: u32, ua: &str, n: u32, walls: &[(&str, Option<f64>)]) -> Value {
    let isolated = walls
        .iter()
        .all(|(m, w)| w.is_some() || !matches!(*m, "threads" | "gil"));
    let runs: Vec<Value> = walls
        .iter()
        .map(|(model, wall)| match wall {
            Some(w) => json!({
                "model": model, "workload": "fib", "status": "ok",
                "skipped_reason": null, "error": null,
                "wall_ms": w, "wall_ms_samples": [w], "wall_ms_min": w, "wall_ms_max": w,
                "overheads_ms": {},
                "tasks": [ { "index": 0, "lane": "engine", "start_ms": 0.0, "end_ms": w,
                             "status": "ok", "value": "1", "error": null } ]
            }),
            None => json!({
                "model": model, "workload": "fib", "status": "skipped",
                "skipped_reason": "no cross-origin isolation", "error": null,
                "wall_ms": null, "overheads_ms": {}, "tasks": []
            }),
        })
        .collect();
    let models: Vec<&str> = walls.iter().map(|(m, _)| *m).collect();
    json!({
        "schema": "concurrency-playground/results@1",
        "app_version": "0.1.0",
        "environment": { "user_agent": ua, "hardware_concurrency": cores,
            "cross_origin_isolated": isolated, "threads_available": isolated },
        "config": { "workload": "fib", "models": models, "threads": cores, "repeat": 1,
            "n": n, "tasks": 32 },
        "runs": runs
    })
}
