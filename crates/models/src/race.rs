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

use playground_core::report::{RaceCounts, TaskRecord};
use playground_core::vocab::{Lane, RaceCounter};
use playground_web::clock::now_ms;

use crate::pool::Pool;

/// The shared counters of one race.
#[derive(Default)]
struct Counters {
    unlocked: AtomicU64,
    atomic: AtomicU64,
    locked: Mutex<u64>,
}

/// Runs the race on every thread of the pool at once.
pub fn run_threads<P: Pool>(
    pool: &P,
    increments: u32,
    emit: &dyn Fn(&TaskRecord),
) -> (Vec<TaskRecord>, RaceCounts) {
    let threads = pool.threads();
    let counters = Counters::default();
    let mut records = Vec::new();
    for counter in RaceCounter::ALL {
        let arrived = AtomicUsize::new(0);
        let round = pool.broadcast(|k| {
            arrived.fetch_add(1, Ordering::SeqCst);
            while arrived.load(Ordering::SeqCst) < threads {
                std::hint::spin_loop();
            }
            let start = now_ms();
            counters.add(counter, increments);
            let base = counter.position() as usize * threads;
            let index = u32::try_from(base + k).unwrap_or(u32::MAX);
            let lane = Lane::pool_thread(k).name();
            TaskRecord::race(index, lane, start, now_ms(), u64::from(increments))
        });
        for record in &round {
            emit(record);
        }
        records.extend(round);
    }
    let expected = u64::from(increments) * threads as u64;
    (records, counters.counts(expected))
}

/// The same additions on the calling thread, one "thread" after another.
pub fn run_sequential(
    threads: u32,
    increments: u32,
    lane: &str,
    emit: &dyn Fn(&TaskRecord),
) -> (Vec<TaskRecord>, RaceCounts) {
    let counters = Counters::default();
    let mut records = Vec::new();
    for counter in RaceCounter::ALL {
        for k in 0..threads {
            let start = now_ms();
            counters.add(counter, increments);
            let index = counter.position() * threads + k;
            let record = TaskRecord::race(
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
    (records, counters.counts(expected))
}

impl Counters {
    /// Adds 1 to `counter`, `increments` times.
    fn add(&self, counter: RaceCounter, increments: u32) {
        for _ in 0..increments {
            match counter {
                RaceCounter::Unlocked => {
                    // Read, then write back: another thread may write in between.
                    // SeqCst keeps the compiler from fusing the iterations
                    // (with Relaxed it may keep the value in a register).
                    let seen = self.unlocked.load(Ordering::SeqCst);
                    self.unlocked.store(seen + 1, Ordering::SeqCst);
                }
                RaceCounter::Atomic => {
                    self.atomic.fetch_add(1, Ordering::Relaxed);
                }
                RaceCounter::Locked => {
                    // A poisoned lock still holds a valid count.
                    *self.locked.lock().unwrap_or_else(|p| p.into_inner()) += 1;
                }
            }
        }
    }

    /// The final values, against `expected`.
    fn counts(&self, expected: u64) -> RaceCounts {
        RaceCounts {
            expected,
            unlocked: self.unlocked.load(Ordering::SeqCst),
            atomic: self.atomic.load(Ordering::SeqCst),
            locked: *self.locked.lock().unwrap_or_else(|p| p.into_inner()),
        }
    }
}
