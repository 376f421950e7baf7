//! Public-interface compatibility: for fixed inputs, the URL query, the
//! rejected-setting messages, the fetch predictions and the `results@1`
//! JSON must stay byte-for-byte what they were when this fixture was
//! captured (from `main` before the issue-11 refactor).
//!
//! To re-capture after an *intended* (additive, documented) change:
//! `UPDATE_COMPAT_FIXTURE=1 cargo test --test compat`, then review the diff.

use playground_core::config::{to_query, validate, RawSettings};
use playground_core::models::ModelId;
use playground_core::report::{
    Environment, ModelResult, Overheads, RaceCounts, Results, RunStatus, TaskRecord, WorkloadOutput,
};
use playground_core::teach::{lesson_ids, lessons};
use playground_core::workloads::latency::{Answer, LatencySource};

const FIXTURE: &str = "tests/compat/fixture.txt";

/// Queries a learner, a teacher's link or a test could open.
const QUERIES: &[&str] = &[
    "",
    "workload=fib&n=30&tasks=4&threads=3&models=sequential,threads,async,gil,processes,main-thread&switch_ms=7&payload=64&repeat=2",
    "workload=fetch&models=sequential,async,threads,gil,processes,main-thread&requests=5&latency=100&jitter=20&concurrency=3&payload=64&switch_ms=7&repeat=2",
    "workload=fetch&url=https://example.org/x&models=async,sequential&requests=2",
    "workload=race&models=sequential,threads,async&increments=1000&threads=3&n=12&requests=9",
    "workload=pipeline&models=sequential,threads,async,processes&n=20&requests=4&latency=50&jitter=5&concurrency=2&url=https://example.org/y",
    "workload=fib&models=gil&lesson=the-gil&autorun=1&embed=1",
    "workload=bogus&n=99&tasks=x&models=threads,nope&threads=0&autorun=yes&lesson=nope&n=3&url=ftp://x",
    "models=threads,threads,async&concurrency=&url=&latency=-1&jitter=+5",
    "models=",
];

fn environment() -> Environment {
    Environment {
        user_agent: "compat-test".into(),
        hardware_concurrency: 4,
        cross_origin_isolated: true,
        threads_available: true,
        threads_unavailable_reason: None,
        pool_threads: Some(4),
        pool_start_ms: Some(95.5),
        engine_round_trip_ms: Some(0.25),
        isolation: None,
        isolation_by_service_worker: None,
        latency_source: None,
        clock_resolution_ms: None,
    }
}

fn sample_record(model: ModelId, results: &Results) -> ModelResult {
    let workload = results.config.workload;
    let mut overheads = Overheads::new();
    overheads.insert("pool_start".into(), 95.5);
    overheads.insert("warm_up".into(), 150.25);
    let mut tasks = vec![
        TaskRecord::fib(0, "thread-1".into(), 0.5, 20.25, 2_178_309),
        TaskRecord::fetch(
            1,
            "page".into(),
            1.0,
            151.0,
            Ok(Answer::Http {
                status: 200,
                bytes: 2048,
            }),
        ),
        TaskRecord::fetch(
            2,
            "page".into(),
            1.0,
            2.0,
            Ok(Answer::Http {
                status: 503,
                bytes: 10,
            }),
        ),
        TaskRecord::fetch(3, "page".into(), 1.0, 3.0, Err("no response".into())),
        TaskRecord::fib(4, "thread-2".into(), 1.0, 30.0, 1)
            .with_waits(vec![[1.0, 5.5], [10.0, 12.0]]),
    ];
    for t in &mut tasks {
        t.shift(0.25);
    }
    ModelResult {
        model,
        workload,
        status: RunStatus::Ok,
        skipped_reason: None,
        error: Some("1 of 5 tasks failed".into()),
        wall_ms: Some(41.5),
        wall_ms_samples: vec![41.5, 40.0, 43.0],
        wall_ms_min: Some(40.0),
        wall_ms_max: Some(43.0),
        overheads_ms: overheads,
        tasks,
        predicted_ms: Some(600.0),
        page_longest_gap_ms: Some(16.75),
        page_long_frames: Some(1),
        page_longest_task_ms: Some(52.0),
        output: WorkloadOutput::Race {
            race: RaceCounts {
                expected: 3000,
                unlocked: 2100,
                atomic: 3000,
                locked: 3000,
            },
        },
        overheads_below_resolution: Vec::new(),
    }
}

fn render() -> String {
    let mut out = String::new();
    for query in QUERIES {
        let (settings, errors) = validate(&RawSettings::from_query(query), 4, &lesson_ids());
        out.push_str(&format!("=== query: {query}\n"));
        out.push_str(&format!("to_query: {}\n", to_query(&settings)));
        for e in &errors {
            out.push_str(&format!("error[{}]: {e}\n", e.key()));
        }
        let source = LatencySource::choose(settings.url.as_deref(), true, "http://127.0.0.1:8080/");
        let plan = settings.fetch_plan(&source);
        out.push_str(&format!(
            "plan: {}\n",
            serde_json::to_string(&plan).expect("plan serialises")
        ));
        for model in ModelId::ALL {
            out.push_str(&format!(
                "predict[{model}]: {:?}\n",
                model.predict_fetch_ms(&plan, settings.threads, settings.concurrency, None)
            ));
        }
        let mut results = Results::new(environment(), &settings);
        let first = settings.models[0];
        let record = sample_record(first, &results);
        results.runs.push(record);
        for &model in &settings.models[1..] {
            results
                .runs
                .push(ModelResult::skipped(model, settings.workload, "not here"));
        }
        results
            .runs
            .push(ModelResult::failed(first, settings.workload, "broke"));
        results
            .runs
            .push(ModelResult::finished(first, settings.workload, 12.5));
        let json = results.to_json_pretty().replace(
            &format!("\"app_version\": \"{}\"", playground_core::APP_VERSION),
            "\"app_version\": \"<version>\"",
        );
        out.push_str(&json);
        out.push('\n');
    }
    out.push_str("=== lessons\n");
    for lesson in lessons() {
        out.push_str(&format!(
            "{}: {}\n",
            lesson.id,
            to_query(&lesson.settings(4))
        ));
        out.push_str(&format!("link: {}\n", lesson.link("http://h/p/?x=1#f")));
    }
    out
}

#[test]
fn public_interface_is_unchanged() {
    let now = render();
    if std::env::var_os("UPDATE_COMPAT_FIXTURE").is_some() {
        std::fs::write(FIXTURE, &now).expect("write the fixture");
        return;
    }
    let before = std::fs::read_to_string(FIXTURE).expect("the fixture exists");
    for (i, (a, b)) in before.lines().zip(now.lines()).enumerate() {
        assert_eq!(a, b, "line {} of {FIXTURE} differs", i + 1);
    }
    assert_eq!(before, now, "same lines, different length or line ends");
}
