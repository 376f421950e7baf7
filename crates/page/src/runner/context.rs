//! What every part of a run shares: the engine slot, the run's context
//! (server status, where events go, the meter, the Stop signal), the
//! run error, and the small helpers that start an engine, plan requests
//! and write cancelled or failed records.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use futures::channel::oneshot;
use futures::future::{select, Either, Shared};
use thiserror::Error;

use super::engine_client::{EngineClient, EngineError};
use super::meter::Meter;
use super::processes::ProcessError;
use playground_core::config::Experiment;
use playground_core::models::ModelId;
use playground_core::protocol::engine::{EngineEvent, TrialOutcome};
use playground_core::report::isolation::Found;
use playground_core::report::{ModelResult, RunStatus, TaskRecord, TaskStatus};
use playground_core::runner::RunEvent;
use playground_core::vocab::Workload;
use playground_core::workloads::fetch::FetchPlan;
use playground_core::workloads::latency::LatencySource;

/// Where the app keeps its engine between runs.
pub type EngineSlot = Rc<RefCell<Option<Rc<EngineClient>>>>;

/// Resolves when the user presses Stop.
pub type CancelSignal = Shared<oneshot::Receiver<()>>;

/// Lane name of work done on the page's own thread.
pub(super) const PAGE_LANE: &str = "page";

/// Shortest time between two progress updates on the page.
pub(super) const PROGRESS_EVERY_MS: f64 = 100.0;

/// Starts an engine with `threads` threads in `slot`, replacing (and
/// terminating) any engine that is there. Engine events reach `emit`.
pub fn start_engine(slot: &EngineSlot, threads: u32, emit: Rc<dyn Fn(RunEvent)>) {
    emit(RunEvent::EngineRestarting);
    // Drop the old engine first: it terminates its worker and pool.
    slot.borrow_mut().take();
    let on_event = {
        let emit = emit.clone();
        move |event: &EngineEvent| match event {
            EngineEvent::Loaded { module_start_ms } => emit(RunEvent::EngineLoaded {
                module_start_ms: *module_start_ms,
            }),
            EngineEvent::PoolReady(info) => emit(RunEvent::PoolReady(*info)),
            EngineEvent::PoolFailed { reason } => emit(RunEvent::PoolFailed {
                reason: reason.clone(),
            }),
            _ => {}
        }
    };
    let on_failure = {
        let emit = emit.clone();
        move |reason: String| emit(RunEvent::EngineFailed { reason })
    };
    match EngineClient::spawn(threads, on_event, on_failure) {
        Ok(client) => *slot.borrow_mut() = Some(Rc::new(client)),
        // The browser refused the worker: the engine failed, not its pool.
        Err(e) => emit(RunEvent::EngineFailed {
            reason: e.to_string(),
        }),
    }
}

/// The engine in `ctx`'s slot, first starting one with `threads` threads
/// when the slot holds none of that size (rayon's global pool starts once,
/// so a different pool size needs a new engine) or one whose worker failed
/// (a file missing a moment ago may be there now); `None` when it could not
/// start.
pub(super) fn engine_with(ctx: &RunContext, threads: u32) -> Option<Rc<EngineClient>> {
    let usable = ctx
        .slot
        .borrow()
        .as_ref()
        .is_some_and(|c| c.threads() == threads && c.failed().is_none());
    if !usable {
        start_engine(&ctx.slot, threads, ctx.emit.clone());
    }
    ctx.slot.borrow().clone()
}

/// Why one repetition of a model could not run at all.
#[derive(Debug, Error)]
pub enum RunError {
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error(transparent)]
    Process(#[from] ProcessError),
    /// The model did not run the job here (no pool, its process workers
    /// failed, or a workload it does not run).
    #[error(transparent)]
    Model(#[from] playground_models::NotHere),
    /// The run has no engine: it could not start.
    #[error("the engine worker could not start")]
    NoEngine,
}

/// What a run needs besides the settings.
pub struct RunContext {
    pub slot: EngineSlot,
    /// Why the simulated server is unavailable, as the page knows it when
    /// the run starts (`None`: it is up).
    pub server_unavailable: Option<String>,
    /// How the page got isolated, as it found out at start (`None`: not
    /// known yet).
    pub isolation: Option<Found>,
    /// Why the page is not cross-origin isolated and what the learner can
    /// do (framed, no service worker); `None` when it is isolated.
    pub not_isolated: Option<String>,
    /// Where the run's events go.
    pub emit: Rc<dyn Fn(RunEvent)>,
    pub meter: Rc<Meter>,
    pub cancel: CancelSignal,
}

impl RunContext {
    /// `work`'s output, or `None` when the user presses Stop first (`work`
    /// is then dropped; what it started elsewhere is the caller's to end).
    pub(super) async fn unless_stopped<T>(&self, work: impl Future<Output = T>) -> Option<T> {
        match select(Box::pin(work), self.cancel.clone()).await {
            Either::Left((output, _)) => Some(output),
            Either::Right(_) => None,
        }
    }
}

/// The planned requests of `config` (none when its workload does not
/// fetch), with their latency source chosen here, once: the learner's URL,
/// else the service worker's simulated server, else timers (simulated
/// waiting, not HTTP).
pub(super) fn plan_for(config: &Experiment, ctx: &RunContext) -> FetchPlan {
    let requests = config.workload.requests();
    let source = LatencySource::choose(
        requests.and_then(|r| r.url.as_deref()),
        ctx.server_unavailable.is_none(),
        &playground_web::platform::base_url(),
    );
    match requests {
        Some(requests) => FetchPlan::for_requests(requests, &source),
        None => FetchPlan {
            requests: Vec::new(),
            source,
        },
    }
}

/// A record for a model the user stopped, with the tasks it finished.
pub(super) fn cancelled(
    model: ModelId,
    workload: Workload,
    why: &str,
    tasks: Vec<TaskRecord>,
) -> ModelResult {
    let mut record = ModelResult::failed(model, workload, why);
    record.status = RunStatus::Cancelled;
    record.tasks = tasks;
    record.tasks.sort_by_key(|t| t.index);
    record
}

/// "3 of 20 tasks failed; the first: <error>".
pub(super) fn failure_summary(outcome: &TrialOutcome) -> String {
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
