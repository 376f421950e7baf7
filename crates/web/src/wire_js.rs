//! The `postMessage` value of a message (see `wire`): its JSON text as a JS
//! string, or, for a message with bytes, `[text, Uint8Array]`. Used by the
//! page's bridge and by the engine worker alike; posts nothing itself.
//!
//! The bytes are copied out of WASM memory into their own `Uint8Array` and
//! posted without a transfer list, so `postMessage` copies them again, and
//! the receiver copies them into its memory: the copies the `processes`
//! model measures, as they were when `serde_wasm_bindgen` built the array.
//! (A copy also keeps the engine's shared memory out of the message.)

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use playground_core::protocol::wire::{decode, encode, Message, WireError};

/// The value to post for `message`.
///
/// # Errors
/// [`WireError::Encode`] when the message cannot be encoded.
pub fn to_js<M: Message>(message: &M) -> Result<JsValue, WireError> {
    let text = JsValue::from_str(&encode(message)?);
    Ok(match message.bytes() {
        None => text,
        Some(bytes) => Array::of2(&text, &Uint8Array::new_from_slice(bytes)).into(),
    })
}

/// A received value's JSON text and bytes, not yet decoded.
///
/// # Errors
/// [`WireError::NotAMessage`] when `data` is neither a string nor
/// `[string, Uint8Array]`.
pub fn split(data: &JsValue) -> Result<(String, Option<Vec<u8>>), WireError> {
    if let Some(text) = data.as_string() {
        return Ok((text, None));
    }
    let pair = data.dyn_ref::<Array>().ok_or(WireError::NotAMessage)?;
    if pair.length() != 2 {
        return Err(WireError::NotAMessage);
    }
    let text = pair.get(0).as_string().ok_or(WireError::NotAMessage)?;
    let bytes = pair
        .get(1)
        .dyn_into::<Uint8Array>()
        .map_err(|_| WireError::NotAMessage)?;
    Ok((text, Some(bytes.to_vec())))
}

/// Decodes a received value as an `M`.
///
/// # Errors
/// See [`split`] and [`decode`].
pub fn from_js<M: Message>(data: &JsValue) -> Result<M, WireError> {
    let (text, bytes) = split(data)?;
    decode(&text, bytes)
}
