//! Sentences about the event loop of a fetch run: a coroutine that blocked
//! it on purpose (`block_ms`: the blocking call named, what it cost, how
//! Python avoids it), and how many requests it had in flight at once, which
//! a browser limits for a server of the user's own (6 connections per host)
//! but not for the simulated one. Made from the measured numbers only.

use super::explain_ctx::{ms, Ctx, Timed};
use super::python_now::{CONNECTION_LIMIT, OWN_URL_LIMIT, SIMULATED_NO_LIMIT, UNBLOCK_THE_LOOP};
use crate::report::{max_overlap, ConfigEcho};
use crate::vocab::ModelId;
use crate::vocab::Workload;

/// Tasks ending this much (ms) before the blocking call's end still count
/// as finished after it (clock granularity).
const EDGE_MS: f64 = 2.0;

/// The fetch run's `async` loop: blocked on purpose, and its requests in flight.
pub(super) fn about(ctx: &Ctx<'_>, config: &ConfigEcho) -> Vec<String> {
    let mut out = Vec::new();
    if ctx.workload != Workload::Fetch {
        return out;
    }
    let Some(run) = ctx.get(ModelId::Async) else {
        return out;
    };
    if let Some(block) = config.block_ms.filter(|b| *b > 0) {
        out.extend(blocked(run, block, config.latency));
    }
    let tasks = &run.run.tasks;
    let requests = tasks.len();
    if requests <= CONNECTION_LIMIT {
        return out;
    }
    let overlap = max_overlap(tasks);
    if config.url.is_some() {
        let lanes = async_in_flight(config).map_or(CONNECTION_LIMIT, |c| c as usize);
        let rounds = requests.div_ceil(lanes);
        out.push(format!("{OWN_URL_LIMIT}."));
        let mut text =
            format!("So expect about {rounds} rounds of one request for {requests} requests");
        if let Some(one) = ctx
            .get(ModelId::Sequential)
            .map(|s| s.wall / s.run.tasks.len().max(1) as f64)
        {
            text.push_str(&format!(
                ": one took {} one by one, so about {}; async took {}",
                ms(one),
                ms(one * rounds as f64),
                ms(run.wall)
            ));
        }
        out.push(format!("{text}."));
    } else if config
        .concurrency
        .is_none_or(|c| c as usize > CONNECTION_LIMIT)
    {
        out.push(format!(
            "async had up to {overlap} requests in flight at once. {SIMULATED_NO_LIMIT}."
        ));
    }
    out
}

/// How many requests `async` can have in flight: the cap, and for a user's
/// own URL at most the browser's connections per host (`None`: all).
pub fn async_in_flight(config: &ConfigEcho) -> Option<u32> {
    let limit = u32::try_from(CONNECTION_LIMIT).unwrap_or(u32::MAX);
    match (&config.url, config.concurrency) {
        (Some(_), cap) => Some(cap.map_or(limit, |c| c.min(limit))),
        (None, cap) => cap,
    }
}

/// The blocking call: what it is, what it cost, how Python avoids it.
fn blocked(run: &Timed<'_>, block: u32, latency: Option<u32>) -> Vec<String> {
    let (wall, tasks) = (run.wall, &run.run.tasks);
    let block_f = f64::from(block);
    let expected = match latency.map(f64::from) {
        Some(l) if wall >= (block_f + l) * 0.9 => format!(
            ": the {} block plus about the {} latency, where an unblocked loop needs about {}",
            ms(block_f),
            ms(l),
            ms(l)
        ),
        Some(l) => format!(", where an unblocked loop needs about {}", ms(l)),
        None => String::new(),
    };
    let secs = format!("{:.3}", block_f / 1000.0);
    let secs = secs.trim_end_matches('0').trim_end_matches('.');
    vec![
        format!(
            "async: one coroutine made a blocking call of {} (a busy wait, like \
             `time.sleep({secs})` inside a coroutine), so the loop could run nothing else meanwhile.",
            ms(block_f)
        ),
        match run.run.output.loop_blocked_ms() {
            Some([_, end]) => {
                let late = tasks.iter().filter(|t| t.end_ms >= end - EDGE_MS).count();
                format!(
                    "{late} of {} requests finished only after it returned, and the run took \
                     {}{expected}.",
                    tasks.len(),
                    ms(wall)
                )
            }
            None => format!("The run took {}{expected}.", ms(wall)),
        },
        format!("{UNBLOCK_THE_LOOP}."),
    ]
}
