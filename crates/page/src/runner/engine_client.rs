//! The page's handle on the engine worker: spawns it through the
//! [`Bridge`], starts its pool, sends typed requests and turns answers into
//! futures (the [`Waiters`]). A run's tasks arrive one by one (`TaskDone`)
//! and are put together when the run ends (`TrialDone`): each crosses once.
//! When the worker fails, it is terminated, every wait ends with the
//! failure and the page is told once; a failed client answers every later
//! request with it.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo::timers::callback::Timeout;

use playground_core::models::ModelId;
use playground_core::protocol::engine::{EngineEvent, EngineRequest, Job, TrialId, TrialOutcome};
use playground_core::runner::failure::WorkerFailure;
use playground_core::runner::waiters::Waiters;
pub use playground_core::runner::waiters::{EngineError, OnTask, PoolOutcome};
use playground_web::bridge::{Bridge, BridgeError, ENGINE_URL};
use playground_web::clock::now_ms;

/// A running engine worker with a pool of `threads` threads. Dropping it
/// terminates the worker and its pool.
pub struct EngineClient {
    bridge: Rc<Bridge<EngineRequest>>,
    threads: u32,
    next_id: Cell<TrialId>,
    waiters: Rc<Waiters>,
}

impl EngineClient {
    /// Spawns the engine and asks it to start a pool of `threads` threads
    /// once it has loaded. `on_event` sees `Loaded` and pool events, for the
    /// UI; `on_failure` the reason, once, when the worker fails (after every
    /// wait on it has ended).
    ///
    /// # Errors
    /// When the browser refuses to create the worker.
    pub fn spawn(
        threads: u32,
        on_event: impl Fn(&EngineEvent) + 'static,
        on_failure: impl Fn(String) + 'static,
    ) -> Result<Self, EngineError> {
        let waiters: Rc<Waiters> = Rc::default();
        // The handler answers `Loaded` through the bridge it belongs to; a
        // weak handle, so that dropping the client still drops the bridge.
        let me: Rc<RefCell<Weak<Bridge<EngineRequest>>>> = Rc::default();
        let on_worker_failure = {
            let (waiters, me) = (waiters.clone(), me.clone());
            Rc::new(move |failure: WorkerFailure| {
                if let Some(reason) = waiters.fail(failure) {
                    // Of no more use; it may still compute (or its pool spin).
                    if let Some(bridge) = me.borrow().upgrade() {
                        bridge.terminate();
                    }
                    on_failure(reason);
                }
            })
        };
        // Set when the engine has loaded; dropped with the handler (with
        // the bridge, with the client).
        let watchdog: RefCell<Option<Timeout>> = RefCell::default();
        let on_message = {
            let (waiters, me) = (waiters.clone(), me.clone());
            let fail = on_worker_failure.clone();
            move |event: EngineEvent, _| {
                if let EngineEvent::Loaded { .. } = event {
                    if let Some(bridge) = me.borrow().upgrade() {
                        send(&bridge, &EngineRequest::StartPool { threads });
                    }
                    *watchdog.borrow_mut() = Some(watch_pool_start(&waiters, fail.clone()));
                }
                waiters.on_event(&event, now_ms());
                on_event(&event);
            }
        };
        let on_worker_failure = move |failure| on_worker_failure(failure);
        let bridge = Bridge::spawn(ENGINE_URL, on_message, on_worker_failure).map_err(|e| {
            EngineError::Spawn {
                detail: match e {
                    BridgeError::Spawn { detail } => detail,
                    other => other.to_string(),
                },
            }
        })?;
        let bridge = Rc::new(bridge);
        *me.borrow_mut() = Rc::downgrade(&bridge);
        Ok(EngineClient {
            bridge,
            threads,
            next_id: Cell::new(1),
            waiters,
        })
    }

    /// The pool size this engine was started with.
    pub fn threads(&self) -> u32 {
        self.threads
    }

    /// Why this engine is of no more use (its worker failed), if it is not.
    pub fn failed(&self) -> Option<EngineError> {
        self.waiters.failed()
    }

    /// Waits until the pool started or failed (or the worker did).
    pub async fn pool(&self) -> PoolOutcome {
        self.waiters.pool().await
    }

    /// Runs one repetition of `model` on `job` and waits for its outcome;
    /// each task goes to `on_task` as it arrives.
    ///
    /// # Errors
    /// When the worker failed ([`EngineError::Failed`]), before or while it
    /// ran, or went away before answering.
    pub async fn run(
        &self,
        model: ModelId,
        job: Job,
        switch_ms: u32,
        on_task: OnTask,
    ) -> Result<TrialOutcome, EngineError> {
        let trial_id = self.next_id();
        let reply = self.waiters.expect_run(trial_id, on_task)?;
        send(
            &self.bridge,
            &EngineRequest::Trial {
                trial_id,
                model,
                job,
                switch_ms,
            },
        );
        reply.await.map_err(|_| EngineError::Stopped)?
    }

    /// The page-to-engine message round trip, ms (median of `count` pings).
    ///
    /// # Errors
    /// When the worker failed or went away before answering.
    pub async fn round_trip_ms(&self, count: u32) -> Result<Option<f64>, EngineError> {
        let mut samples = Vec::new();
        for _ in 0..count {
            let trial_id = self.next_id();
            let reply = self.waiters.expect_pong(trial_id)?;
            let t0 = now_ms();
            send(&self.bridge, &EngineRequest::Ping { trial_id });
            samples.push(reply.await.map_err(|_| EngineError::Stopped)?? - t0);
        }
        Ok(playground_core::report::Summary::of(&samples).map(|s| s.median))
    }

    fn next_id(&self) -> TrialId {
        let id = self.next_id.get();
        self.next_id.set(id.wrapping_add(1));
        id
    }
}

/// How long a loaded engine may take to say how its pool start ended: the
/// engine gives the pool 15 s (`playground_engine`'s `pool_start`), then its
/// warm-up takes at most ~1 s.
const POOL_ANSWER_LIMIT_S: u32 = 20;

/// Fails the worker when its pool has neither started nor failed within
/// [`POOL_ANSWER_LIMIT_S`]: an engine whose own futures never wake (Firefox
/// under a policy that refuses wasm-bindgen's helper workers) says nothing
/// at all, and a run would wait for it forever.
fn watch_pool_start(waiters: &Rc<Waiters>, fail: Rc<dyn Fn(WorkerFailure)>) -> Timeout {
    let waiters = Rc::downgrade(waiters);
    Timeout::new(POOL_ANSWER_LIMIT_S * 1000, move || {
        if waiters.upgrade().is_some_and(|w| !w.pool_settled()) {
            fail(WorkerFailure::Silent {
                seconds: POOL_ANSWER_LIMIT_S,
            });
        }
    })
}

/// Posts a request; a failure is logged (the run then waits for Stop).
fn send(bridge: &Bridge<EngineRequest>, request: &EngineRequest) {
    if let Err(e) = bridge.send(request) {
        web_sys::console::error_1(&format!("posting to the engine failed: {e}").into());
    }
}
