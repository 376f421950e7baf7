//! Native tests of `waiters`: answers reach their waiters, and a failed
//! worker ends every wait with its reason.

use std::cell::RefCell;
use std::rc::Rc;

use futures::executor::block_on;

use super::*;
use crate::protocol::engine::TrialEnd;
use crate::report::WorkloadOutput;

fn task(index: u32) -> TaskRecord {
    TaskRecord::fib(index, "engine".to_owned(), 0.0, 1.0, 55)
}

fn end() -> TrialEnd {
    TrialEnd::new(12.0, WorkloadOutput::None {})
}

fn ignore_tasks() -> OnTask {
    Rc::new(|_| {})
}

const INFO: PoolInfo = PoolInfo {
    threads: 4,
    start_ms: 30.0,
    warm_up_ms: 5.0,
};

#[test]
fn a_run_gets_its_tasks_as_they_arrive_and_all_of_them_at_its_end() {
    let w = Waiters::default();
    let seen: Rc<RefCell<Vec<u32>>> = Rc::default();
    let on_task: OnTask = {
        let seen = seen.clone();
        Rc::new(move |t: TaskRecord| seen.borrow_mut().push(t.index))
    };
    let mut reply = w.expect_run(7, on_task).expect("the worker is fine");
    for index in [1, 0] {
        w.on_event(
            &EngineEvent::TaskDone {
                trial_id: 7,
                task: task(index),
            },
            0.0,
        );
    }
    // Another run's events are not this run's.
    w.on_event(
        &EngineEvent::TaskDone {
            trial_id: 8,
            task: task(5),
        },
        0.0,
    );
    assert_eq!(*seen.borrow(), vec![1, 0]);
    assert!(
        reply.try_recv().expect("not dropped").is_none(),
        "still running"
    );
    w.on_event(
        &EngineEvent::TrialDone {
            trial_id: 7,
            end: end(),
        },
        0.0,
    );
    let outcome = block_on(reply).expect("answered").expect("ran");
    let indices: Vec<u32> = outcome.tasks.iter().map(|t| t.index).collect();
    assert_eq!(indices, vec![0, 1]);
    assert_eq!(outcome.end.wall_ms, 12.0);
}

#[test]
fn a_pong_brings_its_arrival_time_and_the_pool_its_outcome() {
    let w = Waiters::default();
    let reply = w.expect_pong(3).expect("the worker is fine");
    w.on_event(&EngineEvent::Pong { trial_id: 3 }, 42.5);
    assert_eq!(block_on(reply).expect("answered").expect("pong"), 42.5);
    assert!(!w.pool_settled(), "no pool news yet");
    w.on_event(&EngineEvent::PoolReady(INFO), 0.0);
    assert!(w.pool_settled());
    assert_eq!(block_on(w.pool()), PoolOutcome::Ready(INFO));
}

#[test]
fn the_pool_is_settled_by_its_failure_or_the_worker_s() {
    let w = Waiters::default();
    w.on_event(
        &EngineEvent::PoolFailed {
            reason: "refused".to_owned(),
        },
        0.0,
    );
    assert!(w.pool_settled());
    let w = Waiters::default();
    w.fail(WorkerFailure::Silent { seconds: 30 });
    assert!(w.pool_settled(), "a failed worker settles its pool too");
}

#[test]
fn a_failure_ends_every_wait_with_its_reason() {
    let w = Rc::new(Waiters::default());
    // A pool start waiting since before the failure.
    let pool = {
        let w = w.clone();
        futures::FutureExt::shared(Box::pin(async move { w.pool().await }))
    };
    assert!(
        futures::FutureExt::now_or_never(pool.clone()).is_none(),
        "waits"
    );
    let run = w.expect_run(1, ignore_tasks()).expect("the worker is fine");
    let ping = w.expect_pong(2).expect("the worker is fine");

    let reason = w.fail(WorkerFailure::NotLoaded).expect("the first failure");
    assert!(reason.starts_with("the engine worker failed: its script could not be loaded"));

    assert_eq!(block_on(pool), PoolOutcome::Failed(reason.clone()));
    let run = block_on(run).expect("answered, not dropped");
    assert_eq!(run.expect_err("failed").to_string(), reason);
    let ping = block_on(ping).expect("answered, not dropped");
    assert_eq!(ping.expect_err("failed").to_string(), reason);
}

#[test]
fn after_a_failure_new_requests_fail_at_once_and_the_worker_is_not_heard() {
    let w = Waiters::default();
    w.on_event(&EngineEvent::PoolReady(INFO), 0.0);
    let reason = w
        .fail(WorkerFailure::threw(
            "Uncaught RuntimeError: unreachable",
            "engine.js",
            9,
        ))
        .expect("the first failure");
    assert_eq!(
        reason,
        "the engine worker failed: it stopped with an error: Uncaught RuntimeError: \
         unreachable (at engine.js:9)"
    );
    // The pool is no use without its worker.
    assert_eq!(block_on(w.pool()), PoolOutcome::Failed(reason.clone()));
    let run = w.expect_run(4, ignore_tasks()).expect_err("refused");
    assert!(matches!(run, EngineError::Failed(_)), "{run:?}");
    assert_eq!(run.to_string(), reason);
    assert!(w.expect_pong(5).is_err());
    assert_eq!(w.failed().map(|e| e.to_string()), Some(reason.clone()));

    // A second failure does not replace the first; late events change nothing.
    assert_eq!(w.fail(WorkerFailure::Undeliverable), None);
    w.on_event(&EngineEvent::PoolReady(INFO), 0.0);
    assert_eq!(block_on(w.pool()), PoolOutcome::Failed(reason));
}

#[test]
fn a_run_abandoned_by_its_waiter_does_not_trouble_a_failure() {
    let w = Waiters::default();
    drop(w.expect_run(1, ignore_tasks()).expect("the worker is fine"));
    drop(w.expect_pong(2).expect("the worker is fine"));
    assert!(w.fail(WorkerFailure::Undeliverable).is_some());
}
