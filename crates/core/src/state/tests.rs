use super::*;
use crate::config::Workload;
use crate::report::{Environment, ModelResult};

#[test]
fn a_bad_link_shows_errors_and_uses_defaults_in_the_form() {
    let s = AppState::from_query("n=abc&threads=0", 2);
    assert_eq!(s.errors.len(), 2);
    assert_eq!(s.errors[0].0, "n");
    assert_eq!(s.field("n"), "35");
    assert_eq!(s.field("threads"), "2");
}

#[test]
fn editing_a_field_revalidates_and_clears_old_errors() {
    let s = AppState::from_query("n=abc", 2);
    let s = s.reduce(Action::SetField {
        key: Key::N,
        value: "50".into(),
    });
    assert_eq!(s.errors.len(), 1);
    assert!(s.errors[0].1.contains("between 1 and 45"));
    assert_eq!(
        s.settings.n, 35,
        "an invalid field falls back to its default"
    );
    let s = s.reduce(Action::SetField {
        key: Key::N,
        value: "30".into(),
    });
    assert!(s.errors.is_empty());
    assert_eq!(s.settings.n, 30);
}

#[test]
fn toggling_models_keeps_their_order_and_refuses_none() {
    let s = AppState::from_query("models=sequential,threads&autorun=1", 2);
    let s = s.reduce(Action::ToggleModel(ModelId::Sequential));
    assert_eq!(s.settings.models, vec![ModelId::Threads]);
    let s = s.reduce(Action::ToggleModel(ModelId::Async));
    assert_eq!(s.settings.models, vec![ModelId::Threads, ModelId::Async]);
    assert!(s.settings.autorun, "flags survive form edits");
    let s = s
        .reduce(Action::ToggleModel(ModelId::Threads))
        .reduce(Action::ToggleModel(ModelId::Async));
    assert_eq!(s.errors.len(), 1, "no models is an error");
    assert_eq!(s.settings.models.len(), 3, "and falls back to the defaults");
}

#[test]
fn fetch_fields_round_trip_through_the_form() {
    let s = AppState::from_query("workload=fetch&requests=40&concurrency=4", 2);
    assert_eq!(s.field("requests"), "40");
    assert_eq!(s.field("concurrency"), "4");
    assert_eq!(s.field("url"), "");
    let s = s.reduce(Action::SetField {
        key: Key::Concurrency,
        value: String::new(),
    });
    assert_eq!(s.settings.concurrency, None, "an empty cap means no cap");
    assert_eq!(s.settings.workload, Workload::Fetch);
    let s = s.reduce(Action::ServerFailed {
        reason: "no sw".into(),
    });
    assert_eq!(
        s.server,
        ServerStatus::Unavailable {
            reason: "no sw".into()
        }
    );
}

#[test]
fn opening_a_lesson_loads_its_settings() {
    let s = AppState::from_query("n=abc&embed=1", 4);
    let s = s.reduce(Action::OpenLesson(Some("the-gil".into())));
    assert!(s.errors.is_empty());
    assert_eq!(s.settings.lesson.as_deref(), Some("the-gil"));
    assert!(s.settings.embed, "the layout stays");
    assert!(s.settings.models.contains(&ModelId::Gil));
    assert_eq!(s.field("models"), "sequential,threads,gil");
    let s = s.reduce(Action::OpenLesson(Some("no-such".into())));
    assert_eq!(
        s.settings.lesson.as_deref(),
        Some("the-gil"),
        "unknown ids change nothing"
    );
    let s = s.reduce(Action::OpenLesson(None));
    assert_eq!(s.settings.lesson, None);
}

