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

/// The smallest step this thread's clock takes, in ms: 5 µs in a
/// cross-origin isolated page in Chromium, 100 µs or 1 ms where the page is
/// not isolated (browsers coarsen the clock there). Measured once per
/// thread, by reading the clock until it has moved a few times (at most a
/// few ms, once).
pub fn resolution_ms() -> f64 {
    thread_local! {
        static RESOLUTION: std::cell::OnceCell<f64> = const { std::cell::OnceCell::new() };
    }
    RESOLUTION.with(|r| *r.get_or_init(measure_resolution))
}

fn measure_resolution() -> f64 {
    const STEPS: u32 = 4;
    let mut smallest = f64::INFINITY;
    let mut last = since_thread_start_ms();
    let deadline = last + 20.0;
    let mut steps = 0;
    while steps < STEPS {
        let now = since_thread_start_ms();
        if now > last {
            smallest = smallest.min(now - last);
            steps += 1;
            last = now;
        }
        if now > deadline {
            break;
        }
    }
    if smallest.is_finite() {
        smallest
    } else {
        0.0
    }
}

/// Milliseconds since this thread's global scope was created.
pub fn since_thread_start_ms() -> f64 {
    PERFORMANCE.with(|p| p.now())
}
