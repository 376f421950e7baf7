//! The service worker (`www/sw.js`): registers it, waits until it controls
//! the page, and reloads once when that makes the page cross-origin isolated
//! (static hosts that send no COOP/COEP headers). It is also the simulated
//! slow server of the fetch workload.
//!
//! The engine worker is started only after this: a worker is controlled by
//! the service worker that controlled its page when it was created, and the
//! thread model's requests must reach the same simulated server.

use futures::channel::oneshot;
use futures::future::{select, Either};
use gloo::events::EventListener;
use gloo::timers::future::TimeoutFuture;
use thiserror::Error;
use wasm_bindgen_futures::JsFuture;

use crate::jsutil::describe;

/// How long to wait for a fresh service worker to take control.
const CONTROL_TIMEOUT_MS: u32 = 10_000;

/// Session flag: a reload for isolation was already tried (no reload loops).
const RELOAD_FLAG: &str = "concurrency-playground:isolation-reload";

/// What the page should do once the service worker is in control.
#[derive(Debug, PartialEq, Eq)]
pub enum Next {
    /// Carry on: the page is as isolated as it can be.
    Continue,
    /// The page is reloading to come back cross-origin isolated.
    Reloading,
}

/// Reloads the page once if the service worker can make it cross-origin
/// isolated: not when it already is, not inside a frame (a frame is isolated
/// only if its parent is), and not twice in a session.
pub fn reload_for_isolation() -> Next {
    use gloo::storage::{SessionStorage, Storage};
    if super::browser::cross_origin_isolated() || super::browser::in_frame() {
        SessionStorage::delete(RELOAD_FLAG);
        return Next::Continue;
    }
    if SessionStorage::get::<bool>(RELOAD_FLAG).unwrap_or(false) {
        // Tried once and still not isolated: run without threads.
        return Next::Continue;
    }
    if SessionStorage::set(RELOAD_FLAG, true).is_err() {
        // Without storage a reload could loop: do not risk it.
        return Next::Continue;
    }
    match gloo::utils::window().location().reload() {
        Ok(()) => Next::Reloading,
        Err(_) => Next::Continue,
    }
}

/// Why the simulated server (the service worker) is not available.
#[derive(Debug, Error)]
pub enum ServerError {
    #[error(
        "this browser offers no service workers here (private mode, or a \
         non-secure origin), so the simulated server cannot run; a URL of your \
         own still works"
    )]
    NoServiceWorkers,
    #[error("the service worker did not register: {detail}")]
    NotRegistered { detail: String },
    #[error(
        "the service worker registered but did not take control of the page; \
         reload the page"
    )]
    NoControl,
}

/// Registers the service worker and waits until it controls the page.
///
/// # Errors
/// A readable reason when the browser offers no service workers (some
/// private modes, non-secure origins) or registration fails.
pub async fn start() -> Result<(), ServerError> {
    let navigator = gloo::utils::window().navigator();
    let has_sw = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if !has_sw {
        return Err(ServerError::NoServiceWorkers);
    }
    let container = navigator.service_worker();
    if container.controller().is_some() {
        return Ok(());
    }
    let (tx, rx) = oneshot::channel::<()>();
    let mut tx = Some(tx);
    let _listener = EventListener::new(&container, "controllerchange", move |_| {
        if let Some(tx) = tx.take() {
            // The receiver may have given up already; nothing to do then.
            let _ = tx.send(());
        }
    });
    JsFuture::from(container.register("./sw.js"))
        .await
        .map_err(|e| ServerError::NotRegistered {
            detail: describe(&e),
        })?;
    if container.controller().is_some() {
        return Ok(());
    }
    match select(rx, TimeoutFuture::new(CONTROL_TIMEOUT_MS)).await {
        Either::Left((Ok(()), _)) => Ok(()),
        _ => Err(ServerError::NoControl),
    }
}
