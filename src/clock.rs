//! One clock for every thread: `performance.timeOrigin + performance.now()`.
//!
//! Each worker has its own `timeOrigin` (its creation time), so `now()` alone
//! cannot compare instants across threads; adding the origin gives a
//! wall-clock in ms that the page, the engine and every rayon thread share.
//! Works in windows and workers alike (it reads the global `performance`).

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    type Performance;

    #[wasm_bindgen(thread_local_v2, js_name = performance)]
    static PERFORMANCE: Performance;

    #[wasm_bindgen(method)]
    fn now(this: &Performance) -> f64;

    #[wasm_bindgen(method, getter, js_name = timeOrigin)]
    fn time_origin(this: &Performance) -> f64;
}

/// Milliseconds on the clock shared by all threads.
pub fn now_ms() -> f64 {
    PERFORMANCE.with(|p| p.time_origin() + p.now())
}

/// Milliseconds since this thread's global scope was created.
pub fn since_thread_start_ms() -> f64 {
    PERFORMANCE.with(|p| p.now())
}
