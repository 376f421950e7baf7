//! What the sentence makers of `explain` share: the run's context, the
//! models that finished with a time, and the number formats of the texts.
//! Pure; it makes no sentences itself.

use crate::report::ModelResult;
use crate::vocab::{ModelId, Workload};

/// Ratios within this factor of 1 are "about the same": single runs vary this much.
pub(super) const NOISE: f64 = 1.10;

/// A model that ran ok, every task ok, with a usable wall time.
pub(super) struct Timed<'a> {
    pub run: &'a ModelResult,
    pub wall: f64,
}

/// What the sentence makers share.
pub(super) struct Ctx<'a> {
    pub workload: Workload,
    /// Logical cores the browser reported (0: unknown).
    pub cores: u32,
    /// Size of the thread pool.
    pub pool: u32,
    pub n: Option<u32>,
    pub payload: Option<u32>,
    pub concurrency: Option<u32>,
    pub timed: Vec<Timed<'a>>,
}

impl Ctx<'_> {
    /// The model's timed run, if it has one.
    pub fn get(&self, model: ModelId) -> Option<&Timed<'_>> {
        self.timed.iter().find(|t| t.run.model == model)
    }

    /// How many times faster than `sequential` the model was (below 1: slower).
    pub fn speedup(&self, model: ModelId) -> Option<f64> {
        let base = self.get(ModelId::Sequential)?;
        Some(base.wall / self.get(model)?.wall)
    }

    /// " on 2 cores", or nothing when the core count is unknown.
    pub fn on_cores(&self) -> String {
        match self.cores {
            0 => String::new(),
            1 => " on 1 core".to_owned(),
            c => format!(" on {c} cores"),
        }
    }
}

/// A duration: "0.42 ms", "3.2 ms", "437 ms", "3.1 s", "14 s".
pub(super) fn ms(v: f64) -> String {
    if v >= 9_950.0 {
        format!("{:.0} s", v / 1000.0)
    } else if v >= 999.5 {
        format!("{:.1} s", v / 1000.0)
    } else if v >= 9.95 {
        format!("{v:.0} ms")
    } else if v >= 0.995 {
        format!("{v:.1} ms")
    } else {
        format!("{v:.2} ms")
    }
}

/// A ratio: "1.73x", "1.8x", "2x", "16x".
pub(super) fn ratio(r: f64) -> String {
    if r >= 9.995 {
        format!("{r:.0}x")
    } else {
        let text = format!("{r:.2}");
        let text = text.trim_end_matches('0').trim_end_matches('.');
        format!("{text}x")
    }
}

/// A size in bytes: "512 B", "64 kB", "1 MB", "1.5 MB".
pub(super) fn bytes(b: u32) -> String {
    let b = f64::from(b);
    let trim = |v: f64, unit: &str| {
        let text = format!("{v:.1}");
        format!(
            "{} {unit}",
            text.trim_end_matches('0').trim_end_matches('.')
        )
    };
    if b >= 1e6 {
        trim(b / 1e6, "MB")
    } else if b >= 1e3 {
        trim(b / 1e3, "kB")
    } else {
        format!("{b} B")
    }
}

/// The mean duration of the run's tasks.
pub(super) fn mean_task_ms(run: &ModelResult) -> Option<f64> {
    let total: f64 = run.tasks.iter().map(|t| t.duration_ms()).sum();
    (!run.tasks.is_empty()).then(|| total / run.tasks.len() as f64)
}
