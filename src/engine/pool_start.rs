//! Starts wasm-bindgen-rayon's pool threads without waiting forever: the
//! wait ends when the site's Content-Security-Policy refuses them, or when
//! they do not answer within a time limit.
//!
//! wasm-bindgen-rayon waits for a message from each new thread; a thread
//! the browser refused never sends one, and no error reaches the engine
//! (the refusal is an `error` event on a `Worker` object inside the
//! library). What does reach the engine's own scope is the policy's
//! `securitypolicyviolation` event, so a strict policy is named at once;
//! anything else ends at the time limit.

use futures::channel::oneshot;
use futures::future::{select, Either};
use gloo::events::EventListener;
use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::SecurityPolicyViolationEvent;

use super::pool::PoolError;
use crate::jsutil::describe;

/// How long the pool's threads may take to start: each loads one small
/// script and shares the engine's compiled module, ~60 ms on a 2-core
/// machine.
pub(super) const START_LIMIT_MS: u32 = 15_000;

/// Starts `size` pool threads and builds rayon's global pool on them.
///
/// # Errors
/// [`PoolError::Refused`] when the site's policy blocks what the threads
/// need, [`PoolError::TimedOut`] when they do not answer in time,
/// [`PoolError::DidNotStart`] when the library fails.
pub(super) async fn start_threads(size: usize) -> Result<(), PoolError> {
    let (tx, refused) = oneshot::channel();
    let mut tx = Some(tx);
    // Listening only while the pool starts: a violation then is the pool's.
    let scope = js_sys::global().unchecked_into::<web_sys::EventTarget>();
    let _listener = EventListener::new(&scope, "securitypolicyviolation", move |event| {
        let violation = event.dyn_ref::<SecurityPolicyViolationEvent>();
        if let (Some(violation), Some(tx)) = (violation, tx.take()) {
            // The receiver waits below; after the start nothing listens.
            let _ = tx.send(PoolError::Refused {
                directive: violation.effective_directive(),
                blocked: violation.blocked_uri(),
            });
        }
    });
    let started = JsFuture::from(wasm_bindgen_rayon::init_thread_pool(size));
    let stopped = select(refused, TimeoutFuture::new(START_LIMIT_MS));
    match select(started, stopped).await {
        Either::Left((Ok(_), _)) => Ok(()),
        Either::Left((Err(e), _)) => Err(PoolError::DidNotStart {
            detail: describe(&e),
        }),
        Either::Right((Either::Left((Ok(refusal), _)), _)) => Err(refusal),
        // The sender lives as long as the listener, past this wait: only
        // the time limit ends it otherwise.
        Either::Right(_) => Err(PoolError::TimedOut),
    }
}
