//! A learner's progress through the lessons: their prediction for each
//! lesson (a ranking of the models, fastest first, and an optional guess of
//! the winner's time) and whether they have run it. Kept by the page in the
//! browser's local storage as JSON; pure here.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::models::ModelId;
use crate::report::{Results, RunStatus};

/// What a learner predicted before running a lesson.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Prediction {
    /// Fastest first.
    pub ranking: Vec<ModelId>,
    /// The learner's guess of the fastest model's time, ms.
    #[serde(default)]
    pub guess_ms: Option<f64>,
}

/// One lesson's entry.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LessonProgress {
    #[serde(default)]
    pub prediction: Option<Prediction>,
    /// The measured ranking of the last run, fastest first.
    #[serde(default)]
    pub measured: Vec<ModelId>,
    #[serde(default)]
    pub done: bool,
}

/// Progress through every lesson, by lesson id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonProgress>,
}

impl Progress {
    /// Reads stored progress; anything unreadable starts afresh.
    pub fn from_json(text: &str) -> Progress {
        serde_json::from_str(text).unwrap_or_default()
    }

    /// The JSON to store.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_owned())
    }

    /// Records a prediction for `lesson` (replacing an earlier one).
    pub fn predict(&mut self, lesson: &str, prediction: Prediction) {
        self.lessons
            .entry(lesson.to_owned())
            .or_default()
            .prediction = Some(prediction);
    }

    /// Records a finished run of `lesson`.
    pub fn ran(&mut self, lesson: &str, results: &Results) {
        let entry = self.lessons.entry(lesson.to_owned()).or_default();
        entry.measured = measured_ranking(results);
        entry.done = true;
    }

    /// How many of `ids` are done.
    pub fn done_count<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> usize {
        ids.into_iter()
            .filter(|id| self.lessons.get(*id).is_some_and(|e| e.done))
            .count()
    }
}

/// The models that ran, fastest first: by wall time, or for the convoy by
/// the I/O thread's latency beside the CPU threads (what its lesson asks).
pub fn measured_ranking(results: &Results) -> Vec<ModelId> {
    let mut ok: Vec<(ModelId, f64)> = results
        .runs
        .iter()
        .filter(|r| r.status == RunStatus::Ok)
        .filter_map(|r| {
            let key = r.output.convoy().map(|(l, _)| l.contended).or(r.wall_ms);
            key.map(|k| (r.model, k))
        })
        .collect();
    ok.sort_by(|a, b| a.1.total_cmp(&b.1));
    ok.into_iter().map(|(m, _)| m).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Settings, Workload};
    use crate::report::{ConvoyStats, Environment, IoLatency, ModelResult, WorkloadOutput};

    fn ok(model: ModelId, ms: f64) -> ModelResult {
        ModelResult::finished(model, Workload::Fib, ms)
    }

    #[test]
    fn the_convoy_ranks_by_the_contended_latency() {
        let mut r = Results::new(Environment::default(), &Settings::defaults(2));
        let convoy = |model, wall, contended| ModelResult {
            output: WorkloadOutput::Convoy {
                io_latency_ms: IoLatency {
                    alone: 4.0,
                    contended,
                },
                convoy: ConvoyStats {
                    requests: 8,
                    alone_per_s: 250.0,
                    contended_per_s: 100.0,
                    cpu_threads: 3,
                    cpu_n: 22,
                    cpu_per_s: 1_000.0,
                    io_lock_wait_ms: 0.0,
                    switch_ms: None,
                    sweep: Vec::new(),
                },
            },
            ..ok(model, wall)
        };
        // gil's run is shorter here, but its requests were slower.
        r.runs.push(convoy(ModelId::Gil, 900.0, 15.0));
        r.runs.push(convoy(ModelId::Threads, 1_000.0, 4.5));
        assert_eq!(measured_ranking(&r), vec![ModelId::Threads, ModelId::Gil]);
    }

    #[test]
    fn a_prediction_and_a_run_are_kept_and_survive_json() {
        let mut p = Progress::default();
        p.predict(
            "the-gil",
            Prediction {
                ranking: vec![ModelId::Threads, ModelId::Sequential, ModelId::Gil],
                guess_ms: Some(200.0),
            },
        );
        let mut results = Results::new(Environment::default(), &Settings::defaults(2));
        results.runs = vec![
            ok(ModelId::Sequential, 300.0),
            ok(ModelId::Threads, 160.0),
            ok(ModelId::Gil, 320.0),
            ModelResult::skipped(ModelId::Async, Workload::Fib, "x"),
        ];
        p.ran("the-gil", &results);
        let back = Progress::from_json(&p.to_json());
        assert_eq!(back, p);
        let entry = &back.lessons["the-gil"];
        assert!(entry.done);
        assert_eq!(
            entry.measured,
            vec![ModelId::Threads, ModelId::Sequential, ModelId::Gil]
        );
        assert_eq!(back.done_count(["the-gil", "cpu-or-io"]), 1);
    }

    #[test]
    fn unreadable_storage_starts_afresh() {
        assert_eq!(Progress::from_json("not json"), Progress::default());
        assert_eq!(Progress::from_json(""), Progress::default());
    }
}
