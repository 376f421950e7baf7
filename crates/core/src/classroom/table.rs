//! The class table as CSV: one row per run, then the class median of each
//! group, for spreadsheets. Pure.

use super::runs::ClassRow;
use super::stats::{models_of, ExperimentGroup};

/// Columns before the per-model ones.
pub const FIXED_COLUMNS: [&str; 9] = [
    "experiment",
    "source",
    "recorded_elsewhere",
    "cores",
    "threads",
    "browser",
    "isolation",
    "runs",
    "flags",
];

fn num(v: Option<f64>, decimals: usize) -> String {
    v.map(|v| format!("{v:.decimals$}")).unwrap_or_default()
}

/// The groups as CSV text: after the fixed columns, `<model>_wall_ms` and
/// `<model>_speedup` for every model of any run; each group ends with a
/// `class median` row (`runs`: how many runs the median is of).
///
/// # Errors
/// Only if writing to memory fails, which it does not; kept for the `csv`
/// crate's signature.
pub fn class_csv(groups: &[ExperimentGroup]) -> Result<String, csv::Error> {
    let models = models_of(groups.iter().flat_map(|g| g.runs.iter()));
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = FIXED_COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    for m in &models {
        header.push(format!("{m}_wall_ms"));
        header.push(format!("{m}_speedup"));
    }
    out.write_record(&header)?;
    for g in groups {
        let experiment = g.experiment.to_string();
        for run in &g.runs {
            out.write_record(run_row(&experiment, run, &models))?;
        }
        let count = g.medians.iter().map(|m| m.count).max().unwrap_or(0);
        let mut row = vec![
            experiment.clone(),
            "class median".to_owned(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            count.to_string(),
            String::new(),
        ];
        for m in &models {
            let median = g.median(m);
            row.push(num(median.and_then(|x| x.wall_ms), 3));
            row.push(num(median.and_then(|x| x.speedup), 3));
        }
        out.write_record(&row)?;
    }
    let bytes = out.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn run_row(experiment: &str, run: &ClassRow, models: &[String]) -> Vec<String> {
    let flags: Vec<String> = run.flags.iter().map(ToString::to_string).collect();
    let mut row = vec![
        experiment.to_owned(),
        run.source.clone(),
        if run.reference { "yes" } else { "no" }.to_owned(),
        run.cores.map(|c| c.to_string()).unwrap_or_default(),
        run.threads.map(|t| t.to_string()).unwrap_or_default(),
        run.browser.to_string(),
        run.isolation.to_string(),
        "1".to_owned(),
        flags.join("; "),
    ];
    for m in models {
        let result = run.model(m);
        row.push(num(result.and_then(|r| r.wall_ms), 3));
        row.push(num(result.and_then(|r| r.speedup), 3));
    }
    row
}
