//! The registry agrees with itself: every (model, workload) pair has help,
//! a placement and a prediction that tell the same story.

use super::*;
use crate::workloads::fetch::{FetchPlan, RequestParams};
use crate::workloads::latency::LatencySource;

/// Words a help text uses for where the model runs.
fn where_words(p: Placement) -> &'static [&'static str] {
    match p {
        Placement::Engine => &["engine", "one thread"],
        Placement::EnginePool => &["pool", "threads"],
        Placement::Page => &["page"],
        Placement::PageBlocking => &["page's own thread"],
        Placement::ProcessWorkers => &["isolated workers"],
    }
}

#[test]
fn every_model_is_registered_once_in_ui_order() {
    let ids: Vec<ModelId> = MODELS.iter().map(|s| s.id).collect();
    assert_eq!(ids, ModelId::ALL.to_vec());
}

#[test]
fn every_model_runs_something_and_only_thread_models_need_shared_memory() {
    for s in &MODELS {
        assert!(!s.runs.is_empty(), "{}: runs no workload", s.id);
        let on_pool = s.runs.iter().all(|(_, p)| *p == Placement::EnginePool);
        let needs_threads = s.needs == ModelNeeds::SharedMemoryThreads;
        // Needing shared memory skips the model where the page is not
        // isolated: only right when every workload of it needs the pool.
        assert!(
            !needs_threads || on_pool,
            "{}: needs threads it does not use",
            s.id
        );
    }
}

#[test]
fn every_model_has_texts() {
    assert_eq!(texts().len(), ModelId::ALL.len());
    for m in ModelId::ALL {
        assert!(!m.label().is_empty() && !m.prediction_rule().is_empty());
    }
    let async_fib = ModelId::Async.help(Workload::Fib);
    assert!(async_fib.contains("top 6 levels") && async_fib.contains("(64 awaits per task)"));
    assert!(!async_fib.contains('{'));
}

#[test]
fn every_chart_label_fits_the_chart_and_short_forms_are_only_where_needed() {
    for m in ModelId::ALL {
        let fits = |s: &str| s.chars().count() <= CHART_LABEL_CHARS;
        assert!(
            fits(m.chart_label()),
            "{m}: {:?} is too long for the chart",
            m.chart_label()
        );
        if texts()[&m].short.is_some() {
            assert!(!fits(m.label()), "{m}: its label fits; drop the short form");
        }
    }
    assert_eq!(ModelId::MainThread.chart_label(), "Main thread (page)");
    assert_eq!(ModelId::Sequential.chart_label(), "Sequential");
}

#[test]
fn why_clauses_are_for_supported_workloads_and_read_as_clauses() {
    for m in ModelId::ALL {
        for (workload, why) in &texts()[&m].why {
            assert!(workload.supports(m), "{m}: a why for {workload}");
            let first = why.chars().next().unwrap_or('.');
            assert!(first.is_lowercase() && !why.ends_with('.'), "{m}: {why}");
        }
    }
    assert!(ModelId::Gil.why(Workload::Fib).is_some());
    assert_eq!(ModelId::Sequential.why(Workload::Fib), None);
}

#[test]
fn help_prediction_and_placement_agree_for_every_pair() {
    let plan = FetchPlan {
        requests: (0..8)
            .map(|index| crate::workloads::fetch::PlannedRequest {
                index,
                target: crate::workloads::fetch::Target::Http {
                    url: format!("http://h/api/delay?ms=100&i={index}"),
                },
                delay_ms: Some(100),
                timeout_ms: 15_100,
            })
            .collect(),
        source: crate::workloads::latency::LatencySource::ServiceWorker {
            base: "http://h/".into(),
        },
    };
    for m in ModelId::ALL {
        for w in Workload::ALL {
            let placement = m.placement(w);
            let help = m.help(w);
            let has_help = texts()[&m].help.contains_key(&w);
            assert_eq!(w.supports(m), placement.is_some(), "{m}/{w}");
            assert_eq!(has_help, placement.is_some(), "{m}/{w}: help iff it runs");
            let Some(p) = placement else {
                assert_eq!(help, NOT_PART_HELP, "{m}/{w}");
                continue;
            };
            let lower = help.to_lowercase();
            assert!(
                where_words(p).iter().any(|word| lower.contains(word)),
                "{m}/{w}: help \"{help}\" does not say it runs {p:?}"
            );
            if p == Placement::EnginePool || m.place() == ModelNeeds::SharedMemoryThreads {
                assert!(p.in_engine(), "{m}/{w}: shared memory lives in the engine");
            }
        }
        // The fetch prediction: what the rule says, the numbers do.
        let Some(p) = m.placement(Workload::Fetch) else {
            continue;
        };
        let predicted = m
            .predict_fetch_ms(&plan, 4, None, None)
            .expect("simulated server");
        let rule = m.prediction_rule();
        match spec(m).in_flight {
            InFlight::One => {
                assert_eq!(predicted, 800.0, "{m}");
                assert!(rule.starts_with("the sum of every delay"), "{m}");
                assert!(matches!(
                    p,
                    Placement::Page | Placement::PageBlocking | Placement::Engine
                ));
            }
            InFlight::Threads => {
                assert_eq!(predicted, 200.0, "{m}");
                assert!(rule.contains("threads or processes"), "{m}");
                assert!(matches!(
                    p,
                    Placement::EnginePool | Placement::ProcessWorkers
                ));
            }
            InFlight::Concurrency => {
                assert_eq!(predicted, 100.0, "{m}");
                assert_eq!(
                    m.predict_fetch_ms(&plan, 4, Some(2), None),
                    Some(400.0),
                    "{m}"
                );
                assert!(rule.contains("cap"), "{m}");
            }
        }
        if p == Placement::PageBlocking {
            assert!(rule.contains("frozen"), "{m}: a blocked page is named");
        }
    }
}

#[test]
fn predictions_follow_the_models() {
    let params = RequestParams {
        requests: 20,
        latency_ms: 150,
        jitter_ms: 0,
        url: None,
    };
    let plan = FetchPlan::for_requests(&params, &LatencySource::Timers);
    let predict = |m: ModelId, cap, block| m.predict_fetch_ms(&plan, 5, cap, block);
    assert_eq!(predict(ModelId::Sequential, None, None), Some(3_000.0));
    assert_eq!(predict(ModelId::Threads, None, None), Some(600.0));
    assert_eq!(predict(ModelId::Async, None, None), Some(150.0));
    assert_eq!(predict(ModelId::Async, Some(3), None), Some(1_050.0));
    // The loop's blocking call holds every request behind it; threads do not wait on it.
    assert_eq!(predict(ModelId::Async, None, Some(500)), Some(650.0));
    assert_eq!(predict(ModelId::Threads, None, Some(500)), Some(600.0));
    let own = FetchPlan::for_requests(
        &RequestParams {
            url: Some("https://example.org/".into()),
            ..params
        },
        &LatencySource::Url("https://example.org/".into()),
    );
    assert_eq!(
        ModelId::Sequential.predict_fetch_ms(&own, 2, None, None),
        None
    );
}
