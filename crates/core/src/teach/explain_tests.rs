//! Fixtures for the explanation tests, the honesty check every test runs,
//! and the cases common to all workloads.

use super::*;
use crate::config::{validate, RawSettings};
use crate::report::{Environment, TaskRecord};
use crate::teach::lessons;

#[path = "explain_tests_costs.rs"]
mod costs;
#[path = "explain_tests_cpu.rs"]
mod cpu;
#[path = "explain_tests_io.rs"]
mod io;
#[path = "explain_tests_loop.rs"]
mod loop_tests;

/// Results for `query` on a machine with `cores` cores, with these runs.
fn results(query: &str, cores: u32, runs: Vec<ModelResult>) -> Results {
    let (settings, errors) = validate(&RawSettings::from_query(query), cores, &[]);
    assert!(errors.is_empty(), "{errors:?}");
    let env = Environment {
        user_agent: "test".into(),
        hardware_concurrency: cores,
        cross_origin_isolated: true,
        threads_available: true,
        pool_threads: Some(settings.threads),
        ..Environment::default()
    };
    let mut results = Results::new(env, &settings);
    results.runs = runs;
    results
}

/// A clean run of one repetition.
fn ok(model: ModelId, workload: Workload, wall: f64, tasks: Vec<TaskRecord>) -> ModelResult {
    ModelResult {
        status: RunStatus::Ok,
        skipped_reason: None,
        wall_ms: Some(wall),
        wall_ms_samples: vec![wall],
        wall_ms_min: Some(wall),
        wall_ms_max: Some(wall),
        tasks,
        ..ModelResult::skipped(model, workload, "")
    }
}

/// `count` fib tasks of `ms` each, dealt round-robin over `lanes`.
fn fib_tasks(count: u32, ms: f64, lanes: &[&str]) -> Vec<TaskRecord> {
    let k = lanes.len() as u32;
    (0..count)
        .map(|i| {
            let start = f64::from(i / k) * ms;
            TaskRecord::fib(
                i,
                lanes[(i % k) as usize].into(),
                start,
                start + ms,
                9_227_465,
            )
        })
        .collect()
}

/// `count` fetch tasks of `ms` each, all on `lane` and all at once.
fn fetch_tasks(count: u32, ms: f64, lane: &str) -> Vec<TaskRecord> {
    (0..count)
        .map(|i| {
            TaskRecord::fetch(
                i,
                lane.into(),
                0.0,
                ms,
                Ok(crate::workloads::latency::Answer::Http {
                    status: 200,
                    bytes: 64,
                }),
            )
        })
        .collect()
}

fn fetch_run(model: ModelId, wall: f64, predicted: f64) -> ModelResult {
    ModelResult {
        predicted_ms: Some(predicted),
        ..ok(model, Workload::Fetch, wall, fetch_tasks(20, 150.0, "page"))
    }
}

/// Explains `results` and checks what every explanation must respect:
/// short plain sentences, finite numbers, and no model named that did not
/// run cleanly, except in the one sentence that says why.
fn explained(results: &Results) -> Vec<String> {
    let sentences = explain(results);
    assert!(!sentences.is_empty());
    let clean: Vec<ModelId> = results
        .runs
        .iter()
        .filter(|r| usable(r).is_ok())
        .map(|r| r.model)
        .collect();
    let absent: Vec<&str> = ModelId::ALL
        .into_iter()
        .filter(|m| !clean.contains(m))
        .map(ModelId::as_str)
        .collect();
    for s in &sentences {
        assert!(s.chars().count() < 240, "too long: {s}");
        assert!(s.ends_with('.'), "{s}");
        for bad in ["NaN", "inf", "<", "{", "}"] {
            assert!(!s.contains(bad), "{bad} in {s}");
        }
        if absent.iter().any(|m| s.starts_with(&format!("{m} "))) {
            continue; // the sentence saying why the model is left out
        }
        let words: Vec<&str> = s
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .collect();
        for m in &absent {
            assert!(
                !words.contains(m),
                "{s:?} mentions {m}, which did not run cleanly"
            );
        }
    }
    sentences
}

fn has(sentences: &[String], part: &str) -> bool {
    sentences.iter().any(|s| s.contains(part))
}

