//! Facts about the page's browser that page-side code outside the view needs
//! (the runner and the app alike): cores, cross-origin isolation, the user
//! agent, the app's base URL and the reduced-motion preference. Reads the window only; renders nothing and
//! knows nothing of the app's state. Compiles for wasm32 only.

/// The page's window. The app only runs in a window, so this cannot fail.
fn window() -> web_sys::Window {
    gloo::utils::window()
}

/// `navigator.hardwareConcurrency` (at least 1).
pub fn hardware_concurrency() -> u32 {
    let cores = window().navigator().hardware_concurrency();
    if cores.is_finite() && cores >= 1.0 {
        // hardwareConcurrency is a small positive integer.
        cores as u32
    } else {
        1
    }
}

/// `crossOriginIsolated`: whether shared memory (and so threads) is allowed.
pub fn cross_origin_isolated() -> bool {
    // Read as a property: web-sys has no binding for it on `Window`.
    js_sys::Reflect::get(&window(), &"crossOriginIsolated".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// The browser's user agent string.
pub fn user_agent() -> String {
    window().navigator().user_agent().unwrap_or_default()
}

/// The absolute URL of the app's directory, ending in `/` (the simulated
/// server lives under it).
pub fn base_url() -> String {
    let href = window().location().href().unwrap_or_default();
    let without_query = href.split(['?', '#']).next().unwrap_or_default();
    match without_query.rfind('/') {
        Some(i) => without_query[..=i].to_owned(),
        None => format!("{without_query}/"),
    }
}

/// Whether the user asked for reduced motion (`prefers-reduced-motion`);
/// false where the browser cannot tell.
pub fn reduced_motion() -> bool {
    gloo::utils::window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}
