//! The engine worker's message loop: receives [`EngineRequest`]s, runs them
//! one at a time, answers with [`EngineEvent`]s.
//!
//! Runs in a dedicated module worker (never on the page). Requests are queued
//! in order; a long CPU run blocks this worker, not the page.

use futures::channel::mpsc;
use futures::StreamExt;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use super::pool;
use super::protocol::{EngineEvent, EngineRequest, Job, RunOutcome};
use crate::clock::{now_ms, since_thread_start_ms};
use crate::models::{async_tasks, sequential, threads, ModelId};
use crate::report::{Overheads, TaskRecord};

/// Lane name of work done on the engine's own thread.
const ENGINE_LANE: &str = "engine";

/// Entry point of the engine worker: installs the message handler and tells
/// the page it is listening.
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let (tx, mut rx) = mpsc::unbounded::<EngineRequest>();

    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        match serde_wasm_bindgen::from_value::<EngineRequest>(event.data()) {
            // The receiver lives as long as the worker; a send cannot fail.
            Ok(request) => drop(tx.unbounded_send(request)),
            Err(e) => post(&EngineEvent::PoolFailed {
                reason: format!("engine received a message it does not understand: {e}"),
            }),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler must live as long as the worker.
    on_message.forget();

    wasm_bindgen_futures::spawn_local(async move {
        let mut pool_ready = false;
        let mut pool_error: Option<String> = None;
        while let Some(request) = rx.next().await {
            match request {
                EngineRequest::StartPool { threads } => match pool::start(threads).await {
                    Ok(info) => {
                        pool_ready = true;
                        post(&EngineEvent::PoolReady {
                            threads: info.threads,
                            start_ms: info.start_ms,
                            warm_up_ms: info.warm_up_ms,
                        });
                    }
                    Err(reason) => {
                        pool_error = Some(reason.clone());
                        post(&EngineEvent::PoolFailed { reason });
                    }
                },
                EngineRequest::Run { run_id, model, job } => {
                    let outcome = run(model, &job, pool_ready, pool_error.as_deref()).await;
                    post(&EngineEvent::RunDone { run_id, outcome });
                }
            }
        }
    });

    post(&EngineEvent::Loaded {
        module_start_ms: since_thread_start_ms(),
    });
}

/// Runs one repetition and measures it from dispatch to the last result.
async fn run(model: ModelId, job: &Job, pool_ready: bool, pool_error: Option<&str>) -> RunOutcome {
    let t0 = now_ms();
    let result: Result<Vec<TaskRecord>, String> = match (model, job) {
        (ModelId::Threads, _) if !pool_ready => Err(pool_error
            .unwrap_or("the thread pool has not started")
            .to_owned()),
        (ModelId::Sequential, Job::Fib { n, tasks }) => {
            Ok(sequential::run_fib(*n, *tasks, ENGINE_LANE))
        }
        (ModelId::Async, Job::Fib { n, tasks }) => {
            Ok(async_tasks::run_fib(*n, *tasks, ENGINE_LANE).await)
        }
        (ModelId::Threads, Job::Fib { n, tasks }) => Ok(threads::run_fib(*n, *tasks)),
        (ModelId::Threads, Job::Fetch { plan }) => Ok(threads::run_fetch(plan)),
        (ModelId::Sequential | ModelId::Async, Job::Fetch { .. }) => Err(format!(
            "the {model} fetch model runs on the page, not in the engine"
        )),
    };
    let wall_ms = now_ms() - t0;
    match result {
        Ok(tasks) => RunOutcome::from_tasks(t0, wall_ms, tasks),
        Err(error) => RunOutcome {
            wall_ms,
            tasks: Vec::new(),
            overheads_ms: Overheads::new(),
            error: Some(error),
        },
    }
}

/// Sends an event to the page.
fn post(event: &EngineEvent) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    match serde_wasm_bindgen::to_value(event) {
        Ok(value) => {
            if let Err(e) = scope.post_message(&value) {
                web_sys::console::error_2(&"engine: postMessage failed".into(), &e);
            }
        }
        Err(e) => web_sys::console::error_1(&format!("engine: cannot encode event: {e}").into()),
    }
}
