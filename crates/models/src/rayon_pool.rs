//! The engine's pool: rayon's global pool, on wasm-bindgen-rayon's Web
//! Worker threads (started by the engine before any model runs on it).

use std::sync::{mpsc, Mutex};

use rayon::prelude::*;

use playground_core::models::convoy::{CpuShare, Workers};
use playground_core::report::TaskRecord;

use crate::pool::Pool;

/// rayon's global pool.
pub struct RayonPool;

impl Pool for RayonPool {
    fn stream(
        &self,
        count: u32,
        max_len: Option<usize>,
        emit: &dyn Fn(&TaskRecord),
        work: impl Fn(u32) -> TaskRecord + Send + Sync + 'static,
    ) -> Vec<TaskRecord> {
        let (tx, rx) = mpsc::channel();
        // Spawned, not joined, so this thread can pass results on as they come.
        rayon::spawn(move || {
            let items = (0..count).into_par_iter();
            let send = |tx: &mut mpsc::Sender<TaskRecord>, i: u32| {
                // The receiver outlives the run unless the engine is being torn down.
                let _ = tx.send(work(i));
            };
            match max_len {
                Some(len) => items.with_max_len(len).for_each_with(tx, send),
                None => items.for_each_with(tx, send),
            }
        });
        rx.iter()
            .take(count as usize)
            .inspect(|record| emit(record))
            .collect()
    }

    fn broadcast<R: Send>(&self, f: impl Fn(usize) -> R + Sync) -> Vec<R> {
        rayon::broadcast(|ctx| f(ctx.index()))
    }

    fn spawn(&self, f: impl FnOnce() + Send + 'static) {
        rayon::spawn(f);
    }

    fn on_a_thread<R: Send>(&self, f: impl FnOnce() -> R + Send) -> R {
        rayon::scope(|_| f())
    }

    fn threads(&self) -> usize {
        rayon::current_num_threads()
    }

    fn thread_index() -> Option<usize> {
        rayon::current_thread_index()
    }
}

impl Workers for RayonPool {
    fn beside<R: Send>(
        &self,
        count: u32,
        cpu: &(dyn Fn(u32) -> CpuShare + Sync),
        io: impl FnOnce() -> R + Send,
    ) -> (R, Vec<CpuShare>) {
        let shares = Mutex::new(Vec::new());
        let r = rayon::scope(|s| {
            for k in 1..=count {
                let shares = &shares;
                // Idle pool threads steal these while this thread runs `io`.
                s.spawn(move |_| {
                    let share = cpu(k);
                    shares.lock().unwrap_or_else(|p| p.into_inner()).push(share);
                });
            }
            io()
        });
        let shares = shares.into_inner().unwrap_or_else(|p| p.into_inner());
        (r, shares)
    }
}
