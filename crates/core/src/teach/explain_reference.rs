//! Sentences that set this run next to the figures of the reference Python
//! articles (the teaching material's table), quoted as theirs. Only models
//! that finished cleanly are compared, and CPU figures only for a fib big
//! enough to resemble the reference's 20 x fib(35).

use crate::vocab::{ModelId, Workload};

use super::explain_ctx::{mean_task_ms, ms, ratio, Ctx, NOISE};
use super::python_now::{FREE_THREADED_COST, FREE_THREADED_SPEED};

/// Smallest fib argument whose tasks resemble the reference's fib(35).
const REFERENCE_MIN_N: u32 = 30;
/// The material's rule of thumb: below this task length (ms) a loop can beat a pool.
const RULE_TASK_MS: f64 = 50.0;

/// Comparisons with the reference figures for this run's workload.
pub(super) fn compare(ctx: &Ctx) -> Vec<String> {
    match ctx.workload {
        Workload::Fib => cpu(ctx),
        Workload::Fetch => io(ctx).into_iter().collect(),
        // The convoy cites its reference in `explain_convoy`.
        Workload::Race | Workload::Pipeline | Workload::Convoy => Vec::new(),
    }
}

/// "took 1.05x the sequential time" or "was 1.73x faster than sequential".
fn against_sequential(model: ModelId, s: f64) -> String {
    if s > NOISE {
        format!("{model} was {} faster than sequential", ratio(s))
    } else {
        format!("{model} took {} the sequential time", ratio(1.0 / s))
    }
}

/// "1.73x faster", "1.3x slower" or "about the same", from a speedup.
fn faster_or_slower(s: f64) -> String {
    if s > NOISE {
        format!("{} faster", ratio(s))
    } else if s < 1.0 / NOISE {
        format!("{} slower", ratio(1.0 / s))
    } else {
        "about the same".to_owned()
    }
}

fn cpu(ctx: &Ctx) -> Vec<String> {
    let mut out = Vec::new();
    if ctx.n.is_some_and(|n| n >= REFERENCE_MIN_N) {
        let mut here = Vec::new();
        if let Some(s) = ctx.speedup(ModelId::Gil) {
            here.push(against_sequential(ModelId::Gil, s));
        }
        if let Some(s) = ctx.speedup(ModelId::Threads) {
            here.push(if s > NOISE {
                format!(
                    "threads, with no GIL (like CPython 3.14t), were {} faster",
                    ratio(s)
                )
            } else {
                against_sequential(ModelId::Threads, s)
            });
        }
        if !here.is_empty() {
            out.push(format!(
                "In the reference Python articles (CPython with the GIL), threaded code was slower: 20 x fib(35) took ~40 s instead of ~35 s; here {}.",
                here.join(" and ")
            ));
        }
        if ctx.get(ModelId::Gil).is_some() && ctx.get(ModelId::Threads).is_some() {
            out.push(format!("{FREE_THREADED_SPEED}."));
            out.push(format!("{FREE_THREADED_COST}."));
        }
        if let Some(s) = ctx.speedup(ModelId::Processes) {
            let here = if s > NOISE {
                format!("processes gave {}{}", ratio(s), ctx.on_cores())
            } else {
                against_sequential(ModelId::Processes, s)
            };
            out.push(format!(
                "In the reference articles, processes cut 20 x fib(35) from ~35 s to ~10 s on 4 cores (3.5x); here {here}."
            ));
        }
        if let Some(s) = ctx.speedup(ModelId::Async) {
            out.push(format!(
                "In the reference articles, asyncio took ~86 s against ~35 s sequential (2.5x slower); here {}.",
                against_sequential(ModelId::Async, s)
            ));
        }
    }
    let base_task = ctx
        .get(ModelId::Sequential)
        .and_then(|b| mean_task_ms(b.run));
    let pool_gained = [ModelId::Threads, ModelId::Processes]
        .into_iter()
        .filter_map(|m| ctx.speedup(m))
        .map(|s| s >= NOISE)
        .reduce(|a, b| a || b);
    if let (Some(task), Some(false)) = (base_task, pool_gained) {
        if task < RULE_TASK_MS {
            out.push(format!(
                "The reference articles' rule of thumb: for tasks shorter than about 50 ms, a plain loop can beat a pool; here each task took {}.",
                ms(task)
            ));
        }
    }
    out
}

fn io(ctx: &Ctx) -> Option<String> {
    let speedups: Vec<String> = [ModelId::Threads, ModelId::Async, ModelId::Gil]
        .into_iter()
        .filter_map(|m| {
            ctx.speedup(m)
                .map(|s| format!("{m} {}", faster_or_slower(s)))
        })
        .collect();
    if !speedups.is_empty() {
        return Some(format!(
            "In the reference Python articles, 160 downloads took ~14 s one by one, ~3 s with a pool of 5 workers (4-5x) and under 0.5 s with asyncio (30x); here, against sequential: {}.",
            speedups.join(", ")
        ));
    }
    let (threads, asynch) = (ctx.get(ModelId::Threads)?, ctx.get(ModelId::Async)?);
    let r = threads.wall / asynch.wall;
    let here = if r > NOISE {
        format!("async was {} faster than threads", ratio(r))
    } else if r < 1.0 / NOISE {
        format!("threads were {} faster than async", ratio(1.0 / r))
    } else {
        "threads and async took about the same time".to_owned()
    };
    Some(format!(
        "In the reference Python articles, asyncio beat a pool of 5 workers by more than 6x on 160 downloads (~3 s -> under 0.5 s); here {here}."
    ))
}
