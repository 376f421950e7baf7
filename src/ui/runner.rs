//! Runs an experiment from the page: each selected model, `repeat` times;
//! folds the outcomes into [`RunRecord`]s, with progress and Stop.
//!
//! Where each model runs: CPU models and the thread models in the engine
//! worker; the fetch models that only wait (`sequential`, `async`) here, on
//! the page's event loop, where waiting does not block; `processes` in their
//! own workers; `main-thread` here on purpose, blocking the page.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use futures::channel::oneshot;
use futures::future::{select, Either, Shared};

use super::browser;
use super::engine_client::{EngineClient, OnTask, PoolOutcome};
use super::meter::{next_frame, Meter};
use super::processes::ProcessPool;
use super::state::Action;
use crate::clock::now_ms;
use crate::config::{Settings, Workload};
use crate::engine::protocol::{EngineEvent, Job, RunOutcome, TaskItem};
use crate::models::{async_tasks, sequential, ModelId, ModelPlace};
use crate::report::{
    Environment, Overheads, Results, RunRecord, RunStatus, Summary, TaskRecord, TaskStatus,
};
use crate::workloads::fetch::FetchPlan;

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
                reason: reason.clone(),
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
        Some(c) => (c.pool().await, c.round_trip_ms(10).await),
        None => (
            PoolOutcome::Failed("the engine worker could not start".to_owned()),
            None,
        ),
    };

    let mut results = Results::new(environment(&pool, round_trip), &settings);
    (ctx.dispatch)(Action::RunStarted(results.clone()));
    let plan = FetchPlan::new(&settings, &browser::base_url());
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

/// One repetition's outcome plus what the page and the model measured.
struct Measured {
    outcome: RunOutcome,
    page: super::meter::PageStats,
}

/// One model's part of a run.
struct ModelRun<'a> {
    model: ModelId,
    settings: &'a Settings,
    client: &'a EngineClient,
    pool: &'a PoolOutcome,
    plan: &'a FetchPlan,
    ctx: &'a RunContext,
}

