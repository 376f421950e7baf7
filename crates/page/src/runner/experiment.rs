//! Runs an experiment from the page: each selected model, `repeat` times;
//! folds the outcomes into [`ModelResult`]s, with progress and Stop.
//!
//! Where each model runs is the registry's (`models::registry::Placement`):
//! CPU models and the thread models in the engine worker; the fetch models
//! that only wait (`sequential`, `async`) here, on the page's event loop,
//! where waiting does not block; `processes` in their own workers;
//! `main-thread` here on purpose, blocking the page.

use super::context::{cancelled, engine_with, plan_for, RunContext, RunError};
use super::engine_client::{EngineClient, PoolOutcome};
use super::meter::next_frame;
use super::model_trials::ModelTrials;
use playground_core::config::Experiment;
use playground_core::report::isolation::threads_off_reason;
use playground_core::report::{Environment, Results};
use playground_core::runner::failure::WorkerFailure;
use playground_core::runner::waiters::EngineError;
use playground_core::runner::RunEvent;
use playground_core::workloads::fetch::FetchPlan;
use playground_web::clock;
use playground_web::platform;

/// Why a run stopped while its engine was starting knows nothing of threads.
const STOPPED_WHILE_STARTING: &str =
    "not known: the run was stopped while the engine and its pool were starting";

/// Runs every model of `config`. First `Preparing`, while the engine gets
/// ready when a model runs there (it starts with the first such run, and
/// with each new pool size: its start and warm-up are reported on their
/// own, outside every model's time); then the empty results document goes
/// out as `RunStarted`, each model's record as soon as it is done
/// (`ModelFinished`), then `RunFinished`: the page's state holds the one
/// results document (and sends it to an embedding page).
pub async fn run_experiment(config: Experiment, ctx: RunContext) {
    (ctx.emit)(RunEvent::Preparing);
    let workload = config.workload.kind();
    // Only a run with a model in the engine starts it (fetch's page models,
    // `main-thread` and `processes` need none): the others begin at once.
    let needs_engine = config.needs_engine();
    let mut client = needs_engine
        .then(|| engine_with(&ctx, config.threads))
        .flatten();
    let (pool, round_trip) = match &client {
        Some(c) => {
            let (mut pool, mut round_trip) = prepare(c, &ctx).await;
            if went_silent(c) && ctx.cancel.peek().is_none() {
                // Firefox (153) now and then starts an engine whose pool
                // never answers, not even its own time limit; a second
                // engine starts. One retry: an engine that the site's policy
                // stalls stalls again, and the run then says so.
                if let Some(again) = engine_with(&ctx, config.threads) {
                    (pool, round_trip) = prepare(&again, &ctx).await;
                    client = Some(again);
                }
            }
            (Some(pool), round_trip)
        }
        None if needs_engine => (
            Some(PoolOutcome::Failed(RunError::NoEngine.to_string())),
            None,
        ),
        None => (None, None),
    };

    let plan = plan_for(&config, &ctx);
    let env = environment(pool.as_ref(), round_trip, &config, &plan, &ctx);
    let results = Results::for_config(env, &config);
    (ctx.emit)(RunEvent::RunStarted(results));
    for &model in &config.models {
        // Let the page finish rendering the previous model's results first: on
        // a 2-core machine that work would otherwise compete with this model.
        next_frame().await;
        next_frame().await;
        let record = if ctx.cancel.peek().is_some() {
            cancelled(model, workload, "stopped before it ran", Vec::new())
        } else {
            let run = ModelTrials {
                model,
                config: &config,
                client: client.as_deref(),
                pool: pool.as_ref(),
                plan: &plan,
                ctx: &ctx,
            };
            run.execute().await
        };
        (ctx.emit)(RunEvent::ModelFinished(record));
    }
    (ctx.emit)(RunEvent::RunFinished);
}

/// The engine's pool (waiting while it starts) and the page-to-engine round
/// trip. Stop ends the wait: the models are then reported as stopped before
/// they ran, and the engine goes on starting, for the next run.
async fn prepare(client: &EngineClient, ctx: &RunContext) -> (PoolOutcome, Option<f64>) {
    let Some(pool) = ctx.unless_stopped(client.pool()).await else {
        return (PoolOutcome::Failed(STOPPED_WHILE_STARTING.to_owned()), None);
    };
    let round_trip = ctx.unless_stopped(client.round_trip_ms(10)).await;
    (
        explain(pool, client, ctx),
        round_trip.and_then(|r| r.ok().flatten()),
    )
}

/// Whether `client`'s engine loaded and then never said how its pool start
/// ended (the page's watchdog failed it).
fn went_silent(client: &EngineClient) -> bool {
    matches!(client.failed(), Some(EngineError::Failed(f)) if matches!(*f, WorkerFailure::Silent { .. }))
}

/// The reason for no threads the learner is told (`threads_off_reason`),
/// unless the engine itself failed: that says more.
fn explain(pool: PoolOutcome, client: &EngineClient, ctx: &RunContext) -> PoolOutcome {
    match pool {
        PoolOutcome::Failed(reason) if client.failed().is_none() => {
            PoolOutcome::Failed(threads_off_reason(reason, ctx.not_isolated.as_deref()))
        }
        pool => pool,
    }
}

/// What the browser offered the run. `pool` is `None` when the run started
/// no engine: threads are then available where the page is isolated (no
/// pool was started to prove it, and none was used).
fn environment(
    pool: Option<&PoolOutcome>,
    round_trip: Option<f64>,
    config: &Experiment,
    plan: &FetchPlan,
    ctx: &RunContext,
) -> Environment {
    let (threads_available, reason, pool_threads, pool_start_ms) = match pool {
        Some(PoolOutcome::Ready(info)) => (true, None, Some(info.threads), Some(info.start_ms)),
        Some(PoolOutcome::Failed(reason)) => (false, Some(reason.clone()), None, None),
        None => match &ctx.not_isolated {
            Some(why) => (false, Some(why.clone()), None, None),
            None => (platform::cross_origin_isolated(), None, None, None),
        },
    };
    Environment {
        user_agent: platform::user_agent(),
        hardware_concurrency: platform::hardware_concurrency(),
        cross_origin_isolated: platform::cross_origin_isolated(),
        threads_available,
        threads_unavailable_reason: reason,
        pool_threads,
        pool_start_ms,
        engine_round_trip_ms: round_trip,
        isolation: ctx.isolation.map(|f| f.isolation),
        isolation_by_service_worker: ctx.isolation.map(|f| f.by_service_worker),
        latency_source: config
            .workload
            .requests()
            .is_some()
            .then(|| plan.source.kind()),
        clock_resolution_ms: Some(clock::resolution_ms()),
    }
}
