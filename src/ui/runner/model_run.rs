//! One model's part of a run: its repetitions, wherever the model runs
//! (engine, page, process workers), with progress, Stop and the page meter;
//! folded into one [`RunRecord`].

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use futures::future::{select, Either};

use super::{cancelled, failure_summary, start_engine, RunContext, PAGE_LANE, PROGRESS_EVERY_MS};
use crate::clock::now_ms;
use crate::config::{Settings, Workload};
use crate::engine::protocol::{Job, RunOutcome, TaskItem};
use crate::models::{async_tasks, sequential, ModelId, ModelPlace};
use crate::report::{Overheads, RunRecord, RunStatus, Summary, TaskRecord, TaskStatus};
use crate::ui::engine_client::{EngineClient, OnTask, PoolOutcome};
use crate::ui::meter::next_frame;
use crate::ui::processes::ProcessPool;
use crate::ui::state::Action;
use crate::workloads::fetch::FetchPlan;

/// One repetition's outcome plus what the page and the model measured.
struct Measured {
    outcome: RunOutcome,
    page: crate::ui::meter::PageStats,
}

/// One model's part of a run.
pub(super) struct ModelRun<'a> {
    pub model: ModelId,
    pub settings: &'a Settings,
    pub client: &'a EngineClient,
    pub pool: &'a PoolOutcome,
    pub plan: &'a FetchPlan,
    pub ctx: &'a RunContext,
}

impl ModelRun<'_> {
    pub async fn execute(&self) -> RunRecord {
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