impl ModelRun<'_> {
    async fn execute(&self) -> RunRecord {
        let (model, workload) = (self.model, self.settings.workload);
        let dispatch = &*self.ctx.dispatch;
        if !workload.supports(model) {
            let reason = format!("it does not apply to the {} workload", workload.as_str());
            return RunRecord::skipped(model, workload, reason);
        }
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
        let fetches = matches!(workload, Workload::Fetch | Workload::Pipeline);
        if let (true, None, Err(reason)) = (fetches, &self.settings.url, &self.ctx.server) {
            let error = format!("the simulated server is unavailable: {reason}");
            return RunRecord::failed(model, workload, error);
        }

        let mut runs: Vec<Measured> = Vec::new();
        let repeat = self.settings.repeat;
        for repetition in 1..=repeat {
            dispatch(Action::Progress {
                model,
                repetition,
                repeat,
            });
            // Tasks seen so far: kept when the run is stopped.
            let seen: Rc<RefCell<Vec<TaskRecord>>> = Rc::default();
            let on_task: OnTask = {
                let (seen, dispatch) = (seen.clone(), self.ctx.dispatch.clone());
                let total = self.task_count();
                let last_shown = Cell::new(f64::NEG_INFINITY);
                Rc::new(move |task: TaskRecord| {
                    let mut seen = seen.borrow_mut();
                    seen.push(task);
                    let done = u32::try_from(seen.len()).unwrap_or(u32::MAX);
                    // Re-render at most every PROGRESS_EVERY_MS: the page's
                    // work competes with the model for the cores.
                    let now = now_ms();
                    if done == total || now - last_shown.get() >= PROGRESS_EVERY_MS {
                        last_shown.set(now);
                        dispatch(Action::TaskProgress { model, done });
                    }
                })
            };
            self.ctx.meter.reset();
            let once = Box::pin(self.once(on_task));
            let outcome = match select(once, self.ctx.cancel.clone()).await {
                Either::Left((outcome, _)) => outcome,
                Either::Right(_) => {
                    // Work in the engine cannot be interrupted: replace the engine.
                    if self.runs_in_engine() {
                        start_engine(
                            &self.ctx.slot,
                            self.settings.threads,
                            self.ctx.dispatch.clone(),
                        );
                    }
                    let tasks = std::mem::take(&mut *seen.borrow_mut());
                    return cancelled(model, workload, "stopped by the user", tasks);
                }
            };
            let page = self.ctx.meter.finish().await;
            match outcome {
                Ok(outcome) => match outcome.error.clone() {
                    Some(error) => return RunRecord::failed(model, workload, error),
                    None => runs.push(Measured { outcome, page }),
                },
                Err(error) => return RunRecord::failed(model, workload, error),
            }
        }
        self.record(runs, overheads)
    }

    /// Folds the repetitions into one record: the median's tasks, every
    /// wall time, the worst page responsiveness.
    fn record(&self, mut runs: Vec<Measured>, mut overheads: Overheads) -> RunRecord {
        let (model, workload) = (self.model, self.settings.workload);
        let samples: Vec<f64> = runs.iter().map(|m| m.outcome.wall_ms).collect();
        let summary = Summary::of(&samples);
        let worst_gap = runs
            .iter()
            .map(|m| m.page.longest_gap_ms)
            .fold(0.0, f64::max);
        let long_frames = runs.iter().map(|m| m.page.long_frames).max().unwrap_or(0);
        let longest_task = runs
            .iter()
            .filter_map(|m| m.page.longest_task_ms)
            .reduce(f64::max);
        let median = Summary::median_index(&samples).unwrap_or(0);
        let chosen = runs.swap_remove(median).outcome;
        let failed = chosen.tasks.iter().any(|t| t.status != TaskStatus::Ok);
        let error = failed.then(|| failure_summary(&chosen));
        overheads.extend(chosen.overheads_ms);
        let predicted_ms = match workload {
            Workload::Fetch => {
                self.plan
                    .predict_ms(model, self.settings.threads, self.settings.concurrency)
            }
            Workload::Fib | Workload::Race | Workload::Pipeline => None,
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
            page_longest_gap_ms: Some(worst_gap),
            page_long_frames: Some(long_frames),
            page_longest_task_ms: longest_task,
            race: chosen.race,
        }
    }

    fn task_count(&self) -> u32 {
        self.settings.task_count()
    }

    fn runs_in_engine(&self) -> bool {
        matches!(
            (self.settings.workload, self.model),
            (_, ModelId::Threads | ModelId::Gil)
                | (Workload::Fib, ModelId::Sequential | ModelId::Async)
                | (Workload::Race | Workload::Pipeline, _)
        )
    }

    /// One repetition, wherever this model runs.
    async fn once(&self, on_task: OnTask) -> Result<RunOutcome, String> {
        let s = self.settings;
        let job = match s.workload {
            Workload::Fib => Job::Fib {
                n: s.n,
                tasks: s.tasks,
            },
            Workload::Fetch => Job::Fetch {
                plan: self.plan.clone(),
            },
            Workload::Race => Job::Race {
                increments: s.increments,
            },
            Workload::Pipeline => Job::Pipeline {
                plan: self.plan.clone(),
                n: s.n,
            },
        };
        if self.runs_in_engine() {
            return self.client.run(self.model, job, s.switch_ms, on_task).await;
        }
        let t0 = now_ms();
        // Page-side models time on the shared clock; the page sees relative times.
        let emit = |task: &TaskRecord| {
            let mut task = task.clone();
            task.shift(t0);
            on_task(task);
        };
        let tasks = match (s.workload, self.model) {
            (Workload::Fetch, ModelId::Sequential) => {
                sequential::run_fetch(self.plan, PAGE_LANE, &emit).await
            }
            (Workload::Fetch, ModelId::Async) => {
                async_tasks::run_fetch(self.plan, s.concurrency, PAGE_LANE, &emit).await
            }
            (_, ModelId::Processes) => return self.processes(on_task).await,
            (workload, ModelId::MainThread) => {
                // Let the page paint "Running…" before it freezes.
                next_frame().await;
                let t0 = now_ms();
                let tasks = match workload {
                    Workload::Fetch => sequential::run_fetch_blocking(self.plan, PAGE_LANE),
                    _ => sequential::run_fib(s.n, s.tasks, PAGE_LANE, &|_| {}),
                };
                return Ok(RunOutcome::from_tasks(t0, now_ms() - t0, tasks));
            }
            (workload, model) => {
                return Err(format!(
                    "{model} cannot run the {} workload here",
                    workload.as_str()
                ))
            }
        };
        Ok(RunOutcome::from_tasks(t0, now_ms() - t0, tasks))
    }

    /// Starts the process workers, runs the tasks through them, stops them.
    async fn processes(&self, on_task: OnTask) -> Result<RunOutcome, String> {
        let s = self.settings;
        let items: Vec<TaskItem> = match s.workload {
            Workload::Fib | Workload::Race | Workload::Pipeline => {
                (0..s.tasks).map(|_| TaskItem::Fib { n: s.n }).collect()
            }
            Workload::Fetch => self
                .plan
                .requests
                .iter()
                .map(|r| TaskItem::Fetch { request: r.clone() })
                .collect(),
        };
        let pool = ProcessPool::start(s.threads).await?;
        let t0 = now_ms();
        let run = pool.run(1, items, s.payload, t0, on_task).await?;
        let wall_ms = now_ms() - t0;
        let mut outcome = RunOutcome::from_tasks(0.0, wall_ms, run.tasks);
        outcome
            .overheads_ms
            .insert("process_start".to_owned(), pool.start_ms);
        outcome
            .overheads_ms
            .insert("serialize_copy".to_owned(), run.copy_ms);
        Ok(outcome)
    }
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

fn environment(pool: &PoolOutcome, round_trip: Option<f64>) -> Environment {
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
    }
}

/// Measures `model` on 1, 2, ... `max_threads` threads (a new engine for
/// each pool size), every other setting as given; each point is dispatched
/// as it is measured.
pub async fn run_sweep(settings: Settings, model: ModelId, max_threads: u32, ctx: RunContext) {
    (ctx.dispatch)(Action::SweepStarted { model, max_threads });
    let plan = FetchPlan::new(&settings, &browser::base_url());
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
