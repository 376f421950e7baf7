//! Explanations of the fetch workload's event loop: blocked on purpose
//! (`block_ms`), and the requests it had in flight (connection limits).

use super::*;
use crate::report::WorkloadOutput;

/// An async fetch run whose last coroutine blocked the loop for `block` ms
/// after the others had sent their requests: every answer is handled after
/// the block, and the blocking coroutine's own request takes `latency` more.
fn blocked_run(requests: u32, block: f64, latency: f64) -> ModelResult {
    let tasks = (0..requests)
        .map(|i| {
            let end = if i + 1 == requests {
                block + latency + 1.0
            } else {
                block + 0.4
            };
            TaskRecord::fetch(
                i,
                "page".into(),
                0.2,
                end,
                Ok(crate::workloads::latency::Answer::Http {
                    status: 200,
                    bytes: 64,
                }),
            )
        })
        .collect();
    ModelResult {
        output: WorkloadOutput::BlockedLoop {
            loop_blocked_ms: [0.3, block + 0.3],
        },
        ..ok(
            ModelId::Async,
            Workload::Fetch,
            block + latency + 2.0,
            tasks,
        )
    }
}

#[test]
fn a_blocked_loop_names_the_call_and_the_way_out() {
    let mut r = results(
        "workload=fetch&models=sequential,async&requests=15&latency=150",
        2,
        vec![
            fetch_run(ModelId::Sequential, 2_260.0, 2_250.0),
            blocked_run(15, 400.0, 150.0),
        ],
    );
    r.config.block_ms = Some(400);
    let s = explained(&r);
    assert!(
        has(
            &s,
            "async: one coroutine made a blocking call of 400 ms (a busy wait, like `time.sleep(0.4)` inside a coroutine)"
        ),
        "{s:#?}"
    );
    assert!(
        has(
            &s,
            "15 of 15 requests finished only after it returned, and the run took 552 ms: the 400 ms block plus about the 150 ms latency, where an unblocked loop needs about 150 ms."
        ),
        "{s:#?}"
    );
    assert!(has(&s, "asyncio.to_thread"), "{s:#?}");
    assert!(has(&s, "run_in_executor"), "{s:#?}");
    assert!(!has(&s, "Surprising: async"), "{s:#?}");

    // Without the interval (a results file from elsewhere): the call is still named.
    r.runs[1].output = WorkloadOutput::None {};
    let s = explained(&r);
    assert!(has(&s, "blocking call of 400 ms"), "{s:#?}");
    assert!(has(&s, "The run took 552 ms: the 400 ms block"), "{s:#?}");
}

#[test]
fn no_block_no_blocking_text() {
    let r = results(
        "workload=fetch&models=sequential,async&requests=6&latency=150",
        2,
        vec![
            fetch_run(ModelId::Sequential, 900.0, 900.0),
            ok(
                ModelId::Async,
                Workload::Fetch,
                160.0,
                fetch_tasks(6, 150.0, "page"),
            ),
        ],
    );
    let s = explained(&r);
    assert!(!has(&s, "blocking call"), "{s:#?}");
    assert!(!has(&s, "in flight at once"), "few requests: {s:#?}");
}

#[test]
fn the_simulated_server_has_no_connection_limit() {
    let r = results(
        "workload=fetch&models=sequential,async&requests=20&latency=150",
        2,
        vec![
            fetch_run(ModelId::Sequential, 3_010.0, 3_000.0),
            ok(
                ModelId::Async,
                Workload::Fetch,
                160.0,
                fetch_tasks(20, 150.0, "page"),
            ),
        ],
    );
    let s = explained(&r);
    assert!(
        has(&s, "async had up to 20 requests in flight at once."),
        "{s:#?}"
    );
    assert!(has(&s, "The simulated server has no such limit"), "{s:#?}");
    assert!(!has(&s, "rounds of one request"), "{s:#?}");
}

#[test]
fn an_own_url_is_limited_to_six_connections() {
    let mut r = results(
        "workload=fetch&models=sequential,async&requests=20&url=https%3A%2F%2Fexample.org%2Fapi",
        2,
        vec![
            ok(
                ModelId::Sequential,
                Workload::Fetch,
                2_000.0,
                fetch_tasks(20, 100.0, "page"),
            ),
            ok(
                ModelId::Async,
                Workload::Fetch,
                410.0,
                fetch_tasks(20, 100.0, "page"),
            ),
        ],
    );
    let s = explained(&r);
    assert!(
        has(&s, "Browsers open at most 6 HTTP/1.1 connections per host"),
        "{s:#?}"
    );
    assert!(
        has(
            &s,
            "So expect about 4 rounds of one request for 20 requests: one took 100 ms one by one, so about 400 ms; async took 410 ms."
        ),
        "{s:#?}"
    );
    assert!(
        has(&s, "410 ms with async, at most 6 at a time"),
        "not all at once: {s:#?}"
    );
    r.config.concurrency = Some(2);
    let s = explained(&r);
    assert!(
        has(&s, "expect about 10 rounds"),
        "a lower cap wins: {s:#?}"
    );
}
