//! One row of the class table per results document: where it came from,
//! the machine (cores, browser, isolation), the experiment it ran, each
//! model's wall time and speedup over `sequential`, and the flags that make
//! a run hard to compare with the others. Pure.

use std::fmt;

use serde_json::Value;

use super::browser::{parse_user_agent, Browser};
use super::read::{ClassDoc, DocRun};
use crate::config::Key;
use crate::vocab::ModelId;

pub use crate::report::SPREAD_LIMIT;

/// Whether a key of a results `config` says what the experiment is: the
/// settings table's `experiment` column (not the model list: each model is
/// its own column; not the pool size: it follows the machine's cores and is
/// what the class compares; not the repeat count, nor the knobs of one
/// model each, echoed only when that model ran). Keys the table does not
/// know (from a newer version) count.
fn names_experiment(key: &str) -> bool {
    Key::parse(key).is_none_or(|k| k != Key::Workload && k.spec().experiment)
}

/// The workload and the settings that define an experiment.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ExperimentKey {
    pub workload: String,
    /// `(key, value)` in key order, values as JSON text (`32`, `"https://…"`).
    pub settings: Vec<(String, String)>,
}

impl ExperimentKey {
    /// The experiment of a document's config.
    pub fn of(doc: &ClassDoc) -> ExperimentKey {
        let workload = doc
            .config
            .get(Key::Workload.as_str())
            .and_then(Value::as_str)
            .unwrap_or("unknown")
            .to_owned();
        let mut settings: Vec<(String, String)> = doc
            .config
            .iter()
            .filter(|(k, v)| names_experiment(k) && !v.is_null())
            .map(|(k, v)| (k.clone(), v.to_string()))
            .collect();
        settings.sort();
        ExperimentKey { workload, settings }
    }
}

impl fmt::Display for ExperimentKey {
    /// `fib n=34 tasks=64`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.workload)?;
        for (k, v) in &self.settings {
            write!(f, " {k}={}", v.trim_matches('"'))?;
        }
        Ok(())
    }
}

/// Why a run is hard to compare with the others.
#[derive(Clone, Debug, PartialEq)]
pub enum Flag {
    /// No cross-origin isolation (or no threads): thread models could not run.
    IsolationOff,
    /// A model did not finish (`skipped`, `failed` or `cancelled`).
    ModelNotRun { model: String, status: String },
    /// A model's repeats differ by more than [`SPREAD_LIMIT`] (slowest/fastest).
    LargeSpread { model: String, ratio: f64 },
    /// The run's experiment is not the class's main one (the largest group).
    DifferentExperiment { main: String },
}

impl fmt::Display for Flag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Flag::IsolationOff => f.write_str(
                "isolation off: the page was not cross-origin isolated, so thread models \
                 could not run",
            ),
            Flag::ModelNotRun { model, status } => write!(f, "{model} {status}"),
            Flag::LargeSpread { model, ratio } => write!(
                f,
                "{model}: large spread (slowest repeat {ratio:.1}x the fastest)"
            ),
            Flag::DifferentExperiment { main } => {
                write!(f, "a different experiment from the class's ({main})")
            }
        }
    }
}

/// How the page was isolated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Isolation {
    pub cross_origin_isolated: bool,
    pub threads_available: bool,
    /// `coop-coep`, `document-isolation-policy` or `none`, when the file says.
    pub how: Option<String>,
}

impl fmt::Display for Isolation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.how, self.cross_origin_isolated) {
            (Some(how), _) => f.write_str(how),
            (None, true) => f.write_str("isolated"),
            (None, false) => f.write_str("none"),
        }
    }
}

/// One model's numbers in a row.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelCell {
    pub model: String,
    /// `ok`, `failed`, `skipped`, `cancelled` (as the file says).
    pub status: String,
    /// The median wall time when the model finished.
    pub wall_ms: Option<f64>,
    pub min_ms: Option<f64>,
    pub max_ms: Option<f64>,
    /// `sequential`'s wall time divided by this one (> 1: faster).
    pub speedup: Option<f64>,
    pub lanes: usize,
    pub tasks: usize,
}

impl ModelCell {
    /// Slowest repeat / fastest, when repeated.
    pub fn spread(&self) -> Option<f64> {
        match (self.min_ms, self.max_ms) {
            (Some(min), Some(max)) if min > 0.0 && max >= min => Some(max / min),
            _ => None,
        }
    }
}

