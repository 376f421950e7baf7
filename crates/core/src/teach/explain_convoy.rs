//! Sentences about the `convoy` workload: how long the I/O thread's requests
//! took alone and beside the CPU threads, why (the lock's waits), what the
//! switch interval traded, and the reference figure, quoted as such. Made
//! from the measured numbers only.

use super::explain_ctx::{ms, ratio, Ctx};
use super::python_now::{CONVOY, SWITCH_TRADE_OFF};
use crate::report::{ConvoyStats, IoLatency, SweepPoint};
use crate::vocab::{ModelId, Workload};

/// Contended latency at least this many times alone: the convoy is plain to see.
const CONVOY_RATIO: f64 = 2.0;
/// Within this factor the two latencies are "about the same" (short requests vary).
const ABOUT_EQUAL: f64 = 1.5;
/// CPU rates within this factor are "about the same".
const CPU_NOISE: f64 = 1.10;

/// One model's convoy run, as measured.
pub(super) struct ConvoyRun<'a> {
    pub model: ModelId,
    pub latency: IoLatency,
    pub stats: &'a ConvoyStats,
}

/// The convoy sentences for every timed run that measured a convoy; a
/// convoy run without its latencies is named as such.
pub(super) fn from_ctx(ctx: &Ctx<'_>) -> Vec<String> {
    let mut out = Vec::new();
    let mut runs = Vec::new();
    for t in &ctx.timed {
        match t.run.output.convoy() {
            Some((latency, stats)) => runs.push(ConvoyRun {
                model: t.run.model,
                latency,
                stats,
            }),
            _ if ctx.workload == Workload::Convoy => out.push(format!(
                "{}: the run recorded no request latencies, so there is nothing to compare.",
                t.run.model
            )),
            _ => {}
        }
    }
    out.extend(about(&runs));
    out
}

/// What the convoy numbers say, model by model, then compared.
pub(super) fn about(runs: &[ConvoyRun<'_>]) -> Vec<String> {
    let mut out = Vec::new();
    for run in runs {
        out.extend(one(run));
    }
    let get = |m: ModelId| runs.iter().find(|r| r.model == m);
    if let (Some(gil), Some(free)) = (get(ModelId::Gil), get(ModelId::Threads)) {
        out.push(format!(
            "Beside the same CPU threads, the I/O thread made {} requests a second without the \
             lock (threads) and {} with it (gil).",
            rate(free.stats.contended_per_s),
            rate(gil.stats.contended_per_s)
        ));
    }
    if get(ModelId::Gil).is_some() {
        out.push(format!("{CONVOY}."));
    }
    out
}

fn one(run: &ConvoyRun<'_>) -> Vec<String> {
    let (l, s, m) = (run.latency, run.stats, run.model);
    let Some(r) = l.ratio() else {
        return vec![format!(
            "{m}: the I/O thread's latencies could not be compared."
        )];
    };
    let beside = match s.cpu_threads {
        1 => "beside 1 CPU thread".to_owned(),
        k => format!("beside {k} CPU threads"),
    };
    let head = format!(
        "{m}: the I/O thread's requests took {} alone and {} {beside} (median)",
        ms(l.alone),
        ms(l.contended)
    );
    let rates = format!(
        "its rate went from {} to {} requests a second",
        rate(s.alone_per_s),
        rate(s.contended_per_s)
    );
    let mut out = Vec::new();
    match m {
        ModelId::Gil => {
            let per_request = s.io_lock_wait_ms / f64::from(s.requests.max(1));
            if r >= CONVOY_RATIO {
                out.push(format!(
                    "{head}, {} as long: after every blocking call it had to win the GIL back \
                     from a computing thread, waiting {} a request for it.",
                    ratio(r),
                    ms(per_request)
                ));
                out.push(format!("This is the convoy effect: {rates}."));
            } else if per_request > 0.0 {
                out.push(format!(
                    "{head}, only {} as long: it waited {} a request for the GIL, little beside \
                     the request itself; the convoy effect hurts short requests most.",
                    ratio(r),
                    ms(per_request)
                ));
            } else {
                out.push(format!(
                    "Surprising: {head}, and it never waited for the GIL; the CPU threads may \
                     not have run ({} units of fib({}) a second).",
                    rate(s.cpu_per_s),
                    s.cpu_n
                ));
            }
            out.extend(trade_off(s));
        }
        _ if r <= ABOUT_EQUAL => {
            out.push(format!(
                "{head}: about the same, because nothing locks; the CPU threads computed {} \
                 fib({}) a second meanwhile.",
                rate(s.cpu_per_s),
                s.cpu_n
            ));
            out.push("Free-threaded CPython (3.14t) behaves like this.".to_owned());
        }
        _ => out.push(format!(
            "Surprising: {head}, {} as long although nothing locks; the cores may have been busy \
             ({} threads in all).",
            ratio(r),
            s.cpu_threads + 1
        )),
    }
    out
}

/// The switch interval's trade-off, from the sweep when there is one.
fn trade_off(s: &ConvoyStats) -> Option<String> {
    let interval = s
        .switch_ms
        .map(|v| format!(" (here {v} ms)"))
        .unwrap_or_default();
    let mut points: Vec<&SweepPoint> = s.sweep.iter().collect();
    points.sort_by_key(|p| p.switch_ms);
    let (Some(short), Some(long)) = (points.first(), points.last()) else {
        return Some(format!(
            "The switch interval{interval} sets that wait: {SWITCH_TRADE_OFF}."
        ));
    };
    if short.switch_ms == long.switch_ms {
        return None;
    }
    let at = |p: &SweepPoint| {
        format!(
            "at {} ms, {} a request and {} fib({}) a second",
            p.switch_ms,
            ms(p.latency_ms),
            rate(p.cpu_per_s),
            s.cpu_n
        )
    };
    let cost = long.cpu_per_s / short.cpu_per_s.max(f64::MIN_POSITIVE);
    let verdict = if cost >= CPU_NOISE {
        format!(
            "the shorter one helped the I/O thread and cost the CPU threads {:.0}%",
            (1.0 - 1.0 / cost) * 100.0
        )
    } else {
        "the shorter one helped the I/O thread; the CPU threads' rate hardly changed".to_owned()
    };
    Some(format!(
        "Switch intervals: {}; {}: {verdict}.",
        at(short),
        at(long)
    ))
}

/// A rate: "3", "41", "410", "3,100", "29,800".
pub(super) fn rate(v: f64) -> String {
    let v = if v.is_finite() { v.max(0.0) } else { 0.0 };
    let rounded = if v >= 1_000.0 {
        (v / 100.0).round() * 100.0
    } else {
        v.round()
    };
    let digits = format!("{rounded:.0}");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
#[path = "explain_convoy_tests.rs"]
mod tests;
