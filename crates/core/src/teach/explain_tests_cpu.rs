//! Explanation tests for fib runs: threads, the GIL, async.

use super::*;

#[test]
fn a_normal_cpu_run() {
    let threads = ["thread-1", "thread-2"];
    let r = results(
        "n=35&tasks=20&threads=2",
        2,
        vec![
            ok(
                ModelId::Sequential,
                Workload::Fib,
                437.0,
                fib_tasks(20, 21.8, &["engine"]),
            ),
            ok(
                ModelId::Threads,
                Workload::Fib,
                252.0,
                fib_tasks(20, 24.0, &threads),
            ),
            ok(
                ModelId::Async,
                Workload::Fib,
                428.0,
                fib_tasks(20, 21.4, &["engine"]),
            ),
        ],
    );
    let s = explained(&r);
    assert_eq!(
        s[0],
        "threads was fastest: 252 ms, 1.73x faster than sequential (437 ms)."
    );
    assert_eq!(
        s[1],
        "Fastest to slowest: threads 252 ms, async 428 ms, sequential 437 ms."
    );
    assert!(
        has(
            &s,
            "2 threads gave 1.73x on 2 cores: close to the ideal 2x."
        ),
        "{s:#?}"
    );
    assert!(has(&s, "async took 0.98x the sequential time"), "{s:#?}");
    assert!(
        has(
            &s,
            "~40 s instead of ~35 s; here threads, with no GIL (like CPython 3.14t)"
        ),
        "{s:#?}"
    );
    assert!(has(&s, "asyncio took ~86 s"), "{s:#?}");
    assert!(!has(&s, "Surprising"), "{s:#?}");
}

#[test]
fn threads_slower_than_sequential_is_surprising() {
    let r = results(
        "models=sequential,threads&n=35&tasks=20&threads=2",
        2,
        vec![
            ok(
                ModelId::Sequential,
                Workload::Fib,
                400.0,
                fib_tasks(20, 20.0, &["engine"]),
            ),
            ok(
                ModelId::Threads,
                Workload::Fib,
                520.0,
                fib_tasks(20, 50.0, &["thread-1", "thread-2"]),
            ),
        ],
    );
    let s = explained(&r);
    assert_eq!(
        s[0],
        "sequential was fastest: 400 ms, 1.3x faster than threads (520 ms)."
    );
    assert!(has(&s, "Surprising: threads were 1.3x slower than sequential; likely the tasks were too small for the pool's overhead, or the machine was busy."), "{s:#?}");
    assert!(
        has(&s, "here threads took 1.3x the sequential time."),
        "{s:#?}"
    );
}

#[test]
fn gil_faster_than_sequential_is_surprising() {
    let gil_tasks = fib_tasks(20, 17.5, &["thread-1", "thread-2"])
        .into_iter()
        .map(|t| {
            let start = t.start_ms;
            t.with_waits(vec![[start, start + 5.0]])
        })
        .collect();
    let r = results(
        "models=sequential,gil&n=35&tasks=20&threads=2",
        2,
        vec![
            ok(
                ModelId::Sequential,
                Workload::Fib,
                500.0,
                fib_tasks(20, 25.0, &["engine"]),
            ),
            ok(ModelId::Gil, Workload::Fib, 350.0, gil_tasks),
        ],
    );
    let s = explained(&r);
    assert!(
        has(
            &s,
            "gil tasks waited 100 ms in total for the lock, in a run of 350 ms."
        ),
        "{s:#?}"
    );
    assert!(
        has(&s, "Surprising: gil was 1.43x faster than sequential"),
        "{s:#?}"
    );
}

#[test]
fn gil_as_expected_is_not_surprising() {
    let r = results(
        "models=sequential,threads,gil&n=35&tasks=20&threads=2",
        2,
        vec![
            ok(
                ModelId::Sequential,
                Workload::Fib,
                437.0,
                fib_tasks(20, 21.8, &["engine"]),
            ),
            ok(
                ModelId::Threads,
                Workload::Fib,
                252.0,
                fib_tasks(20, 24.0, &["thread-1", "thread-2"]),
            ),
            ok(
                ModelId::Gil,
                Workload::Fib,
                470.0,
                fib_tasks(20, 23.0, &["thread-1", "thread-2"]),
            ),
        ],
    );
    let s = explained(&r);
    assert!(
        has(&s, "gil took about the sequential time (1.08x)"),
        "{s:#?}"
    );
    assert!(
        has(&s, "Without the lock, threads were 1.87x faster than gil: threads run like free-threaded CPython (python3.14t, no GIL); gil runs like default CPython"),
        "{s:#?}"
    );
    assert!(
        has(&s, "as in default CPython"),
        "says which Python: {s:#?}"
    );
    assert!(
        has(
            &s,
            "fib(34) on 8 threads took 1.03 s there against 4.10 s with the GIL"
        ),
        "{s:#?}"
    );
    assert!(has(&s, "about 40% in 3.13 to about 1-8% in 3.14"), "{s:#?}");
    assert!(has(&s, "articles (CPython with the GIL)"), "{s:#?}");
    assert!(
        has(
            &s,
            "here gil took 1.08x the sequential time and threads, with no GIL (like CPython 3.14t)"
        ),
        "{s:#?}"
    );
    assert!(!has(&s, "Surprising"), "{s:#?}");
}
