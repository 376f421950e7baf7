//! The simulated slow server: registers the service worker (`www/sw.js`) and
//! waits until it controls the page.
//!
//! The engine worker is started only after this: a worker is controlled by
//! the service worker that controlled its page when it was created, and the
//! thread model's requests must reach the same simulated server.

use futures::channel::oneshot;
use futures::future::{select, Either};
use gloo::events::EventListener;
use gloo::timers::future::TimeoutFuture;
use wasm_bindgen_futures::JsFuture;

use crate::jsutil::describe;

/// How long to wait for a fresh service worker to take control.
const CONTROL_TIMEOUT_MS: u32 = 10_000;

/// Registers the service worker and waits until it controls the page.
///
/// # Errors
/// A readable reason when the browser offers no service workers (some
/// private modes, non-secure origins) or registration fails.
pub async fn start() -> Result<(), String> {
    let navigator = gloo::utils::window().navigator();
    let has_sw = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if !has_sw {
        return Err(
            "this browser offers no service workers here (private mode, or a \
                    non-secure origin), so the simulated server cannot run; a URL of your \
                    own still works"
                .to_owned(),
        );
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
        .map_err(|e| format!("the service worker did not register: {}", describe(&e)))?;
    if container.controller().is_some() {
        return Ok(());
    }
    match select(rx, TimeoutFuture::new(CONTROL_TIMEOUT_MS)).await {
        Either::Left((Ok(()), _)) => Ok(()),
        _ => Err(
            "the service worker registered but did not take control of the page; \
                  reload the page"
                .to_owned(),
        ),
    }
}
