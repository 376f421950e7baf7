//! The environment panel: what this browser allows, and the pool's start
//! (before the first run: that the engine and its pool start with it).

use yew::prelude::*;

use crate::isolation;
use playground_core::report::isolation::Isolation;
use playground_core::state::{PoolStatus, ServerStatus};
use playground_core::workloads::latency::LatencyKind;
use playground_web::browser;

#[derive(Properties, PartialEq)]
pub struct EnvironmentProps {
    pub pool: PoolStatus,
    pub server: ServerStatus,
    /// How long the engine took to load, once it has.
    pub engine_start_ms: Option<f64>,
    /// An engine was started on this visit (it starts with the first run
    /// that has a model in it).
    #[prop_or_default]
    pub engine_started: bool,
    /// The page is not cross-origin isolated (`AppState::not_isolated`).
    #[prop_or_default]
    pub not_isolated: bool,
    /// The pool size the next run asks for.
    pub threads: u32,
}

/// Cross-origin isolation, cores, and whether threads are available (and why not).
#[function_component(EnvironmentPanel)]
pub fn environment_panel(props: &EnvironmentProps) -> Html {
    let isolated = browser::cross_origin_isolated();
    let cores = browser::hardware_concurrency();
    let (status, text) = match &props.pool {
        PoolStatus::OnDemand if isolated => (
            "on-demand",
            format!(
                "possible here; not started yet: the engine starts a pool of {} with the first \
                 run that needs it",
                threads(props.threads)
            ),
        ),
        // Not isolated: the page is still finding out why (then `Unavailable`).
        PoolStatus::OnDemand => ("starting", "off here: finding out why…".to_owned()),
        PoolStatus::Starting => ("starting", "starting the thread pool…".to_owned()),
        PoolStatus::Ready(pool) => (
            "ready",
            format!(
                "available: {} threads, started in {:.0} ms, \
                 warmed up in {:.0} ms",
                pool.threads, pool.start_ms, pool.warm_up_ms
            ),
        ),
        PoolStatus::Unavailable { reason } | PoolStatus::EngineFailed { reason } => {
            ("unavailable", format!("unavailable: {reason}"))
        }
    };
    let (server_status, server_text) = match &props.server {
        ServerStatus::Starting => ("starting", "starting…".to_owned()),
        ServerStatus::Ready => (
            "ready",
            "ready (a service worker answers /api/delay)".to_owned(),
        ),
        ServerStatus::Unavailable { reason } => (
            "unavailable",
            format!(
                "unavailable: {reason}. The fetch workload uses {}",
                LatencyKind::Timers.describe()
            ),
        ),
    };
    let found = isolation::found();
    let how = match found {
        None => "finding out…".to_owned(),
        Some(f) => {
            let mut text = f.isolation.describe().to_owned();
            if f.by_service_worker && f.isolation != Isolation::None {
                text.push_str(" (added by the service worker)");
            }
            if f.isolation != Isolation::None {
                text.push_str(", as far as the page can tell");
            }
            text
        }
    };
    let how_attr = found.map_or("unknown", |f| match f.isolation {
        Isolation::CoopCoep => "coop-coep",
        Isolation::DocumentIsolationPolicy => "document-isolation-policy",
        Isolation::None => "none",
    });
    let storage = if browser::progress_kept() {
        "kept in this browser"
    } else {
        "kept in memory for this visit only: this browser allows this page no storage here"
    };
    let engine = match (props.engine_start_ms, &props.pool) {
        (Some(ms), PoolStatus::EngineFailed { reason }) => {
            format!("loaded in {ms:.0} ms, then failed: {reason}")
        }
        (None, PoolStatus::EngineFailed { reason }) => format!("did not start: {reason}"),
        (Some(ms), _) => format!("loaded in {ms:.0} ms"),
        (None, _) if !props.engine_started => {
            "not loaded yet: it is downloaded and started with the first run that needs it"
                .to_owned()
        }
        // Never loaded, and the pool gave up: it will not load now.
        (None, PoolStatus::Unavailable { .. }) if !props.not_isolated => {
            "did not start (see Threads)".to_owned()
        }
        (None, _) => "loading…".to_owned(),
    };
    html! {
        <section class="panel environment" aria-labelledby="env-title">
            <h2 id="env-title">{ "Your browser" }</h2>
            <dl>
                <dt>{ "Cross-origin isolated" }</dt>
                <dd data-testid="env-isolated">{ if isolated { "yes" } else { "no" } }</dd>
                <dt>{ "Isolated how" }</dt>
                <dd data-testid="env-isolation" data-isolation={how_attr}>{ how }</dd>
                <dt>{ "Logical cores" }</dt>
                <dd data-testid="env-cores">{ cores }</dd>
                <dt>{ "Engine worker" }</dt>
                <dd data-testid="env-engine">{ engine }</dd>
                <dt>{ "Threads" }</dt>
                <dd data-testid="pool-status" data-status={status}>{ text }</dd>
                <dt>{ "Simulated server" }</dt>
                <dd data-testid="server-status" data-status={server_status}>{ server_text }</dd>
                <dt>{ "Lesson progress" }</dt>
                <dd data-testid="env-storage">{ storage }</dd>
            </dl>
            <p class="note">
                { "Timings are honest: the engine and its pool start with the first run that \
                   needs them (and again for a new thread count); the start is reported on its \
                   own, not in any model's time, and the pool warms up the fib code first, \
                   because the first calls of fresh WebAssembly run 1.5-3x slower until the \
                   browser's optimising compiler kicks in." }
            </p>
        </section>
    }
}

/// "1 thread", "4 threads".
fn threads(n: u32) -> String {
    if n == 1 {
        "1 thread".to_owned()
    } else {
        format!("{n} threads")
    }
}
