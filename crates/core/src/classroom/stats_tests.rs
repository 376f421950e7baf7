//! Tests of rows, grouping, medians, speedups, flags and the CSV.

use super::*;
use crate::classroom::fixtures::{learner, reference_text, CHROME, FIREFOX};
use crate::classroom::{class_csv, read_reference, read_value, Class};

/// A class of five learners: four ran fib(30) (one without isolation, so
/// threads skipped), one ran fib(32).
fn class() -> Class {
    let mut class = Class::new();
    let runs = [
        (
            "ana",
            learner(
                2,
                CHROME,
                30,
                &[("sequential", Some(100.0)), ("threads", Some(55.0))],
            ),
        ),
        (
            "ben",
            learner(
                4,
                FIREFOX,
                30,
                &[("sequential", Some(120.0)), ("threads", Some(40.0))],
            ),
        ),
        (
            "cy",
            learner(
                8,
                CHROME,
                30,
                &[("sequential", Some(80.0)), ("threads", Some(12.0))],
            ),
        ),
        (
            "dee",
            learner(
                4,
                CHROME,
                30,
                &[("sequential", Some(110.0)), ("threads", None)],
            ),
        ),
        (
            "eve",
            learner(
                4,
                CHROME,
                32,
                &[("sequential", Some(260.0)), ("threads", Some(70.0))],
            ),
        ),
    ];
    for (name, doc) in runs {
        let text = serde_json::to_string(&doc).expect("json");
        class
            .add_file(&format!("{name}.json"), &text)
            .expect("a good file");
    }
    class
}

#[test]
fn a_row_has_the_machine_and_each_models_time_and_speedup() {
    let class = class();
    let ben = &class.runs()[1];
    assert_eq!(
        (ben.cores, ben.threads, ben.cores_used()),
        (Some(4), Some(4), Some(4))
    );
    assert_eq!(ben.browser.to_string(), "Firefox 133");
    assert_eq!(ben.isolation.to_string(), "isolated");
    let threads = ben.model("threads").expect("threads");
    assert_eq!(threads.wall_ms, Some(40.0));
    assert_eq!(threads.speedup, Some(3.0));
    assert_eq!(ben.model("sequential").and_then(|m| m.speedup), Some(1.0));
    assert_eq!(ben.experiment.to_string(), "fib n=30 tasks=32");
    assert!(ben.flags.is_empty());
}

#[test]
fn runs_group_by_experiment_largest_group_first() {
    let groups = group_runs(class().runs());
    assert_eq!(groups.len(), 2);
    assert!(groups[0].main && !groups[1].main);
    assert_eq!(groups[0].experiment.to_string(), "fib n=30 tasks=32");
    let sources: Vec<&str> = groups[0].runs.iter().map(|r| r.source.as_str()).collect();
    assert_eq!(
        sources,
        vec!["ana.json", "dee.json", "ben.json", "cy.json"],
        "by cores, then browser"
    );
    assert_eq!(groups[1].runs[0].source, "eve.json");
    // The pool size and the model list do not split an experiment.
    let mut a = learner(2, CHROME, 30, &[("sequential", Some(1.0))]);
    a["config"]["threads"] = 7.into();
    let b = learner(16, CHROME, 30, &[("threads", Some(1.0))]);
    let rows: Vec<ClassRow> = [a, b]
        .into_iter()
        .map(|v| ClassRow::from_doc(&read_value(v, None).expect("doc"), "x"))
        .collect();
    assert_eq!(group_runs(&rows).len(), 1);
    // Any other setting does: a fetch latency, say.
    let mut c = learner(2, CHROME, 30, &[("sequential", Some(1.0))]);
    c["config"]["latency"] = 150.into();
    let c = ClassRow::from_doc(&read_value(c, None).expect("doc"), "c");
    assert_ne!(c.experiment, rows[0].experiment);
}

#[test]
fn class_medians_are_per_model_per_group_over_finished_runs() {
    let groups = group_runs(class().runs());
    let g = &groups[0];
    let seq = g.median("sequential").expect("sequential");
    assert_eq!(
        (seq.wall_ms, seq.count),
        (Some(105.0), 4),
        "median of 80 100 110 120"
    );
    let threads = g.median("threads").expect("threads");
    assert_eq!(
        (threads.wall_ms, threads.count),
        (Some(40.0), 3),
        "dee skipped"
    );
    // Speedups 100/55, 120/40 = 3, 80/12: the median is 3.
    assert_eq!(threads.speedup, Some(3.0));
    assert_eq!(seq.speedup, Some(1.0));
    let models: Vec<&str> = g.medians.iter().map(|m| m.model.as_str()).collect();
    assert_eq!(models, vec!["sequential", "threads"]);
}

