//! The thread sweep: one model on 1, 2, ... k threads, each point measured
//! like a run and dispatched as it arrives.

use super::context::{engine_with, plan_for, RunContext, RunError};
use super::meter::next_frame;
use super::model_trials::ModelTrials;
use playground_core::config::{Experiment, CONVOY_MIN_THREADS};
use playground_core::models::ModelId;
use playground_core::report::RunStatus;
use playground_core::runner::RunEvent;
use playground_core::vocab::Workload;

/// Measures `model` on 1, 2, ... `max_threads` threads (a new engine for
/// each pool size), every other setting as given; each point is dispatched
/// as it is measured.
pub async fn run_sweep(config: Experiment, model: ModelId, max_threads: u32, ctx: RunContext) {
    (ctx.emit)(RunEvent::SweepStarted { model, max_threads });
    let plan = plan_for(&config, &ctx);
    // The convoy needs an I/O thread and a CPU thread.
    let first = match config.workload.kind() {
        Workload::Convoy => CONVOY_MIN_THREADS,
        _ => 1,
    };
    for threads in first..=max_threads {
        if ctx.cancel.peek().is_some() {
            let error = Some("stopped by the user".to_owned());
            (ctx.emit)(RunEvent::SweepFinished { error });
            return;
        }
        let point = Experiment {
            threads,
            models: vec![model],
            ..config.clone()
        };
        let Some(client) = engine_with(&ctx, threads) else {
            let error = Some(RunError::NoEngine.to_string());
            (ctx.emit)(RunEvent::SweepFinished { error });
            return;
        };
        let pool = client.pool().await;
        next_frame().await;
        let run = ModelTrials {
            model,
            config: &point,
            client: Some(&client),
            pool: Some(&pool),
            plan: &plan,
            ctx: &ctx,
        };
        let record = run.execute().await;
        if record.status != RunStatus::Ok {
            let why = record.skipped_reason.or(record.error).unwrap_or_default();
            let error = Some(format!("{threads} threads: {why}"));
            (ctx.emit)(RunEvent::SweepFinished { error });
            return;
        }
        (ctx.emit)(RunEvent::SweepPoint {
            threads,
            wall_ms: record.wall_ms,
        });
    }
    (ctx.emit)(RunEvent::SweepFinished { error: None });
}
