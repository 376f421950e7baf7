//! The `processes` model, from the page: P isolated workers, each with its
//! own WASM instance and memory (Python's `ProcessPoolExecutor`). Work and
//! results travel as messages: encoded, copied by `postMessage`, decoded,
//! with a payload of the chosen size each way, like pickled arguments.
//!
//! The workers are the engine binary without a thread pool, so this model
//! needs no shared memory and runs without cross-origin isolation.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use futures::channel::oneshot;
use futures::future::{join_all, select, Either};
use gloo::timers::future::TimeoutFuture;
use thiserror::Error;

use super::bridge::{Bridge, BridgeError, ENGINE_URL};
use super::engine_client::OnTask;
use crate::clock::now_ms;
use crate::engine::process_protocol::{ProcessEvent, ProcessRequest, RunId, TaskItem};
use crate::engine::wire::WireError;
use crate::report::TaskRecord;
use crate::vocab::Lane;

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

/// One process worker. Dropping it terminates the worker.
struct Process {
    bridge: Bridge<ProcessRequest>,
    inbox: Rc<RefCell<Option<oneshot::Sender<Arrived>>>>,
}

/// What a run of the pool measured besides the tasks.
pub struct PoolRun {
    pub tasks: Vec<TaskRecord>,
    /// Encoding, copying and decoding of every message, both ways, ms
    /// (`serialize_copy`): JSON text and the payload bytes beside it (see
    /// `engine::wire`; until issue 16, `serde_wasm_bindgen` JS objects).
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
        let all = Box::pin(join_all(loads));
        match select(all, TimeoutFuture::new(START_TIMEOUT_MS)).await {
            Either::Left((results, _)) if results.iter().all(Result::is_ok) => Ok(ProcessPool {
                procs,
                start_ms: now_ms() - t0,
            }),
            _ => Err(ProcessError::NotStarted),
        }
    }

    /// Runs the items, each process taking the next when it is free.
    /// Task times are relative to `t0`; each task goes to `on_task` on arrival.
    pub async fn run(
        &self,
        run_id: RunId,
        items: Vec<TaskItem>,
        payload: u32,
        t0: f64,
        on_task: OnTask,
    ) -> Result<PoolRun, ProcessError> {
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
                    let (tx, rx) = oneshot::channel();
                    *proc.inbox.borrow_mut() = Some(tx);
                    let request = ProcessRequest::Task {
                        run_id,
                        index,
                        item,
                        payload: vec![0u8; payload],
                    };
                    let sent_ms = proc.bridge.send(&request).map_err(|e| match e {
                        BridgeError::Encode(e) => ProcessError::Encode(e),
                        _ => ProcessError::TaskRefused,
                    })?;
                    copy_ms.set(copy_ms.get() + sent_ms);
                    let arrived = rx.await.map_err(|_| ProcessError::Stopped)?;
                    if arrived.payload_len != payload {
                        return Err(ProcessError::DamagedPayload);
                    }
                    copy_ms.set(copy_ms.get() + arrived.codec_ms);
                    let mut task = arrived.task;
                    task.lane = Lane::Process(k + 1).name();
                    task.shift(t0);
                    on_task(task.clone());
                    done.push(task);
                }
            }
        });
        let mut tasks = Vec::new();
        for result in join_all(loops).await {
            tasks.extend(result?);
        }
        tasks.sort_by_key(|t| t.index);
        Ok(PoolRun {
            tasks,
            copy_ms: copy_ms.get(),
        })
    }
}

impl Process {
    fn spawn() -> Result<(Self, oneshot::Receiver<()>), ProcessError> {
        let (loaded_tx, loaded_rx) = oneshot::channel();
        let mut loaded = Some(loaded_tx);
        let inbox: Rc<RefCell<Option<oneshot::Sender<Arrived>>>> = Rc::default();
        let mut pending: Pending = None;
        let bridge = {
            let inbox = inbox.clone();
            Bridge::spawn(
                ENGINE_URL,
                "a process",
                move |event: ProcessEvent, decode_ms| match event {
                    ProcessEvent::Loaded { .. } => {
                        if let Some(tx) = loaded.take() {
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
            )
            .map_err(|_| ProcessError::Refused)?
        };
        Ok((Process { bridge, inbox }, loaded_rx))
    }
}
