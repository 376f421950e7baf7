//! Runs an experiment from the page: each selected model, `repeat` times;
//! folds the outcomes into [`RunRecord`]s, with progress and Stop.
//!
//! Where each model runs: CPU models and the thread models in the engine
//! worker; the fetch models that only wait (`sequential`, `async`) here, on
//! the page's event loop, where waiting does not block; `processes` in their
//! own workers; `main-thread` here on purpose, blocking the page.

use std::cell::RefCell;
use std::rc::Rc;

use futures::channel::oneshot;
use futures::future::Shared;

mod model_run;
mod sweep;

pub use sweep::run_sweep;

use model_run::ModelRun;

use super::browser;
use super::engine_client::{EngineClient, PoolOutcome};
use super::isolation;
use super::meter::{next_frame, Meter};
use super::state::Action;
use crate::config::{Settings, Workload};
use crate::engine::protocol::{EngineEvent, RunOutcome};
use crate::models::ModelId;
use crate::report::{Environment, Results, RunRecord, RunStatus, TaskRecord, TaskStatus};
use crate::workloads::fetch::FetchPlan;
use crate::workloads::latency::LatencySource;

/// Where the app keeps its engine between runs.
pub type EngineSlot = Rc<RefCell<Option<Rc<EngineClient>>>>;

/// Resolves when the user presses Stop.
pub type CancelSignal = Shared<oneshot::Receiver<()>>;

/// Lane name of work done on the page's own thread.
const PAGE_LANE: &str = "page";

/// Shortest time between two progress updates on the page.
const PROGRESS_EVERY_MS: f64 = 100.0;

/// Starts an engine with `threads` threads in `slot`, replacing (and
/// terminating) any engine that is there. Engine events reach `dispatch`.
pub fn start_engine(slot: &EngineSlot, threads: u32, dispatch: Rc<dyn Fn(Action)>) {
    dispatch(Action::EngineRestarting);
    // Drop the old engine first: it terminates its worker and pool.
    slot.borrow_mut().take();
    let on_event = {
        let dispatch = dispatch.clone();
        move |event: &EngineEvent| match event {
            EngineEvent::Loaded { module_start_ms } => dispatch(Action::EngineLoaded {
                module_start_ms: *module_start_ms,
            }),
            EngineEvent::PoolReady {
                threads,
                start_ms,
                warm_up_ms,
            } => dispatch(Action::PoolReady {
                threads: *threads,
                start_ms: *start_ms,
                warm_up_ms: *warm_up_ms,
            }),
            EngineEvent::PoolFailed { reason } => dispatch(Action::PoolFailed {
                reason: pool_failure(reason),
            }),
            _ => {}
        }
    };
    match EngineClient::spawn(threads, on_event) {
        Ok(client) => *slot.borrow_mut() = Some(Rc::new(client)),
        Err(reason) => dispatch(Action::PoolFailed { reason }),
    }
}

/// What a run needs besides the settings.
pub struct RunContext {
    pub slot: EngineSlot,
    /// `Err(reason)` when the simulated server is unavailable.
    pub server: Result<(), String>,
    pub dispatch: Rc<dyn Fn(Action)>,
    pub meter: Rc<Meter>,
    pub cancel: CancelSignal,
}

