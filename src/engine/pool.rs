//! Starts wasm-bindgen-rayon's thread pool inside the engine worker and
//! warms it up.
//!
//! Why here and not on the page: rayon's helpers block with `Atomics.wait`,
//! which the page's own thread may not do
//! (https://github.com/RReverser/wasm-bindgen-rayon#caveats, issues #18, #28).

use thiserror::Error;
use wasm_bindgen_futures::JsFuture;

use super::protocol::PoolInfo;
use crate::clock::now_ms;
use crate::jsutil::describe;
use crate::models::{sequential, threads};
use crate::vocab::Lane;
use crate::workloads::fib::fib;

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
    #[error("the thread pool did not start: {detail}")]
    DidNotStart { detail: String },
}

/// fib argument of the warm-up calls: a fraction of a millisecond each.
const WARM_UP_N: u32 = 25;
/// How long each thread keeps calling fib before timed runs. V8 first runs
/// WASM with its baseline compiler and swaps in optimised code after a
/// background compile; until then fib runs 1.5-3x slower. Measured here: a
/// 15 ms warm-up still left the first model ~1.6x slow, 150 ms does not.
const WARM_UP_MS: f64 = 150.0;

/// Calls fib until `WARM_UP_MS` have passed on this thread.
fn warm_up_thread() {
    let t0 = now_ms();
    while now_ms() - t0 < WARM_UP_MS {
        std::hint::black_box(fib(std::hint::black_box(WARM_UP_N)));
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
    JsFuture::from(wasm_bindgen_rayon::init_thread_pool(size))
        .await
        .map_err(|e| PoolError::DidNotStart {
            detail: describe(&e),
        })?;
    let start_ms = now_ms() - t0;

    // Warm up the engine's own thread, then every pool thread at once.
    let t1 = now_ms();
    warm_up_thread();
    rayon::broadcast(|_| warm_up_thread());
    // Then through the models' own code paths, which the timed runs use.
    let t2 = now_ms();
    while now_ms() - t2 < WARM_UP_MS {
        sequential::run_fib(WARM_UP_N, 8, &Lane::Engine.name(), &|_| {});
        threads::run_fib(WARM_UP_N, threads * 8, &|_| {});
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
