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
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::engine::protocol::{EngineEvent, EngineRequest, Job, RunId, RunOutcome};
use crate::models::ModelId;

/// Trunk's loader for the engine binary (`data-loader-shim`; file hashes are
/// off in Trunk.toml so the name is stable).
const ENGINE_URL: &str = "./engine_loader.js";

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

type Pending = Rc<RefCell<HashMap<RunId, oneshot::Sender<RunOutcome>>>>;

/// A running engine worker with a pool of `threads` threads.
pub struct EngineClient {
    worker: Worker,
    threads: u32,
    next_id: Cell<RunId>,
    pending: Pending,
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
    pub fn spawn(threads: u32, on_event: impl Fn(&EngineEvent) + 'static) -> Result<Self, String> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(ENGINE_URL, &options)
            .map_err(|e| format!("cannot start the engine worker: {e:?}"))?;

        let pending: Pending = Rc::default();
        let pool: Rc<RefCell<Option<PoolOutcome>>> = Rc::default();
        let pool_waiters: Rc<RefCell<Vec<oneshot::Sender<PoolOutcome>>>> = Rc::default();

        let on_message = {
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
                        if let Some(tx) = pending.borrow_mut().remove(run_id) {
                            // The waiting run may have been abandoned; that is fine.
                            let _ = tx.send(outcome.clone());
                        }
                        None
                    }
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
    pub async fn run(&self, model: ModelId, job: Job) -> Result<RunOutcome, String> {
        let run_id = self.next_id.get();
        self.next_id.set(run_id.wrapping_add(1));
        let (tx, rx) = oneshot::channel();
        self.pending.borrow_mut().insert(run_id, tx);
        send(&self.worker, &EngineRequest::Run { run_id, model, job });
        rx.await
            .map_err(|_| "the engine stopped before answering".to_owned())
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
