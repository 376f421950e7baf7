//! The thread sweep: one model on 1, 2, ... k threads, each point measured
//! like a run and dispatched as it arrives.

use super::model_run::ModelRun;
use super::{fetch_plan, start_engine, RunContext};
use crate::config::Settings;
use crate::models::ModelId;
use crate::report::RunStatus;
use crate::ui::meter::next_frame;
use crate::ui::state::Action;

/// Measures `model` on 1, 2, ... `max_threads` threads (a new engine for
/// each pool size), every other setting as given; each point is dispatched
/// as it is measured.
pub async fn run_sweep(settings: Settings, model: ModelId, max_threads: u32, ctx: RunContext) {
    (ctx.dispatch)(Action::SweepStarted { model, max_threads });
    let plan = fetch_plan(&settings, &ctx);
    for threads in 1..=max_threads {
        if ctx.cancel.peek().is_some() {
            let error = Some("stopped by the user".to_owned());
            (ctx.dispatch)(Action::SweepFinished { error });
            return;
        }
        let s = Settings {
            threads,
            models: vec![model],
            ..settings.clone()
        };
        let current = ctx.slot.borrow().as_ref().map(|c| c.threads());
        if current != Some(threads) {
            start_engine(&ctx.slot, threads, ctx.dispatch.clone());
        }
        let Some(client) = ctx.slot.borrow().clone() else {
            let error = Some("the engine worker could not start".to_owned());
            (ctx.dispatch)(Action::SweepFinished { error });
            return;
        };
        let pool = client.pool().await;
        next_frame().await;
        let run = ModelRun {
            model,
            settings: &s,
            client: &client,
            pool: &pool,
            plan: &plan,
            ctx: &ctx,
        };
        let record = run.execute().await;
        if record.status != RunStatus::Ok {
            let why = record.skipped_reason.or(record.error).unwrap_or_default();
            let error = Some(format!("{threads} threads: {why}"));
            (ctx.dispatch)(Action::SweepFinished { error });
            return;
        }
        (ctx.dispatch)(Action::SweepPoint {
            threads,
            wall_ms: record.wall_ms,
        });
    }
    (ctx.dispatch)(Action::SweepFinished { error: None });
}
