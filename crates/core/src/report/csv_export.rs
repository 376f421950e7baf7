//! Results as CSV: one row per task, with its run's model and status, for
//! spreadsheets (a class's runs pasted together, for example).

use super::model_result::RunStatus;
use super::results::Results;
use super::task::TaskStatus;

/// Column names, in order.
pub const HEADER: [&str; 14] = [
    "model",
    "workload",
    "run_status",
    "wall_ms",
    "task",
    "lane",
    "start_ms",
    "end_ms",
    "task_status",
    "value",
    "http_status",
    "bytes",
    "wait_ms",
    "error",
];

/// The tasks of every run as CSV text (a run without tasks gets one row
/// with empty task columns, so skipped models still appear).
///
/// # Errors
/// Only if writing to memory fails, which it does not; the error is kept
/// for the `csv` crate's signature.
pub fn to_csv(results: &Results) -> Result<String, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(HEADER)?;
    for run in &results.runs {
        let status = match run.status {
            RunStatus::Ok => "ok",
            RunStatus::Failed => "failed",
            RunStatus::Skipped => "skipped",
            RunStatus::Cancelled => "cancelled",
        };
        let wall = run.wall_ms.map(|w| format!("{w:.3}")).unwrap_or_default();
        let head = [
            run.model.as_str(),
            run.workload.as_str(),
            status,
            wall.as_str(),
        ];
        if run.tasks.is_empty() {
            let reason = run
                .skipped_reason
                .clone()
                .or_else(|| run.error.clone())
                .unwrap_or_default();
            let mut row: Vec<String> = head.iter().map(|s| (*s).to_owned()).collect();
            row.extend(std::iter::repeat_n(String::new(), 9));
            row.push(reason);
            out.write_record(&row)?;
            continue;
        }
        for t in &run.tasks {
            let task_status = match t.status {
                TaskStatus::Ok => "ok",
                TaskStatus::Failed => "failed",
                TaskStatus::Cancelled => "cancelled",
            };
            let mut row: Vec<String> = head.iter().map(|s| (*s).to_owned()).collect();
            row.extend([
                t.index.to_string(),
                t.lane.clone(),
                format!("{:.3}", t.start_ms),
                format!("{:.3}", t.end_ms),
                task_status.to_owned(),
                t.value.clone().unwrap_or_default(),
                t.http_status.map(|s| s.to_string()).unwrap_or_default(),
                t.bytes.map(|b| b.to_string()).unwrap_or_default(),
                t.wait_ms.map(|w| format!("{w:.3}")).unwrap_or_default(),
                t.error.clone().unwrap_or_default(),
            ]);
            out.write_record(&row)?;
        }
    }
    let bytes = out.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Settings, Workload};
    use crate::models::ModelId;
    use crate::report::{Environment, ModelResult, TaskRecord};

    #[test]
    fn one_row_per_task_and_quoted_errors() {
        let mut results = Results::new(Environment::default(), &Settings::defaults(2));
        let mut ok = ModelResult::skipped(ModelId::Async, Workload::Fetch, "");
        ok.status = RunStatus::Ok;
        ok.skipped_reason = None;
        ok.wall_ms = Some(150.5);
        ok.tasks = vec![
            TaskRecord::fetch(
                0,
                "page".into(),
                0.0,
                150.0,
                Ok(crate::workloads::latency::Answer::Http {
                    status: 200,
                    bytes: 2048,
                }),
            ),
            TaskRecord::fetch(
                1,
                "page".into(),
                0.0,
                1.0,
                Err("no response, \"CORS\"".into()),
            ),
        ];
        results.runs.push(ok);
        results.runs.push(ModelResult::skipped(
            ModelId::Threads,
            Workload::Fetch,
            "not isolated",
        ));
        let text = to_csv(&results).expect("csv");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .expect("header")
            .iter()
            .map(str::to_owned)
            .collect();
        assert_eq!(header, HEADER);
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(&rows[0][0], "async");
        assert_eq!(&rows[0][10], "200");
        assert_eq!(
            &rows[1][13], "no response, \"CORS\"",
            "commas and quotes survive"
        );
        assert_eq!(&rows[2][2], "skipped");
        assert_eq!(&rows[2][13], "not isolated");
    }
}
