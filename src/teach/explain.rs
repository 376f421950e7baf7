//! Plain-text explanations of one run, for a newcomer: which model won and
//! by how much, what the numbers say about each model, and how they compare
//! with the reference Python figures.
//!
//! Every sentence is made from the measured [`Results`] alone. What the
//! numbers do not show is not claimed; surprising results are named as such;
//! a model that did not finish cleanly is named once, with why, and then
//! left out. Pure: no web APIs.

use crate::config::Workload;
use crate::models::ModelId;
use crate::report::{Results, RunRecord, RunStatus, Summary, TaskStatus};
use crate::workloads::latency::LatencyKind;

use super::{explain_models, explain_reference};

/// Ratios within this factor of 1 are "about the same": single runs vary this much.
pub(super) const NOISE: f64 = 1.10;
/// Repeats whose slowest/fastest exceeds this are called widely spread.
const BIG_SPREAD: f64 = 1.5;
/// Longest reason or error text quoted, in characters.
const QUOTE_MAX: usize = 160;

/// A model that ran ok, every task ok, with a usable wall time.
pub(super) struct Timed<'a> {
    pub run: &'a RunRecord,
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

/// A few short sentences explaining `results`, made only from its numbers.
/// Plain text: show it as text, never as markup.
pub fn explain(results: &Results) -> Vec<String> {
    let mut out = Vec::new();
    let mut timed = Vec::new();
    for run in &results.runs {
        match usable(run) {
            Ok(wall) => timed.push(Timed { run, wall }),
            Err(why) => out.push(why),
        }
    }
    let config = &results.config;
    let ctx = Ctx {
        workload: config.workload,
        cores: results.environment.hardware_concurrency,
        pool: results.environment.pool_threads.unwrap_or(config.threads),
        n: config.n,
        payload: config.payload,
        concurrency: config.concurrency,
        timed,
    };
    if ctx.timed.is_empty() {
        out.push("No model finished with a time, so there is nothing to compare.".to_owned());
        return out;
    }
    out.extend(winner(&ctx));
    out.extend(ranking(&ctx));
    for t in &ctx.timed {
        out.extend(explain_models::about(&ctx, t));
    }
    out.extend(explain_models::fetch_waiting(&ctx));
    if results.environment.latency_source == Some(LatencyKind::Timers) {
        out.push(
            "These requests were simulated waits on timers, not HTTP: this browser allowed no \
             service worker here for the simulated server. The waits are the same, so the \
             comparison holds; the cost of real requests is not in it."
                .to_owned(),
        );
    }
    out.extend(super::explain_race::about(&ctx));
    out.extend(ctx.timed.iter().filter_map(spread));
    out.extend(explain_reference::compare(&ctx));
    out
}

/// The run's wall time, or the one sentence saying why it is left out.
fn usable(run: &RunRecord) -> Result<f64, String> {
    let m = run.model;
    match run.status {
        RunStatus::Skipped => {
            let why = quote(run.skipped_reason.as_deref(), "no reason was given");
            return Err(format!("{m} was skipped: {why}."));
        }
        RunStatus::Failed => {
            let why = quote(run.error.as_deref(), "no error was recorded");
            return Err(format!("{m} failed: {why}."));
        }
        RunStatus::Cancelled => {
            return Err(format!(
                "{m} was stopped before it finished, so it is left out."
            ));
        }
        RunStatus::Ok => {}
    }
    let failed = run
        .tasks
        .iter()
        .filter(|t| t.status != TaskStatus::Ok)
        .count();
    if failed > 0 || run.error.is_some() {
        let count = format!("{failed} of {} tasks failed", run.tasks.len());
        let why = quote(run.error.as_deref(), &count);
        return Err(format!(
            "{m} had failures ({why}), so its time is left out."
        ));
    }
    match run.wall_ms {
        Some(w) if w.is_finite() && w > 0.0 => Ok(w),
        _ => Err(format!("{m} recorded no time, so it is left out.")),
    }
}

/// Who was fastest, compared with sequential (or, without it, the slowest).
fn winner(ctx: &Ctx) -> Option<String> {
    let best = ctx.timed.iter().min_by(|a, b| a.wall.total_cmp(&b.wall))?;
    let m = best.run.model;
    let others = || ctx.timed.iter().filter(|t| t.run.model != m);
    let base = ctx.get(ModelId::Sequential).filter(|b| b.run.model != m);
    let Some(other) = base.or_else(|| others().max_by(|a, b| a.wall.total_cmp(&b.wall))) else {
        return Some(format!(
            "Only {m} ran ({}), so there is nothing to compare it with.",
            ms(best.wall)
        ));
    };
    let o = other.run.model;
    let r = other.wall / best.wall;
    Some(if r < NOISE {
        format!(
            "{m} and {o} took about the same time ({} and {}): no clear winner.",
            ms(best.wall),
            ms(other.wall)
        )
    } else {
        format!(
            "{m} was fastest: {}, {} faster than {o} ({}).",
            ms(best.wall),
            ratio(r),
            ms(other.wall)
        )
    })
}

/// Every timed model, fastest first, when there are three or more to rank.
fn ranking(ctx: &Ctx) -> Option<String> {
    if ctx.timed.len() < 3 {
        return None;
    }
    let mut order: Vec<&Timed> = ctx.timed.iter().collect();
    order.sort_by(|a, b| a.wall.total_cmp(&b.wall));
    let list: Vec<String> = order
        .iter()
        .map(|t| format!("{} {}", t.run.model, ms(t.wall)))
        .collect();
    Some(format!("Fastest to slowest: {}.", list.join(", ")))
}

/// A warning when the repeats of one model varied widely.
fn spread(t: &Timed) -> Option<String> {
    let run = t.run;
    let (min, max) = match (run.wall_ms_min, run.wall_ms_max) {
        (Some(min), Some(max)) => (min, max),
        _ => Summary::of(&run.wall_ms_samples).map(|s| (s.min, s.max))?,
    };
    (min > 0.0 && max / min > BIG_SPREAD).then(|| {
        format!(
            "The runs of {} varied a lot ({} to {}); treat the ratios with care.",
            run.model,
            ms(min),
            ms(max)
        )
    })
}

/// A reason or error quoted briefly, without a trailing full stop.
fn quote(text: Option<&str>, fallback: &str) -> String {
    let text = text
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .unwrap_or(fallback);
    let text = text.trim_end_matches('.');
    if text.chars().count() <= QUOTE_MAX {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(QUOTE_MAX).collect::<String>())
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
pub(super) fn mean_task_ms(run: &RunRecord) -> Option<f64> {
    let total: f64 = run.tasks.iter().map(|t| t.duration_ms()).sum();
    (!run.tasks.is_empty()).then(|| total / run.tasks.len() as f64)
}

#[cfg(test)]
#[path = "explain_tests.rs"]
mod tests;
