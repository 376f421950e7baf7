//! Sentences about one model's measured run (threads against the cores,
//! the GIL's waits, the processes' costs, the page freeze) and about the
//! waiting in fetch runs. Only called with runs that finished cleanly.
//!
//! What depends on the numbers is here; why a model's time is what it is
//! (a property of the model, not of the run) is registry data
//! (`ModelId::why`, from `models.en.json`).

use crate::report::{max_overlap, overhead_per_task_ms};
use crate::vocab::{ModelId, OverheadKey, Workload};

use super::explain_ctx::{bytes, mean_task_ms, ms, ratio, Ctx, Timed, NOISE};
use super::python_now::WHICH_PYTHON;

/// Threads reaching this share of the ideal speedup are "close to the ideal".
const CLOSE_TO_IDEAL: f64 = 0.8;
/// Mean task time (ms) under which handing a task out costs about as much as running it.
const TINY_TASK_MS: f64 = 1.0;
/// A page gap (ms) a user notices as a freeze.
const FREEZE_MS: f64 = 100.0;
/// A run this many times its prediction, plus `SLACK_MS`, is called surprising.
const OVER_PREDICTION: f64 = 1.5;
const SLACK_MS: f64 = 50.0;

/// What the numbers say about one model.
pub(super) fn about(ctx: &Ctx, t: &Timed) -> Vec<String> {
    let sentence = match (t.run.model, ctx.workload) {
        (ModelId::Threads, Workload::Fib) => cpu_threads(ctx, t),
        (ModelId::Threads, Workload::Fetch) => io_threads(ctx),
        (ModelId::Gil, _) => return gil(ctx, t),
        (ModelId::Async, Workload::Fib) => cpu_async(ctx),
        (ModelId::Processes, _) => return processes(ctx, t),
        (ModelId::MainThread, _) => main_thread(ctx, t),
        _ => None,
    };
    sentence.into_iter().collect()
}

/// Threads on CPU work, against the cores and the ideal speedup.
fn cpu_threads(ctx: &Ctx, t: &Timed) -> Option<String> {
    let s = ctx.speedup(ModelId::Threads)?;
    let mean = mean_task_ms(t.run);
    if let Some(mean) = mean.filter(|m| *m < TINY_TASK_MS && s < NOISE) {
        return Some(format!(
            "threads {} sequential: each task took only {}, about what handing it to a thread costs.",
            relation(s),
            ms(mean)
        ));
    }
    if s < 1.0 / NOISE {
        return Some(format!(
            "Surprising: threads were {} slower than sequential; likely the tasks were too small for the pool's overhead, or the machine was busy.",
            ratio(1.0 / s)
        ));
    }
    let tasks = u32::try_from(t.run.tasks.len()).unwrap_or(u32::MAX).max(1);
    let cores = if ctx.cores == 0 { ctx.pool } else { ctx.cores };
    let ideal = ctx.pool.min(cores).min(tasks);
    let head = format!("{} threads gave {}{}", ctx.pool, ratio(s), ctx.on_cores());
    Some(if ideal <= 1 {
        format!("{head}: with one core or one thread, nothing can compute in parallel.")
    } else if s < NOISE {
        format!("Surprising: {head}, no real speedup although {ideal} tasks could run at once; the machine may have been busy.")
    } else if s > f64::from(ideal) * NOISE {
        format!("Surprising: {head}, more than the ideal {ideal}x; perhaps the sequential run was slowed by a cold start or a busy machine.")
    } else if s >= f64::from(ideal) * CLOSE_TO_IDEAL {
        format!("{head}: close to the ideal {ideal}x.")
    } else {
        let outside = overhead_per_task_ms(t.wall, &t.run.tasks)
            .filter(|o| *o > 0.0)
            .map(|o| {
                format!(
                    "; about {} per task went on something other than the tasks",
                    ms(o)
                )
            })
            .unwrap_or_default();
        format!("{head}, below the ideal {ideal}x{outside}.")
    })
}

