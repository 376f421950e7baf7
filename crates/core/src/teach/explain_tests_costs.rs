//! Explanation tests for overheads: tiny tasks, processes, the page freeze.

use super::*;

#[test]
fn tiny_tasks_show_the_overhead_not_a_surprise() {
    let mut processes = ok(
        ModelId::Processes,
        Workload::Fib,
        300.0,
        fib_tasks(2000, 0.012, &["process-1", "process-2"]),
    );
    processes.overheads_ms.insert("process_start".into(), 120.0);
    processes.overheads_ms.insert("serialize_copy".into(), 80.0);
    let r = results(
        "models=sequential,threads,processes&n=15&tasks=2000&threads=2",
        2,
        vec![
            ok(
                ModelId::Sequential,
                Workload::Fib,
                30.0,
                fib_tasks(2000, 0.012, &["engine"]),
            ),
            ok(
                ModelId::Threads,
                Workload::Fib,
                45.0,
                fib_tasks(2000, 0.012, &["thread-1", "thread-2"]),
            ),
            processes,
        ],
    );
    let s = explained(&r);
    assert!(
        has(
            &s,
            "threads were 1.5x slower than sequential: each task took only 0.01 ms"
        ),
        "{s:#?}"
    );
    assert!(has(&s, "processes: starting the workers took 120 ms, and encoding and copying the messages took 80 ms."), "{s:#?}");
    assert!(
        has(
            &s,
            "processes were 10x slower than sequential: each task took only 0.01 ms"
        ),
        "{s:#?}"
    );
    assert!(has(&s, "for tasks shorter than about 50 ms, a plain loop can beat a pool; here each task took 0.01 ms."), "{s:#?}");
    assert!(!has(&s, "Surprising") && !has(&s, "fib(35)"), "{s:#?}");
}

#[test]
fn processes_report_their_costs() {
    let mut processes = ok(
        ModelId::Processes,
        Workload::Fib,
        90.0,
        fib_tasks(20, 6.0, &["process-1", "process-2"]),
    );
    processes.overheads_ms.insert("process_start".into(), 120.0);
    processes.overheads_ms.insert("serialize_copy".into(), 35.0);
    let r = results(
        "models=sequential,threads,processes&n=32&tasks=20&threads=2&payload=1000000",
        2,
        vec![
            ok(
                ModelId::Sequential,
                Workload::Fib,
                120.0,
                fib_tasks(20, 6.0, &["engine"]),
            ),
            ok(
                ModelId::Threads,
                Workload::Fib,
                70.0,
                fib_tasks(20, 6.5, &["thread-1", "thread-2"]),
            ),
            processes,
        ],
    );
    let s = explained(&r);
    assert!(
        has(
            &s,
            "encoding and copying the messages (1 MB per task) took 35 ms."
        ),
        "{s:#?}"
    );
    assert!(
        has(
            &s,
            "processes took 1.29x as long as threads: each task and its result are copied between separate memories, where threads share theirs."
        ),
        "{s:#?}"
    );
    assert!(has(&s, "here processes gave 1.33x on 2 cores."), "{s:#?}");

    // Within noise of sequential, no speedup is claimed.
    let mut r = r;
    r.runs[2].wall_ms = Some(112.0);
    let s = explained(&r);
    assert!(
        has(&s, "here processes took 0.93x the sequential time."),
        "{s:#?}"
    );
}

#[test]
fn the_main_thread_freeze_is_measured() {
    let mut main = fetch_run(ModelId::MainThread, 1530.0, 1500.0);
    main.page_longest_gap_ms = Some(1512.0);
    let mut seq = fetch_run(ModelId::Sequential, 1540.0, 1500.0);
    seq.page_longest_gap_ms = Some(17.0);
    let r = results(
        "workload=fetch&models=sequential,async,main-thread&requests=15&latency=100",
        2,
        vec![seq, fetch_run(ModelId::Async, 110.0, 100.0), main],
    );
    let s = explained(&r);
    assert!(has(&s, "main-thread froze the page: it could not draw or respond for up to 1.5 s; while the other models ran, its longest pause was 17 ms."), "{s:#?}");
}
