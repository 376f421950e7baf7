//! Explanation tests for fetch runs: waiting, predictions, no sequential.

use super::*;

#[test]
fn a_normal_io_run() {
    let r = results(
        "workload=fetch&requests=20&latency=150&threads=5",
        2,
        vec![
            fetch_run(ModelId::Sequential, 3111.0, 3000.0),
            fetch_run(ModelId::Threads, 653.0, 600.0),
            fetch_run(ModelId::Async, 195.0, 150.0),
        ],
    );
    let s = explained(&r);
    assert_eq!(
        s[0],
        "async was fastest: 195 ms, 16x faster than sequential (3.1 s)."
    );
    assert!(
        has(&s, "5 threads gave 4.76x on 2 cores: waiting needs no core"),
        "{s:#?}"
    );
    assert!(has(&s, "The requests took 3.1 s one by one and 195 ms all at once with async: the time was waiting, not computing."), "{s:#?}");
    assert!(
        has(
            &s,
            "Of sequential's 3.1 s, 3.0 s (96%) was the server's delay."
        ),
        "{s:#?}"
    );
    assert!(has(&s, "160 downloads took ~14 s"), "{s:#?}");
    assert!(
        has(
            &s,
            "against sequential: threads 4.76x faster, async 16x faster."
        ),
        "{s:#?}"
    );
    assert!(!has(&s, "Surprising"), "{s:#?}");
}

#[test]
fn simulated_waits_are_named_as_such() {
    let runs = || {
        vec![
            fetch_run(ModelId::Sequential, 3111.0, 3000.0),
            fetch_run(ModelId::Async, 195.0, 150.0),
        ]
    };
    let query = "workload=fetch&requests=20&latency=150";
    let mut r = results(query, 2, runs());
    r.environment.latency_source = Some(crate::workloads::latency::LatencyKind::Timers);
    assert!(has(&explained(&r), "simulated waits on timers, not HTTP"));
    let r = results(query, 2, runs());
    assert!(!has(&explained(&r), "simulated waits"));
}

#[test]
fn without_sequential_the_slowest_is_the_yardstick() {
    let r = results(
        "workload=fetch&models=threads,async&requests=40&latency=100&concurrency=20&threads=5",
        2,
        vec![
            fetch_run(ModelId::Threads, 820.0, 800.0),
            fetch_run(ModelId::Async, 210.0, 200.0),
        ],
    );
    let s = explained(&r);
    assert_eq!(
        s[0],
        "async was fastest: 210 ms, 3.9x faster than threads (820 ms)."
    );
    assert!(
        has(&s, "asyncio beat a pool of 5 workers by more than 6x"),
        "{s:#?}"
    );
    assert!(!has(&s, "sequential"), "{s:#?}");
}

#[test]
fn a_run_far_above_its_prediction_is_surprising() {
    let r = results(
        "workload=fetch&models=sequential,async",
        2,
        vec![
            fetch_run(ModelId::Sequential, 3111.0, 3000.0),
            fetch_run(ModelId::Async, 900.0, 150.0),
        ],
    );
    let s = explained(&r);
    assert!(
        has(
            &s,
            "Surprising: async took 900 ms, well above the 150 ms its waits explain"
        ),
        "{s:#?}"
    );
}
