//! Starts wasm-bindgen-rayon's thread pool inside the engine worker and
//! warms it up.
//!
//! Why here and not on the page: rayon's helpers block with `Atomics.wait`,
//! which the page's own thread may not do
//! (https://github.com/RReverser/wasm-bindgen-rayon#caveats, issues #18, #28).

use rayon::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::clock::now_ms;
use crate::workloads::fib::fib;

/// A started pool.
pub struct PoolInfo {
    pub threads: u32,
    pub start_ms: f64,
    pub warm_up_ms: f64,
}

/// fib argument of the warm-up calls: big enough to trigger V8's optimising
/// tier (the first calls of a fresh module run 1.5-3x slower), small enough
/// to stay a few ms.
const WARM_UP_N: u32 = 27;
const WARM_UP_ROUNDS: u32 = 4;

/// Starts the pool with `threads` threads, then warms up the fib kernel on
/// the engine thread and on every pool thread.
///
/// # Errors
/// A readable reason when shared memory is unavailable or the pool fails.
pub async fn start(threads: u32) -> Result<PoolInfo, String> {
    if !cross_origin_isolated() {
        return Err("the page is not cross-origin isolated (the server sent no \
                    COOP/COEP headers), so threads cannot share memory; open the \
                    playground in its own tab on a server that sends them"
            .to_owned());
    }
    let size = usize::try_from(threads).map_err(|_| "thread count too large".to_owned())?;
    let t0 = now_ms();
    JsFuture::from(wasm_bindgen_rayon::init_thread_pool(size))
        .await
        .map_err(|e| format!("the thread pool did not start: {}", describe(&e)))?;
    let start_ms = now_ms() - t0;

    let t1 = now_ms();
    for _ in 0..WARM_UP_ROUNDS {
        std::hint::black_box(fib(WARM_UP_N));
        (0..threads * 2).into_par_iter().for_each(|_| {
            std::hint::black_box(fib(WARM_UP_N));
        });
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

/// A JS error as text.
pub fn describe(e: &wasm_bindgen::JsValue) -> String {
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        String::from(err.message())
    } else {
        e.as_string().unwrap_or_else(|| format!("{e:?}"))
    }
}
