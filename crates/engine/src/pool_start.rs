//! Starts wasm-bindgen-rayon's pool threads without waiting forever: the
//! wait ends when the site's Content-Security-Policy refuses them, or when
//! they do not answer within a time limit.
//!
//! wasm-bindgen-rayon waits for a message from each new thread; a thread
//! the browser refused never sends one, and no error reaches the engine
//! (the refusal is an `error` event on a `Worker` object inside the
//! library). What does reach the engine's own scope in Chromium is the
//! policy's `securitypolicyviolation` event, so a strict policy is named at
//! once. Firefox (153) fires no such event in a worker, only the `error` on
//! the refused `Worker`; so a pool that has not started after
//! [`PROBE_AFTER_MS`] starts one tiny `blob:` worker of its own and listens
//! to it: refused, it names the policy; answered, the wait goes on. Anything
//! else ends at the time limit.

use futures::channel::oneshot;
use futures::future::{select, Either};
use gloo::events::EventListener;
use gloo::timers::future::TimeoutFuture;
use thiserror::Error;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::SecurityPolicyViolationEvent;

use playground_web::jsutil::describe;

/// How long the pool's threads may take to start: each loads one small
/// script and shares the engine's compiled module, ~60 ms on a 2-core
/// machine.
const START_LIMIT_MS: u32 = 15_000;

/// When a pool that has not started yet is probed for a refusal of `blob:`
/// workers: far beyond a normal start (60-90 ms on 2 cores, a second or
/// more in Firefox on a busy machine), so the probe costs nothing where the
/// pool starts, and a refusal is still named within a few seconds.
const PROBE_AFTER_MS: u32 = 3_000;

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
        "the browser refused the thread pool's workers: they are blob: \
         workers, and a site's Content-Security-Policy whose worker-src (or \
         script-src) does not allow blob: URLs refuses them"
    )]
    BlobRefused,
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
    let probed = Box::pin(probe_late());
    let stopped = select(select(refused, probed), TimeoutFuture::new(START_LIMIT_MS));
    match select(started, stopped).await {
        Either::Left((Ok(_), _)) => Ok(()),
        Either::Left((Err(e), _)) => Err(StartError::Failed {
            detail: describe(&e),
        }),
        Either::Right((Either::Left((Either::Left((Ok(refusal), _)), _)), _)) => Err(refusal),
        Either::Right((Either::Left((Either::Right(((), _)), _)), _)) => {
            Err(StartError::BlobRefused)
        }
        // The sender lives as long as the listener, past this wait: only
        // the time limit ends it otherwise.
        Either::Right(_) => Err(StartError::TimedOut),
    }
}

/// After [`PROBE_AFTER_MS`], starts one `blob:` worker that only says hello;
/// resolves if the browser refuses it (its `error` event), and never if it
/// answers or cannot even be made (the time limit then speaks).
async fn probe_late() {
    TimeoutFuture::new(PROBE_AFTER_MS).await;
    let Some(probe) = blob_worker() else {
        return futures::future::pending().await;
    };
    let worker = &probe.worker;
    let (tx, rx) = oneshot::channel::<bool>();
    let tx = std::rc::Rc::new(std::cell::Cell::new(Some(tx)));
    let answer = |refused: bool| {
        let tx = tx.clone();
        move |_: &web_sys::Event| {
            if let Some(tx) = tx.take() {
                let _ = tx.send(refused);
            }
        }
    };
    let _error = EventListener::new(worker, "error", answer(true));
    let _message = EventListener::new(worker, "message", answer(false));
    let refused = rx.await.unwrap_or(false);
    drop(probe);
    if !refused {
        futures::future::pending::<()>().await;
    }
}

/// The probe's worker and its script's URL: both go when it is dropped,
/// also when the pool starts before the probe has heard anything (no
/// worker of ours is left loading beside the pool's).
struct Probe {
    worker: web_sys::Worker,
    url: String,
}

impl Drop for Probe {
    fn drop(&mut self) {
        self.worker.terminate();
        // Only now: the worker loads its script from this URL after it is made.
        let _ = web_sys::Url::revoke_object_url(&self.url);
    }
}

/// A module worker from a `blob:` URL whose script posts one message, made
/// as rayon's helpers are; `None` if the browser will not even construct it.
fn blob_worker() -> Option<Probe> {
    let parts = js_sys::Array::of1(&"postMessage(0)".into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let worker_options = web_sys::WorkerOptions::new();
    worker_options.set_type(web_sys::WorkerType::Module);
    match web_sys::Worker::new_with_options(&url, &worker_options) {
        Ok(worker) => Some(Probe { worker, url }),
        Err(_) => {
            let _ = web_sys::Url::revoke_object_url(&url);
            None
        }
    }
}
