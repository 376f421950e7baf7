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
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::storage::{self, Area};
use crate::jsutil::describe;

/// How long to wait for a fresh service worker to take control.
const CONTROL_TIMEOUT_MS: u32 = 10_000;

/// Session flag: a reload for isolation was already tried (no reload loops).
const RELOAD_FLAG: &str = "concurrency-playground:isolation-reload";

/// Why the service worker is not there.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ServerError {
    #[error(
        "this browser offers no service workers here (a private window, a sandboxed frame or \
         a non-secure origin)"
    )]
    NotOffered,
    #[error(
        "the browser refused the service worker ({0}); frames of another site get none where \
         third-party storage is blocked"
    )]
    Refused(String),
    #[error("the service worker registered but did not take control of the page; reload it")]
    NoControl,
}

/// The service worker is in control.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Control {
    /// It already controlled the page when it loaded, so it served the
    /// page's navigation (and added the isolation headers to it).
    pub at_load: bool,
}

/// What the page should do once the service worker is in control.
#[derive(Debug, PartialEq, Eq)]
pub enum Next {
    /// Carry on: the page is as isolated as it can be.
    Continue,
    /// The page is reloading to come back cross-origin isolated.
    Reloading,
}

/// Reloads the page once if the service worker can make it cross-origin
/// isolated: not when it already is, not when the worker already served
/// this load, and not twice in a session. Framed pages too: the worker's
/// Document-Isolation-Policy isolates a frame on its own in Chromium 137+.
/// Elsewhere (Firefox, Safari in a frame) the one reload does not help and
/// the flag stops there.
pub fn reload_for_isolation(control: Control) -> Next {
    if super::browser::cross_origin_isolated() {
        storage::remove(Area::Session, RELOAD_FLAG);
        return Next::Continue;
    }
    if control.at_load || storage::get(Area::Session, RELOAD_FLAG).is_some() {
        // Served by the worker, or tried once, and still not isolated.
        return Next::Continue;
    }
    // Without storage that survives the reload it could loop: do not risk it.
    if !storage::set_in_browser(Area::Session, RELOAD_FLAG, "1") {
        return Next::Continue;
    }
    match gloo::utils::window().location().reload() {
        Ok(()) => Next::Reloading,
        Err(_) => Next::Continue,
    }
}

/// Registers the service worker and waits until it controls the page.
///
/// # Errors
/// When the browser offers no service workers here (some private modes,
/// non-secure origins, frames of another site without storage), refuses
/// the registration, or the worker never takes control.
pub async fn start() -> Result<Control, ServerError> {
    let navigator = gloo::utils::window().navigator();
    // Read through Reflect: the getter throws in some documents (opaque
    // origins), which web-sys's binding would let through as a panic.
    let container = js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null())
        .ok_or(ServerError::NotOffered)?;
    let container: web_sys::ServiceWorkerContainer = container.unchecked_into();
    if container.controller().is_some() {
        return Ok(Control { at_load: true });
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
        .map_err(|e| ServerError::Refused(describe(&e)))?;
    if container.controller().is_some() {
        return Ok(Control { at_load: false });
    }
    match select(rx, TimeoutFuture::new(CONTROL_TIMEOUT_MS)).await {
        Either::Left((Ok(()), _)) => Ok(Control { at_load: false }),
        _ => Err(ServerError::NoControl),
    }
}