/// Runs every model of `settings` and returns the finished results. Each
/// model's record is dispatched as soon as it is done; an embedding page
/// gets the results as a `run-finished` message.
pub async fn run_experiment(settings: Settings, ctx: RunContext) -> Results {
    // A different pool size needs a new engine: rayon's global pool starts once.
    let current = ctx.slot.borrow().as_ref().map(|c| c.threads());
    if current != Some(settings.threads) {
        start_engine(&ctx.slot, settings.threads, ctx.dispatch.clone());
    }
    let client = ctx.slot.borrow().clone();
    let (pool, round_trip) = match &client {
        Some(c) => (explain(c.pool().await), c.round_trip_ms(10).await),
        None => (
            PoolOutcome::Failed("the engine worker could not start".to_owned()),
            None,
        ),
    };

    let plan = fetch_plan(&settings, &ctx);
    let env = environment(&pool, round_trip, &settings, &plan);
    let mut results = Results::new(env, &settings);
    (ctx.dispatch)(Action::RunStarted(results.clone()));
    for &model in &settings.models {
        // Let the page finish rendering the previous model's results first: on
        // a 2-core machine that work would otherwise compete with this model.
        next_frame().await;
        next_frame().await;
        let record = if ctx.cancel.peek().is_some() {
            cancelled(
                model,
                settings.workload,
                "stopped before it ran",
                Vec::new(),
            )
        } else {
            match &client {
                Some(client) => {
                    let run = ModelRun {
                        model,
                        settings: &settings,
                        client,
                        pool: &pool,
                        plan: &plan,
                        ctx: &ctx,
                    };
                    run.execute().await
                }
                None => RunRecord::failed(
                    model,
                    settings.workload,
                    "the engine worker could not start",
                ),
            }
        };
        (ctx.dispatch)(Action::ModelFinished(record.clone()));
        results.runs.push(record);
    }
    (ctx.dispatch)(Action::RunFinished);
    browser::post_to_parent("run-finished", Some(&results));
    results
}

/// A record for a model the user stopped, with the tasks it finished.
fn cancelled(model: ModelId, workload: Workload, why: &str, tasks: Vec<TaskRecord>) -> RunRecord {
    let mut record = RunRecord::failed(model, workload, why);
    record.status = RunStatus::Cancelled;
    record.tasks = tasks;
    record.tasks.sort_by_key(|t| t.index);
    record
}

/// "3 of 20 tasks failed; the first: <error>".
fn failure_summary(outcome: &RunOutcome) -> String {
    let failed: Vec<_> = outcome
        .tasks
        .iter()
        .filter(|t| t.status != TaskStatus::Ok)
        .collect();
    let first = failed
        .first()
        .and_then(|t| t.error.clone())
        .unwrap_or_default();
    format!(
        "{} of {} tasks failed; the first: {first}",
        failed.len(),
        outcome.tasks.len()
    )
}

/// The run's fetch plan, with its latency source chosen here, once: the
/// learner's URL, else the service worker's simulated server, else timers
/// (simulated waiting, not HTTP).
fn fetch_plan(settings: &Settings, ctx: &RunContext) -> FetchPlan {
    let source = LatencySource::choose(
        settings.url.as_deref(),
        ctx.server.is_ok(),
        &browser::base_url(),
    );
    FetchPlan::new(settings, &source)
}

/// The engine's reason for no threads, or the page's own when the page is
/// not cross-origin isolated (it knows why: framed, no service worker).
fn pool_failure(reason: &str) -> String {
    isolation::why_not_isolated().unwrap_or_else(|| reason.to_owned())
}

fn explain(pool: PoolOutcome) -> PoolOutcome {
    match pool {
        PoolOutcome::Failed(reason) => PoolOutcome::Failed(pool_failure(&reason)),
        ready => ready,
    }
}

fn environment(
    pool: &PoolOutcome,
    round_trip: Option<f64>,
    settings: &Settings,
    plan: &FetchPlan,
) -> Environment {
    let (threads_available, reason, pool_threads, pool_start_ms) = match pool {
        PoolOutcome::Ready {
            threads, start_ms, ..
        } => (true, None, Some(*threads), Some(*start_ms)),
        PoolOutcome::Failed(reason) => (false, Some(reason.clone()), None, None),
    };
    Environment {
        user_agent: browser::user_agent(),
        hardware_concurrency: browser::hardware_concurrency(),
        cross_origin_isolated: browser::cross_origin_isolated(),
        threads_available,
        threads_unavailable_reason: reason,
        pool_threads,
        pool_start_ms,
        engine_round_trip_ms: round_trip,
        isolation: isolation::found().map(|f| f.isolation),
        isolation_by_service_worker: isolation::found().map(|f| f.by_service_worker),
        latency_source: matches!(settings.workload, Workload::Fetch | Workload::Pipeline)
            .then(|| plan.source.kind()),
    }
}
