//! Starts wasm-bindgen-rayon's thread pool inside the engine worker and
//! warms it up.
//!
//! Why here and not on the page: rayon's helpers block with `Atomics.wait`,
//! which the page's own thread may not do
//! (https://github.com/RReverser/wasm-bindgen-rayon#caveats, issues #18, #28).

use thiserror::Error;

use super::pool_start::{start_threads, StartError};
use playground_core::protocol::engine::PoolInfo;
use playground_core::protocol::settle::{self, Settle};
use playground_core::vocab::Lane;
use playground_core::workloads::fib::fib;
use playground_models::{fib_loop, fib_on_pool, RayonPool};
use playground_web::clock::now_ms;

/// Why the pool did not start; the page shows it as the reason thread
/// models are skipped.
#[derive(Debug, Error)]
pub enum PoolError {
    #[error(
        "the page is not cross-origin isolated (the server sent no \
         COOP/COEP headers), so threads cannot share memory; open the \
         playground in its own tab on a server that sends them"
    )]
    NotIsolated,
    #[error("thread count too large")]
    TooManyThreads,
    #[error(transparent)]
    Threads(#[from] StartError),
}

/// fib argument of the warm-up calls: a fraction of a millisecond each.
const WARM_UP_N: u32 = 25;
/// Calls per timed batch of the warm-up: ~2 ms once optimised, far above the
/// 5 µs resolution of `performance.now()` in an isolated page.
const WARM_UP_BATCH: u32 = 8;
/// How long the models' own code paths (sequential and threads) run after
/// fib has settled, so that their glue is optimised too.
const MODELS_WARM_UP_MS: f64 = 100.0;

/// Calls fib in batches until the time per batch has settled
/// (`settle::WARM_UP`: at least 150 ms, at most 1 s). A fixed 150 ms was too
/// short on a busy machine, where V8's optimising compile runs late.
fn warm_up_thread() {
    let t0 = now_ms();
    let mut settle = Settle::new(settle::WARM_UP);
    loop {
        let start = now_ms();
        for _ in 0..WARM_UP_BATCH {
            std::hint::black_box(fib(std::hint::black_box(WARM_UP_N)));
        }
        let end = now_ms();
        if settle.push(end - start, end - t0) {
            return;
        }
    }
}

/// Starts the pool with `threads` threads, then warms up the fib kernel on
/// the engine thread and on every pool thread.
///
/// # Errors
/// [`PoolError`] when shared memory is unavailable or the pool fails.
pub async fn start(threads: u32) -> Result<PoolInfo, PoolError> {
    if !cross_origin_isolated() {
        return Err(PoolError::NotIsolated);
    }
    let size = usize::try_from(threads).map_err(|_| PoolError::TooManyThreads)?;
    let t0 = now_ms();
    start_threads(size).await?;
    let start_ms = now_ms() - t0;

    // Warm up the engine's own thread, then every pool thread at once.
    let t1 = now_ms();
    warm_up_thread();
    rayon::broadcast(|_| warm_up_thread());
    // Then through the models' own code paths, which the timed runs use.
    let t2 = now_ms();
    while now_ms() - t2 < MODELS_WARM_UP_MS {
        fib_loop(WARM_UP_N, 8, &Lane::Engine.name(), &|_| {});
        fib_on_pool(&RayonPool, WARM_UP_N, threads * 8, &|_| {});
    }
    Ok(PoolInfo {
        threads,
        start_ms,
        warm_up_ms: now_ms() - t1,
    })
}

/// `self.crossOriginIsolated` of the worker (false where unsupported).
fn cross_origin_isolated() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"crossOriginIsolated".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}
