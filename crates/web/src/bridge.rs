//! One bridge to a module worker: spawn it, send typed requests, receive
//! typed events and the worker's failures (it did not load, it threw, it
//! sent what cannot be read: a [`WorkerFailure`]), terminate it on drop. The
//! engine client and every process worker go through it; neither touches
//! `postMessage` or the worker's events itself. Messages travel as JSON text
//! (`playground_core::protocol::wire`), encoded and decoded here only. It decides nothing
//! about a failure: its owner does.
//!
//! Hand-written over `web_sys::Worker` rather than gloo-worker because the
//! page must be able to `terminate()` a worker (a new pool size needs a new
//! engine, since a rayon global pool starts once; Stop replaces an engine
//! that cannot be interrupted) and to time its start and its messages.

use std::marker::PhantomData;
use std::rc::Rc;

use thiserror::Error;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, Event, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::clock::now_ms;
use crate::wire_js::{from_js, to_js};
use playground_core::protocol::wire::{Message, WireError};
use playground_core::runner::failure::WorkerFailure;

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
    _on_error: Closure<dyn FnMut(Event)>,
    _on_message_error: Closure<dyn FnMut(MessageEvent)>,
    _requests: PhantomData<fn(Req)>,
}

impl<Req: Message> Bridge<Req> {
    /// Spawns the module worker at `url`. Each message it sends is decoded
    /// as an `Ev` and given to `on_event` with the ms decoding took. What
    /// goes wrong with the worker goes to `on_failure`: a message that is
    /// not an `Ev`, an `error` event (its script did not load, or it threw:
    /// the error is then the page's to report, not the browser console's),
    /// a `messageerror`. The worker may fail more than once.
    ///
    /// # Errors
    /// [`BridgeError::Spawn`] when the browser refuses to create the worker.
    pub fn spawn<Ev: Message + 'static>(
        url: &str,
        mut on_event: impl FnMut(Ev, f64) + 'static,
        on_failure: impl Fn(WorkerFailure) + 'static,
    ) -> Result<Self, BridgeError> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(url, &options).map_err(|e| BridgeError::Spawn {
            detail: format!("{e:?}"),
        })?;
        let on_failure: Rc<dyn Fn(WorkerFailure)> = Rc::new(on_failure);
        let on_message = {
            let on_failure = on_failure.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let t = now_ms();
                match from_js::<Ev>(&event.data()) {
                    Ok(ev) => on_event(ev, now_ms() - t),
                    Err(e) => on_failure(WorkerFailure::Undecodable(e)),
                }
            })
        };
        let on_error = {
            let on_failure = on_failure.clone();
            Closure::<dyn FnMut(Event)>::new(move |event: Event| {
                // Handled here: without this the browser also reports it as
                // an uncaught error of the page (HTML, "runtime script errors
                // in workers").
                event.prevent_default();
                // A script that failed to load gets a plain `Event`; an
                // uncaught exception an `ErrorEvent` (HTML, "run a worker").
                let failure = match event.dyn_ref::<ErrorEvent>() {
                    Some(e) => WorkerFailure::threw(&e.message(), &e.filename(), e.lineno()),
                    None => WorkerFailure::NotLoaded,
                };
                on_failure(failure);
            })
        };
        let on_message_error = Closure::<dyn FnMut(MessageEvent)>::new(move |_: MessageEvent| {
            on_failure(WorkerFailure::Undeliverable);
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        worker.set_onmessageerror(Some(on_message_error.as_ref().unchecked_ref()));
        Ok(Bridge {
            worker,
            _on_message: on_message,
            _on_error: on_error,
            _on_message_error: on_message_error,
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

impl<Req> Bridge<Req> {
    /// Stops the worker now (a failed worker's threads may still spin);
    /// nothing more arrives from it.
    pub fn terminate(&self) {
        self.worker.terminate();
    }
}

impl<Req> Drop for Bridge<Req> {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.set_onmessageerror(None);
        self.worker.terminate();
    }
}
