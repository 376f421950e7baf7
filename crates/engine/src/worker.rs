//! The engine worker's message loop: receives [`EngineRequest`]s, runs them
//! one at a time, answers with [`EngineEvent`]s.
//!
//! Runs in a dedicated module worker (never on the page). Requests are queued
//! in order; a long CPU run blocks this worker, not the page. The same
//! binary also serves as one "process" of the `processes` model: then the
//! page sends it single `Task`s and never starts its pool.

use futures::channel::mpsc;
use futures::StreamExt;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use super::outbox::post;
use super::pool;
use super::process;
use playground_core::models::ModelId;
use playground_core::protocol::engine::{EngineEvent, EngineRequest, Job, TrialEnd, TrialId};
use playground_core::protocol::process::{ProcessRequest, TaskItem};
use playground_core::protocol::wire::{self, tag, WireError};
use playground_core::report::TaskRecord;
use playground_core::vocab::Lane;
use playground_models::{Host, NotHere, RayonPool, Trial};
use playground_web::clock::{now_ms, since_thread_start_ms};
use playground_web::wire_js::split;

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
                    trial_id,
                    index,
                    item,
                    payload,
                }) => {
                    process::run_task(trial_id, index, item, payload, decode_ms).await;
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
                EngineRequest::Trial {
                    trial_id,
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
                    let end = run(trial_id, model, &job, switch_ms, pool).await;
                    post(&EngineEvent::TrialDone { trial_id, end });
                }
                EngineRequest::Ping { trial_id } => post(&EngineEvent::Pong { trial_id }),
            }
        }
    });

    post(&EngineEvent::Loaded {
        module_start_ms: since_thread_start_ms(),
    });
}

/// The engine as a model's host: its own thread's lane, its rayon pool
/// (once started), each finished task sent at once as `TaskDone`.
struct EngineHost {
    trial_id: TrialId,
    /// When the trial was dispatched: tasks go out relative to it.
    t0: f64,
    /// Why there is no pool, if there is none.
    no_pool: Option<String>,
    switch_ms: u32,
    lane: String,
}

impl Host for EngineHost {
    type Pool = RayonPool;
    const ENGINE: bool = true;

    fn lane(&self) -> &str {
        &self.lane
    }

    fn emit(&self, task: &TaskRecord) {
        let mut task = task.clone();
        task.shift(self.t0);
        post(&EngineEvent::TaskDone {
            trial_id: self.trial_id,
            task,
        });
    }

    fn pool(&self) -> Result<&RayonPool, NotHere> {
        match &self.no_pool {
            None => Ok(&RayonPool),
            Some(reason) => Err(NotHere::NoPool(reason.clone())),
        }
    }

    fn threads(&self) -> u32 {
        u32::try_from(rayon::current_num_threads()).unwrap_or(1)
    }

    fn switch_ms(&self) -> u32 {
        self.switch_ms
    }

    async fn processes(
        &self,
        model: ModelId,
        job: &Job,
        _items: Vec<TaskItem>,
    ) -> Result<Trial, NotHere> {
        Err(NotHere::NoProcesses {
            model,
            workload: job.workload(),
        })
    }
}

/// Runs one repetition and measures it from dispatch to the last result.
/// Each finished task is sent at once as `TaskDone`; the end is returned.
async fn run(
    trial_id: TrialId,
    model: ModelId,
    job: &Job,
    switch_ms: u32,
    pool: Result<(), &str>,
) -> TrialEnd {
    let host = EngineHost {
        trial_id,
        t0: now_ms(),
        no_pool: pool.err().map(str::to_owned),
        switch_ms,
        lane: Lane::Engine.name(),
    };
    let result = playground_models::run(model, &host, job).await;
    let wall_ms = now_ms() - host.t0;
    match result {
        // The tasks went out as `TaskDone` events.
        Ok(ran) => TrialEnd::new(wall_ms, ran.output),
        Err(error) => TrialEnd::refused(wall_ms, error.to_string()),
    }
}
