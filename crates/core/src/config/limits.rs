//! The accepted range of every numeric setting, in one table the README,
//! the form and the error messages all read from.

/// An inclusive range of accepted integers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub min: u32,
    pub max: u32,
}

impl Range {
    /// True when `v` is accepted.
    pub fn contains(self, v: u32) -> bool {
        (self.min..=self.max).contains(&v)
    }
}

/// Accepted ranges, by URL key.
pub struct Limits {
    /// fib argument. fib(45) is about 1.1e9 calls: one to a few seconds per
    /// task in WASM, the most a learner should wait for one task.
    pub n: Range,
    /// fib tasks. Thousands of tiny tasks show the overhead crossover.
    pub tasks: Range,
    /// Thread-pool size. Above the core count is allowed (oversubscription).
    pub threads: Range,
    /// Runs per model.
    pub repeat: Range,
    /// fetch requests.
    pub requests: Range,
    /// Server delay per request, ms.
    pub latency: Range,
    /// Seeded random extra delay, ms.
    pub jitter: Range,
    /// Cap on requests in flight for the async model.
    pub concurrency: Range,
    /// GIL switch interval, ms.
    pub switch_ms: Range,
    /// Bytes sent with each task to a process and returned with its result.
    pub payload: Range,
    /// race: increments per thread.
    pub increments: Range,
    /// fetch, `async`: length of the one blocking call, ms.
    pub block_ms: Range,
}

/// The ranges in force.
pub const LIMITS: Limits = Limits {
    n: Range { min: 1, max: 45 },
    tasks: Range {
        min: 1,
        max: 10_000,
    },
    threads: Range { min: 1, max: 32 },
    repeat: Range { min: 1, max: 20 },
    requests: Range { min: 1, max: 1_000 },
    latency: Range {
        min: 0,
        max: 10_000,
    },
    jitter: Range {
        min: 0,
        max: 10_000,
    },
    concurrency: Range { min: 1, max: 1_000 },
    switch_ms: Range { min: 1, max: 100 },
    payload: Range {
        min: 0,
        max: 16 * 1024 * 1024,
    },
    increments: Range {
        min: 1,
        max: 10_000_000,
    },
    block_ms: Range { min: 1, max: 5_000 },
};
