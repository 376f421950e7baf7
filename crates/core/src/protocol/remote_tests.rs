//! Tests of the props the page hands the results module.

use super::*;
use crate::config::{Settings, Workload};
use crate::models::ModelId;
use crate::report::{Environment, ModelResult, Overheads, TaskRecord};

/// A finished run of `models` with `tasks` fib tasks each, with the
/// fractional times a browser's clock gives.
fn run_of(models: &[ModelId], tasks: u32) -> Results {
    let mut results = Results::new(Environment::default(), &Settings::defaults(4));
    for (m, &model) in models.iter().enumerate() {
        let tasks: Vec<TaskRecord> = (0..tasks)
            .map(|i| {
                let start = f64::from(i) * 0.731_234_567 + m as f64 / 3.0;
                TaskRecord::fib(
                    i,
                    format!("thread-{}", i % 4 + 1),
                    start,
                    start + 0.1,
                    832_040,
                )
            })
            .collect();
        const WALL: f64 = 1_234.567_890_123;
        results.runs.push(ModelResult {
            wall_ms_samples: vec![WALL],
            wall_ms_min: Some(WALL),
            wall_ms_max: Some(WALL),
            overheads_ms: Overheads::new(),
            tasks,
            page_longest_gap_ms: Some(16.7),
            page_long_frames: Some(0),
            ..ModelResult::finished(model, Workload::Fib, WALL)
        });
    }
    results.runs.push(ModelResult::skipped(
        ModelId::Async,
        Workload::Fib,
        "not here",
    ));
    results
}

/// `a` and `b` have the same JSON shape and text, and numbers that differ by
/// at most float rounding: serde_json's default float reader (without its
/// `float_roundtrip` feature) may be one unit in the last place off for
/// numbers printed with 17 digits.
fn same_up_to_rounding(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (
                x.as_f64().unwrap_or(f64::NAN),
                y.as_f64().unwrap_or(f64::NAN),
            );
            x == y || (x - y).abs() <= x.abs().max(y.abs()) * 4.0 * f64::EPSILON
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_up_to_rounding(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_up_to_rounding(v, w)))
        }
        _ => a == b,
    }
}

/// Encodes `props`, decodes the text, and checks that the decoded props
/// are the same (up to float rounding).
fn round_trips(props: &RemoteProps) {
    let text = props.encode().expect("props encode");
    let back = RemoteProps::decode(props.slot().as_str(), &text).expect("props decode");
    assert_eq!(back.slot(), props.slot());
    let value = |p: &RemoteProps| {
        match p {
            RemoteProps::Results(r) => serde_json::to_value(r),
            RemoteProps::Sweep(s) => serde_json::to_value(s),
        }
        .expect("props are JSON")
    };
    assert!(same_up_to_rounding(&value(props), &value(&back)), "{text}");
}

#[test]
fn rounding_is_all_that_can_differ() {
    let (a, b) = (
        serde_json::json!({"x": [1.0, "a"]}),
        serde_json::json!({"x": [1.0, "b"]}),
    );
    assert!(!same_up_to_rounding(&a, &b));
    let (a, b) = (
        serde_json::json!([10.237283938]),
        serde_json::json!([10.237283938000001]),
    );
    assert!(same_up_to_rounding(&a, &b));
    assert!(!same_up_to_rounding(
        &a,
        &serde_json::json!([10.2372839381])
    ));
}

#[test]
fn results_props_round_trip() {
    let props = RemoteProps::Results(Box::new(ResultsProps {
        results: run_of(&[ModelId::Sequential, ModelId::Threads], 50),
        finished: true,
        compact: false,
    }));
    round_trips(&props);
}

#[test]
fn a_large_run_round_trips() {
    let props = RemoteProps::Results(Box::new(ResultsProps {
        results: run_of(&ModelId::ALL, 2_000),
        finished: false,
        compact: true,
    }));
    round_trips(&props);
}

#[test]
fn sweep_props_round_trip() {
    let props = RemoteProps::Sweep(SweepProps {
        sweep: Sweep {
            model: ModelId::Gil,
            max_threads: 4,
            measured: vec![(1, 100.25), (2, 61.0 / 3.0)],
            running: false,
            error: Some("the engine worker failed: boom".into()),
        },
    });
    assert_eq!(props.slot(), Slot::Sweep);
    let text = props.encode().expect("sweep encodes");
    assert_eq!(RemoteProps::decode("sweep", &text), Ok(props.clone()));
    round_trips(&props);
}

#[test]
fn slots_have_one_name_each() {
    for slot in Slot::ALL {
        assert_eq!(Slot::parse(slot.as_str()), Ok(slot));
    }
}

#[test]
fn an_unknown_slot_is_a_typed_error_naming_the_known_ones() {
    let err = RemoteProps::decode("lessons", "{}").unwrap_err();
    assert_eq!(
        err,
        RemoteError::UnknownSlot {
            slot: "lessons".into()
        }
    );
    let known: Vec<&str> = Slot::ALL.iter().map(|s| s.as_str()).collect();
    assert_eq!(
        err.to_string(),
        format!(
            "no view slot is named `lessons` (known: {})",
            known.join(", ")
        )
    );
}

#[test]
fn props_of_another_slot_are_a_decode_error() {
    let sweep = RemoteProps::Sweep(SweepProps {
        sweep: Sweep {
            model: ModelId::Threads,
            max_threads: 2,
            measured: vec![],
            running: true,
            error: None,
        },
    });
    let text = sweep.encode().expect("sweep encodes");
    match RemoteProps::decode("results", &text) {
        Err(RemoteError::Decode {
            slot: "results", ..
        }) => {}
        other => panic!("expected a decode error of the results slot, got {other:?}"),
    }
    assert!(matches!(
        RemoteProps::decode("sweep", "not json"),
        Err(RemoteError::Decode { slot: "sweep", .. })
    ));
}
