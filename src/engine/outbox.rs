//! Sends the worker's messages to the page (engine events and process
//! results alike); an encoding or posting failure is logged, never thrown.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::DedicatedWorkerGlobalScope;

/// Sends an event to the page.
pub(super) fn post(event: &impl Serialize) {
    match serde_wasm_bindgen::to_value(event) {
        Ok(value) => send_value(&value),
        Err(e) => web_sys::console::error_1(&format!("engine: cannot encode event: {e}").into()),
    }
}

pub(super) fn send_value(value: &JsValue) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    if let Err(e) = scope.post_message(value) {
        web_sys::console::error_2(&"engine: postMessage failed".into(), &e);
    }
}