#[test]
fn runs_that_cannot_be_compared_are_flagged() {
    let groups = group_runs(class().runs());
    let dee = groups[0]
        .runs
        .iter()
        .find(|r| r.source == "dee.json")
        .expect("dee");
    assert_eq!(
        dee.flags,
        vec![
            Flag::IsolationOff,
            Flag::ModelNotRun {
                model: "threads".into(),
                status: "skipped".into()
            }
        ]
    );
    let eve = &groups[1].runs[0];
    assert_eq!(
        eve.flags,
        vec![Flag::DifferentExperiment {
            main: "fib n=30 tasks=32".into()
        }]
    );
    assert!(eve.flags[0].to_string().contains("different experiment"));
    // Repeats 1098-1511 ms are within 1.5x; a 1.6x spread is flagged.
    let refs = read_reference(reference_text()).expect("reference");
    assert!(refs[0].flags.is_empty(), "{:?}", refs[0].flags);
    let mut wide = learner(2, CHROME, 30, &[("sequential", Some(100.0))]);
    wide["runs"][0]["wall_ms_min"] = 80.0.into();
    wide["runs"][0]["wall_ms_max"] = 128.0.into();
    let wide = ClassRow::from_doc(&read_value(wide, None).expect("doc"), "w");
    assert_eq!(wide.flags.len(), 1);
    assert!(matches!(&wide.flags[0], Flag::LargeSpread { model, ratio }
        if model == "sequential" && (ratio - 1.6).abs() < 1e-9));
}

#[test]
fn speedup_follows_cores_with_the_ideal_line() {
    let class = class();
    let series = speedup_series(class.runs());
    assert_eq!(series.len(), 1, "sequential has no series");
    let threads = &series[0];
    assert_eq!(threads.model, "threads");
    let points: Vec<(u32, f64)> = threads
        .points
        .iter()
        .map(|p| (p.cores, p.speedup))
        .collect();
    assert_eq!(points.len(), 4, "dee has no threads time");
    assert_eq!(points[0], (2, 100.0 / 55.0));
    assert_eq!(points[3], (8, 80.0 / 12.0));
    assert_eq!(ideal_line(&series), [(1.0, 1.0), (8.0, 8.0)]);
    // The reference sweep: threads 1..16 on 16 cores, at 1..16 cores used.
    let refs = read_reference(reference_text()).expect("reference");
    let series = speedup_series(&refs[..6]);
    let cores: Vec<u32> = series[0].points.iter().map(|p| p.cores).collect();
    assert_eq!(cores, vec![1, 2, 4, 8, 12, 16]);
    assert!(series[0].points.iter().all(|p| p.reference));
    let at16 = series[0].points[5].speedup;
    assert!((at16 - 924.614990234375 / 89.455078125).abs() < 1e-9);
    assert_eq!(ideal_line(&[]), [(1.0, 1.0), (1.0, 1.0)]);
}

#[test]
fn the_table_exports_as_csv_with_a_median_row_per_group() {
    let groups = group_runs(class().runs());
    let csv = class_csv(&groups).expect("csv");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(&header[..9], &FIXED_COLUMNS_FOR_TEST);
    assert_eq!(
        &header[9..],
        &[
            "sequential_wall_ms",
            "sequential_speedup",
            "threads_wall_ms",
            "threads_speedup"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("rows");
    assert_eq!(rows.len(), 5 + 2, "five runs and two medians");
    let ben = rows.iter().find(|r| &r[1] == "ben.json").expect("ben");
    assert_eq!(
        (&ben[3], &ben[5], &ben[11], &ben[12]),
        ("4", "Firefox 133", "40.000", "3.000")
    );
    let dee = rows.iter().find(|r| &r[1] == "dee.json").expect("dee");
    assert!(dee[8].starts_with("isolation off") && dee[8].contains("; threads skipped"));
    assert_eq!(&dee[11], "", "no time for a skipped model");
    let median = &rows[4];
    assert_eq!(
        (&median[1], &median[7], &median[9]),
        ("class median", "4", "105.000")
    );
    assert_eq!(&rows[6][1], "class median");
}

const FIXED_COLUMNS_FOR_TEST: [&str; 9] = crate::classroom::FIXED_COLUMNS;
