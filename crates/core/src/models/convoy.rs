//! The convoy effect (workload `convoy`): one I/O thread makes many short
//! blocking requests, first alone, then beside CPU-bound threads that
//! compute fib. Under a GIL ([`Interpreter::Gil`]) the I/O thread lets go of
//! the lock around every blocking call and must win it back afterwards,
//! which takes up to a switch interval while a CPU thread computes; without
//! one ([`Interpreter::Free`], free-threaded CPython, our `threads`) its
//! requests take as long as alone.
//!
//! One request is two blocking calls, as for a Python socket client (the
//! reference's echo server, too): sending, which returns at once but around
//! which CPython still releases the GIL, and waiting for the answer.
//!
//! Pure logic on `std` threads: where the threads come from ([`Workers`]:
//! rayon's pool in the browser, `std::thread::scope` in tests), what one
//! request is (a synchronous request to the simulated server, a timer wait,
//! a sleep in tests) and the clock are passed in; its numbers are made in
//! `convoy_stats`. No web APIs.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use super::gil_lock::{Gil, Holder};
use crate::workloads::fib::fib;

/// The CPU threads' unit of work: one `fib(CPU_N)` (well under a millisecond).
pub const CPU_N: u32 = 25;
/// Below this n, fib runs without offering the lock (see `gil.rs`).
const CHECK_N: u32 = 20;
/// The I/O thread gives up waiting for the CPU threads to start after this
/// long, ms (a pool with fewer threads than asked) and goes on with those
/// started.
const START_TIMEOUT_MS: f64 = 3_000.0;

/// How threads share the interpreter.
pub enum Interpreter {
    /// No lock: free-threaded CPython (3.13t, 3.14t); our `threads` model.
    Free,
    /// One global lock, as in default CPython; our `gil` model.
    Gil(Gil),
}

/// Which phase a request belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// The I/O thread on its own.
    Alone,
    /// The I/O thread beside the CPU threads.
    Contended,
}

/// One request of the I/O thread, on the run's clock.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub phase: Phase,
    pub index: u32,
    pub start_ms: f64,
    /// When the I/O thread could go on: the answer arrived and, under a GIL,
    /// it held the lock again.
    pub end_ms: f64,
    /// When it waited for the lock (`[start, end]`).
    pub waits: Vec<[f64; 2]>,
    /// What came back, as far as the request's source tells.
    pub answer: Answer,
    /// Why the request failed, if it did (the phase stops there).
    pub error: Option<String>,
}

/// What one request got back: an HTTP status and body size where the
/// source is a server (none for a timer that only waits).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Answer {
    pub http_status: Option<u16>,
    pub bytes: Option<u64>,
}

/// What one CPU thread did while the I/O thread was contended.
#[derive(Clone, Debug, PartialEq)]
pub struct CpuShare {
    /// 1-based: the I/O thread is thread 0.
    pub thread: u32,
    pub start_ms: f64,
    pub end_ms: f64,
    /// How many `fib(CPU_N)` it finished.
    pub units: u64,
    pub waits: Vec<[f64; 2]>,
}

/// One phase's measurements, for a switch-interval sweep.
#[derive(Clone, Debug, PartialEq)]
pub struct Contended {
    pub requests: Vec<Request>,
    pub cpu: Vec<CpuShare>,
    pub start_ms: f64,
    pub end_ms: f64,
}

/// Where the CPU threads run beside the I/O thread.
pub trait Workers {
    /// Runs `cpu(k)` for `k` in `1..=count` on other threads while `io` runs
    /// on this one; returns `io`'s result and every CPU thread's.
    fn beside<R: Send>(
        &self,
        count: u32,
        cpu: &(dyn Fn(u32) -> CpuShare + Sync),
        io: impl FnOnce() -> R + Send,
    ) -> (R, Vec<CpuShare>);
}

/// One blocking request (its index): what came back, or why nothing did.
pub type IoCall<'a, E> = &'a (dyn Fn(u32) -> Result<Answer, E> + Sync);

/// A thread's hold on the interpreter: the GIL's, or nothing.
enum Hold<'a> {
    Free,
    Gil(Holder<'a>),
}

impl Hold<'_> {
    fn of(interpreter: &Interpreter, id: u32) -> Hold<'_> {
        match interpreter {
            Interpreter::Free => Hold::Free,
            Interpreter::Gil(gil) => Hold::Gil(gil.acquire(id)),
        }
    }

    fn released<R>(&mut self, io: impl FnOnce() -> R) -> R {
        match self {
            Hold::Free => io(),
            Hold::Gil(h) => h.released(io),
        }
    }

    fn check(&mut self) {
        if let Hold::Gil(h) = self {
            h.check();
        }
    }

    fn take_waits(&mut self) -> Vec<[f64; 2]> {
        match self {
            Hold::Free => Vec::new(),
            Hold::Gil(h) => h.take_waits(),
        }
    }
}

/// Counts started CPU threads; the I/O thread waits (bounded) for all.
struct Started {
    count: AtomicU32,
}

impl Started {
    fn new() -> Self {
        Started {
            count: AtomicU32::new(0),
        }
    }

    fn one_more(&self) {
        self.count.fetch_add(1, Ordering::AcqRel);
    }

    /// Waits until `want` threads started or `START_TIMEOUT_MS` passed on
    /// `clock`. A spin, not a timed `Condvar` wait: wasm32-unknown-unknown's
    /// `std` has no clock (`Instant` panics there), and the wait is short.
    fn wait_for(&self, want: u32, clock: fn() -> f64) {
        let start = clock();
        while self.count.load(Ordering::Acquire) < want && clock() - start < START_TIMEOUT_MS {
            std::hint::spin_loop();
        }
    }
}

