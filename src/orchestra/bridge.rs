//! One bridge to a module worker: spawn it, send typed requests, receive
//! typed events, terminate it on drop. The engine client and every process
//! worker go through it; neither touches `postMessage` itself. Messages
//! travel as JSON text (`engine::wire`), encoded and decoded here only.
//!
//! Hand-written over `web_sys::Worker` rather than gloo-worker because the
//! page must be able to `terminate()` a worker (a new pool size needs a new
//! engine, since a rayon global pool starts once; Stop replaces an engine
//! that cannot be interrupted) and to time its start and its messages.

use std::marker::PhantomData;

use thiserror::Error;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::clock::now_ms;
use crate::engine::wire::{Message, WireError};
use crate::engine::wire_js::{from_js, to_js};

/// Trunk's loader for the engine binary (`data-loader-shim`; file hashes are
/// off in Trunk.toml so the name is stable). Engine and processes load it.
pub const ENGINE_URL: &str = "./engine_loader.js";

/// Why a worker could not be started or reached.
#[derive(Debug, Error)]
pub enum BridgeError {
    #[error("the browser refused to start a worker: {detail}")]
    Spawn { detail: String },
    #[error(transparent)]
    Encode(WireError),
    #[error("the worker refused a message")]
    Post,
}

/// A running worker that takes `Req`s. Dropping it terminates the worker.
pub struct Bridge<Req> {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _requests: PhantomData<fn(Req)>,
}

impl<Req: Message> Bridge<Req> {
    /// Spawns the module worker at `url`. Each message it sends is decoded
    /// as an `Ev` and given to `on_event` with the ms decoding took; a
    /// message that is not an `Ev` is logged with `name` ("engine").
    ///
    /// # Errors
    /// [`BridgeError::Spawn`] when the browser refuses to create the worker.
    pub fn spawn<Ev: Message + 'static>(
        url: &str,
        name: &'static str,
        mut on_event: impl FnMut(Ev, f64) + 'static,
    ) -> Result<Self, BridgeError> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(url, &options).map_err(|e| BridgeError::Spawn {
            detail: format!("{e:?}"),
        })?;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let t = now_ms();
            match from_js::<Ev>(&event.data()) {
                Ok(ev) => on_event(ev, now_ms() - t),
                Err(e) => web_sys::console::error_1(
                    &format!("{name} sent an unknown message: {e}").into(),
                ),
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Ok(Bridge {
            worker,
            _on_message: on_message,
            _requests: PhantomData,
        })
    }

    /// Encodes and posts `request`; returns the ms that took (JSON
    /// encoding, and copying any bytes out of WASM memory, included).
    ///
    /// # Errors
    /// When the request cannot be encoded or the worker refuses it.
    pub fn send(&self, request: &Req) -> Result<f64, BridgeError> {
        let t = now_ms();
        let value = to_js(request).map_err(BridgeError::Encode)?;
        self.worker
            .post_message(&value)
            .map_err(|_| BridgeError::Post)?;
        Ok(now_ms() - t)
    }
}

impl<Req> Drop for Bridge<Req> {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.terminate();
    }
}
