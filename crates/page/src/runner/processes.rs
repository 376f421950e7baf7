//! The `processes` model, from the page: P isolated workers, each with its
//! own WASM instance and memory (Python's `ProcessPoolExecutor`). Work and
//! results travel as messages: encoded, copied by `postMessage`, decoded,
//! with a payload of the chosen size each way, like pickled arguments.
//!
//! The workers are the engine binary without a thread pool, so this model
//! needs no shared memory and runs without cross-origin isolation. A worker
//! that fails (does not load, crashes, sends what the page cannot read)
//! ends the start or the run at once with an error naming it.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use futures::channel::oneshot;
use futures::future::{select, try_join_all, Either};
use gloo::timers::future::TimeoutFuture;
use thiserror::Error;

use super::engine_client::OnTask;
use playground_core::protocol::process::{ProcessEvent, ProcessRequest, TaskItem, TrialId};
use playground_core::protocol::wire::WireError;
use playground_core::report::TaskRecord;
use playground_core::runner::failure::WorkerFailure;
use playground_core::vocab::Lane;
use playground_web::bridge::{Bridge, BridgeError, ENGINE_URL};
use playground_web::clock::now_ms;

/// Longest wait for the workers to load.
const START_TIMEOUT_MS: u32 = 30_000;

/// Why the process workers could not run the tasks.
#[derive(Debug, Error)]
pub enum ProcessError {
    #[error("the browser refused to start a process worker")]
    Refused,
    #[error("the process workers did not start")]
    NotStarted,
    #[error("cannot encode a task: {0}")]
    Encode(#[source] WireError),
    #[error("a process refused a task")]
    TaskRefused,
    #[error("a process stopped")]
    Stopped,
    #[error("a process returned a damaged payload")]
    DamagedPayload,
    /// Process `process` (1-based, as its lane `process-<k>`) failed.
    #[error("process {process} failed: {failure}")]
    Failed {
        process: usize,
        #[source]
        failure: WorkerFailure,
    },
}

/// A task's answer, as the page received it.
struct Arrived {
    task: TaskRecord,
    payload_len: usize,
    /// Decoding and encoding in the process, plus decoding on the page.
    codec_ms: f64,
}

/// A result that has arrived, waiting for its `Codec` message: its index,
/// and the answer with the page's decoding time so far.
type Pending = Option<(u32, Arrived)>;

/// Where a process's next answer goes.
type Inbox = Rc<RefCell<Option<oneshot::Sender<Arrived>>>>;

/// One process worker. Dropping it terminates the worker.
struct Process {
    bridge: Bridge<ProcessRequest>,
    inbox: Inbox,
    /// Set when the worker failed; whoever waits on it then gets nothing
    /// (its channels are dropped) and takes the reason from here.
    failure: Rc<RefCell<Option<WorkerFailure>>>,
}

/// What a run of the pool measured besides the tasks.
pub struct PoolTrial {
    pub tasks: Vec<TaskRecord>,
    /// Encoding, copying and decoding of every message, both ways, ms
    /// (`serialize_copy`): JSON text and the payload bytes beside it (see
    /// `playground_core::protocol::wire`).
    pub copy_ms: f64,
}

/// P started workers. Dropping the pool terminates them.
pub struct ProcessPool {
    procs: Vec<Process>,
    /// From creating the workers until all had loaded their module, ms.
    pub start_ms: f64,
}

impl ProcessPool {
    /// Starts `count` workers and waits until each has loaded.
    ///
    /// # Errors
    /// When the browser refuses a worker or one does not load in time.
    pub async fn start(count: u32) -> Result<Self, ProcessError> {
        let t0 = now_ms();
        let mut procs = Vec::new();
        let mut loads = Vec::new();
        for _ in 0..count {
            let (proc, loaded) = Process::spawn()?;
            procs.push(proc);
            loads.push(loaded);
        }
        // A process that fails drops its `loaded` sender: the start ends
        // then, without waiting for the others.
        let all = Box::pin(try_join_all(loads));
        match select(all, TimeoutFuture::new(START_TIMEOUT_MS)).await {
            Either::Left((Ok(_), _)) => Ok(ProcessPool {
                procs,
                start_ms: now_ms() - t0,
            }),
            Either::Left((Err(_), _)) => {
                Err(first_failure(&procs).unwrap_or(ProcessError::Stopped))
            }
            Either::Right(_) => Err(ProcessError::NotStarted),
        }
    }

