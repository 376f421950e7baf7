//! A global interpreter lock, modelled on CPython's: one thread runs at a
//! time; the holder gives the lock up around blocking I/O, and when the
//! first waiting thread has waited a whole switch interval (CPython:
//! `sys.getswitchinterval()`, 5 ms) with no hand-over meanwhile: the waiter's
//! timed wait then asks the holder to drop the lock (`take_gil` in CPython's
//! `Python/ceval_gil.c`). So a thread that comes back from I/O waits up to a
//! full interval while another computes: the convoy effect. Waiters are
//! served in arrival order.
//!
//! Plain `std` (Mutex + Condvar) and a clock passed in, so the schedule is
//! tested natively with real threads; in the browser it runs on rayon's
//! Web Worker threads, where blocking waits are allowed.

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex, MutexGuard};

/// The lock shared by every thread of one run.
pub struct Gil {
    state: Mutex<State>,
    turn: Condvar,
    switch_ms: f64,
    clock: fn() -> f64,
}

struct State {
    holder: Option<u32>,
    /// Waiting threads and when each started to wait, in arrival order.
    queue: VecDeque<(u32, f64)>,
}

/// A thread's hold on the GIL. Releases it when dropped.
pub struct Holder<'a> {
    gil: &'a Gil,
    id: u32,
    since: f64,
    held: bool,
    waits: Vec<[f64; 2]>,
}

impl Gil {
    /// A free lock with the given switch interval; `clock` gives ms.
    pub fn new(switch_ms: u32, clock: fn() -> f64) -> Self {
        Gil {
            state: Mutex::new(State {
                holder: None,
                queue: VecDeque::new(),
            }),
            turn: Condvar::new(),
            switch_ms: f64::from(switch_ms.max(1)),
            clock,
        }
    }

    /// Blocks until thread `id` holds the lock.
    pub fn acquire(&self, id: u32) -> Holder<'_> {
        let mut holder = Holder {
            gil: self,
            id,
            since: 0.0,
            held: false,
            waits: Vec::new(),
        };
        holder.take((self.clock)());
        holder
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the state lock would be a bug in this file;
        // the state stays consistent either way, so carry on.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Holder<'_> {
    /// Waits for the lock; `asked` is when this thread stopped computing
    /// (read before releasing, so a thread descheduled right after handing
    /// the lock over is not counted as computing meanwhile).
    fn take(&mut self, asked: f64) {
        self.queue_up(false, asked);
    }

    /// Joins the queue (first letting go of the lock when `giving`, in the
    /// same step, so no other thread can slip in between: CPython's forced
    /// switch) and waits for a turn.
    fn queue_up(&mut self, giving: bool, asked: f64) {
        let gil = self.gil;
        let mut state = gil.lock();
        if giving {
            state.holder = None;
            self.held = false;
            gil.turn.notify_all();
        }
        state.queue.push_back((self.id, asked));
        let mut waited = false;
        while !(state.holder.is_none() && state.queue.front().map(|w| w.0) == Some(self.id)) {
            waited = true;
            state = gil
                .turn
                .wait(state)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        state.queue.pop_front();
        state.holder = Some(self.id);
        drop(state);
        self.since = (gil.clock)();
        self.held = true;
        if waited {
            self.waits.push([asked, self.since]);
        }
    }

    fn give(&mut self) {
        let mut state = self.gil.lock();
        state.holder = None;
        drop(state);
        self.held = false;
        self.gil.turn.notify_all();
    }

    /// Call often while computing: once the first waiting thread has waited
    /// a switch interval since it asked (or since this thread took the lock,
    /// whichever is later), lets it run first and waits for a turn.
    pub fn check(&mut self) {
        let now = (self.gil.clock)();
        // Cheap path: no waiter can be due before this holder's own interval.
        if now - self.since < self.gil.switch_ms {
            return;
        }
        let first_asked = self.gil.lock().queue.front().map(|w| w.1);
        let due =
            first_asked.is_some_and(|asked| now - asked.max(self.since) >= self.gil.switch_ms);
        if due {
            let asked = (self.gil.clock)();
            self.queue_up(true, asked);
        }
    }

    /// The intervals this thread has waited for the lock so far, handed
    /// over (the list starts again empty).
    pub fn take_waits(&mut self) -> Vec<[f64; 2]> {
        std::mem::take(&mut self.waits)
    }

    /// Runs blocking I/O without the lock, as CPython does, then takes it back.
    pub fn released<R>(&mut self, io: impl FnOnce() -> R) -> R {
        self.give();
        let result = io();
        self.take((self.gil.clock)());
        result
    }

    /// Releases the lock; returns the intervals this thread waited for it.
    pub fn finish(mut self) -> Vec<[f64; 2]> {
        if self.held {
            self.give();
        }
        std::mem::take(&mut self.waits)
    }
}

impl Drop for Holder<'_> {
    fn drop(&mut self) {
        if self.held {
            self.give();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::test_clock as clock;
    use std::sync::atomic::{AtomicU32, Ordering};

    #[test]
    fn one_thread_at_a_time_taking_turns_every_interval() {
        let gil = Gil::new(2, clock);
        let inside = AtomicU32::new(0);
        let waits: Vec<Vec<[f64; 2]>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..3)
                .map(|id| {
                    let (gil, inside) = (&gil, &inside);
                    s.spawn(move || {
                        let mut h = gil.acquire(id);
                        let start = clock();
                        while clock() - start < 30.0 {
                            assert_eq!(inside.fetch_add(1, Ordering::SeqCst), 0, "two holders");
                            std::hint::black_box((0..1_000).sum::<u64>());
                            inside.fetch_sub(1, Ordering::SeqCst);
                            h.check();
                        }
                        h.finish()
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("worker thread"))
                .collect()
        });
        let waited: usize = waits.iter().filter(|w| !w.is_empty()).count();
        assert!(waited >= 2, "threads waited for their turns: {waits:?}");
        let switches: usize = waits.iter().map(Vec::len).sum();
        assert!(
            switches >= 5,
            "the lock changed hands repeatedly ({switches})"
        );
        for w in waits.iter().flatten() {
            assert!(w[0] <= w[1], "a wait ends after it starts");
        }
    }

    #[test]
    fn no_switch_without_a_waiter_and_io_releases_the_lock() {
        let gil = Gil::new(1, clock);
        let mut h = gil.acquire(0);
        let start = clock();
        while clock() - start < 5.0 {
            h.check();
        }
        // While the holder does "I/O", another thread can take the lock at once.
        let took_while_io = h.released(|| {
            std::thread::scope(|s| {
                s.spawn(|| gil.acquire(1).finish().is_empty())
                    .join()
                    .expect("other thread")
            })
        });
        assert!(took_while_io, "the lock was free during I/O");
        assert!(h.finish().is_empty(), "nobody made the holder wait");
    }
}
