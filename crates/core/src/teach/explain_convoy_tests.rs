//! Explanations of fixed convoy results.

use super::*;

/// The sentences, checked like every explanation's: short, plain, whole.
fn about(runs: &[ConvoyRun<'_>]) -> Vec<String> {
    let out = super::about(runs);
    for s in &out {
        assert!(s.chars().count() < 240, "too long: {s}");
        assert!(s.ends_with('.'), "{s}");
        for bad in ["NaN", "inf", "<", "{", "}"] {
            assert!(!s.contains(bad), "{bad} in {s}");
        }
    }
    out
}

fn stats(alone_per_s: f64, contended_per_s: f64, wait_ms: f64) -> ConvoyStats {
    ConvoyStats {
        requests: 40,
        alone_per_s,
        contended_per_s,
        cpu_threads: 1,
        cpu_n: 25,
        cpu_per_s: 3_140.0,
        io_lock_wait_ms: wait_ms,
        switch_ms: Some(5),
        sweep: Vec::new(),
    }
}

fn latency(alone: f64, contended: f64) -> IoLatency {
    IoLatency { alone, contended }
}

#[test]
fn under_the_gil_contended_is_many_times_alone() {
    let s = stats(410.0, 80.0, 40.0 * 10.1);
    let runs = [ConvoyRun {
        model: ModelId::Gil,
        latency: latency(2.4, 12.5),
        stats: &s,
    }];
    let text = about(&runs).join(" ");
    assert!(
        text.contains("took 2.4 ms alone and 12 ms beside 1 CPU thread (median), 5.21x as long"),
        "{text}"
    );
    assert!(text.contains("win the GIL back"), "{text}");
    assert!(text.contains("waiting 10 ms a request"), "{text}");
    assert!(text.contains("from 410 to 80 requests a second"), "{text}");
    assert!(text.contains("convoy effect"), "{text}");
    assert!(
        text.contains("from about 30,000 to about 100 requests per second at the default 5 ms"),
        "cites the reference: {text}"
    );
    assert!(text.contains("(here 5 ms)"), "{text}");
    assert!(text.contains("sys.setswitchinterval()"), "{text}");
}

#[test]
fn without_the_lock_they_are_about_equal() {
    let s = stats(410.0, 395.0, 0.0);
    let runs = [ConvoyRun {
        model: ModelId::Threads,
        latency: latency(2.4, 2.6),
        stats: &s,
    }];
    let text = about(&runs).join(" ");
    assert!(
        text.contains("2.4 ms alone and 2.6 ms beside 1 CPU thread"),
        "{text}"
    );
    assert!(
        text.contains("about the same, because nothing locks"),
        "{text}"
    );
    assert!(text.contains("3,100 fib(25) a second meanwhile"), "{text}");
    assert!(text.contains("Free-threaded CPython (3.14t)"), "{text}");
    assert!(
        !text.contains("30,000"),
        "the reference is about the GIL: {text}"
    );
}

#[test]
fn both_models_are_compared() {
    let (g, f) = (stats(410.0, 80.0, 400.0), stats(410.0, 395.0, 0.0));
    let runs = [
        ConvoyRun {
            model: ModelId::Threads,
            latency: latency(2.4, 2.6),
            stats: &f,
        },
        ConvoyRun {
            model: ModelId::Gil,
            latency: latency(2.4, 12.5),
            stats: &g,
        },
    ];
    let text = about(&runs).join(" ");
    assert!(
        text.contains("395 requests a second without the lock (threads) and 80 with it (gil)"),
        "{text}"
    );
}

#[test]
fn long_requests_hide_the_convoy_and_the_text_says_why() {
    let s = stats(6.5, 6.1, 40.0 * 10.0);
    let runs = [ConvoyRun {
        model: ModelId::Gil,
        latency: latency(152.0, 163.0),
        stats: &s,
    }];
    let text = about(&runs).join(" ");
    assert!(text.contains("only 1.07x as long"), "{text}");
    assert!(text.contains("hurts short requests most"), "{text}");
}

#[test]
fn a_slow_free_run_is_called_surprising_and_no_wait_under_the_gil_too() {
    let s = stats(410.0, 200.0, 0.0);
    let runs = [
        ConvoyRun {
            model: ModelId::Threads,
            latency: latency(2.4, 4.8),
            stats: &s,
        },
        ConvoyRun {
            model: ModelId::Gil,
            latency: latency(2.4, 2.5),
            stats: &s,
        },
    ];
    let text = about(&runs).join(" ");
    assert!(text.contains("Surprising: threads"), "{text}");
    assert!(text.contains("2x as long although nothing locks"), "{text}");
    assert!(text.contains("Surprising: gil"), "{text}");
    assert!(text.contains("never waited for the GIL"), "{text}");
}

#[test]
fn the_sweep_shows_the_trade_off() {
    let point = |switch_ms, latency_ms, cpu_per_s| SweepPoint {
        switch_ms,
        latency_ms,
        io_per_s: 1_000.0 / latency_ms,
        cpu_per_s,
    };
    let mut s = stats(410.0, 80.0, 400.0);
    s.sweep = vec![point(20, 42.0, 3_200.0), point(1, 4.1, 2_500.0)];
    let runs = [ConvoyRun {
        model: ModelId::Gil,
        latency: latency(2.4, 12.5),
        stats: &s,
    }];
    let text = about(&runs).join(" ");
    assert!(
        text.contains(
            "at 1 ms, 4.1 ms a request and 2,500 fib(25) a second; at 20 ms, 42 ms a request and \
             3,200 fib(25) a second"
        ),
        "{text}"
    );
    assert!(text.contains("cost the CPU threads 22%"), "{text}");
    s.sweep = vec![point(20, 42.0, 3_200.0), point(1, 4.1, 3_150.0)];
    let runs = [ConvoyRun {
        model: ModelId::Gil,
        latency: latency(2.4, 12.5),
        stats: &s,
    }];
    let text = about(&runs).join(" ");
    assert!(text.contains("hardly changed"), "{text}");
}

#[test]
fn rates_read_well() {
    assert_eq!(rate(2.6), "3");
    assert_eq!(rate(410.2), "410");
    assert_eq!(rate(3_140.0), "3,100");
    assert_eq!(rate(29_812.0), "29,800");
    assert_eq!(rate(1_234_567.0), "1,234,600");
    assert_eq!(rate(f64::NAN), "0");
}

#[test]
fn a_whole_convoy_results_document_is_explained_by_its_latencies() {
    use crate::config::{validate, RawSettings};
    use crate::report::{Environment, ModelResult, Results, WorkloadOutput};
    use crate::vocab::Workload;

    let (settings, errors) = validate(
        &RawSettings::from_query("workload=convoy&models=gil,threads"),
        2,
        &[],
    );
    assert!(errors.is_empty(), "{errors:?}");
    let mut results = Results::new(Environment::default(), &settings);
    let run = |model, wall, contended, wait| ModelResult {
        output: WorkloadOutput::Convoy {
            io_latency_ms: latency(4.3, contended),
            convoy: stats(232.0, 1_000.0 / contended, wait),
        },
        ..ModelResult::finished(model, Workload::Convoy, wall)
    };
    // gil's wall includes its sweep: longer, but the models do not race.
    results
        .runs
        .push(run(ModelId::Gil, 2_400.0, 15.2, 40.0 * 10.1));
    results.runs.push(run(ModelId::Threads, 400.0, 4.6, 0.0));
    let sentences = crate::teach::explain(&results);
    let text = sentences.join(" ");
    assert!(!text.contains("fastest"), "no race of wall times: {text}");
    assert!(
        text.contains("gil: the I/O thread's requests took 4.3 ms alone and 15 ms"),
        "{text}"
    );
    assert!(text.contains("3.53x as long"), "{text}");
    assert!(
        text.contains("threads: the I/O thread's requests took 4.3 ms alone and 4.6 ms"),
        "{text}"
    );
    assert!(text.contains("about the same"), "{text}");
    assert!(text.contains("30,000"), "{text}");
    for s in &sentences {
        assert!(s.chars().count() < 240 && s.ends_with('.'), "{s}");
    }
}
