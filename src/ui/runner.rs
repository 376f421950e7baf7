//! Runs an experiment from the page: each selected model, `repeat` times,
//! through the engine worker; folds the outcomes into [`RunRecord`]s.
//!
//! Runs on the page's thread but only awaits: the work happens elsewhere.

use std::cell::RefCell;
use std::rc::Rc;

use super::browser;
use super::engine_client::{EngineClient, PoolOutcome};
use super::state::Action;
use crate::config::{Settings, Workload};
use crate::engine::protocol::{EngineEvent, Job};
use crate::models::{ModelId, ModelPlace};
use crate::report::{Environment, Overheads, Results, RunRecord, RunStatus, Summary};

/// Where the app keeps its engine between runs.
pub type EngineSlot = Rc<RefCell<Option<Rc<EngineClient>>>>;

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

/// Runs every model of `settings` and returns the finished results. Each
/// model's record is dispatched as soon as it is done.
pub async fn run_experiment(
    settings: Settings,
    slot: EngineSlot,
    dispatch: Rc<dyn Fn(Action)>,
) -> Results {
    // A different pool size needs a new engine: rayon's global pool starts once.
    let current = slot.borrow().as_ref().map(|c| c.threads());
    if current != Some(settings.threads) {
        start_engine(&slot, settings.threads, dispatch.clone());
    }
    let client = slot.borrow().clone();
    let pool = match &client {
        Some(c) => c.pool().await,
        None => PoolOutcome::Failed("the engine worker could not start".to_owned()),
    };

    let mut results = Results::new(environment(&pool), &settings);
    dispatch(Action::RunStarted(results.clone()));
    for &model in &settings.models {
        let record = match &client {
            Some(client) => run_model(model, &settings, client, &pool, &*dispatch).await,
            None => RunRecord::failed(
                model,
                settings.workload,
                "the engine worker could not start",
            ),
        };
        dispatch(Action::ModelFinished(record.clone()));
        results.runs.push(record);
    }
    dispatch(Action::RunFinished);
    browser::post_to_parent("run-finished", Some(&results));
    results
}

async fn run_model(
    model: ModelId,
    settings: &Settings,
    client: &EngineClient,
    pool: &PoolOutcome,
    dispatch: &dyn Fn(Action),
) -> RunRecord {
    let workload = settings.workload;
    let mut overheads = Overheads::new();
    if model.place() == ModelPlace::SharedMemoryThreads {
        match pool {
            PoolOutcome::Failed(reason) => {
                return RunRecord::skipped(
                    model,
                    workload,
                    format!("threads are unavailable: {reason}"),
                )
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
    let job = match workload {
        Workload::Fib => Job::Fib {
            n: settings.n,
            tasks: settings.tasks,
        },
        Workload::Fetch => {
            return RunRecord::failed(model, workload, "the fetch workload is not available yet")
        }
    };

    let mut outcomes = Vec::new();
    for repetition in 1..=settings.repeat {
        dispatch(Action::Progress {
            model,
            repetition,
            repeat: settings.repeat,
        });
        match client.run(model, job.clone()).await {
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
    overheads.extend(chosen.overheads_ms);
    RunRecord {
        model,
        workload,
        status: RunStatus::Ok,
        skipped_reason: None,
        error: None,
        wall_ms: summary.map(|s| s.median),
        wall_ms_min: summary.map(|s| s.min),
        wall_ms_max: summary.map(|s| s.max),
        wall_ms_samples: samples,
        overheads_ms: overheads,
        tasks: chosen.tasks,
    }
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
