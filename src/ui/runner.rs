//! Runs an experiment from the page: each selected model, `repeat` times;
//! folds the outcomes into [`RunRecord`]s.
//!
//! CPU models and the thread models run in the engine worker; the fetch
//! models that only wait (`sequential`, `async`) run here, on the page's
//! event loop, where waiting does not block. Nothing here computes.

use std::cell::RefCell;
use std::rc::Rc;

use super::browser;
use super::engine_client::{EngineClient, PoolOutcome};
use super::state::Action;
use crate::clock::now_ms;
use crate::config::{Settings, Workload};
use crate::engine::protocol::{EngineEvent, Job, RunOutcome};
use crate::models::{async_tasks, sequential, ModelId, ModelPlace};
use crate::report::{Environment, Overheads, Results, RunRecord, RunStatus, Summary, TaskStatus};
use crate::workloads::fetch::FetchPlan;

/// Where the app keeps its engine between runs.
pub type EngineSlot = Rc<RefCell<Option<Rc<EngineClient>>>>;

/// Lane name of work done on the page's own thread.
const PAGE_LANE: &str = "page";

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
                reason: reason.clone(),
            }),
            EngineEvent::RunDone { .. } => {}
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
    let pool = match &client {
        Some(c) => c.pool().await,
        None => PoolOutcome::Failed("the engine worker could not start".to_owned()),
    };

    let mut results = Results::new(environment(&pool), &settings);
    (ctx.dispatch)(Action::RunStarted(results.clone()));
    let plan = FetchPlan::new(&settings, &browser::base_url());
    for &model in &settings.models {
        let record = match &client {
            Some(client) => {
                let run = ModelRun {
                    model,
                    settings: &settings,
                    client,
                    pool: &pool,
                    plan: &plan,
                    server: &ctx.server,
                };
                run.execute(&*ctx.dispatch).await
            }
            None => RunRecord::failed(
                model,
                settings.workload,
                "the engine worker could not start",
            ),
        };
        (ctx.dispatch)(Action::ModelFinished(record.clone()));
        results.runs.push(record);
    }
    (ctx.dispatch)(Action::RunFinished);
    browser::post_to_parent("run-finished", Some(&results));
    results
}

/// One model's part of a run.
struct ModelRun<'a> {
    model: ModelId,
    settings: &'a Settings,
    client: &'a EngineClient,
    pool: &'a PoolOutcome,
    plan: &'a FetchPlan,
    server: &'a Result<(), String>,
}

impl ModelRun<'_> {
    async fn execute(&self, dispatch: &dyn Fn(Action)) -> RunRecord {
        let (model, workload) = (self.model, self.settings.workload);
        let mut overheads = Overheads::new();
        if model.place() == ModelPlace::SharedMemoryThreads {
            match self.pool {
                PoolOutcome::Failed(reason) => {
                    let reason = format!("threads are unavailable: {reason}");
                    return RunRecord::skipped(model, workload, reason);
                }
                PoolOutcome::Ready {
                    start_ms,
                    warm_up_ms,
                    ..
                } => {
                    overheads.insert("pool_start".to_owned(), *start_ms);
                    overheads.insert("warm_up".to_owned(), *warm_up_ms);
                }
            }
        }
        if let (Workload::Fetch, None, Err(reason)) = (workload, &self.settings.url, self.server) {
            let error = format!("the simulated server is unavailable: {reason}");
            return RunRecord::failed(model, workload, error);
        }

        let mut outcomes = Vec::new();
        let repeat = self.settings.repeat;
        for repetition in 1..=repeat {
            dispatch(Action::Progress {
                model,
                repetition,
                repeat,
            });
            match self.once().await {
                Ok(outcome) => match outcome.error {
                    Some(error) => return RunRecord::failed(model, workload, error),
                    None => outcomes.push(outcome),
                },
                Err(error) => return RunRecord::failed(model, workload, error),
            }
        }

        let samples: Vec<f64> = outcomes.iter().map(|o| o.wall_ms).collect();
        let summary = Summary::of(&samples);
        let median = Summary::median_index(&samples).unwrap_or(0);
        let chosen = outcomes.swap_remove(median);
        let failed = chosen.tasks.iter().any(|t| t.status != TaskStatus::Ok);
        let error = failed.then(|| failure_summary(&chosen));
        overheads.extend(chosen.overheads_ms);
        let predicted_ms = match workload {
            Workload::Fetch => {
                self.plan
                    .predict_ms(model, self.settings.threads, self.settings.concurrency)
            }
            Workload::Fib => None,
        };
        RunRecord {
            model,
            workload,
            status: RunStatus::Ok,
            skipped_reason: None,
            error,
            wall_ms: summary.map(|s| s.median),
            wall_ms_min: summary.map(|s| s.min),
            wall_ms_max: summary.map(|s| s.max),
            wall_ms_samples: samples,
            overheads_ms: overheads,
            tasks: chosen.tasks,
            predicted_ms,
        }
    }

    /// One repetition, wherever this model runs.
    async fn once(&self) -> Result<RunOutcome, String> {
        let s = self.settings;
        match (s.workload, self.model) {
            (Workload::Fib, model) => {
                let job = Job::Fib {
                    n: s.n,
                    tasks: s.tasks,
                };
                self.client.run(model, job).await
            }
            (Workload::Fetch, ModelId::Threads) => {
                let job = Job::Fetch {
                    plan: self.plan.clone(),
                };
                self.client.run(ModelId::Threads, job).await
            }
            (Workload::Fetch, ModelId::Sequential) => {
                let t0 = now_ms();
                let tasks = sequential::run_fetch(self.plan, PAGE_LANE).await;
                Ok(RunOutcome::from_tasks(t0, now_ms() - t0, tasks))
            }
            (Workload::Fetch, ModelId::Async) => {
                let t0 = now_ms();
                let tasks = async_tasks::run_fetch(self.plan, s.concurrency, PAGE_LANE).await;
                Ok(RunOutcome::from_tasks(t0, now_ms() - t0, tasks))
            }
        }
    }
}

/// "3 of 20 requests failed: <first error>".
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

fn environment(pool: &PoolOutcome) -> Environment {
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
    }
}