#[test]
fn a_run_goes_from_idle_to_finished() {
    let s = AppState::from_query("models=async", 2);
    assert!(!s.can_run(), "not before the simulated server answered");
    let s = s.reduce(Action::ServerReady);
    assert!(s.can_run(), "the run starts the engine");
    let s = s.reduce(Action::Run(RunEvent::PoolFailed {
        reason: "no isolation".into(),
    }));
    assert!(s.can_run());
    let results = Results::new(Environment::default(), &s.settings);
    let s = s.reduce(Action::Run(RunEvent::RunStarted(results)));
    assert!(s.running());
    assert!(!s.can_run());
    let s = s.reduce(Action::Run(RunEvent::ModelFinished(ModelResult::skipped(
        ModelId::Async,
        Workload::Fib,
        "x",
    ))));
    assert!(
        !s.results_finished(),
        "a run in progress fills its results in"
    );
    let s = s.reduce(Action::Run(RunEvent::RunFinished));
    assert_eq!(s.phase, RunPhase::Finished);
    assert!(s.results_finished());
    assert_eq!(s.results.as_ref().map(|r| r.runs.len()), Some(1));
    // The next run: while its engine starts, the last run's results are
    // still whole; its start replaces them.
    let s = s.reduce(Action::Run(RunEvent::Preparing));
    assert!(s.running());
    assert!(
        s.results_finished(),
        "the last run's results, still finished"
    );
    let next = Results::new(Environment::default(), &s.settings);
    let s = s.reduce(Action::Run(RunEvent::RunStarted(next)));
    assert!(!s.results_finished());
    assert_eq!(s.results.map(|r| r.runs.len()), Some(0));
}

#[test]
fn a_locked_page_keeps_its_experiment_but_runs() {
    let s = AppState::from_query("models=sequential,threads&n=30&lock=1", 2);
    assert!(s.settings.lock);
    let before = s.settings.clone();
    let s = s.reduce(Action::SetField {
        key: Key::N,
        value: "20".into(),
    });
    let s = s.reduce(Action::ToggleModel(ModelId::Async));
    let s = s.reduce(Action::OpenLesson(Some("the-gil".into())));
    assert_eq!(s.settings, before);
    assert_eq!(s.field("n"), "30");
    let s = s.reduce(Action::ServerReady);
    let s = s.reduce(Action::Run(RunEvent::PoolFailed {
        reason: "test".into(),
    }));
    assert!(s.can_run(), "Run stays");
    let unlocked = AppState::from_query("n=30&controls=n", 2).reduce(Action::SetField {
        key: Key::N,
        value: "20".into(),
    });
    assert_eq!(unlocked.settings.n, 20);
    assert_eq!(unlocked.settings.controls, Some(vec![Key::N]));
}

#[test]
fn the_form_loads_the_convoys_short_requests_and_back() {
    let s = AppState::from_query("workload=fetch&requests=15&latency=100", 2);
    let set = |s: AppState, key: &str, value: &str| {
        s.reduce(Action::SetField {
            key: Key::parse(key).expect("a setting's key"),
            value: value.into(),
        })
    };
    let s = set(s, "workload", "convoy");
    assert_eq!((s.field("requests"), s.field("latency")), ("40", "2"));
    assert_eq!(s.settings.workload, Workload::Convoy);
    assert!(s.errors.is_empty(), "{:?}", s.errors);
    let s = set(s, "latency", "3");
    let s = set(s, "workload", "fetch");
    assert_eq!((s.field("requests"), s.field("latency")), ("20", "150"));
    // Between two other workloads the learner's values stay.
    let s = set(s, "latency", "90");
    let s = set(s, "workload", "pipeline");
    assert_eq!(s.field("latency"), "90");
}

#[test]
fn block_ms_is_emptied_where_it_has_no_field() {
    let s = AppState::from_query("workload=fetch&models=sequential,async&block_ms=400", 2);
    assert_eq!(
        (s.field("block_ms"), s.settings.block_ms),
        ("400", Some(400))
    );
    let s = s.reduce(Action::ToggleModel(ModelId::Async));
    assert_eq!((s.field("block_ms"), s.settings.block_ms), ("", None));
    assert!(
        s.errors.is_empty(),
        "no error for a value the learner cannot see"
    );
    let s = AppState::from_query("workload=fetch&models=async&block_ms=400", 2);
    let s = s.reduce(Action::SetField {
        key: Key::Workload,
        value: "fib".into(),
    });
    assert_eq!(s.field("block_ms"), "");
    assert!(s.errors.is_empty(), "{:?}", s.errors);
}
