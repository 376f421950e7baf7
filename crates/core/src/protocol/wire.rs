//! How the typed messages between the page and its workers (engine and
//! processes) travel: as JSON text, with a message's bulk bytes (a process
//! task's payload) beside it rather than inside the JSON. Pure: this module
//! turns a message into text and back, with typed errors; `wire_js` puts the
//! text (and bytes) into a `postMessage` value and takes them out again.
//!
//! JSON text rather than a JS object built field by field
//! (`serde_wasm_bindgen`): `serde_json` is in both modules already, so one
//! serde format is compiled instead of two. The message
//! types stay the serde enums of `protocol` and `process_protocol`; only this
//! module and `wire_js` know the wire format.
//!
//! The message enums are externally tagged (`{"task-done": {...}}`), serde's
//! default, not internally (`{"type": "task-done", ...}`): an internally
//! tagged enum is first read into serde's generic `Content` and then into
//! its variant, which compiles a second deserialiser of every type inside
//! a message. Only the page and the engine, built together, read these
//! messages: their shape is no public interface. External tags and JSON
//! made both modules smallest (docs/performance.md, "Download size").

use std::collections::BTreeMap;

use serde::de::{DeserializeOwned, IgnoredAny};
use serde::Serialize;
use thiserror::Error;

/// A message that can cross the worker boundary. Its JSON leaves out its
/// bulk bytes (`#[serde(skip)]`), which travel beside it as a byte array.
pub trait Message: Serialize + DeserializeOwned {
    /// The bytes this message carries beside its JSON, if it carries any.
    fn bytes(&self) -> Option<&[u8]> {
        None
    }

    /// Where a decoded message of this kind takes the bytes that came with
    /// it; `None` for a message that carries none.
    fn bytes_slot(&mut self) -> Option<&mut Vec<u8>> {
        None
    }
}

/// Why a message could not be encoded or decoded.
#[derive(Debug, Error)]
pub enum WireError {
    #[error("cannot encode a message as JSON: {0}")]
    Encode(#[source] serde_json::Error),
    /// Not JSON, or JSON that is not a message of the expected protocol
    /// (an unknown `type`, a missing or mistyped field).
    #[error("not a message this side understands: {0}")]
    Decode(#[source] serde_json::Error),
    #[error("a `{kind}` message arrived without the bytes it carries")]
    MissingBytes { kind: String },
    #[error("a `{kind}` message arrived with bytes it does not carry")]
    UnexpectedBytes { kind: String },
    /// The `postMessage` value itself had the wrong shape.
    #[error("not a message: expected JSON text, or [JSON text, Uint8Array]")]
    NotAMessage,
}

/// A message's JSON text (its bytes, if any, are left to the caller:
/// [`Message::bytes`]).
///
/// # Errors
/// [`WireError::Encode`] when serde cannot encode it (a map with non-string
/// keys; no message type has one, but the error stays typed).
pub fn encode<M: Message>(message: &M) -> Result<String, WireError> {
    serde_json::to_string(message).map_err(WireError::Encode)
}

/// Decodes a message from its JSON `text` and the `bytes` that came beside
/// it; a message that carries bytes must come with them, and one that
/// carries none without.
///
/// # Errors
/// [`WireError::Decode`] for text that is not a message of type `M`;
/// [`WireError::MissingBytes`] / [`WireError::UnexpectedBytes`] when the
/// bytes do not match what the message carries.
pub fn decode<M: Message>(text: &str, bytes: Option<Vec<u8>>) -> Result<M, WireError> {
    let mut message: M = serde_json::from_str(text).map_err(WireError::Decode)?;
    match (message.bytes_slot(), bytes) {
        (Some(slot), Some(bytes)) => *slot = bytes,
        (None, None) => {}
        (Some(_), None) => return Err(WireError::MissingBytes { kind: kind(text) }),
        (None, Some(_)) => return Err(WireError::UnexpectedBytes { kind: kind(text) }),
    }
    Ok(message)
}

/// The `type` of a message: the one key of its JSON object (every message
/// enum is externally tagged). Lets a worker that speaks two protocols pick
/// the one to decode with.
///
/// # Errors
/// [`WireError::Decode`] for text that is not a JSON object with one key.
pub fn tag(text: &str) -> Result<String, WireError> {
    let map: BTreeMap<String, IgnoredAny> =
        serde_json::from_str(text).map_err(WireError::Decode)?;
    let mut keys = map.into_keys();
    match (keys.next(), keys.next()) {
        (Some(key), None) => Ok(key),
        _ => Err(WireError::Decode(serde::de::Error::custom(
            "expected an object with one key, the message's type",
        ))),
    }
}

/// The `type` for an error message ("?" if there is none).
fn kind(text: &str) -> String {
    tag(text).unwrap_or_else(|_| "?".to_owned())
}
