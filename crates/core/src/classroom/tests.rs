//! Tests of reading many files, the class's limits and errors, and the
//! reference match.

use super::fixtures::{learner, reference_text, reference_values, CHROME, FIREFOX};
use super::*;

fn text(v: &serde_json::Value) -> String {
    serde_json::to_string_pretty(v).expect("json")
}

#[test]
fn a_file_may_hold_one_payload_an_array_or_json_lines() {
    let one = learner(4, CHROME, 30, &[("sequential", Some(100.0))]);
    assert_eq!(read_text(&text(&one)).map(|d| d.len()), Ok(1));
    let array = serde_json::Value::Array(vec![one.clone(), one.clone()]);
    assert_eq!(read_text(&text(&array)).map(|d| d.len()), Ok(2));
    let docs = read_text(reference_text()).expect("the reference file");
    assert_eq!(docs.len(), 9);
    assert_eq!(docs[0].environment.hardware_concurrency, Some(16));
    assert_eq!(docs[8].runs[0].task_count(), 1000);
    assert_eq!(docs[5].runs[1].lane_count(), 16);
    // An embed message wrapping a payload, and a byte-order mark.
    let message = serde_json::json!({ "source": "concurrency-playground", "type": "run-finished", "payload": one });
    assert_eq!(
        read_text(&format!("\u{feff}{}", text(&message))).map(|d| d.len()),
        Ok(1)
    );
}

#[test]
fn unknown_fields_and_missing_optional_ones_are_tolerated() {
    let mut doc = learner(
        4,
        CHROME,
        30,
        &[("sequential", Some(100.0)), ("convoy-thing", Some(50.0))],
    );
    doc["environment"]["isolation"] = "coop-coep".into();
    doc["future_field"] = serde_json::json!({ "x": 1 });
    doc["runs"][0]["io_latency_ms"] = serde_json::json!({ "alone": 1.0, "contended": 2.0 });
    if let Some(env) = doc["environment"].as_object_mut() {
        env.remove("threads_available");
    }
    let docs = read_text(&text(&doc)).expect("tolerated");
    assert_eq!(docs[0].environment.isolation.as_deref(), Some("coop-coep"));
    assert_eq!(docs[0].runs[1].model, "convoy-thing");
}

#[test]
fn malformed_files_are_named_with_what_is_wrong() {
    assert_eq!(read_text("  \n"), Err(ReadError::Empty));
    assert!(matches!(
        read_text("{ \"schema\": "),
        Err(ReadError::Malformed { line: None, .. })
    ));
    // A pretty-printed file with an error is not taken for JSON lines.
    let broken = "{\n  \"schema\": \"concurrency-playground/results@1\",\n  oops\n}";
    assert!(matches!(
        read_text(broken),
        Err(ReadError::Malformed { line: None, .. })
    ));
    // JSON lines with one bad line: the line is named, nothing is read.
    let mut lines: Vec<&str> = reference_text().lines().take(3).collect();
    lines.insert(2, "{not json");
    let err = read_text(&lines.join("\n")).expect_err("a bad line");
    assert!(
        matches!(err, ReadError::Malformed { line: Some(3), .. }),
        "{err:?}"
    );
    assert!(
        err.to_string().starts_with("line 3: not valid JSON"),
        "{err}"
    );
    let bad_type = r#"{"schema":"concurrency-playground/results@1","runs":[{"wall_ms":"fast"}]}"#;
    assert!(matches!(
        read_text(bad_type),
        Err(ReadError::BadField { .. })
    ));
}

