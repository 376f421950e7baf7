//! Class statistics: runs grouped by experiment (a mixed pile sorts
//! itself), the class median per model per group, the flags that depend on
//! the group (a different experiment), and speedup against cores per model
//! with the ideal line. Pure.

use super::runs::{model_rank, ClassRow, ExperimentKey, Flag};
use crate::report::Summary;

/// A model's class median in one group.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelMedian {
    pub model: String,
    /// Median wall time over the runs where the model finished.
    pub wall_ms: Option<f64>,
    /// Median speedup over `sequential` over the runs that have one.
    pub speedup: Option<f64>,
    /// How many runs the wall-time median is of.
    pub count: usize,
}

/// The runs of one experiment.
#[derive(Clone, Debug, PartialEq)]
pub struct ExperimentGroup {
    pub experiment: ExperimentKey,
    /// Sorted by cores used, cores, browser and source; each with its own
    /// flags plus [`Flag::DifferentExperiment`] outside the main group.
    pub runs: Vec<ClassRow>,
    /// Per model, in the app's model order.
    pub medians: Vec<ModelMedian>,
    /// The class's main experiment: the group with the most runs.
    pub main: bool,
}

impl ExperimentGroup {
    /// The class median of `model`, when any run has it.
    pub fn median(&self, model: &str) -> Option<&ModelMedian> {
        self.medians.iter().find(|m| m.model == model)
    }
}

/// The runs grouped by experiment, the largest group first (ties: in
/// experiment order), so mixed piles sort themselves.
pub fn group_runs(runs: &[ClassRow]) -> Vec<ExperimentGroup> {
    let mut groups: Vec<ExperimentGroup> = Vec::new();
    for run in runs {
        match groups.iter_mut().find(|g| g.experiment == run.experiment) {
            Some(g) => g.runs.push(run.clone()),
            None => groups.push(ExperimentGroup {
                experiment: run.experiment.clone(),
                runs: vec![run.clone()],
                medians: Vec::new(),
                main: false,
            }),
        }
    }
    groups.sort_by(|a, b| {
        b.runs
            .len()
            .cmp(&a.runs.len())
            .then_with(|| a.experiment.cmp(&b.experiment))
    });
    let main_label = groups.first().map(|g| g.experiment.to_string());
    for (i, g) in groups.iter_mut().enumerate() {
        g.main = i == 0;
        g.runs.sort_by(|a, b| {
            (a.cores_used(), a.cores, &a.browser, &a.source).cmp(&(
                b.cores_used(),
                b.cores,
                &b.browser,
                &b.source,
            ))
        });
        if let (false, Some(main)) = (g.main, &main_label) {
            for r in &mut g.runs {
                r.flags
                    .push(Flag::DifferentExperiment { main: main.clone() });
            }
        }
        g.medians = medians(&g.runs);
    }
    groups
}

/// Every model of the runs, in the app's model order.
pub fn models_of<'a>(runs: impl IntoIterator<Item = &'a ClassRow>) -> Vec<String> {
    let mut models: Vec<String> = Vec::new();
    for run in runs {
        for m in &run.models {
            if !models.contains(&m.model) {
                models.push(m.model.clone());
            }
        }
    }
    models.sort_by_key(|m| model_rank(m));
    models
}

/// The median per model over the runs where it finished.
fn medians(runs: &[ClassRow]) -> Vec<ModelMedian> {
    models_of(runs)
        .into_iter()
        .map(|model| {
            let walls: Vec<f64> = runs
                .iter()
                .filter_map(|r| r.model(&model).and_then(|m| m.wall_ms))
                .collect();
            let speedups: Vec<f64> = runs
                .iter()
                .filter_map(|r| r.model(&model).and_then(|m| m.speedup))
                .collect();
            ModelMedian {
                wall_ms: Summary::of(&walls).map(|s| s.median),
                speedup: Summary::of(&speedups).map(|s| s.median),
                count: walls.len(),
                model,
            }
        })
        .collect()
}

/// One run's speedup at the cores it could use.
#[derive(Clone, Debug, PartialEq)]
pub struct SpeedupPoint {
    /// Logical cores, capped by the pool size the run used (equal to the
    /// logical cores with the default settings).
    pub cores: u32,
    pub speedup: f64,
    pub source: String,
    /// Recorded elsewhere (the reference run), drawn apart.
    pub reference: bool,
}

/// A model's speedups over `sequential` against cores.
#[derive(Clone, Debug, PartialEq)]
pub struct SpeedupSeries {
    pub model: String,
    /// Sorted by cores, then speedup.
    pub points: Vec<SpeedupPoint>,
}

/// A series per model but `sequential` (whose speedup is 1 by definition),
/// from the runs that have a speedup and a core count.
pub fn speedup_series(runs: &[ClassRow]) -> Vec<SpeedupSeries> {
    models_of(runs)
        .into_iter()
        .filter(|m| m != "sequential")
        .map(|model| {
            let mut points: Vec<SpeedupPoint> = runs
                .iter()
                .filter_map(|r| {
                    Some(SpeedupPoint {
                        cores: r.cores_used()?,
                        speedup: r.model(&model)?.speedup?,
                        source: r.source.clone(),
                        reference: r.reference,
                    })
                })
                .collect();
            points.sort_by(|a, b| a.cores.cmp(&b.cores).then(a.speedup.total_cmp(&b.speedup)));
            SpeedupSeries { model, points }
        })
        .filter(|s| !s.points.is_empty())
        .collect()
}

/// The ideal line (speedup = cores) from 1 core to the most cores of any
/// point: its two ends, `(cores, speedup)`.
pub fn ideal_line(series: &[SpeedupSeries]) -> [(f64, f64); 2] {
    let most = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.cores))
        .max()
        .unwrap_or(1)
        .max(1);
    [(1.0, 1.0), (f64::from(most), f64::from(most))]
}

#[cfg(test)]
#[path = "stats_tests.rs"]
mod tests;
