//! The engine worker's message loop: receives [`EngineRequest`]s, runs them
//! one at a time, answers with [`EngineEvent`]s.
//!
//! Runs in a dedicated module worker (never on the page). Requests are queued
//! in order; a long CPU run blocks this worker, not the page. The same
//! binary also serves as one "process" of the `processes` model: then the
//! page sends it single `Task`s and never starts its pool.

use futures::channel::mpsc;
use futures::StreamExt;
use thiserror::Error;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use super::outbox::post;
use super::pool;
use super::process;
use playground_core::models::registry::Placement;
use playground_core::models::ModelId;
use playground_core::protocol::engine::{EngineEvent, EngineRequest, Job, RunEnd, RunId};
use playground_core::protocol::process::ProcessRequest;
use playground_core::protocol::wire::{self, tag, WireError};
use playground_core::report::{TaskRecord, WorkloadOutput};
use playground_core::vocab::Lane;
use playground_models::{async_tasks, convoy_pool, gil, pipeline, race, sequential, threads};
use playground_web::clock::{now_ms, since_thread_start_ms};
use playground_web::wire_js::split;

/// Why the engine did not run a request at all.
#[derive(Debug, Error)]
enum Refused {
    /// The model needs the pool and it did not start (the pool's reason).
    #[error("{0}")]
    NoPool(String),
    #[error("the {model} model does not run in the engine")]
    NotHere { model: ModelId },
}

/// A request of either protocol this binary speaks.
enum Inbound {
    Engine(EngineRequest),
    Process(ProcessRequest),
}

/// A request with the time decoding it took (processes report codec time,
/// see `playground_core::protocol::wire`).
struct Received {
    request: Inbound,
    decode_ms: f64,
}

/// Decodes a message: a process's `task`, or an engine request.
fn decode(data: &JsValue) -> Result<Inbound, WireError> {
    let (text, bytes) = split(data)?;
    if tag(&text)? == ProcessRequest::TAG {
        wire::decode(&text, bytes).map(Inbound::Process)
    } else {
        wire::decode(&text, bytes).map(Inbound::Engine)
    }
}

/// Entry point of the engine worker: installs the message handler and tells
/// the page it is listening.
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let (tx, mut rx) = mpsc::unbounded::<Received>();

    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let t0 = now_ms();
        match decode(&event.data()) {
            // The receiver lives as long as the worker; a send cannot fail.
            Ok(request) => drop(tx.unbounded_send(Received {
                request,
                decode_ms: now_ms() - t0,
            })),
            Err(e) => web_sys::console::error_1(
                &format!("engine: a message it does not understand: {e}").into(),
            ),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler must live as long as the worker.
    on_message.forget();

    wasm_bindgen_futures::spawn_local(async move {
        let mut pool_ready = false;
        let mut pool_error: Option<String> = None;
        while let Some(Received { request, decode_ms }) = rx.next().await {
            let request = match request {
                Inbound::Engine(request) => request,
                Inbound::Process(ProcessRequest::Task {
                    run_id,
                    index,
                    item,
                    payload,
                }) => {
                    process::run_task(run_id, index, item, payload, decode_ms).await;
                    continue;
                }
            };
            match request {
                EngineRequest::StartPool { threads } => match pool::start(threads).await {
                    Ok(info) => {
                        pool_ready = true;
                        post(&EngineEvent::PoolReady(info));
                    }
                    Err(e) => {
                        let reason = e.to_string();
                        pool_error = Some(reason.clone());
                        post(&EngineEvent::PoolFailed { reason });
                    }
                },
                EngineRequest::Run {
                    run_id,
                    model,
                    job,
                    switch_ms,
                } => {
                    let pool = if pool_ready {
                        Ok(())
                    } else {
                        Err(pool_error
                            .as_deref()
                            .unwrap_or("the thread pool has not started"))
                    };
                    let end = run(run_id, model, &job, switch_ms, pool).await;
                    post(&EngineEvent::RunDone { run_id, end });
                }
                EngineRequest::Ping { run_id } => post(&EngineEvent::Pong { run_id }),
            }
        }
    });

    post(&EngineEvent::Loaded {
        module_start_ms: since_thread_start_ms(),
    });
}

/// Runs one repetition and measures it from dispatch to the last result.
/// Each finished task is sent at once as `TaskDone`; the end is returned.
async fn run(
    run_id: RunId,
    model: ModelId,
    job: &Job,
    switch_ms: u32,
    pool: Result<(), &str>,
) -> RunEnd {
    let t0 = now_ms();
    let emit = |task: &TaskRecord| {
        let mut task = task.clone();
        task.shift(t0);
        post(&EngineEvent::TaskDone { run_id, task });
    };
    let mut output = WorkloadOutput::None {};
    let needs_pool = model.placement(job.workload()) == Some(Placement::EnginePool);
    let lane = Lane::Engine.name();
    let result: Result<Vec<TaskRecord>, Refused> = match (model, job) {
        _ if needs_pool && pool.is_err() => {
            Err(Refused::NoPool(pool.err().unwrap_or_default().to_owned()))
        }
        (ModelId::Sequential, Job::Race { increments }) => {
            let threads = u32::try_from(rayon::current_num_threads()).unwrap_or(1);
            let (tasks, counts) = race::run_sequential(threads, *increments, &lane, &emit);
            output = WorkloadOutput::Race { race: counts };
            Ok(tasks)
        }
        (ModelId::Threads, Job::Race { increments }) => {
            let (tasks, counts) = race::run_threads(*increments, &emit);
            output = WorkloadOutput::Race { race: counts };
            Ok(tasks)
        }
        (ModelId::Sequential, Job::Pipeline { plan, n }) => {
            Ok(pipeline::run_sequential(plan, *n, &lane, &emit))
        }
        (ModelId::Threads, Job::Pipeline { plan, n }) => Ok(pipeline::run_threads(plan, *n, &emit)),
        (ModelId::Async, Job::Pipeline { plan, n }) => {
            Ok(pipeline::run_async(plan, *n, &emit).await)
        }
        (ModelId::Sequential, Job::Fib { n, tasks }) => {
            Ok(sequential::run_fib(*n, *tasks, &lane, &emit))
        }
        (ModelId::Async, Job::Fib { n, tasks }) => {
            Ok(async_tasks::run_fib(*n, *tasks, &lane, &emit).await)
        }
        (ModelId::Threads, Job::Fib { n, tasks }) => Ok(threads::run_fib(*n, *tasks, &emit)),
        (ModelId::Threads, Job::Fetch { plan }) => Ok(threads::run_fetch(plan, &emit)),
        (ModelId::Gil, Job::Fib { n, tasks }) => Ok(gil::run_fib(*n, *tasks, switch_ms, &emit)),
        (ModelId::Gil, Job::Fetch { plan }) => Ok(gil::run_fetch(plan, switch_ms, &emit)),
        (ModelId::Gil | ModelId::Threads, Job::Convoy { plan, cpu_threads }) => {
            let out = convoy_pool::run(model, &plan.requests, *cpu_threads, switch_ms);
            out.tasks.iter().for_each(&emit);
            if let Some((io_latency_ms, convoy)) = out.measures {
                output = WorkloadOutput::Convoy {
                    io_latency_ms,
                    convoy,
                };
            }
            Ok(out.tasks)
        }
        (model, _) => Err(Refused::NotHere { model }),
    };
    let wall_ms = now_ms() - t0;
    match result {
        // The tasks went out as `TaskDone` events.
        Ok(_tasks) => RunEnd::new(wall_ms, output),
        Err(error) => RunEnd::refused(wall_ms, error.to_string()),
    }
}
