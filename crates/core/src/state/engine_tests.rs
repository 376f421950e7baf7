use crate::protocol::engine::PoolInfo;
use crate::runner::RunEvent;
use crate::state::{Action, AppState, EngineStart, PoolStatus, RunPhase, ServerStatus};

fn pool(threads: u32) -> PoolInfo {
    PoolInfo {
        threads,
        start_ms: 40.0,
        warm_up_ms: 20.0,
    }
}

#[test]
fn the_page_starts_without_an_engine_and_can_run_once_the_server_is_up() {
    let s = AppState::from_query("threads=4", 8);
    assert_eq!(s.pool, PoolStatus::OnDemand);
    assert!(!s.engine_started);
    assert!(!s.can_run(), "not while the simulated server starts");
    let s = s.reduce(Action::ServerReady);
    assert!(s.can_run(), "a run starts the engine");
    let failed = AppState::from_query("", 2).reduce(Action::ServerFailed {
        reason: "no service worker".into(),
    });
    assert!(failed.can_run(), "the server's failure does not stop runs");
}

#[test]
fn a_first_run_prepares_while_its_engine_starts_then_runs() {
    let s = AppState::from_query("threads=4", 8).reduce(Action::ServerReady);
    let s = s.reduce(Action::Run(RunEvent::Preparing));
    assert_eq!(s.phase, RunPhase::Preparing);
    assert!(s.running() && !s.can_run(), "one run at a time");
    assert_eq!(s.engine_start(), None, "no engine is starting yet");
    let s = s.reduce(Action::Run(RunEvent::EngineRestarting));
    assert!(s.engine_started);
    assert_eq!(s.pool, PoolStatus::Starting);
    assert_eq!(s.engine_start(), Some(EngineStart::WithPool { threads: 4 }));
    let s = s.reduce(Action::Run(RunEvent::EngineLoaded {
        module_start_ms: 80.0,
    }));
    let s = s.reduce(Action::Run(RunEvent::PoolReady(pool(4))));
    assert_eq!(s.pool, PoolStatus::Ready(pool(4)));
    assert_eq!(s.engine_start(), None, "the engine is up");
    let results = crate::report::Results::new(Default::default(), &s.settings);
    let s = s.reduce(Action::Run(RunEvent::RunStarted(results)));
    assert!(matches!(s.phase, RunPhase::Running { .. }));
    assert_eq!(s.engine_start_ms, Some(80.0));
}

#[test]
fn stop_while_the_engine_starts_marks_the_run_as_stopping() {
    let s = AppState::from_query("", 2)
        .reduce(Action::ServerReady)
        .reduce(Action::Run(RunEvent::Preparing))
        .reduce(Action::Run(RunEvent::EngineRestarting))
        .reduce(Action::StopRequested);
    assert!(s.stopping);
    let s = s.reduce(Action::Run(RunEvent::RunFinished));
    assert_eq!(s.phase, RunPhase::Finished);
    assert!(!s.stopping);
    assert!(s.can_run(), "a starting pool does not block the next run");
    assert_eq!(s.pool, PoolStatus::Starting, "the engine goes on starting");
}

#[test]
fn a_page_that_is_not_isolated_says_so_at_load_and_keeps_saying_it() {
    let reason = "the page is not cross-origin isolated: no headers".to_owned();
    let s = AppState::from_query("threads=4", 8)
        .reduce(Action::NotIsolated {
            reason: reason.clone(),
        })
        .reduce(Action::ServerReady);
    let off = PoolStatus::Unavailable {
        reason: reason.clone(),
    };
    assert_eq!(s.pool, off);
    assert!(!s.engine_started, "known without an engine");
    assert!(s.can_run(), "every other model still runs");
    // The run's engine starts (for the models that need no threads): the
    // banner stays, and the run status names an engine without threads.
    let s = s
        .reduce(Action::Run(RunEvent::Preparing))
        .reduce(Action::Run(RunEvent::EngineRestarting));
    assert_eq!(s.pool, off, "no flicker to 'starting'");
    assert_eq!(s.engine_start(), Some(EngineStart::WithoutThreads));
    let s = s.reduce(Action::Run(RunEvent::EngineLoaded {
        module_start_ms: 50.0,
    }));
    assert_eq!(s.engine_start(), None);
    let s = s.reduce(Action::Run(RunEvent::PoolFailed { reason }));
    assert_eq!(s.pool, off);
}

#[test]
fn an_engine_that_fails_on_the_first_run_shows_its_reason() {
    let reason = "the engine worker failed: its script could not be loaded".to_owned();
    let s = AppState::from_query("", 2)
        .reduce(Action::ServerReady)
        .reduce(Action::Run(RunEvent::Preparing))
        .reduce(Action::Run(RunEvent::EngineRestarting))
        .reduce(Action::Run(RunEvent::EngineFailed {
            reason: reason.clone(),
        }));
    assert_eq!(s.pool, PoolStatus::EngineFailed { reason });
    assert_eq!(s.engine_start(), None);
    assert_eq!(s.engine_start_ms, None);
    assert!(
        s.engine_started,
        "it was asked for: the panel says it did not start"
    );
    assert_eq!(s.server, ServerStatus::Ready);
    assert_eq!(s.not_isolated, None);
    // The next run starts a fresh engine.
    let s = s.reduce(Action::Run(RunEvent::RunFinished));
    assert!(s.can_run(), "a failed engine does not block the next run");
    let s = s
        .reduce(Action::Run(RunEvent::Preparing))
        .reduce(Action::Run(RunEvent::EngineRestarting));
    assert_eq!(s.pool, PoolStatus::Starting);
    assert_eq!(s.engine_start(), Some(EngineStart::WithPool { threads: 2 }));
}

#[test]
fn a_failed_engine_is_not_a_failed_pool() {
    let s = AppState::from_query("", 2).reduce(Action::ServerReady);
    let pool = s.clone().reduce(Action::Run(RunEvent::PoolFailed {
        reason: "no pool".into(),
    }));
    let engine = s.reduce(Action::Run(RunEvent::EngineFailed {
        reason: "no engine".into(),
    }));
    assert!(matches!(pool.pool, PoolStatus::Unavailable { .. }));
    assert!(matches!(engine.pool, PoolStatus::EngineFailed { .. }));
    assert!(pool.can_run() && engine.can_run());
}

#[test]
fn on_a_page_that_is_not_isolated_a_failed_engine_shows_then_threads_stay_off() {
    let why = "the page is not cross-origin isolated: no headers".to_owned();
    let failed = "the engine worker failed: it stopped with an error".to_owned();
    let s = AppState::from_query("threads=4", 8)
        .reduce(Action::NotIsolated {
            reason: why.clone(),
        })
        .reduce(Action::ServerReady)
        .reduce(Action::Run(RunEvent::Preparing))
        .reduce(Action::Run(RunEvent::EngineRestarting))
        .reduce(Action::Run(RunEvent::EngineFailed {
            reason: failed.clone(),
        }));
    assert_eq!(
        s.pool,
        PoolStatus::EngineFailed { reason: failed },
        "the engine's failure, not the isolation notice"
    );
    assert_eq!(s.not_isolated.as_deref(), Some(why.as_str()), "still known");
    assert_eq!(s.engine_start(), None, "no engine is loading");
    let s = s
        .reduce(Action::Run(RunEvent::RunFinished))
        .reduce(Action::Run(RunEvent::Preparing))
        .reduce(Action::Run(RunEvent::EngineRestarting));
    assert_eq!(s.pool, PoolStatus::Unavailable { reason: why });
    assert_eq!(s.engine_start(), Some(EngineStart::WithoutThreads));
}