/// The I/O thread's requests of one phase, until the first failure.
fn requests<E: std::fmt::Display>(
    phase: Phase,
    count: u32,
    hold: &mut Hold<'_>,
    io: IoCall<'_, E>,
    clock: fn() -> f64,
) -> Vec<Request> {
    let mut out = Vec::new();
    for index in 0..count {
        let start_ms = clock();
        // Sending: the call returns at once, but the lock is let go around it.
        hold.released(|| ());
        let outcome = hold.released(|| io(index));
        let end_ms = clock();
        let (answer, error) = match outcome {
            Ok(answer) => (answer, None),
            Err(e) => (Answer::default(), Some(e.to_string())),
        };
        let failed = error.is_some();
        out.push(Request {
            phase,
            index,
            start_ms,
            end_ms,
            waits: hold.take_waits(),
            answer,
            error,
        });
        if failed {
            break;
        }
    }
    out
}

/// One CPU thread: computes `fib(CPU_N)` until `stop`, offering the lock
/// as CPython's eval loop does.
fn cpu_thread(
    thread: u32,
    interpreter: &Interpreter,
    started: &Started,
    stop: &AtomicBool,
    clock: fn() -> f64,
) -> CpuShare {
    let start_ms = clock();
    let mut hold = Hold::of(interpreter, thread);
    // Counted once it holds the lock, so the I/O thread's first request
    // already finds it computing (or, with several, queued).
    started.one_more();
    let mut units = 0;
    while !stop.load(Ordering::Acquire) {
        std::hint::black_box(fib_checked(CPU_N, &mut hold));
        units += 1;
    }
    let waits = hold.take_waits();
    drop(hold);
    CpuShare {
        thread,
        start_ms,
        end_ms: clock(),
        units,
        waits,
    }
}

fn fib_checked(n: u32, hold: &mut Hold<'_>) -> u64 {
    if n <= CHECK_N {
        hold.check();
        fib(n)
    } else {
        fib_checked(n - 2, hold) + fib_checked(n - 1, hold)
    }
}

/// The contended phase: `cpu_threads` CPU threads start, then the I/O
/// thread makes `count` requests; then the CPU threads stop.
fn contended<E: std::fmt::Display>(
    interpreter: &Interpreter,
    cpu_threads: u32,
    count: u32,
    io: IoCall<'_, E>,
    workers: &impl Workers,
    clock: fn() -> f64,
) -> Contended {
    let started = Started::new();
    let stop = AtomicBool::new(false);
    let cpu = |k: u32| cpu_thread(k, interpreter, &started, &stop, clock);
    let ((requests, start_ms, end_ms), cpu) = workers.beside(cpu_threads, &cpu, || {
        started.wait_for(cpu_threads, clock);
        let mut hold = Hold::of(interpreter, 0);
        // Waiting for the lock to start with is not part of any request.
        drop(hold.take_waits());
        let start_ms = clock();
        let done = requests(Phase::Contended, count, &mut hold, io, clock);
        let end_ms = clock();
        stop.store(true, Ordering::Release);
        (done, start_ms, end_ms)
    });
    Contended {
        requests,
        cpu,
        start_ms,
        end_ms,
    }
}

/// What one convoy run does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// Requests of the I/O thread in each phase.
    pub requests: u32,
    /// CPU threads beside it (the pool size minus one).
    pub cpu_threads: u32,
    /// `gil`: switch intervals (ms) at which the contended phase is run
    /// again, with `sweep_requests` requests each.
    pub sweep: Vec<u32>,
    pub sweep_requests: u32,
}

/// Everything one convoy run measured, on the run's clock.
#[derive(Clone, Debug, PartialEq)]
pub struct ConvoyRun {
    pub alone: Vec<Request>,
    pub alone_start_ms: f64,
    pub alone_end_ms: f64,
    pub contended: Contended,
    /// `(switch_ms, phase)` for each interval of the sweep.
    pub sweep: Vec<(u32, Contended)>,
}

/// Runs the I/O thread alone on this thread, then beside the CPU threads;
/// then, under a GIL, the sweep (each point with a lock of its own interval).
/// A failed request ends its phase; the run reports it ([`ConvoyRun::error`]).
pub fn run<E: std::fmt::Display>(
    interpreter: &Interpreter,
    plan: &Plan,
    io: IoCall<'_, E>,
    workers: &impl Workers,
    clock: fn() -> f64,
) -> ConvoyRun {
    let alone_start_ms = clock();
    let alone = {
        let mut hold = Hold::of(interpreter, 0);
        requests(Phase::Alone, plan.requests, &mut hold, io, clock)
    };
    let alone_end_ms = clock();
    let mut run = ConvoyRun {
        alone,
        alone_start_ms,
        alone_end_ms,
        contended: Contended {
            requests: Vec::new(),
            cpu: Vec::new(),
            start_ms: alone_end_ms,
            end_ms: alone_end_ms,
        },
        sweep: Vec::new(),
    };
    if run.error().is_some() {
        return run;
    }
    run.contended = contended(
        interpreter,
        plan.cpu_threads,
        plan.requests,
        io,
        workers,
        clock,
    );
    if let Interpreter::Gil(_) = interpreter {
        for &switch_ms in &plan.sweep {
            if run.error().is_some() {
                break;
            }
            let gil = Interpreter::Gil(Gil::new(switch_ms, clock));
            let point = contended(
                &gil,
                plan.cpu_threads,
                plan.sweep_requests,
                io,
                workers,
                clock,
            );
            run.sweep.push((switch_ms, point));
        }
    }
    run
}

#[cfg(test)]
#[path = "convoy_tests.rs"]
mod tests;