/// One row of the class table.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassRow {
    /// The file name (with `line k` for JSON lines) or `code k`.
    pub source: String,
    /// Which document of its file it is (0-based): the line of a JSON-lines
    /// file, so the whole document can be read again (the reference run).
    pub position: usize,
    /// Recorded elsewhere and shipped with the app, not a learner's run.
    pub reference: bool,
    pub cores: Option<u32>,
    /// The pool size the run used (`config.threads`).
    pub threads: Option<u32>,
    pub browser: Browser,
    pub isolation: Isolation,
    pub experiment: ExperimentKey,
    /// In the app's order ([`model_rank`]).
    pub models: Vec<ModelCell>,
    /// The run's own flags (group-relative ones are added by `stats`).
    pub flags: Vec<Flag>,
}

impl ClassRow {
    /// The row of a document.
    pub fn from_doc(doc: &ClassDoc, source: impl Into<String>) -> ClassRow {
        let env = &doc.environment;
        let isolation = Isolation {
            cross_origin_isolated: env.cross_origin_isolated.unwrap_or(false),
            threads_available: env.threads_available.unwrap_or(false),
            how: env.isolation.clone(),
        };
        let baseline = ok_wall(doc.runs.iter().find(|r| r.model == "sequential"));
        let mut models: Vec<ModelCell> = doc
            .runs
            .iter()
            .map(|r| {
                let wall = ok_wall(Some(r));
                ModelCell {
                    model: r.model.clone(),
                    status: r.status.clone(),
                    wall_ms: wall,
                    min_ms: r.wall_ms_min.or(wall),
                    max_ms: r.wall_ms_max.or(wall),
                    speedup: baseline.zip(wall).map(|(b, w)| b / w),
                    lanes: r.lane_count(),
                    tasks: r.task_count(),
                }
            })
            .collect();
        models.sort_by_key(|m| model_rank(&m.model));
        let mut flags = Vec::new();
        let off = !isolation.cross_origin_isolated
            || !isolation.threads_available
            || isolation.how.as_deref() == Some("none");
        if off {
            flags.push(Flag::IsolationOff);
        }
        for m in &models {
            if m.status != "ok" {
                flags.push(Flag::ModelNotRun {
                    model: m.model.clone(),
                    status: m.status.clone(),
                });
            }
            if let Some(ratio) = m.spread().filter(|r| *r > SPREAD_LIMIT) {
                flags.push(Flag::LargeSpread {
                    model: m.model.clone(),
                    ratio,
                });
            }
        }
        ClassRow {
            source: source.into(),
            position: 0,
            reference: false,
            cores: env.hardware_concurrency,
            threads: doc
                .config
                .get("threads")
                .and_then(Value::as_u64)
                .and_then(|t| u32::try_from(t).ok()),
            browser: parse_user_agent(&env.user_agent),
            isolation,
            experiment: ExperimentKey::of(doc),
            models,
            flags,
        }
    }

    /// The same row at `position` in its file.
    pub fn at(mut self, position: usize) -> Self {
        self.position = position;
        self
    }

    /// Whether two rows hold the same measurements (whatever their source).
    pub fn same_run(&self, other: &ClassRow) -> bool {
        ClassRow {
            source: String::new(),
            position: 0,
            ..self.clone()
        } == ClassRow {
            source: String::new(),
            position: 0,
            ..other.clone()
        }
    }

    /// The numbers of `model`, when the run has it.
    pub fn model(&self, model: &str) -> Option<&ModelCell> {
        self.models.iter().find(|m| m.model == model)
    }

    /// Cores the run could use: its logical cores, capped by its pool size.
    pub fn cores_used(&self) -> Option<u32> {
        match (self.cores, self.threads) {
            (Some(c), Some(t)) => Some(c.min(t)),
            (c, t) => c.or(t),
        }
    }
}

/// A finished model's positive wall time.
fn ok_wall(run: Option<&DocRun>) -> Option<f64> {
    run.filter(|r| r.status == "ok")
        .and_then(|r| r.wall_ms)
        .filter(|w| w.is_finite() && *w > 0.0)
}

/// Position in the order the app lists the models ([`ModelId::ALL`]);
/// unknown models after, in found order.
pub fn model_rank(model: &str) -> usize {
    ModelId::ALL
        .iter()
        .position(|m| m.as_str() == model)
        .unwrap_or(ModelId::ALL.len())
}
