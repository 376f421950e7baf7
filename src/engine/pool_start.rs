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
use thiserror::Error;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::SecurityPolicyViolationEvent;

use crate::jsutil::describe;

/// How long the pool's threads may take to start: each loads one small
/// script and shares the engine's compiled module, ~60 ms on a 2-core
/// machine.
const START_LIMIT_MS: u32 = 15_000;

/// Why the pool's threads did not start.
#[derive(Debug, Error)]
pub enum StartError {
    #[error("the thread pool did not start: {detail}")]
    Failed { detail: String },
    #[error(
        "the site's Content-Security-Policy blocked the thread pool: its \
         {directive} directive does not allow {} (the pool's threads are \
         blob: workers, made from a fetched copy of their script)",
        blocked_name(blocked)
    )]
    Refused { directive: String, blocked: String },
    #[error(
        "the thread pool's workers did not answer within {} s (the browser \
         may have refused them)",
        START_LIMIT_MS / 1000
    )]
    TimedOut,
}

/// A blocked URI as a policy violation reports it, in words: the browser
/// gives only the scheme for `blob:` and `data:` URLs.
fn blocked_name(blocked: &str) -> String {
    match blocked {
        "blob" | "data" => format!("{blocked}: URLs"),
        "" => "what it needs".to_owned(),
        other => other.to_owned(),
    }
}

/// Starts `size` pool threads and builds rayon's global pool on them.
///
/// # Errors
/// [`StartError::Refused`] when the site's policy blocks what the threads
/// need, [`StartError::TimedOut`] when they do not answer in time,
/// [`StartError::Failed`] when the library fails.
pub(super) async fn start_threads(size: usize) -> Result<(), StartError> {
    let (tx, refused) = oneshot::channel();
    let mut tx = Some(tx);
    // Listening only while the pool starts: a violation then is the pool's.
    let scope = js_sys::global().unchecked_into::<web_sys::EventTarget>();
    let _listener = EventListener::new(&scope, "securitypolicyviolation", move |event| {
        let violation = event.dyn_ref::<SecurityPolicyViolationEvent>();
        if let (Some(violation), Some(tx)) = (violation, tx.take()) {
            // The receiver waits below; after the start nothing listens.
            let _ = tx.send(StartError::Refused {
                directive: violation.effective_directive(),
                blocked: violation.blocked_uri(),
            });
        }
    });
    let started = JsFuture::from(wasm_bindgen_rayon::init_thread_pool(size));
    let stopped = select(refused, TimeoutFuture::new(START_LIMIT_MS));
    match select(started, stopped).await {
        Either::Left((Ok(_), _)) => Ok(()),
        Either::Left((Err(e), _)) => Err(StartError::Failed {
            detail: describe(&e),
        }),
        Either::Right((Either::Left((Ok(refusal), _)), _)) => Err(refusal),
        // The sender lives as long as the listener, past this wait: only
        // the time limit ends it otherwise.
        Either::Right(_) => Err(StartError::TimedOut),
    }
}
