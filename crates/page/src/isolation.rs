//! What the page can see about its own cross-origin isolation: gathers the
//! facts once at start (framed or not, the frame's permission, a readable
//! parent, the headers the host sends, the service worker) and keeps the
//! answer for the environment panel and the results JSON
//! (`report::isolation` holds the rules). Also says, when the page is not
//! isolated, exactly why and what the learner can do.
//!
//! Page thread only.

use std::cell::Cell;

use wasm_bindgen::JsCast;

pub use playground_core::report::isolation::Found;
use playground_core::report::isolation::{classify, threads_off_reason, Facts, Headers};
use playground_core::runner::RunEvent;
use playground_web::browser;
use playground_web::server::{Control, ServerError};

thread_local! {
    static FOUND: Cell<Option<Found>> = const { Cell::new(None) };
}

/// The answer found at start (`None` before [`detect`] finished).
pub fn found() -> Option<Found> {
    FOUND.with(Cell::get)
}

/// Works out how the page got isolated, given how the service worker
/// started (`Err` when there is none), and keeps the answer.
pub async fn detect(service_worker: Result<Control, &ServerError>) -> Found {
    let isolated = browser::cross_origin_isolated();
    let framed = browser::in_frame();
    let facts = Facts {
        isolated,
        framed,
        frame_allowed: framed.then(frame_allowed).flatten(),
        parent_isolated: framed.then(parent_isolated).flatten(),
        // Only worth a request when there is a mechanism to name.
        host: if isolated { host_headers().await } else { None },
        served_by_service_worker: service_worker.is_ok_and(|c| c.at_load),
    };
    let (isolation, by_service_worker) = classify(&facts);
    let found = Found {
        isolation,
        by_service_worker,
        service_worker: service_worker.is_ok(),
    };
    FOUND.with(|f| f.set(Some(found)));
    found
}

/// `document.featurePolicy.allowsFeature('cross-origin-isolated')`
/// (Chromium), or the newer `permissionsPolicy`; `None` where neither exists.
fn frame_allowed() -> Option<bool> {
    let document = gloo::utils::document();
    let policy = ["permissionsPolicy", "featurePolicy"]
        .iter()
        .filter_map(|name| js_sys::Reflect::get(&document, &(*name).into()).ok())
        .find(|p| p.is_object())?;
    let allows = js_sys::Reflect::get(&policy, &"allowsFeature".into()).ok()?;
    let allows = allows.dyn_ref::<js_sys::Function>()?;
    allows
        .call1(&policy, &"cross-origin-isolated".into())
        .ok()?
        .as_bool()
}

/// The parent's `crossOriginIsolated` when it is same-origin (reading a
/// cross-origin parent throws, which `Reflect` turns into `None`).
fn parent_isolated() -> Option<bool> {
    let parent = gloo::utils::window().parent().ok().flatten()?;
    js_sys::Reflect::get(&parent, &"crossOriginIsolated".into())
        .ok()?
        .as_bool()
}

/// The isolation headers the host sends for this page's URL. A page cannot
/// read its own response's headers, so it asks again; the service worker
/// passes such plain requests through untouched.
async fn host_headers() -> Option<Headers> {
    let url = browser::current_url();
    let response = gloo::net::http::Request::get(&url)
        .cache(web_sys::RequestCache::NoStore)
        .send()
        .await
        .ok()?;
    let headers = response.headers();
    let get = |name: &str| headers.get(name).unwrap_or_default().to_ascii_lowercase();
    let coep = get("cross-origin-embedder-policy");
    let dip = get("document-isolation-policy");
    Some(Headers {
        coop_coep: get("cross-origin-opener-policy") == "same-origin"
            && (coep == "require-corp" || coep == "credentialless"),
        dip: !dip.is_empty() && dip != "none",
    })
}

/// `event`, with the reason for no threads the learner is told
/// (`threads_off_reason`) when the engine's pool failed.
pub fn explain(event: RunEvent) -> RunEvent {
    match event {
        RunEvent::PoolFailed { reason } => RunEvent::PoolFailed {
            reason: threads_off_reason(reason, why_not_isolated().as_deref()),
        },
        other => other,
    }
}

/// Why threads are off on this page and what to do, when it is not
/// cross-origin isolated; `None` when it is (another reason applies then).
pub fn why_not_isolated() -> Option<String> {
    if browser::cross_origin_isolated() {
        return None;
    }
    let service_worker = found().is_some_and(|f| f.service_worker);
    let open = browser::full_playground_url();
    let text = match (browser::in_frame(), service_worker) {
        (true, false) => format!(
            "this page is embedded in another page and is not cross-origin isolated: the host \
             sent no Document-Isolation-Policy header, or this browser does not support it \
             (Chrome and Edge 137+ do; Firefox and Safari do not), and this frame gets no \
             service worker that could add it. Open the playground in its own tab, with the \
             same settings: {open}"
        ),
        (true, true) => format!(
            "this page is embedded in another page and is not cross-origin isolated: this \
             browser isolates an embedded page only if the page around it is isolated too \
             (Document-Isolation-Policy, which isolates a frame on its own, is in Chrome and \
             Edge 137+, not in Firefox or Safari). Open the playground in its own tab, with \
             the same settings: {open}"
        ),
        (false, false) => "the page is not cross-origin isolated: the server sent no COOP/COEP \
             headers, and this browser offers no service worker here that could add them (a \
             private window, or an http:// origin other than localhost). Open it in a normal \
             window, or serve it with the headers (README, \"Deploy and embed\")"
            .to_owned(),
        (false, true) => "the page is not cross-origin isolated, even with the service \
             worker's headers. Reload the page once; if threads stay off, serve it with the \
             COOP/COEP headers (README, \"Deploy and embed\")"
            .to_owned(),
    };
    Some(text)
}
