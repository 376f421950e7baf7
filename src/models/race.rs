//! The `race` workload: shared state between threads. Every thread adds 1 to
//! a shared counter `increments` times, three ways:
//!
//! - unlocked: a separate load and store (safe Rust's spelling of Python's
//!   `counter += 1`): two threads can read the same value and one update is
//!   lost;
//! - atomic: one indivisible `fetch_add`;
//! - locked: a `Mutex` around the update.
//!
//! All threads start each round together (a spinning barrier: a blocking
//! one wakes its sleepers a few milliseconds late, long enough for the first
//! thread to finish alone), so they really race.
//! `sequential` does the same additions on one thread: nothing is lost.

use std::sync::atomic::AtomicUsize;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use crate::clock::now_ms;
use crate::report::{RaceCounts, TaskRecord};

/// The three counters, in task-index order.
const VARIANTS: usize = 3;

/// Runs the race on every thread of the pool (`rayon::broadcast`).
pub fn run_threads(increments: u32, emit: &dyn Fn(&TaskRecord)) -> (Vec<TaskRecord>, RaceCounts) {
    let threads = rayon::current_num_threads();
    let unlocked = AtomicU64::new(0);
    let atomic = AtomicU64::new(0);
    let locked = Mutex::new(0u64);
    let mut records = Vec::new();
    for variant in 0..VARIANTS {
        let arrived = AtomicUsize::new(0);
        let round = rayon::broadcast(|ctx| {
            arrived.fetch_add(1, Ordering::SeqCst);
            while arrived.load(Ordering::SeqCst) < threads {
                std::hint::spin_loop();
            }
            let start = now_ms();
            add(variant, increments, &unlocked, &atomic, &locked);
            let index = u32::try_from(variant * threads + ctx.index()).unwrap_or(u32::MAX);
            let lane = format!("thread-{}", ctx.index() + 1);
            TaskRecord::fib(index, lane, start, now_ms(), u64::from(increments))
        });
        for record in &round {
            emit(record);
        }
        records.extend(round);
    }
    let expected = u64::from(increments) * threads as u64;
    (records, counts(expected, &unlocked, &atomic, &locked))
}

/// The same additions on the calling thread, one "thread" after another.
pub fn run_sequential(
    threads: u32,
    increments: u32,
    lane: &str,
    emit: &dyn Fn(&TaskRecord),
) -> (Vec<TaskRecord>, RaceCounts) {
    let unlocked = AtomicU64::new(0);
    let atomic = AtomicU64::new(0);
    let locked = Mutex::new(0u64);
    let mut records = Vec::new();
    for variant in 0..VARIANTS {
        for k in 0..threads {
            let start = now_ms();
            add(variant, increments, &unlocked, &atomic, &locked);
            let index = u32::try_from(variant).unwrap_or(0) * threads + k;
            let record = TaskRecord::fib(
                index,
                lane.to_owned(),
                start,
                now_ms(),
                u64::from(increments),
            );
            emit(&record);
            records.push(record);
        }
    }
    let expected = u64::from(increments) * u64::from(threads);
    (records, counts(expected, &unlocked, &atomic, &locked))
}

fn add(
    variant: usize,
    increments: u32,
    unlocked: &AtomicU64,
    atomic: &AtomicU64,
    locked: &Mutex<u64>,
) {
    for _ in 0..increments {
        match variant {
            0 => {
                // Read, then write back: another thread may write in between.
                // SeqCst keeps the compiler from fusing the iterations
                // (with Relaxed it may keep the value in a register).
                let seen = unlocked.load(Ordering::SeqCst);
                unlocked.store(seen + 1, Ordering::SeqCst);
            }
            1 => {
                atomic.fetch_add(1, Ordering::Relaxed);
            }
            _ => {
                // A poisoned lock still holds a valid count.
                *locked.lock().unwrap_or_else(|p| p.into_inner()) += 1;
            }
        }
    }
}

fn counts(
    expected: u64,
    unlocked: &AtomicU64,
    atomic: &AtomicU64,
    locked: &Mutex<u64>,
) -> RaceCounts {
    RaceCounts {
        expected,
        unlocked: unlocked.load(Ordering::SeqCst),
        atomic: atomic.load(Ordering::SeqCst),
        locked: *locked.lock().unwrap_or_else(|p| p.into_inner()),
    }
}
