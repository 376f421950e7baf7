//! What the page waits for from the engine worker (its pool start, each run,
//! each ping) and how each wait ends: with the engine's answer or, once the
//! worker has failed, with an error naming the failure, at once and for
//! every later request, so that nothing waits for a worker that is gone.
//! Pure (channels only), tested natively; `engine_client` feeds it the
//! engine's events and the bridge's failures and sends nothing itself.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use futures::channel::oneshot;
use thiserror::Error;

use super::failure::WorkerFailure;
use crate::protocol::engine::{EngineEvent, PoolInfo, TrialId, TrialOutcome};
use crate::report::TaskRecord;

/// Why the engine could not do what the page asked.
#[derive(Debug, Error)]
pub enum EngineError {
    #[error("cannot start the engine worker: {detail}")]
    Spawn { detail: String },
    #[error("the engine stopped before answering")]
    Stopped,
    /// The worker failed (it did not load, it crashed, or it sent a message
    /// the page cannot read); every wait on it ends with this.
    #[error("the engine worker failed: {0}")]
    Failed(Rc<WorkerFailure>),
}

/// How the pool start ended.
#[derive(Clone, Debug, PartialEq)]
pub enum PoolOutcome {
    Ready(PoolInfo),
    Failed(String),
}

/// Called with each task of a run as it finishes.
pub type OnTask = Rc<dyn Fn(TaskRecord)>;

/// Where a run's outcome arrives.
pub type RunReply = oneshot::Receiver<Result<TrialOutcome, EngineError>>;

/// Where a pong's arrival time (ms) arrives.
pub type PongReply = oneshot::Receiver<Result<f64, EngineError>>;

/// A run waiting for its end: its tasks so far, where to report each, and
/// where to send the outcome.
struct Waiting {
    tasks: Vec<TaskRecord>,
    on_task: OnTask,
    done: oneshot::Sender<Result<TrialOutcome, EngineError>>,
}

/// Everything waiting on one engine worker.
#[derive(Default)]
pub struct Waiters {
    runs: RefCell<HashMap<TrialId, Waiting>>,
    pings: RefCell<HashMap<TrialId, oneshot::Sender<Result<f64, EngineError>>>>,
    pool: RefCell<Option<PoolOutcome>>,
    pool_waiters: RefCell<Vec<oneshot::Sender<PoolOutcome>>>,
    failure: RefCell<Option<Rc<WorkerFailure>>>,
}

impl Waiters {
    /// The error every request gets once the worker has failed.
    pub fn failed(&self) -> Option<EngineError> {
        self.failure.borrow().clone().map(EngineError::Failed)
    }

    /// Waits until the pool started or failed (or the worker did).
    pub async fn pool(&self) -> PoolOutcome {
        if let Some(outcome) = self.pool.borrow().clone() {
            return outcome;
        }
        let (tx, rx) = oneshot::channel();
        self.pool_waiters.borrow_mut().push(tx);
        rx.await
            .unwrap_or_else(|_| PoolOutcome::Failed(EngineError::Stopped.to_string()))
    }

    /// True once the pool start has ended either way, or the worker failed.
    pub fn pool_settled(&self) -> bool {
        self.pool.borrow().is_some()
    }

    /// Registers run `trial_id`; its tasks go to `on_task` as they arrive.
    ///
    /// # Errors
    /// [`EngineError::Failed`] at once when the worker has failed.
    pub fn expect_run(&self, trial_id: TrialId, on_task: OnTask) -> Result<RunReply, EngineError> {
        if let Some(e) = self.failed() {
            return Err(e);
        }
        let (done, rx) = oneshot::channel();
        let waiting = Waiting {
            tasks: Vec::new(),
            on_task,
            done,
        };
        self.runs.borrow_mut().insert(trial_id, waiting);
        Ok(rx)
    }

    /// Registers ping `trial_id`.
    ///
    /// # Errors
    /// [`EngineError::Failed`] at once when the worker has failed.
    pub fn expect_pong(&self, trial_id: TrialId) -> Result<PongReply, EngineError> {
        if let Some(e) = self.failed() {
            return Err(e);
        }
        let (tx, rx) = oneshot::channel();
        self.pings.borrow_mut().insert(trial_id, tx);
        Ok(rx)
    }

    /// Gives one engine event to whoever waits for it (`now_ms`: when it
    /// arrived). `Loaded` is the client's (it answers with `StartPool`).
    /// Nothing is taken from a worker that has failed.
    pub fn on_event(&self, event: &EngineEvent, now_ms: f64) {
        if self.failure.borrow().is_some() {
            return;
        }
        match event {
            EngineEvent::Loaded { .. } => {}
            EngineEvent::PoolReady(info) => self.settle_pool(PoolOutcome::Ready(*info)),
            EngineEvent::PoolFailed { reason } => {
                self.settle_pool(PoolOutcome::Failed(reason.clone()));
            }
            EngineEvent::TaskDone { trial_id, task } => {
                let on_task = self.runs.borrow_mut().get_mut(trial_id).map(|w| {
                    w.tasks.push(task.clone());
                    w.on_task.clone()
                });
                // Called with no borrow held: `on_task` may start more work.
                if let Some(on_task) = on_task {
                    on_task(task.clone());
                }
            }
            EngineEvent::TrialDone { trial_id, end } => {
                let waiting = self.runs.borrow_mut().remove(trial_id);
                if let Some(waiting) = waiting {
                    let outcome = TrialOutcome::ended(end.clone(), waiting.tasks);
                    // The waiting run may have been abandoned; that is fine.
                    let _ = waiting.done.send(Ok(outcome));
                }
            }
            EngineEvent::Pong { trial_id } => {
                let tx = self.pings.borrow_mut().remove(trial_id);
                if let Some(tx) = tx {
                    let _ = tx.send(Ok(now_ms));
                }
            }
        }
    }

    /// Records that the worker failed and ends every wait with the failure:
    /// a pool start still waiting gets [`PoolOutcome::Failed`], runs and
    /// pings [`EngineError::Failed`]. Returns the reason for the page, or
    /// `None` when the worker had already failed (the first failure stands).
    pub fn fail(&self, failure: WorkerFailure) -> Option<String> {
        if self.failure.borrow().is_some() {
            return None;
        }
        let failure = Rc::new(failure);
        *self.failure.borrow_mut() = Some(failure.clone());
        let reason = EngineError::Failed(failure.clone()).to_string();
        self.settle_pool(PoolOutcome::Failed(reason.clone()));
        let runs: Vec<Waiting> = self.runs.borrow_mut().drain().map(|(_, w)| w).collect();
        for waiting in runs {
            let _ = waiting.done.send(Err(EngineError::Failed(failure.clone())));
        }
        let pings: Vec<_> = self.pings.borrow_mut().drain().map(|(_, tx)| tx).collect();
        for tx in pings {
            let _ = tx.send(Err(EngineError::Failed(failure.clone())));
        }
        Some(reason)
    }

    fn settle_pool(&self, outcome: PoolOutcome) {
        *self.pool.borrow_mut() = Some(outcome.clone());
        let waiters: Vec<_> = self.pool_waiters.borrow_mut().drain(..).collect();
        for tx in waiters {
            let _ = tx.send(outcome.clone());
        }
    }
}

#[cfg(test)]
#[path = "waiters_tests.rs"]
mod tests;
