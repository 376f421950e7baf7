//! `convoy` in the browser: the I/O thread and the CPU threads on the
//! engine's rayon pool (Web Worker threads), each request a blocking
//! synchronous request to the simulated server (Python's blocking socket
//! calls on a thread). The logic is `convoy`'s; this file only supplies the
//! threads and the requests, and turns the run into task records.
//!
//! Must run in a worker: the threads block (`Atomics.wait`) on the lock.

use thiserror::Error;

use playground_core::models::convoy::{self, Answer, ConvoyRun, Interpreter, Plan, Request, CPU_N};
use playground_core::models::gil_lock::Gil;
use playground_core::report::{TaskRecord, WorkloadOutput};
use playground_core::vocab::{FetchError, Lane, ModelId};
use playground_core::workloads::fetch::PlannedRequest;
use playground_core::workloads::latency::Answer as Reply;
use playground_web::clock::now_ms;
use playground_web::http;

use crate::model::{Host, Trial};
use crate::pool::Pool;

/// Switch intervals (ms) of the `gil` sweep, and requests at each.
pub const SWEEP_SWITCH_MS: [u32; 4] = [1, 2, 10, 20];
pub const SWEEP_REQUESTS: u32 = 10;

/// Why one of the I/O thread's requests failed.
#[derive(Debug, Error)]
enum IoError {
    #[error("HTTP {0}: the server answered with an error")]
    Status(u16),
    #[error("{0}")]
    NoAnswer(String),
}

/// Runs the convoy for `model` (`gil` with `switch_ms`, or `threads`) with
/// `cpu_threads` CPU threads; `requests` are the I/O thread's requests (used
/// in turn in each phase).
/// Every task goes to `host.emit` when the run is over (the convoy's phases
/// run on pool threads, which cannot reach the page meanwhile).
pub fn run<P: Pool, H: Host>(
    pool: &P,
    model: ModelId,
    requests: &[PlannedRequest],
    cpu_threads: u32,
    host: &H,
) -> Trial {
    let switch_ms = host.switch_ms();
    let interpreter = match model {
        ModelId::Gil => Interpreter::Gil(Gil::new(switch_ms, now_ms)),
        _ => Interpreter::Free,
    };
    let count = u32::try_from(requests.len()).unwrap_or(u32::MAX);
    let plan = Plan {
        requests: count,
        cpu_threads,
        sweep: if model == ModelId::Gil {
            SWEEP_SWITCH_MS.to_vec()
        } else {
            Vec::new()
        },
        sweep_requests: SWEEP_REQUESTS.min(count),
    };
    let io = |i: u32| -> Result<Answer, IoError> {
        let Some(req) = requests.get(i as usize % requests.len().max(1)) else {
            return Err(IoError::NoAnswer("no request planned".to_owned()));
        };
        match http::fetch_blocking(req) {
            Ok(Reply::Http { status, bytes }) if status < 400 => Ok(Answer {
                http_status: Some(status),
                bytes: Some(bytes),
            }),
            Ok(Reply::Http { status, .. }) => Err(IoError::Status(status)),
            // A simulated wait (no service worker): no status, no size.
            Ok(Reply::Waited) => Ok(Answer {
                http_status: None,
                bytes: None,
            }),
            Err(e) => Err(IoError::NoAnswer(e.to_string())),
        }
    };
    // The whole run on one pool thread: it is the I/O thread.
    let run = pool.on_a_thread(|| convoy::run(&interpreter, &plan, &io, pool, now_ms));
    let switch = (model == ModelId::Gil).then_some(switch_ms);
    let tasks = records(&run);
    tasks.iter().for_each(|t| host.emit(t));
    // The measures, when every request succeeded (a failed request's error
    // is on its task).
    let output = match run.stats(switch) {
        Some((io_latency_ms, convoy)) => WorkloadOutput::Convoy {
            io_latency_ms,
            convoy,
        },
        None => WorkloadOutput::None {},
    };
    Trial::with(tasks, output)
}

/// Task records for the timeline and the JSON: every request on `thread-1`
/// (with its waits for the lock), each CPU thread's share on its own lane
/// (its `value`: how many `fib(CPU_N)` it finished).
fn records(run: &ConvoyRun) -> Vec<TaskRecord> {
    let phases = std::iter::once((&run.alone, &[][..]))
        .chain(std::iter::once((
            &run.contended.requests,
            &run.contended.cpu[..],
        )))
        .chain(run.sweep.iter().map(|(_, p)| (&p.requests, &p.cpu[..])));
    let mut out = Vec::new();
    for (requests, cpu) in phases {
        for r in requests {
            out.push(request_record(out.len(), r));
        }
        for share in cpu {
            let index = u32::try_from(out.len()).unwrap_or(u32::MAX);
            // CPU thread k (1-based) is lane thread-(k+1): the I/O thread is thread-1.
            let lane = Lane::pool_thread(share.thread as usize).name();
            let mut task = TaskRecord::fib(index, lane, share.start_ms, share.end_ms, 0)
                .with_waits(share.waits.clone());
            task.value = Some(format!("{} x fib({CPU_N})", share.units));
            out.push(task);
        }
    }
    out
}

fn request_record(index: usize, r: &Request) -> TaskRecord {
    let index = u32::try_from(index).unwrap_or(u32::MAX);
    let outcome = match (&r.error, r.answer.http_status) {
        (Some(e), _) => Err(FetchError::Described(e.clone())),
        (None, Some(status)) => Ok(Reply::Http {
            status,
            bytes: r.answer.bytes.unwrap_or(0),
        }),
        // A source without HTTP (a timer) reports no status or size.
        (None, None) => Ok(Reply::Waited),
    };
    TaskRecord::fetch(
        index,
        Lane::pool_thread(0).name(),
        r.start_ms,
        r.end_ms,
        outcome,
    )
    .with_waits(r.waits.clone())
}
