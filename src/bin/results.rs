//! Entry point of the results module (built by Trunk as a `data-type="worker"`
//! binary that nothing loads at startup, feature `views`): the results view and the sweep's
//! result. The page's module imports it when a run or a sweep starts
//! (crates/page/src/lazy.rs) and calls `mountView` / `unmountView` with a host
//! element, a slot and its props as JSON text (crates/page/src/remote_view.rs).
//!
//! The exports are here, not in the library: a `#[wasm_bindgen]` export of
//! the library would be exported, and so linked, by every binary.

use wasm_bindgen::prelude::*;

/// Shows (or updates) the view of `slot` in `host`.
#[wasm_bindgen(js_name = mountView)]
pub fn mount_view(host: web_sys::Element, slot: &str, props: &str) -> Result<(), JsError> {
    playground_views::remote::mount(host, slot, props).map_err(|e| JsError::new(&e.to_string()))
}

/// Takes the view of `slot` down.
#[wasm_bindgen(js_name = unmountView)]
pub fn unmount_view(slot: &str) -> Result<(), JsError> {
    playground_views::remote::unmount(slot).map_err(|e| JsError::new(&e.to_string()))
}

fn main() {
    // As in src/bin/app.rs: panic messages only where panics format.
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
    playground_views::remote::start();
}
