//! The page's handle on the engine worker: spawns it through the
//! [`Bridge`], starts its pool, sends typed requests and turns answers into
//! futures. A run's tasks arrive one by one (`TaskDone`) and are put
//! together here when the run ends (`RunDone`): each crosses once.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use futures::channel::oneshot;
use thiserror::Error;

use super::bridge::{Bridge, ENGINE_URL};
use crate::clock::now_ms;
use crate::engine::protocol::{EngineEvent, EngineRequest, Job, PoolInfo, RunId, RunOutcome};
use crate::models::ModelId;
use crate::report::TaskRecord;

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
    Ready(PoolInfo),
    Failed(String),
}

/// Called with each task of a run as it finishes.
pub type OnTask = Rc<dyn Fn(TaskRecord)>;

/// A run waiting for its end: its tasks so far, where to report each, and
/// where to send the outcome.
struct Waiting {
    tasks: Vec<TaskRecord>,
    on_task: OnTask,
    done: oneshot::Sender<RunOutcome>,
}

/// What the message handler shares with the client.
#[derive(Default)]
struct Shared {
    pending: RefCell<HashMap<RunId, Waiting>>,
    /// Pings waiting for their pong: the pong's arrival time goes back.
    pings: RefCell<HashMap<RunId, oneshot::Sender<f64>>>,
    pool: RefCell<Option<PoolOutcome>>,
    pool_waiters: RefCell<Vec<oneshot::Sender<PoolOutcome>>>,
}

/// A running engine worker with a pool of `threads` threads. Dropping it
/// terminates the worker and its pool.
pub struct EngineClient {
    bridge: Rc<Bridge<EngineRequest>>,
    threads: u32,
    next_id: Cell<RunId>,
    shared: Rc<Shared>,
}

impl EngineClient {
    /// Spawns the engine and asks it to start a pool of `threads` threads
    /// once it has loaded. `on_event` sees `Loaded` and pool events, for the UI.
    ///
    /// # Errors
    /// When the browser refuses to create the worker.
    pub fn spawn(
        threads: u32,
        on_event: impl Fn(&EngineEvent) + 'static,
    ) -> Result<Self, EngineError> {
        let shared: Rc<Shared> = Rc::default();
        // The handler answers `Loaded` through the bridge it belongs to; a
        // weak handle, so that dropping the client still drops the bridge.
        let me: Rc<RefCell<Weak<Bridge<EngineRequest>>>> = Rc::default();
        let bridge = {
            let (shared, me) = (shared.clone(), me.clone());
            Bridge::spawn(ENGINE_URL, "engine", move |event: EngineEvent, _| {
                handle(&shared, &me, threads, &event);
                on_event(&event);
            })
            .map_err(|e| EngineError::Spawn {
                detail: match e {
                    super::bridge::BridgeError::Spawn { detail } => detail,
                    other => other.to_string(),
                },
            })?
        };
        let bridge = Rc::new(bridge);
        *me.borrow_mut() = Rc::downgrade(&bridge);
        Ok(EngineClient {
            bridge,
            threads,
            next_id: Cell::new(1),
            shared,
        })
    }

    /// The pool size this engine was started with.
    pub fn threads(&self) -> u32 {
        self.threads
    }

    /// Waits until the pool started or failed.
    pub async fn pool(&self) -> PoolOutcome {
        if let Some(outcome) = self.shared.pool.borrow().clone() {
            return outcome;
        }
        let (tx, rx) = oneshot::channel();
        self.shared.pool_waiters.borrow_mut().push(tx);
        rx.await
            .unwrap_or_else(|_| PoolOutcome::Failed("the engine stopped".to_owned()))
    }

    /// Runs one repetition of `model` on `job` and waits for its outcome;
    /// each task goes to `on_task` as it arrives.
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
        let run_id = self.next_id();
        let (done, rx) = oneshot::channel();
        let waiting = Waiting {
            tasks: Vec::new(),
            on_task,
            done,
        };
        self.shared.pending.borrow_mut().insert(run_id, waiting);
        send(
            &self.bridge,
            &EngineRequest::Run {
                run_id,
                model,
                job,
                switch_ms,
            },
        );
        rx.await.map_err(|_| EngineError::Stopped)
    }

    /// The page-to-engine message round trip, ms (median of `count` pings).
    pub async fn round_trip_ms(&self, count: u32) -> Option<f64> {
        let mut samples = Vec::new();
        for _ in 0..count {
            let run_id = self.next_id();
            let (tx, rx) = oneshot::channel();
            self.shared.pings.borrow_mut().insert(run_id, tx);
            let t0 = now_ms();
            send(&self.bridge, &EngineRequest::Ping { run_id });
            samples.push(rx.await.ok()? - t0);
        }
        crate::report::Summary::of(&samples).map(|s| s.median)
    }

    fn next_id(&self) -> RunId {
        let id = self.next_id.get();
        self.next_id.set(id.wrapping_add(1));
        id
    }
}

/// Handles one engine event on the page.
fn handle(
    shared: &Shared,
    me: &RefCell<Weak<Bridge<EngineRequest>>>,
    threads: u32,
    event: &EngineEvent,
) {
    let settled = match event {
        EngineEvent::Loaded { .. } => {
            if let Some(bridge) = me.borrow().upgrade() {
                send(&bridge, &EngineRequest::StartPool { threads });
            }
            None
        }
        EngineEvent::PoolReady(info) => Some(PoolOutcome::Ready(*info)),
        EngineEvent::PoolFailed { reason } => Some(PoolOutcome::Failed(reason.clone())),
        EngineEvent::TaskDone { run_id, task } => {
            let on_task = shared.pending.borrow_mut().get_mut(run_id).map(|w| {
                w.tasks.push(task.clone());
                w.on_task.clone()
            });
            if let Some(on_task) = on_task {
                on_task(task.clone());
            }
            None
        }
        EngineEvent::RunDone { run_id, end } => {
            if let Some(waiting) = shared.pending.borrow_mut().remove(run_id) {
                let outcome = RunOutcome::ended(end.clone(), waiting.tasks);
                // The waiting run may have been abandoned; that is fine.
                let _ = waiting.done.send(outcome);
            }
            None
        }
        EngineEvent::Pong { run_id } => {
            if let Some(tx) = shared.pings.borrow_mut().remove(run_id) {
                let _ = tx.send(now_ms());
            }
            None
        }
    };
    if let Some(outcome) = settled {
        *shared.pool.borrow_mut() = Some(outcome.clone());
        for tx in shared.pool_waiters.borrow_mut().drain(..) {
            let _ = tx.send(outcome.clone());
        }
    }
}

/// Posts a request; a failure is logged (the run then waits for Stop).
fn send(bridge: &Bridge<EngineRequest>, request: &EngineRequest) {
    if let Err(e) = bridge.send(request) {
        web_sys::console::error_1(&format!("posting to the engine failed: {e}").into());
    }
}