/// Threads on I/O: more threads than cores still help, because waiting needs no core.
fn io_threads(ctx: &Ctx) -> Option<String> {
    let s = ctx.speedup(ModelId::Threads)?;
    let why = ModelId::Threads.why(Workload::Fetch)?;
    (ctx.cores > 0 && s > f64::from(ctx.cores) * NOISE).then(|| {
        format!(
            "{} threads gave {}{}: {why}.",
            ctx.pool,
            ratio(s),
            ctx.on_cores()
        )
    })
}

/// The GIL: time waiting for the lock, and what one lock does to the speed.
fn gil(ctx: &Ctx, t: &Timed) -> Vec<String> {
    let mut out = Vec::new();
    let wait: f64 = t.run.tasks.iter().filter_map(|task| task.wait_ms).sum();
    if wait > 0.0 {
        out.push(format!(
            "gil tasks waited {} in total for the lock, in a run of {}.",
            ms(wait),
            ms(t.wall)
        ));
    }
    let Some(s) = ctx.speedup(ModelId::Gil) else {
        return out;
    };
    let why = ModelId::Gil.why(ctx.workload).unwrap_or_default();
    match ctx.workload {
        Workload::Fib if s > NOISE => out.push(format!(
            "Surprising: gil was {} faster than sequential, although the lock lets one task compute at a time; perhaps the sequential run was slowed by a cold start or a busy machine.",
            ratio(s)
        )),
        Workload::Fib if s < 1.0 / NOISE => out.push(format!(
            "gil took {} the sequential time: {why}, and passing the lock around costs extra.",
            ratio(1.0 / s)
        )),
        Workload::Fib => out.push(format!(
            "gil took about the sequential time ({}): {why}.",
            ratio(1.0 / s)
        )),
        Workload::Fetch if s > NOISE && max_overlap(&t.run.tasks) > 1 => out.push(format!(
            "gil was {} faster than sequential: {why}.",
            ratio(s)
        )),
        _ => {}
    }
    if let (Workload::Fib, Some(threads)) = (ctx.workload, ctx.get(ModelId::Threads)) {
        let r = t.wall / threads.wall;
        if r > NOISE {
            out.push(format!(
                "Without the lock, threads were {} faster than gil: {WHICH_PYTHON}.",
                ratio(r)
            ));
        }
    }
    out
}

/// Async on CPU work: one thread gains nothing by switching.
fn cpu_async(ctx: &Ctx) -> Option<String> {
    let s = ctx.speedup(ModelId::Async)?;
    Some(if s > NOISE {
        format!(
            "Surprising: async was {} faster than sequential on pure computation, though one thread cannot compute faster by switching tasks; perhaps the sequential run was slowed by a cold start or a busy machine.",
            ratio(s)
        )
    } else {
        let why = ModelId::Async.why(Workload::Fib)?;
        format!("async took {} the sequential time: {why}.", ratio(1.0 / s))
    })
}

/// Processes: their start-up and copying, and what they cost against the others.
fn processes(ctx: &Ctx, t: &Timed) -> Vec<String> {
    let mut out = Vec::new();
    let overhead = |key: &str| {
        t.run
            .overheads_ms
            .get(key)
            .copied()
            .filter(|v| v.is_finite())
    };
    let mut parts = Vec::new();
    if let Some(start) = overhead(OverheadKey::ProcessStart.as_str()) {
        parts.push(format!("starting the workers took {}", ms(start)));
    }
    if let Some(copy) = overhead(OverheadKey::SerializeCopy.as_str()) {
        let payload = match ctx.payload {
            Some(p) if p > 0 => format!(" ({} per task)", bytes(p)),
            _ => String::new(),
        };
        parts.push(format!(
            "encoding and copying the messages{payload} took {}",
            ms(copy)
        ));
    } else if t
        .run
        .overheads_below_resolution
        .iter()
        .any(|k| k == OverheadKey::SerializeCopy.as_str())
    {
        parts.push(
            "encoding and copying the messages took less than this page's clock can tell apart"
                .to_owned(),
        );
    }
    if !parts.is_empty() {
        out.push(format!("processes: {}.", parts.join(", and ")));
    }
    let s = ctx.speedup(ModelId::Processes);
    let mean = mean_task_ms(t.run);
    if let (Some(s), Some(mean)) = (s, mean) {
        if s < NOISE && mean < TINY_TASK_MS {
            out.push(format!(
                "processes {} sequential: each task took only {}, less than sending it to a process and back.",
                relation(s),
                ms(mean)
            ));
            return out;
        }
    }
    if let Some(s) = s.filter(|s| *s < 1.0 / NOISE) {
        out.push(format!(
            "processes were {} slower than sequential: handing out the tasks cost more than running them in parallel saved.",
            ratio(1.0 / s)
        ));
    } else if let (Some(threads), Some(why)) = (
        ctx.get(ModelId::Threads),
        ModelId::Processes.why(ctx.workload),
    ) {
        let r = t.wall / threads.wall;
        if r > NOISE {
            out.push(format!(
                "processes took {} as long as threads: {why}.",
                ratio(r)
            ));
        }
    }
    out
}