#[test]
fn other_schemas_and_versions_are_refused_by_name() {
    assert_eq!(
        read_text(r#"{"a": 1}"#),
        Err(ReadError::NoSchema { line: None })
    );
    assert_eq!(
        read_text(r#"{"schema": "concurrency-playground/results@2"}"#),
        Err(ReadError::UnsupportedVersion {
            line: None,
            found: "2".into()
        })
    );
    let other = read_text(r#"{"schema": "vega-lite/v5"}"#).expect_err("another schema");
    assert_eq!(
        other,
        ReadError::WrongSchema {
            line: None,
            found: "vega-lite/v5".into()
        }
    );
    assert!(other
        .to_string()
        .contains("expected \"concurrency-playground/results@1\""));
    assert!(matches!(
        read_text("[1, 2]"),
        Err(ReadError::NoSchema { .. })
    ));
}

#[test]
fn sizes_and_counts_have_limits() {
    assert_eq!(check_size(MAX_FILE_BYTES), Ok(()));
    let fifty_mb = 50 * 1024 * 1024;
    let err = check_size(fifty_mb).expect_err("a 50 MB file");
    assert_eq!(err, ReadError::TooLarge { size: fifty_mb });
    assert!(err.to_string().contains("up to 16777216 bytes"), "{err}");
    let many = serde_json::Value::Array(vec![serde_json::json!({}); MAX_DOCS_PER_FILE + 1]);
    assert_eq!(
        read_text(&many.to_string()),
        Err(ReadError::TooManyDocs {
            count: MAX_DOCS_PER_FILE + 1
        })
    );
    let class = Class::new();
    assert_eq!(class.check_batch(MAX_FILES), Ok(()));
    let err = class.check_batch(500).expect_err("500 files");
    assert_eq!(
        err,
        ClassError::TooManyFiles {
            adding: 500,
            already: 0
        }
    );
    assert!(err
        .to_string()
        .starts_with("500 files at once are too many"));
}

#[test]
fn a_bad_file_changes_nothing_already_added() {
    let mut class = Class::new();
    let a = learner(
        4,
        CHROME,
        30,
        &[("sequential", Some(100.0)), ("threads", Some(30.0))],
    );
    assert_eq!(class.add_file("alice.json", &text(&a)), Ok(1));
    assert_eq!(class.add_file("ref.jsonl", reference_text()), Ok(9));
    let before = class.clone();
    let err = class.add_file("bob.json", "{oops").expect_err("malformed");
    assert_eq!(err.name, "bob.json");
    assert!(
        err.to_string().starts_with("bob.json: not valid JSON"),
        "{err}"
    );
    let err = class.add_code("cp1.AAAA").expect_err("damaged code");
    assert_eq!(err.name, "code 1 (cp1.AAAA)");
    let err = class
        .add_file("alice (copy).json", &text(&a))
        .expect_err("again");
    assert_eq!(
        err.error,
        ReadError::Duplicate {
            of: "alice.json".into()
        }
    );
    assert_eq!(
        (class.runs(), class.added()),
        (before.runs(), before.added())
    );
    assert_eq!(class.runs()[1].source, "ref.jsonl line 1");
    assert_eq!(class.runs()[9].position, 8);
    // A code adds one more row, named by its number among the codes offered.
    let code = encode(
        &learner(2, FIREFOX, 30, &[("sequential", Some(90.0))]),
        Detail::Summary,
    )
    .expect("encode");
    assert_eq!(class.add_code(&code), Ok(1));
    assert_eq!(
        class.runs().last().map(|r| r.source.as_str()),
        Some("code 2")
    );
    // Another file of the same name (another folder) gets its own name.
    let c = learner(8, FIREFOX, 30, &[("sequential", Some(80.0))]);
    assert_eq!(class.add_file("alice.json", &text(&c)), Ok(1));
    assert_eq!(
        class.runs().last().map(|r| r.source.as_str()),
        Some("alice.json (2)")
    );
    assert_eq!(
        class.remove_run("ref.jsonl line 3", 2).map(|r| r.position),
        Some(2)
    );
    assert_eq!(class.remove_run("ref.jsonl line 3", 2), None);
    assert_eq!(class.remove(0).map(|r| r.source), Some("alice.json".into()));
    assert_eq!(class.remove(99), None);
    class.clear();
    assert_eq!((class.runs().len(), class.added()), (0, 0));
}

#[test]
fn a_full_class_refuses_more_files_by_name() {
    let mut class = Class::new();
    for i in 0..MAX_FILES {
        let doc = learner(2, CHROME, 30, &[("sequential", Some(100.0 + i as f64))]);
        assert_eq!(class.add_file(&format!("f{i}.json"), &text(&doc)), Ok(1));
    }
    let doc = learner(2, CHROME, 30, &[("sequential", Some(1.0))]);
    let err = class.add_file("late.json", &text(&doc)).expect_err("full");
    assert_eq!(
        (err.name.as_str(), err.error),
        ("late.json", ReadError::ClassFull)
    );
    let err = class.check_batch(1).expect_err("full");
    assert_eq!(
        err.to_string(),
        "too many files: the class view holds up to 200 files and has 200 (0 more fit); \
         remove some first, or add fewer at a time"
    );
}

#[test]
fn a_learners_run_is_matched_to_the_reference_run_that_shows_many_cores() {
    let references = read_reference(reference_text()).expect("the shipped file");
    assert!(references.iter().all(|r| r.reference));
    // fib n=34 tasks=64 on 4 cores: the 16-thread reference of that experiment.
    let mut mine = learner(
        4,
        CHROME,
        34,
        &[("sequential", Some(1200.0)), ("threads", Some(340.0))],
    );
    mine["config"]["tasks"] = 64.into();
    let mut class = Class::new();
    class.add_value("your run", mine).expect("own run");
    let found = match_reference(&class.runs()[0], &references).expect("a match");
    assert!(matches!(found, ReferenceMatch::SameExperiment(_)));
    assert_eq!((found.run().position, found.run().threads), (5, Some(16)));
    // With gil too (its `switch_ms` echoed): still that experiment.
    let mut with_gil = learner(
        4,
        CHROME,
        34,
        &[("sequential", Some(1200.0)), ("gil", Some(1300.0))],
    );
    with_gil["config"]["tasks"] = 64.into();
    with_gil["config"]["switch_ms"] = 5.into();
    let run = ClassRow::from_doc(&read_value(with_gil, None).expect("doc"), "gil");
    let found = match_reference(&run, &references).expect("a match");
    assert!(
        matches!(found, ReferenceMatch::SameExperiment(_)),
        "{found:?}"
    );
    // fib n=30 with gil: no such experiment; the same workload sharing most models.
    let other = learner(
        2,
        CHROME,
        30,
        &[("sequential", Some(100.0)), ("gil", Some(120.0))],
    );
    class.add_value("other", other).expect("own run");
    let found = match_reference(&class.runs()[1], &references).expect("a match");
    assert!(matches!(found, ReferenceMatch::SameWorkload(_)));
    assert_eq!(found.run().position, 6, "the run with gil");
    assert!(REFERENCE_LABEL.contains("recorded elsewhere"));
    // A workload the references do not have: no match.
    let mut race = learner(2, CHROME, 30, &[("sequential", Some(1.0))]);
    race["config"]["workload"] = "race".into();
    class.add_value("race", race).expect("own run");
    assert_eq!(match_reference(&class.runs()[2], &references), None);
    assert_eq!(reference_values().len(), references.len());
}

#[test]
fn a_summary_code_gives_the_row_of_its_file_up_to_rounding() {
    for doc in reference_values() {
        let code = encode(&doc, Detail::Summary).expect("encode");
        let from_code = ClassRow::from_doc(&read_code(&code).expect("decode"), "c");
        let from_file = ClassRow::from_doc(&read_value(doc, None).expect("read"), "c");
        assert_eq!(from_code.experiment, from_file.experiment);
        assert_eq!(
            (&from_code.browser, from_code.cores, from_code.threads),
            (&from_file.browser, from_file.cores, from_file.threads)
        );
        assert_eq!(from_code.models.len(), from_file.models.len());
        for (c, f) in from_code.models.iter().zip(&from_file.models) {
            assert_eq!((&c.model, c.lanes, c.tasks), (&f.model, f.lanes, f.tasks));
            let near = |a: Option<f64>, b: Option<f64>, tol: f64| match (a, b) {
                (Some(a), Some(b)) => (a - b).abs() <= tol,
                (a, b) => a.is_none() && b.is_none(),
            };
            assert!(near(c.wall_ms, f.wall_ms, 0.005));
            assert!(
                near(c.speedup, f.speedup, 0.01),
                "{:?} {:?}",
                c.speedup,
                f.speedup
            );
        }
    }
}
