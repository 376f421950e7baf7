//! A same-thread `Atomics.waitAsync` for a page or worker that is not
//! cross-origin isolated, in browsers that have none (Firefox ESR 140).
//! Owns only installing that fallback, first thing in each entry point; it
//! never replaces a browser's own `waitAsync` and is never installed where
//! memory can be shared.
//!
//! Why: built with atomics, the futures executor of wasm-bindgen (js-sys
//! `futures::task::multithread`) parks every pending task with
//! `Atomics.waitAsync`. Where that is missing it posts the module's memory to
//! a helper worker that calls `Atomics.wait`; without cross-origin isolation
//! shared memory cannot be posted (`DataCloneError`), the task is never woken,
//! and the page or the engine stalls for good (embedded in a page without
//! isolation, Firefox 140 never finished a run). Without isolation nothing
//! else can hold this memory, so only this thread can change the watched
//! value, and checking it from timer ticks, while some task waits, is
//! enough. The cost: a woken task resumes at the next tick (browsers clamp
//! repeated zero timeouts to 4 ms), and a tick every 4 ms while any task
//! waits.
//!
//! Only a module built with atomics needs it: without them the executor
//! (`futures::task::singlethread`) never waits on memory. Of ours that is the
//! engine; the page's, the results' and the classroom modules are built
//! without atomics, so they neither call this nor import `wait_async.js`
//! (one request fewer on the first load).

#[cfg(target_feature = "atomics")]
use wasm_bindgen::prelude::*;

#[cfg(target_feature = "atomics")]
#[wasm_bindgen(module = "/src/wait_async.js")]
extern "C" {
    #[wasm_bindgen(js_name = installWaitAsyncFallback)]
    fn install_wait_async_fallback() -> bool;
}

/// Installs the fallback where it is needed (no `Atomics.waitAsync`, not
/// cross-origin isolated); returns whether it did. Call before any future is
/// spawned. Without atomics there is nothing to install: returns false.
pub fn install() -> bool {
    #[cfg(target_feature = "atomics")]
    return install_wait_async_fallback();
    #[cfg(not(target_feature = "atomics"))]
    false
}