/// The page freeze of the loop on the page's own thread.
fn main_thread(ctx: &Ctx, t: &Timed) -> Option<String> {
    let gap = t.run.page_longest_gap_ms.filter(|g| g.is_finite())?;
    if gap < FREEZE_MS {
        return Some(format!(
            "main-thread paused the page for at most {}: too short to notice.",
            ms(gap)
        ));
    }
    let others = ctx
        .timed
        .iter()
        .filter(|o| o.run.model != ModelId::MainThread)
        .filter_map(|o| o.run.page_longest_gap_ms)
        .filter(|g| g.is_finite())
        .reduce(f64::max);
    let others = others
        .map(|o| {
            format!(
                "; while the other models ran, its longest pause was {}",
                ms(o)
            )
        })
        .unwrap_or_default();
    Some(format!(
        "main-thread froze the page: it could not draw or respond for up to {}{others}.",
        ms(gap)
    ))
}

/// Fetch: how much of the time was waiting, and runs far above their prediction.
pub(super) fn fetch_waiting(ctx: &Ctx) -> Vec<String> {
    let mut out = Vec::new();
    if ctx.workload != Workload::Fetch {
        return out;
    }
    let base = ctx.get(ModelId::Sequential);
    if let (Some(s), Some(a)) = (base, ctx.get(ModelId::Async)) {
        if s.wall / a.wall > NOISE {
            let how = match ctx.concurrency {
                Some(c) => format!("with async, at most {c} at a time"),
                None => "all at once with async".to_owned(),
            };
            out.push(format!(
                "The requests took {} one by one and {} {how}: the time was waiting, not computing.",
                ms(s.wall),
                ms(a.wall)
            ));
        }
    }
    if let Some(s) = base {
        if let Some(p) = s.run.predicted_ms.filter(|p| p.is_finite() && *p > 0.0) {
            let share = p / s.wall;
            if (0.5..=1.05).contains(&share) {
                out.push(format!(
                    "Of sequential's {}, {} ({:.0}%) was the server's delay.",
                    ms(s.wall),
                    ms(p),
                    (share * 100.0).min(100.0)
                ));
            }
        }
    }
    for t in &ctx.timed {
        let Some(p) = t.run.predicted_ms.filter(|p| p.is_finite() && *p >= 0.0) else {
            continue;
        };
        if t.wall > p * OVER_PREDICTION + SLACK_MS {
            out.push(format!(
                "Surprising: {} took {}, well above the {} its waits explain; the browser, the server or a busy machine added delay.",
                t.run.model,
                ms(t.wall),
                ms(p)
            ));
        }
    }
    out
}

/// "were 1.3x slower than" / "were about as fast as", from a speedup below `NOISE`.
fn relation(s: f64) -> String {
    if s < 1.0 / NOISE {
        format!("were {} slower than", ratio(1.0 / s))
    } else {
        "were about as fast as".to_owned()
    }
}
