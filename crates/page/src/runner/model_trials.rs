//! One model's part of a run: its repetitions, wherever the model runs
//! (engine, page, process workers), with progress, Stop and the page meter;
//! folded into one [`ModelResult`].

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::context::{
    cancelled, failure_summary, start_engine, RunContext, RunError, PAGE_LANE, PROGRESS_EVERY_MS,
};
use super::engine_client::{EngineClient, OnTask, PoolOutcome};
use super::meter::{next_frame, PageStats};
use super::processes::{ProcessError, ProcessPool};
use playground_core::config::{Experiment, WorkloadConfig};
use playground_core::models::registry::Placement;
use playground_core::models::{ModelId, ModelNeeds};
use playground_core::protocol::engine::{Job, TrialOutcome};
use playground_core::protocol::process::TaskItem;
use playground_core::report::{ModelResult, Overheads, RunStatus, Summary, TaskRecord, TaskStatus};
use playground_core::runner::RunEvent;
use playground_core::vocab::OverheadKey;
use playground_core::workloads::fetch::FetchPlan;
use playground_models::{Host, NoPool, NotHere, Trial};
use playground_web::clock::{self, now_ms};

/// One repetition's outcome plus what the page and the model measured.
struct Measured {
    outcome: TrialOutcome,
    page: PageStats,
}

/// One model's part of a run.
pub(super) struct ModelTrials<'a> {
    pub model: ModelId,
    pub config: &'a Experiment,
    /// The engine; `None` when it could not start, or the run started none
    /// (no model of it runs there).
    pub client: Option<&'a EngineClient>,
    /// How the engine's pool start ended; `None` without an engine.
    pub pool: Option<&'a PoolOutcome>,
    pub plan: &'a FetchPlan,
    pub ctx: &'a RunContext,
}

impl ModelTrials<'_> {
    pub async fn execute(&self) -> ModelResult {
        let (model, workload) = (self.model, self.config.workload.kind());
        let emit = &*self.ctx.emit;
        if !workload.supports(model) {
            let reason = format!("it does not apply to the {} workload", workload.as_str());
            return ModelResult::skipped(model, workload, reason);
        }
        // A failed engine runs nothing: its failure is this model's error.
        let failed = self.client.and_then(EngineClient::failed);
        if let (true, Some(failed)) = (self.runs_in_engine(), failed) {
            return ModelResult::failed(model, workload, failed.to_string());
        }
        let mut overheads = Overheads::new();
        if model.place() == ModelNeeds::SharedMemoryThreads {
            match self.pool {
                Some(PoolOutcome::Failed(reason)) => {
                    let reason = format!("threads are unavailable: {reason}");
                    return ModelResult::skipped(model, workload, reason);
                }
                Some(PoolOutcome::Ready(info)) => {
                    overheads.insert(OverheadKey::PoolStart.to_string(), info.start_ms);
                    overheads.insert(OverheadKey::WarmUp.to_string(), info.warm_up_ms);
                }
                // No engine: the run below says so.
                None => {}
            }
        }
        let mut runs: Vec<Measured> = Vec::new();
        let repeat = self.config.repeat;
        for repetition in 1..=repeat {
            emit(RunEvent::Repetition {
                model,
                repetition,
                repeat,
            });
            // Tasks seen so far: kept when the run is stopped.
            let seen: Rc<RefCell<Vec<TaskRecord>>> = Rc::default();
            let on_task: OnTask = {
                let (seen, emit) = (seen.clone(), self.ctx.emit.clone());
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
                        emit(RunEvent::TasksDone { model, done });
                    }
                })
            };
            self.ctx.meter.reset();
            let outcome = match self.ctx.unless_stopped(self.once(on_task)).await {
                Some(outcome) => outcome,
                None => {
                    // Work in the engine cannot be interrupted: replace the engine.
                    if self.runs_in_engine() {
                        start_engine(&self.ctx.slot, self.config.threads, self.ctx.emit.clone());
                    }
                    let tasks = std::mem::take(&mut *seen.borrow_mut());
                    return cancelled(model, workload, "stopped by the user", tasks);
                }
            };
            let page = self.ctx.meter.finish().await;
            match outcome {
                Ok(outcome) => match outcome.end.error.clone() {
                    Some(error) => return ModelResult::failed(model, workload, error),
                    None => runs.push(Measured { outcome, page }),
                },
                Err(error) => return ModelResult::failed(model, workload, error.to_string()),
            }
        }
        self.record(runs, overheads)
    }

    /// Folds the repetitions into one record: the median's tasks, every
    /// wall time, the worst page responsiveness.
    fn record(&self, mut runs: Vec<Measured>, mut overheads: Overheads) -> ModelResult {
        let (model, workload) = (self.model, self.config.workload.kind());
        let samples: Vec<f64> = runs.iter().map(|m| m.outcome.end.wall_ms).collect();
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
        overheads.extend(chosen.end.overheads_ms);
        let predicted_ms = match &self.config.workload {
            WorkloadConfig::Fetch(f) => {
                model.predict_fetch_ms(self.plan, self.config.threads, f.concurrency, f.block_ms)
            }
            _ => None,
        };
        ModelResult {
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
            output: chosen.end.output,
            overheads_below_resolution: chosen.end.below_resolution,
        }
    }

    fn task_count(&self) -> u32 {
        self.config.task_count()
    }

    /// Where the registry says this model runs the workload.
    fn placement(&self) -> Option<Placement> {
        self.model.placement(self.config.workload.kind())
    }

    fn runs_in_engine(&self) -> bool {
        self.model.runs_in_engine(self.config.workload.kind())
    }

    /// One repetition, wherever this model runs.
    async fn once(&self, on_task: OnTask) -> Result<TrialOutcome, RunError> {
        let c = self.config;
        let job = Job::new(&c.workload, self.plan, c.threads);
        if self.runs_in_engine() {
            let client = self.client.ok_or(RunError::NoEngine)?;
            let outcome = client.run(self.model, job, c.knobs.switch_ms, on_task);
            return Ok(outcome.await?);
        }
        if self.placement() == Some(Placement::PageBlocking) {
            // Let the page paint "Running…" before it freezes.
            next_frame().await;
        }
        let host = PageHost {
            t0: now_ms(),
            on_task,
            config: c,
        };
        let ran = playground_models::run(self.model, &host, &job).await?;
        // Page-side models time on the shared clock; the page sees relative times.
        let t0 = ran.started_ms.unwrap_or(host.t0);
        let mut outcome = TrialOutcome::from_tasks(t0, now_ms() - t0, ran.tasks, ran.output);
        outcome.end.overheads_ms.extend(ran.overheads);
        outcome.end.below_resolution = ran.below_resolution;
        Ok(outcome)
    }
}