#[test]
fn a_big_spread_between_repeats_is_flagged() {
    let mut threads = ok(
        ModelId::Threads,
        Workload::Fib,
        260.0,
        fib_tasks(20, 24.0, &["thread-1", "thread-2"]),
    );
    threads.wall_ms_samples = vec![250.0, 420.0, 260.0];
    threads.wall_ms_min = Some(250.0);
    threads.wall_ms_max = Some(420.0);
    let r = results(
        "models=sequential,threads&repeat=3&threads=2",
        2,
        vec![
            ok(
                ModelId::Sequential,
                Workload::Fib,
                437.0,
                fib_tasks(20, 21.8, &["engine"]),
            ),
            threads,
        ],
    );
    let s = explained(&r);
    assert!(
        has(
            &s,
            "The runs of threads varied a lot (250 ms to 420 ms); treat the ratios with care."
        ),
        "{s:#?}"
    );
}

#[test]
fn skipped_threads_are_named_once_with_the_reason() {
    let reason = "threads are unavailable: the page is not cross-origin isolated";
    let r = results(
        "n=35&tasks=20",
        2,
        vec![
            ok(
                ModelId::Sequential,
                Workload::Fib,
                437.0,
                fib_tasks(20, 21.8, &["engine"]),
            ),
            ModelResult::skipped(ModelId::Threads, Workload::Fib, reason),
            ok(
                ModelId::Async,
                Workload::Fib,
                428.0,
                fib_tasks(20, 21.4, &["engine"]),
            ),
        ],
    );
    let s = explained(&r);
    assert_eq!(s[0], format!("threads was skipped: {reason}."));
    assert_eq!(
        s[1],
        "async and sequential took about the same time (428 ms and 437 ms): no clear winner."
    );
}

#[test]
fn failures_and_cancellations_are_named_and_left_out() {
    let mut partial = fetch_run(ModelId::Async, 120.0, 150.0);
    partial.tasks[3] = TaskRecord::fetch(3, "page".into(), 0.0, 2.0, Err("no response".into()));
    partial.error = Some("1 of 20 tasks failed; the first: no response".into());
    let mut cancelled =
        ModelResult::failed(ModelId::MainThread, Workload::Fetch, "stopped by the user");
    cancelled.status = RunStatus::Cancelled;
    let r = results(
        "workload=fetch&models=sequential,threads,processes,async,main-thread",
        2,
        vec![
            fetch_run(ModelId::Sequential, 3111.0, 3000.0),
            ModelResult::failed(
                ModelId::Processes,
                Workload::Fetch,
                "could not start a worker.",
            ),
            partial,
            cancelled,
            ModelResult {
                wall_ms: Some(f64::NAN),
                ..fetch_run(ModelId::Threads, 1.0, 600.0)
            },
        ],
    );
    let s = explained(&r);
    assert_eq!(s[0], "processes failed: could not start a worker.");
    assert_eq!(s[1], "async had failures (1 of 20 tasks failed; the first: no response), so its time is left out.");
    assert_eq!(
        s[2],
        "main-thread was stopped before it finished, so it is left out."
    );
    assert_eq!(s[3], "threads recorded no time, so it is left out.");
    assert!(
        has(
            &s,
            "Only sequential ran (3.1 s), so there is nothing to compare it with."
        ),
        "{s:#?}"
    );
}

#[test]
fn nothing_to_explain_is_said_plainly() {
    let r = results("", 2, Vec::new());
    assert_eq!(
        explain(&r),
        vec!["No model finished with a time, so there is nothing to compare."]
    );
}

#[test]
fn every_lesson_explains_a_plausible_run_honestly() {
    for lesson in lessons() {
        let s = lesson.settings(2);
        let runs = s
            .models
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let wall = 300.0 + 97.0 * i as f64;
                let tasks = fib_tasks(s.task_count().min(50), 5.0, &["engine"]);
                ok(*m, s.workload, wall, tasks)
            })
            .collect();
        let r = results(&lesson.query, 2, runs);
        explained(&r);
    }
}

#[test]
fn numbers_read_well() {
    assert_eq!(ms(0.42), "0.42 ms");
    assert_eq!(ms(3.24), "3.2 ms");
    assert_eq!(ms(437.2), "437 ms");
    assert_eq!(ms(999.7), "1.0 s");
    assert_eq!(ms(3111.0), "3.1 s");
    assert_eq!(ms(14_000.0), "14 s");
    assert_eq!(ratio(1.734), "1.73x");
    assert_eq!(ratio(1.8), "1.8x");
    assert_eq!(ratio(2.0), "2x");
    assert_eq!(ratio(16.2), "16x");
    assert_eq!(bytes(1_000_000), "1 MB");
    assert_eq!(bytes(1_500_000), "1.5 MB");
    assert_eq!(bytes(64_000), "64 kB");
    assert_eq!(bytes(512), "512 B");
}
