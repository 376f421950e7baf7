//! The page's handle on the engine worker: spawns it, sends typed requests
//! and turns answers into futures.
//!
//! Hand-written over `web_sys::Worker` rather than gloo-worker because the
//! page must be able to `terminate()` the engine (a new pool size needs a new
//! worker, since a rayon global pool starts once) and to time its start.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use futures::channel::oneshot;
use thiserror::Error;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::clock::now_ms;
use crate::engine::protocol::{EngineEvent, EngineRequest, Job, RunId, RunOutcome};
use crate::models::ModelId;
use crate::report::TaskRecord;

/// Trunk's loader for the engine binary (`data-loader-shim`; file hashes are
/// off in Trunk.toml so the name is stable).
pub const ENGINE_URL: &str = "./engine_loader.js";

/// Why the engine could not do what the page asked.
#[derive(Debug, Error)]
pub enum EngineError {
    #[error("cannot start the engine worker: {detail}")]
    Spawn { detail: String },
    #[error("the engine stopped before answering")]
    Stopped,
}

/// How the pool start ended.
#[derive(Clone, Debug, PartialEq)]
pub enum PoolOutcome {
    Ready {
        threads: u32,
        start_ms: f64,
        warm_up_ms: f64,
    },
    Failed(String),
}

/// Called with each task of a run as it finishes.
pub type OnTask = Rc<dyn Fn(TaskRecord)>;

/// A run waiting for its answer: where to send the outcome and the progress.
struct Waiting {
    done: oneshot::Sender<RunOutcome>,
    on_task: OnTask,
}

type Pending = Rc<RefCell<HashMap<RunId, Waiting>>>;
/// Pings waiting for their pong: the pong's arrival time goes back.
type Pings = Rc<RefCell<HashMap<RunId, oneshot::Sender<f64>>>>;

/// A running engine worker with a pool of `threads` threads.
pub struct EngineClient {
    worker: Worker,
    threads: u32,
    next_id: Cell<RunId>,
    pending: Pending,
    pings: Pings,
    pool: Rc<RefCell<Option<PoolOutcome>>>,
    pool_waiters: Rc<RefCell<Vec<oneshot::Sender<PoolOutcome>>>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

impl EngineClient {
    /// Spawns the engine and asks it to start a pool of `threads` threads.
    /// `on_event` sees `Loaded` and pool events, for the UI.
    ///
    /// # Errors
    /// When the browser refuses to create the worker.
    pub fn spawn(
        threads: u32,
        on_event: impl Fn(&EngineEvent) + 'static,
    ) -> Result<Self, EngineError> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker =
            Worker::new_with_options(ENGINE_URL, &options).map_err(|e| EngineError::Spawn {
                detail: format!("{e:?}"),
            })?;

        let pending: Pending = Rc::default();
        let pings: Pings = Rc::default();
        let pool: Rc<RefCell<Option<PoolOutcome>>> = Rc::default();
        let pool_waiters: Rc<RefCell<Vec<oneshot::Sender<PoolOutcome>>>> = Rc::default();

        let on_message = {
            let pings = pings.clone();
            let (pending, pool, waiters, worker) = (
                pending.clone(),
                pool.clone(),
                pool_waiters.clone(),
                worker.clone(),
            );
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let event = match serde_wasm_bindgen::from_value::<EngineEvent>(event.data()) {
                    Ok(event) => event,
                    Err(e) => {
                        web_sys::console::error_1(
                            &format!("engine sent an unknown message: {e}").into(),
                        );
                        return;
                    }
                };
                let settled = match &event {
                    EngineEvent::Loaded { .. } => {
                        send(&worker, &EngineRequest::StartPool { threads });
                        None
                    }
                    EngineEvent::PoolReady {
                        threads,
                        start_ms,
                        warm_up_ms,
                    } => Some(PoolOutcome::Ready {
                        threads: *threads,
                        start_ms: *start_ms,
                        warm_up_ms: *warm_up_ms,
                    }),
                    EngineEvent::PoolFailed { reason } => Some(PoolOutcome::Failed(reason.clone())),
                    EngineEvent::RunDone { run_id, outcome } => {
                        if let Some(waiting) = pending.borrow_mut().remove(run_id) {
                            // The waiting run may have been abandoned; that is fine.
                            let _ = waiting.done.send(outcome.clone());
                        }
                        None
                    }
                    EngineEvent::TaskDone { run_id, task } => {
                        let on_task = pending.borrow().get(run_id).map(|w| w.on_task.clone());
                        if let Some(on_task) = on_task {
                            on_task(task.clone());
                        }
                        None
                    }
                    EngineEvent::Pong { run_id } => {
                        if let Some(tx) = pings.borrow_mut().remove(run_id) {
                            let _ = tx.send(now_ms());
                        }
                        None
                    }
                    EngineEvent::TaskResult { .. } => None,
                };
                if let Some(outcome) = settled {
                    *pool.borrow_mut() = Some(outcome.clone());
                    for tx in waiters.borrow_mut().drain(..) {
                        let _ = tx.send(outcome.clone());
                    }
                }
                on_event(&event);
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));

        Ok(EngineClient {
            worker,
            threads,
            next_id: Cell::new(1),
            pending,
            pings,
            pool,
            pool_waiters,
            _on_message: on_message,
        })
    }

    /// The pool size this engine was started with.
    pub fn threads(&self) -> u32 {
        self.threads
    }

    /// Waits until the pool started or failed.
    pub async fn pool(&self) -> PoolOutcome {
        if let Some(outcome) = self.pool.borrow().clone() {
            return outcome;
        }
        let (tx, rx) = oneshot::channel();
        self.pool_waiters.borrow_mut().push(tx);
        rx.await
            .unwrap_or_else(|_| PoolOutcome::Failed("the engine stopped".to_owned()))
    }

    /// Runs one repetition of `model` on `job` and waits for its outcome.
    ///
    /// # Errors
    /// When the engine went away before answering.
    pub async fn run(
        &self,
        model: ModelId,
        job: Job,
        switch_ms: u32,
        on_task: OnTask,
    ) -> Result<RunOutcome, EngineError> {
        let run_id = self.next_id.get();
        self.next_id.set(run_id.wrapping_add(1));
        let (done, rx) = oneshot::channel();
        self.pending
            .borrow_mut()
            .insert(run_id, Waiting { done, on_task });
        let request = EngineRequest::Run {
            run_id,
            model,
            job,
            switch_ms,
        };
        send(&self.worker, &request);
        rx.await.map_err(|_| EngineError::Stopped)
    }

    /// The page-to-engine message round trip, ms (median of `count` pings).
    pub async fn round_trip_ms(&self, count: u32) -> Option<f64> {
        let mut samples = Vec::new();
        for _ in 0..count {
            let run_id = self.next_id.get();
            self.next_id.set(run_id.wrapping_add(1));
            let (tx, rx) = oneshot::channel();
            self.pings.borrow_mut().insert(run_id, tx);
            let t0 = now_ms();
            send(&self.worker, &EngineRequest::Ping { run_id });
            samples.push(rx.await.ok()? - t0);
        }
        crate::report::Summary::of(&samples).map(|s| s.median)
    }
}

impl Drop for EngineClient {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.terminate();
    }
}

fn send(worker: &Worker, request: &EngineRequest) {
    match serde_wasm_bindgen::to_value(request) {
        Ok(value) => {
            if let Err(e) = worker.post_message(&value) {
                web_sys::console::error_2(&"posting to the engine failed".into(), &e);
            }
        }
        Err(e) => web_sys::console::error_1(&format!("cannot encode a request: {e}").into()),
    }
}