/// The page as a model's host: its own thread's lane, no thread pool, and
/// the process workers it starts for `processes`.
struct PageHost<'a> {
    /// When the trial was dispatched: the page sees task times relative to it.
    t0: f64,
    on_task: OnTask,
    config: &'a Experiment,
}

impl Host for PageHost<'_> {
    type Pool = NoPool;
    const ENGINE: bool = false;

    fn lane(&self) -> &str {
        PAGE_LANE
    }

    fn emit(&self, task: &TaskRecord) {
        let mut task = task.clone();
        task.shift(self.t0);
        (self.on_task)(task);
    }

    // Inlined, so that the compiler sees that every use of a pool on the
    // page is unreachable and links none of the pool models' code here.
    #[inline(always)]
    fn pool(&self) -> Result<&NoPool, NotHere> {
        Err(NotHere::NoPool(
            "the thread pool is the engine's; the page has none".to_owned(),
        ))
    }

    fn threads(&self) -> u32 {
        self.config.threads
    }

    fn switch_ms(&self) -> u32 {
        self.config.knobs.switch_ms
    }

    /// Starts the process workers, runs the tasks through them, stops them.
    async fn processes(
        &self,
        _model: ModelId,
        _job: &Job,
        items: Vec<TaskItem>,
    ) -> Result<Trial, NotHere> {
        let c = self.config;
        let failed = |e: ProcessError| NotHere::Processes(e.to_string());
        let pool = ProcessPool::start(c.threads).await.map_err(failed)?;
        let t0 = now_ms();
        let run = pool
            .run(1, items, c.knobs.payload, t0, self.on_task.clone())
            .await
            .map_err(failed)?;
        let mut ran = Trial::tasks(run.tasks);
        ran.started_ms = Some(t0);
        ran.overheads
            .insert(OverheadKey::ProcessStart.to_string(), pool.start_ms);
        // Each message's codec time is a fraction of a ms; where the page is
        // not isolated the clock steps by up to 1 ms, and their sum can read
        // 0. Such a cost is said to be below the clock, not reported as 0.
        let copy = OverheadKey::SerializeCopy.to_string();
        if run.copy_ms < clock::resolution_ms() {
            ran.below_resolution.push(copy);
        } else {
            ran.overheads.insert(copy, run.copy_ms);
        }
        Ok(ran)
    }
}
