//! Small wrappers over page APIs the app needs: environment facts, the
//! address bar, messages to an embedding page, and file downloads. (The
//! environment facts live in `crate::platform`, shared with the runner.)

use wasm_bindgen::JsValue;

use super::storage::{self, Area};
pub use crate::platform::{cross_origin_isolated, hardware_concurrency};
use playground_core::report::Results;

/// The page's window. The app only runs in a window, so this cannot fail.
fn window() -> web_sys::Window {
    gloo::utils::window()
}

/// The current query string (with `?`, or empty).
pub fn query() -> String {
    window().location().search().unwrap_or_default()
}

/// Replaces the address bar's query without reloading or adding history.
pub fn replace_query(query: &str) {
    let path = window().location().pathname().unwrap_or_default();
    let url = format!("{path}?{query}");
    if let Ok(history) = window().history() {
        // Failing to update the address bar only loses the shareable link.
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// True when the page runs inside a frame of another page.
pub fn in_frame() -> bool {
    match (window().parent(), window().self_()) {
        (Ok(Some(parent)), me) => !js_sys::Object::is(&parent, &me),
        _ => false,
    }
}

/// Posts `{source: "concurrency-playground", type, ...}` to the embedding page.
/// Results carry nothing private, so any parent origin may read them.
pub fn post_to_parent(kind: &str, payload: Option<&Results>) {
    if !in_frame() {
        return;
    }
    let Ok(Some(parent)) = window().parent() else {
        return;
    };
    let message = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&message, &k.into(), v);
    };
    set("source", &"concurrency-playground".into());
    set("type", &kind.into());
    if let Some(results) = payload {
        match js_sys::JSON::parse(&results.to_json_pretty()) {
            Ok(value) => set("payload", &value),
            Err(e) => web_sys::console::error_2(&"results JSON did not parse".into(), &e),
        }
    }
    if let Err(e) = parent.post_message(&message, "*") {
        web_sys::console::error_2(&"postMessage to the parent failed".into(), &e);
    }
}

/// The keys that make a page an embed (`embed`, `controls`, `lock`).
const EMBED_KEYS: [&str; 3] = ["embed", "controls", "lock"];

/// The current page's URL without the embed's keys, for the caller to
/// extend; `None` when the browser cannot parse its own address.
pub fn url_without_embed_keys() -> Option<web_sys::Url> {
    let url = web_sys::Url::new(&current_url()).ok()?;
    for key in EMBED_KEYS {
        url.search_params().delete(key);
    }
    Some(url)
}

/// The current page's URL without the embed's keys: the full playground,
/// with the same experiment.
pub fn full_playground_url() -> String {
    url_without_embed_keys().map_or_else(current_url, |url| url.href())
}

/// The current page's URL (the shareable link).
pub fn current_url() -> String {
    window().location().href().unwrap_or_default()
}

/// Copies `text` to the clipboard.
///
/// # Errors
/// When the browser refuses (no permission, a frame without
/// `clipboard-write`, not a secure context).
pub async fn copy_to_clipboard(text: &str) -> Result<(), ClipboardRefused> {
    // `navigator.clipboard` is undefined outside secure contexts; calling
    // web-sys's binding on it would throw through WebAssembly.
    let navigator = window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null())
        .ok_or_else(|| ClipboardRefused("this page has no clipboard access".to_owned()))?;
    let clipboard: web_sys::Clipboard = wasm_bindgen::JsCast::unchecked_into(clipboard);
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|e| ClipboardRefused(crate::jsutil::describe(&e)))
}

/// The browser did not let the page write to the clipboard (its reason).
#[derive(Debug, thiserror::Error)]
#[error("the browser did not allow copying: {0}")]
pub struct ClipboardRefused(String);

/// Keeps an observer that posts `{type: "resize", height}` to an embedding
/// page whenever the page's height changes. Drop it to stop.
pub fn report_resizes() -> Option<(
    web_sys::ResizeObserver,
    wasm_bindgen::closure::Closure<dyn FnMut()>,
)> {
    if !in_frame() {
        return None;
    }
    let last = std::cell::Cell::new(0.0);
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        // The body's height is the content's: the root's is at least the
        // frame's own, so a frame sized from it could never shrink.
        let Some(body) = gloo::utils::document().body() else {
            return;
        };
        let height = f64::from(body.scroll_height());
        if (height - last.get()).abs() >= 1.0 {
            last.set(height);
            post_resize(height);
        }
    });
    let observer =
        web_sys::ResizeObserver::new(wasm_bindgen::JsCast::unchecked_ref(callback.as_ref()))
            .ok()?;
    if let Some(body) = gloo::utils::document().body() {
        observer.observe(&body);
    }
    Some((observer, callback))
}

fn post_resize(height: f64) {
    let Ok(Some(parent)) = window().parent() else {
        return;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"source".into(), &"concurrency-playground".into());
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"resize".into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    let _ = parent.post_message(&message, "*");
}

/// Where lesson progress is kept in the browser.
const PROGRESS_KEY: &str = "concurrency-playground:progress";

/// The learner's stored lesson progress (empty when none or unreadable).
pub fn load_progress() -> playground_core::teach::Progress {
    let text = storage::get(Area::Local, PROGRESS_KEY);
    playground_core::teach::Progress::from_json(text.as_deref().unwrap_or_default())
}

/// Stores lesson progress; in memory for this visit where the browser
/// allows no storage (see [`progress_kept`]).
pub fn save_progress(progress: &playground_core::teach::Progress) {
    storage::set(Area::Local, PROGRESS_KEY, &progress.to_json());
}

/// Whether lesson progress outlives this visit (the browser stores it).
pub fn progress_kept() -> bool {
    storage::persistent(Area::Local)
}

/// Offers `text` to the user as a file download.
pub fn download(file_name: &str, mime: &str, text: &str) {
    // Pass a JS string, not `&str`: a `&str` becomes a view into WASM memory,
    // which is shared in this (atomics) build, and `new Blob` rejects shared
    // views ("The provided ArrayBufferView value must not be shared").
    let blob = gloo::file::Blob::new_with_options(js_sys::JsString::from(text), Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let document = gloo::utils::document();
    let Ok(anchor) = document.create_element("a") else {
        return;
    };
    let _ = anchor.set_attribute("href", &url);
    let _ = anchor.set_attribute("download", file_name);
    if let Some(a) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&anchor) {
        a.click();
    }
    // The download has started from the click; revoke the URL after a tick.
    gloo::timers::callback::Timeout::new(1_000, move || drop(url)).forget();
}

/// Scrolls this document (never an embedding page: no `scrollIntoView`,
/// which also scrolls the frames around it) so that element `id` is at the
/// top of the window, when its top is in the lower fifth of the window or
/// below it. Smoothly where the stylesheet says so (`scroll-behavior`, off
/// with reduced motion).
pub fn reveal(id: &str) {
    let window = gloo::utils::window();
    let Some(element) = gloo::utils::document().get_element_by_id(id) else {
        return;
    };
    let top = element.get_bounding_client_rect().top();
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if top >= height * 0.8 {
        window.scroll_by_with_x_and_y(0.0, top - REVEAL_MARGIN_PX);
    }
}

/// Room left above an element `reveal` scrolls to, px.
const REVEAL_MARGIN_PX: f64 = 8.0;
