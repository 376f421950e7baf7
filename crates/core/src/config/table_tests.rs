use super::*;
use crate::config::{to_query, validate, RawSettings, Settings, Value};

#[test]
fn every_key_has_exactly_one_row_at_its_index_and_its_name_parses_back() {
    for (i, key) in Key::ALL.into_iter().enumerate() {
        assert_eq!(SETTINGS[i].key, key, "row {i} is {key:?}'s");
        assert_eq!(key as usize, i);
        assert_eq!(Key::parse(key.as_str()), Some(key));
        let json = serde_json::to_string(&key).expect("serialise");
        assert_eq!(
            json,
            format!("\"{}\"", key.as_str()),
            "serde spells it as the URL"
        );
    }
    let mut names: Vec<&str> = SETTINGS.iter().map(|s| s.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), SETTINGS.len(), "names are distinct");
}

#[test]
fn the_query_and_form_orders_hold_each_key_once() {
    let mut query = QUERY_ORDER.to_vec();
    query.sort();
    assert_eq!(query, Key::ALL.to_vec());
    let mut form = FORM_ORDER.to_vec();
    form.sort();
    let fields: Vec<Key> = Key::ALL
        .into_iter()
        .filter(|k| matches!(k.spec().input, Input::Number | Input::Url))
        .collect();
    assert_eq!(form, fields, "every field, and only fields, in FORM_ORDER");
}

#[test]
fn defaults_are_in_range_and_validate_in_every_workload() {
    for workload in Workload::ALL {
        for key in Key::ALL {
            let v = key.default_value(workload, 4);
            if let (Some(range), Value::Number(n)) = (key.range(), &v) {
                assert!(range.contains(*n), "{key} default {n} outside {range:?}");
            }
        }
        let (s, errors) = validate(
            &RawSettings::from_pairs([("workload", workload.as_str())]),
            4,
            &[],
        );
        assert!(errors.is_empty(), "{workload}: {errors:?}");
        assert_eq!(s.workload, workload);
        for key in [Key::Requests, Key::Latency] {
            assert_eq!(
                s.value(key),
                key.default_value(workload, 4),
                "{workload} {key}"
            );
        }
    }
}

#[test]
fn the_query_round_trips_through_validation_for_every_workload_and_model() {
    for workload in Workload::ALL {
        for model in crate::vocab::ModelId::ALL {
            let mut s = Settings::defaults(3);
            s.workload = workload;
            s.models = vec![model, crate::vocab::ModelId::Sequential];
            s.models.dedup();
            s.n = 12;
            s.concurrency = (workload == Workload::Fetch).then_some(4);
            s.block_ms = (workload == Workload::Fetch && model == crate::vocab::ModelId::Async)
                .then_some(30);
            let q = to_query(&s);
            let (back, errors) = validate(&RawSettings::from_query(&q), 3, &[]);
            assert!(errors.is_empty(), "{q}: {errors:?}");
            assert_eq!(to_query(&back), q);
            for key in QUERY_ORDER {
                let named = q.split('&').any(|p| p.starts_with(&format!("{key}=")));
                let applies = key.applies(workload, &s.models);
                let present = s.value(key) != Value::Absent;
                assert_eq!(named, applies && present, "{key} in {q}");
            }
        }
    }
}

#[test]
fn applies_says_where() {
    use crate::vocab::ModelId::{Async, Gil, Threads};
    assert!(Key::N.applies(Workload::Pipeline, &[]));
    assert!(!Key::N.applies(Workload::Fetch, &[]));
    assert!(Key::SwitchMs.applies(Workload::Race, &[Gil]));
    assert!(!Key::SwitchMs.applies(Workload::Race, &[Threads]));
    assert!(Key::BlockMs.applies(Workload::Fetch, &[Async]));
    assert!(!Key::BlockMs.applies(Workload::Pipeline, &[Async]));
    assert!(!Key::BlockMs.applies(Workload::Fetch, &[Threads]));
}

#[test]
fn help_follows_the_range_and_the_workload() {
    assert_eq!(Key::N.spec().help(Workload::Fib, 4), "1-45");
    assert_eq!(
        Key::Threads.spec().help(Workload::Fib, 8),
        "1-32; this machine has 8 cores"
    );
    assert_eq!(
        Key::Jitter.spec().help(Workload::Fetch, 1),
        "0-10000; same link, same delays"
    );
    assert_eq!(Key::Jitter.spec().help(Workload::Pipeline, 1), "0-10000");
    assert!(Key::Url
        .spec()
        .help(Workload::Fetch, 1)
        .starts_with("Empty = "));
    assert_eq!(
        Key::Requests.spec().label.for_workload(Workload::Pipeline),
        "Items"
    );
    assert_eq!(
        Key::Requests.spec().label.for_workload(Workload::Fetch),
        "Requests"
    );
}
