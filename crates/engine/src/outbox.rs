//! Sends the worker's messages to the page (engine events and process
//! results alike, as `wire_js` values); an encoding or posting failure is
//! logged, never thrown.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::DedicatedWorkerGlobalScope;

use playground_core::protocol::wire::Message;
use playground_web::wire_js::to_js;

/// Sends an event to the page.
pub(super) fn post(event: &impl Message) {
    match to_js(event) {
        Ok(value) => send_value(&value),
        Err(e) => web_sys::console::error_1(&format!("engine: {e}").into()),
    }
}

pub(super) fn send_value(value: &JsValue) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    if let Err(e) = scope.post_message(value) {
        web_sys::console::error_2(&"engine: postMessage failed".into(), &e);
    }
}
