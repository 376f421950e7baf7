//! Plain-text explanations of one run, for a newcomer: which model won and
//! by how much, what the numbers say about each model, and how they compare
//! with the reference Python figures.
//!
//! Every sentence is made from the measured [`Results`] alone. What the
//! numbers do not show is not claimed; surprising results are named as such;
//! a model that did not finish cleanly is named once, with why, and then
//! left out. Pure: no web APIs.

use thiserror::Error;

use crate::report::{ModelResult, Results, RunStatus, Summary, TaskStatus, SPREAD_LIMIT};
use crate::vocab::ModelId;
use crate::workloads::latency::LatencyKind;

#[cfg(test)]
use super::explain_ctx::bytes;
use super::explain_ctx::{ms, ratio, Ctx, Timed, NOISE};
use super::{explain_convoy, explain_loop, explain_models, explain_race, explain_reference};
use crate::vocab::Workload;

/// Longest reason or error text quoted, in characters.
const QUOTE_MAX: usize = 160;

/// A few short sentences explaining `results`, made only from its numbers.
/// Plain text: show it as text, never as markup.
pub fn explain(results: &Results) -> Vec<String> {
    let mut out = Vec::new();
    let mut timed = Vec::new();
    for run in &results.runs {
        match usable(run) {
            Ok(wall) => timed.push(Timed { run, wall }),
            Err(why) => out.push(why.to_string()),
        }
    }
    let config = &results.config;
    let ctx = Ctx {
        workload: config.workload,
        cores: results.environment.hardware_concurrency,
        pool: results.environment.pool_threads.unwrap_or(config.threads),
        n: config.n,
        payload: config.payload,
        concurrency: explain_loop::async_in_flight(config),
        timed,
    };
    if ctx.timed.is_empty() {
        out.push("No model finished with a time, so there is nothing to compare.".to_owned());
        return out;
    }
    // A convoy run's wall time is its phases and sweep, not a race between
    // the models: what it shows is the I/O thread's latency (explain_convoy).
    if ctx.workload != Workload::Convoy {
        out.extend(winner(&ctx));
        out.extend(ranking(&ctx));
    }
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
    out.extend(explain_race::about(&ctx));
    out.extend(explain_convoy::from_ctx(&ctx));
    out.extend(explain_loop::about(&ctx, &results.config));
    out.extend(ctx.timed.iter().filter_map(spread));
    out.extend(explain_reference::compare(&ctx));
    out
}

/// Why a run is left out of the comparison; the message is the one
/// sentence that says so.
#[derive(Debug, Error)]
enum LeftOut {
    #[error("{model} was skipped: {why}.")]
    Skipped { model: ModelId, why: String },
    #[error("{model} failed: {why}.")]
    Failed { model: ModelId, why: String },
    #[error("{model} was stopped before it finished, so it is left out.")]
    Cancelled { model: ModelId },
    #[error("{model} had failures ({why}), so its time is left out.")]
    HadFailures { model: ModelId, why: String },
    #[error("{model} recorded no time, so it is left out.")]
    NoTime { model: ModelId },
}

/// The run's wall time, or why it is left out.
fn usable(run: &ModelResult) -> Result<f64, LeftOut> {
    let model = run.model;
    match run.status {
        RunStatus::Skipped => {
            let why = quote(run.skipped_reason.as_deref(), "no reason was given");
            return Err(LeftOut::Skipped { model, why });
        }
        RunStatus::Failed => {
            let why = quote(run.error.as_deref(), "no error was recorded");
            return Err(LeftOut::Failed { model, why });
        }
        RunStatus::Cancelled => return Err(LeftOut::Cancelled { model }),
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
        return Err(LeftOut::HadFailures { model, why });
    }
    match run.wall_ms {
        Some(w) if w.is_finite() && w > 0.0 => Ok(w),
        _ => Err(LeftOut::NoTime { model }),
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
    (min > 0.0 && max / min > SPREAD_LIMIT).then(|| {
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

#[cfg(test)]
#[path = "explain_tests.rs"]
mod tests;
