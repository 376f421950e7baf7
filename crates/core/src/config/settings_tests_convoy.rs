//! Validation of the convoy's keys: `workload=convoy` (its defaults, its
//! minimum pool) and `block_ms` (its range, where it applies).

use super::*;
use crate::config::{to_query, CONVOY_LATENCY_MS, CONVOY_REQUESTS};
use crate::report::ConfigEcho;

fn parse(q: &str) -> (Settings, Vec<ConfigError>) {
    validate(&RawSettings::from_query(q), 4, &[])
}

#[test]
fn the_convoy_has_short_requests_by_default_and_keeps_given_ones() {
    let (s, errors) = parse("workload=convoy&models=gil,threads");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(s.workload, Workload::Convoy);
    assert_eq!(
        (s.requests, s.latency_ms),
        (CONVOY_REQUESTS, CONVOY_LATENCY_MS)
    );
    let (s, _) = parse("workload=convoy&models=gil&requests=12&latency=5&jitter=9");
    assert_eq!((s.requests, s.latency_ms), (12, 5));
    // Only its own keys in the link and the echo: no jitter, url or n.
    let q = to_query(&s);
    assert_eq!(
        q,
        "workload=convoy&models=gil&requests=12&latency=5&threads=4&switch_ms=5&repeat=1"
    );
    let echo = ConfigEcho::from(&s.experiment());
    assert_eq!(
        (echo.requests, echo.latency, echo.jitter),
        (Some(12), Some(5), None)
    );
    assert_eq!(echo.n, None);
    // Other workloads keep their own defaults.
    let (s, _) = parse("workload=fetch");
    assert_eq!((s.requests, s.latency_ms), (20, 150));
}

#[test]
fn a_convoy_with_one_thread_says_so_and_uses_two() {
    let (s, errors) = parse("workload=convoy&models=gil,threads&threads=1");
    assert_eq!(s.threads, 2);
    let [e] = &errors[..] else {
        panic!("one error: {errors:?}");
    };
    assert_eq!(e.key(), "threads");
    assert_eq!(
        e.to_string(),
        "threads: the convoy needs at least 2 threads, one I/O thread and one CPU thread (got 1); using 2"
    );
    // On a one-core machine the default pool is 1: the same fallback.
    let (s, errors) = validate(&RawSettings::from_query("workload=convoy"), 1, &[]);
    assert_eq!((s.threads, errors.len()), (2, 1));
    // Other workloads run on one thread as before.
    let (s, errors) = parse("workload=fib&threads=1");
    assert_eq!((s.threads, errors.len()), (1, 0));
}

#[test]
fn block_ms_applies_to_async_fetching_only_and_is_reported_by_name() {
    let (s, errors) = parse("workload=fetch&models=sequential,async&block_ms=400");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(s.block_ms, Some(400));
    assert!(to_query(&s).contains("&block_ms=400"));
    assert_eq!(ConfigEcho::from(&s.experiment()).block_ms, Some(400));

    let cases = [
        (
            "workload=fetch&models=async&block_ms=0",
            "block_ms must be between 1 and 5000 (got 0); using no blocking call",
        ),
        (
            "workload=fetch&models=async&block_ms=99999",
            "block_ms must be between 1 and 5000 (got 99999); using no blocking call",
        ),
        (
            "workload=fib&models=sequential&block_ms=100",
            "block_ms applies only to the fetch workload's async model (here the workload is fib); ignored",
        ),
        (
            "workload=fetch&models=sequential,threads&block_ms=100",
            "block_ms applies only to the fetch workload's async model (async is not among the models); ignored",
        ),
    ];
    for (q, message) in cases {
        let (s, errors) = parse(q);
        assert_eq!(s.block_ms, None, "{q}");
        let [e] = &errors[..] else {
            panic!("{q}: one error: {errors:?}");
        };
        assert_eq!(
            (e.key(), e.to_string().as_str()),
            ("block_ms", message),
            "{q}"
        );
        assert!(!to_query(&s).contains("block_ms"), "{q}");
    }
    // Absent: nothing in the link or the echo.
    let (s, _) = parse("workload=fetch&models=async");
    assert!(!to_query(&s).contains("block_ms"));
    assert_eq!(ConfigEcho::from(&s.experiment()).block_ms, None);
}