    /// Runs the items, each process taking the next when it is free.
    /// Each task goes to `on_task` on arrival, its times relative to `t0`;
    /// the returned tasks keep the shared clock.
    pub async fn run(
        &self,
        trial_id: TrialId,
        items: Vec<TaskItem>,
        payload: u32,
        t0: f64,
        on_task: OnTask,
    ) -> Result<PoolTrial, ProcessError> {
        let queue: RefCell<VecDeque<(u32, TaskItem)>> = RefCell::new((0u32..).zip(items).collect());
        let copy_ms = Cell::new(0.0);
        let payload = usize::try_from(payload).unwrap_or(usize::MAX);
        let loops = self.procs.iter().enumerate().map(|(k, proc)| {
            let (queue, copy_ms, on_task) = (&queue, &copy_ms, on_task.clone());
            async move {
                let mut done = Vec::new();
                loop {
                    let Some((index, item)) = queue.borrow_mut().pop_front() else {
                        return Ok(done);
                    };
                    if let Some(failed) = proc.failed(k) {
                        return Err(failed);
                    }
                    let (tx, rx) = oneshot::channel();
                    *proc.inbox.borrow_mut() = Some(tx);
                    let request = ProcessRequest::Task {
                        trial_id,
                        index,
                        item,
                        payload: vec![0u8; payload],
                    };
                    let sent_ms = proc.bridge.send(&request).map_err(|e| match e {
                        BridgeError::Encode(e) => ProcessError::Encode(e),
                        _ => ProcessError::TaskRefused,
                    })?;
                    copy_ms.set(copy_ms.get() + sent_ms);
                    let arrived = rx
                        .await
                        .map_err(|_| proc.failed(k).unwrap_or(ProcessError::Stopped))?;
                    if arrived.payload_len != payload {
                        return Err(ProcessError::DamagedPayload);
                    }
                    copy_ms.set(copy_ms.get() + arrived.codec_ms);
                    let mut task = arrived.task;
                    task.lane = Lane::Process(k + 1).name();
                    let mut shown = task.clone();
                    shown.shift(t0);
                    on_task(shown);
                    done.push(task);
                }
            }
        });
        // The first error ends the run: the other processes' loops are dropped.
        let mut tasks: Vec<TaskRecord> = try_join_all(loops).await?.concat();
        tasks.sort_by_key(|t| t.index);
        Ok(PoolTrial {
            tasks,
            copy_ms: copy_ms.get(),
        })
    }
}

/// The failure of the first process that failed, as an error naming it.
fn first_failure(procs: &[Process]) -> Option<ProcessError> {
    procs.iter().enumerate().find_map(|(k, p)| p.failed(k))
}

impl Process {
    /// Its failure, if it failed, as the error of process `k + 1`.
    fn failed(&self, k: usize) -> Option<ProcessError> {
        let failure = self.failure.borrow_mut().take()?;
        Some(ProcessError::Failed {
            process: k + 1,
            failure,
        })
    }

    fn spawn() -> Result<(Self, oneshot::Receiver<()>), ProcessError> {
        let (loaded_tx, loaded_rx) = oneshot::channel();
        let loaded = Rc::new(RefCell::new(Some(loaded_tx)));
        let inbox: Inbox = Rc::default();
        let failure: Rc<RefCell<Option<WorkerFailure>>> = Rc::default();
        let mut pending: Pending = None;
        // Keeps the first failure and drops the channels waiting on this
        // worker, so that its start or its task ends now.
        let on_failure = {
            let (loaded, inbox, failure) = (loaded.clone(), inbox.clone(), failure.clone());
            move |e: WorkerFailure| {
                failure.borrow_mut().get_or_insert(e);
                loaded.borrow_mut().take();
                inbox.borrow_mut().take();
            }
        };
        let bridge = {
            let inbox = inbox.clone();
            Bridge::spawn(
                ENGINE_URL,
                move |event: ProcessEvent, decode_ms| match event {
                    ProcessEvent::Loaded { .. } => {
                        if let Some(tx) = loaded.borrow_mut().take() {
                            let _ = tx.send(());
                        }
                    }
                    ProcessEvent::TaskResult { task, payload, .. } => {
                        let index = task.index;
                        let arrived = Arrived {
                            task,
                            payload_len: payload.len(),
                            codec_ms: decode_ms,
                        };
                        pending = Some((index, arrived));
                    }
                    // The process's own codec time follows its result.
                    ProcessEvent::Codec {
                        index, codec_ms, ..
                    } => {
                        let Some((expected, mut arrived)) = pending.take() else {
                            return;
                        };
                        if expected != index {
                            return;
                        }
                        arrived.codec_ms += codec_ms;
                        if let Some(tx) = inbox.borrow_mut().take() {
                            let _ = tx.send(arrived);
                        }
                    }
                },
                on_failure,
            )
            .map_err(|_| ProcessError::Refused)?
        };
        let process = Process {
            bridge,
            inbox,
            failure,
        };
        Ok((process, loaded_rx))
    }
}
