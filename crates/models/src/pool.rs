//! What the pool models need from a thread pool: rayon's in the engine
//! ([`crate::rayon_pool`], feature `threads`), none on the page ([`NoPool`],
//! which cannot exist, so the page's module links no pool code at all).

use playground_core::models::convoy::{CpuShare, Workers};
use playground_core::report::TaskRecord;

/// A pool of threads that share memory.
pub trait Pool: Workers + Sync {
    /// Runs `work(0..count)` on the pool (at most `max_len` items a steal;
    /// 1 for blocking work) and hands each record to `emit` as it arrives;
    /// returns them all.
    fn stream(
        &self,
        count: u32,
        max_len: Option<usize>,
        emit: &dyn Fn(&TaskRecord),
        work: impl Fn(u32) -> TaskRecord + Send + Sync + 'static,
    ) -> Vec<TaskRecord>;

    /// Runs `f(k)` once on every thread `k` of the pool, all at once.
    fn broadcast<R: Send>(&self, f: impl Fn(usize) -> R + Sync) -> Vec<R>;

    /// Runs `f` on the pool, later.
    fn spawn(&self, f: impl FnOnce() + Send + 'static);

    /// Runs `f` on one of the pool's threads and waits for it.
    fn on_a_thread<R: Send>(&self, f: impl FnOnce() -> R + Send) -> R;

    /// How many threads the pool has.
    fn threads(&self) -> usize;

    /// The pool index of the calling thread (`None` off the pool).
    fn thread_index() -> Option<usize>;
}

/// The page's pool: there is none, and a value of it cannot be made.
pub enum NoPool {}

impl Workers for NoPool {
    fn beside<R: Send>(
        &self,
        _count: u32,
        _cpu: &(dyn Fn(u32) -> CpuShare + Sync),
        _io: impl FnOnce() -> R + Send,
    ) -> (R, Vec<CpuShare>) {
        match *self {}
    }
}

impl Pool for NoPool {
    fn stream(
        &self,
        _count: u32,
        _max_len: Option<usize>,
        _emit: &dyn Fn(&TaskRecord),
        _work: impl Fn(u32) -> TaskRecord + Send + Sync + 'static,
    ) -> Vec<TaskRecord> {
        match *self {}
    }

    fn broadcast<R: Send>(&self, _f: impl Fn(usize) -> R + Sync) -> Vec<R> {
        match *self {}
    }

    fn spawn(&self, _f: impl FnOnce() + Send + 'static) {
        match *self {}
    }

    fn on_a_thread<R: Send>(&self, _f: impl FnOnce() -> R + Send) -> R {
        match *self {}
    }

    fn threads(&self) -> usize {
        match *self {}
    }

    fn thread_index() -> Option<usize> {
        None
    }
}

/// The lane of the calling thread: its pool thread's, or the engine's.
pub fn lane<P: Pool>() -> String {
    use playground_core::vocab::Lane;
    match P::thread_index() {
        Some(k) => Lane::pool_thread(k).name(),
        None => Lane::Engine.name(),
    }
}
