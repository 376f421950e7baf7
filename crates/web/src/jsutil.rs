//! Small helpers for values that come from JavaScript.

use wasm_bindgen::{JsCast, JsValue};

/// A thrown JS value as readable text (an `Error`'s message, a string, or
/// the value's debug form).
pub fn describe(e: &JsValue) -> String {
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        String::from(err.message())
    } else {
        e.as_string().unwrap_or_else(|| format!("{e:?}"))
    }
}
